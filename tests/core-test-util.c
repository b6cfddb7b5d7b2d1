/* core-test-util.c: see core-test-util.h. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* A patient document on disk, as the next start reads it; the test fails if it does not load. */
LimberPatient *
load_patient_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LimberPatient *patient;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, strlen (contents));
  patient = limber_patient_load (bytes, path, &error);
  g_assert_no_error (error);
  return patient;
}
