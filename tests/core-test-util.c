/* core-test-util.c: see core-test-util.h. */
#include "config.h"

#include "core-test-util.h"

/* The shipped exercise library, which every test expects to load. */
LimberLibrary *
load_library (void)
{
  g_autoptr(GError) error = NULL;
  LimberLibrary *library = limber_library_new ();

  limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  return library;
}
