/* limber-validate-library.c: run at build time on data/exercises/ and data/motions/, so that
 * a malformed or incomplete entry, or an exercise with no demonstration, stops the build with
 * the file and the field, before anything ships. */
#include "config.h"

#include "limber-library.h"
#include "limber-motion.h"

static gboolean
check_motions (LimberLibrary  *library,
               GFile          *folder,
               GError        **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);
      const char *id = limber_exercise_get_id (exercise);
      g_autofree char *name = g_strconcat (id, ".json", NULL);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LimberMotion) motion = NULL;

      if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)) ||
          !(motion = limber_motion_new_from_bytes (bytes, name, error)))
        return FALSE;
      if (g_strcmp0 (limber_motion_get_id (motion), id) != 0)
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: id: expected \"%s\", got \"%s\"", name, id,
                       limber_motion_get_id (motion));
          return FALSE;
        }
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 4)
    {
      g_printerr ("usage: %s EXERCISE-FOLDER MOTION-FOLDER STAMP-FILE\n", argv[0]);
      return 2;
    }

  folder = g_file_new_for_commandline_arg (argv[1]);
  if (!limber_library_load_directory (library, folder, &error))
    {
      g_printerr ("exercise library: %s\n", error->message);
      return 1;
    }

  g_clear_object (&folder);
  folder = g_file_new_for_commandline_arg (argv[2]);
  if (!check_motions (library, folder, &error))
    {
      g_printerr ("demonstrations: %s\n", error->message);
      return 1;
    }

  if (!g_file_set_contents (argv[3], "", 0, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
