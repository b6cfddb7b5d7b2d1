/* limber-validate-library.c: run at build time on data/exercises/, so that a malformed or
 * incomplete entry stops the build with the file and the field, before anything ships. */
#include "config.h"

#include "limber-library.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s EXERCISE-FOLDER STAMP-FILE\n", argv[0]);
      return 2;
    }

  folder = g_file_new_for_commandline_arg (argv[1]);
  if (!limber_library_load_directory (library, folder, &error))
    {
      g_printerr ("exercise library: %s\n", error->message);
      return 1;
    }

  if (!g_file_set_contents (argv[2], "", 0, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
