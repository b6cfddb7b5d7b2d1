/* limber-export-command.c: the command line's PDF export. Every failure names what was wrong
 * and ends the process with a non-zero status. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-export-command.h"
#include "limber-store.h"

/* The settings, or NULL when the schema is not installed (a build run from its folder). */
GSettings *
limber_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* The clinic from Preferences. A logo file that cannot be used is left out, and said why. */
LimberClinic *
limber_clinic_new_from_settings (GSettings  *settings,
                                 GError    **logo_error)
{
  g_autoptr(LimberClinic) clinic = limber_clinic_new ();
  g_autofree char *logo_path = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GFile) file = NULL;

  if (settings == NULL)
    return g_steal_pointer (&clinic);

  g_free (clinic->name);
  clinic->name = g_settings_get_string (settings, "clinic-name");
  g_free (clinic->address);
  clinic->address = g_settings_get_string (settings, "clinic-address");
  g_free (clinic->phone);
  clinic->phone = g_settings_get_string (settings, "clinic-phone");
  g_free (clinic->therapist);
  clinic->therapist = g_settings_get_string (settings, "therapist-name");

  logo_path = g_settings_get_string (settings, "clinic-logo");
  if (logo_path[0] == '\0')
    return g_steal_pointer (&clinic);

  file = g_file_new_for_path (logo_path);
  if (!(logo = g_file_load_bytes (file, NULL, NULL, logo_error)))
    {
      g_prefix_error (logo_error, _("The clinic logo was left out: "));
      return g_steal_pointer (&clinic);
    }
  if (!limber_clinic_set_logo (clinic, logo, logo_path, logo_error))
    g_prefix_error (logo_error, _("The clinic logo was left out: "));
  return g_steal_pointer (&clinic);
}

LimberPaper
limber_paper_from_settings (GSettings *settings)
{
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "paper-size") : NULL;
  LimberPaper paper;

  if (name == NULL || !limber_paper_from_string (name, &paper))
    return limber_paper_from_locale ();
  return paper;
}

static LimberProgramFile *
load_program_file (const char     *path,
                   LimberLibrary  *library,
                   GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberProgramFile) content = NULL;

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)) ||
      !(content = limber_program_file_load (bytes, path, error)) ||
      !limber_program_check_exercises (content->program, library, path, error))
    return NULL;
  if (content->program->prescriptions->len == 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   _("%s: the program has no exercises to print"), path);
      return NULL;
    }
  return g_steal_pointer (&content);
}

/* The patient of that name in the store Preferences name, and their active program. */
static LimberProgramFile *
load_patient (const char     *name,
              GSettings      *settings,
              LimberLibrary  *library,
              GError        **error)
{
  g_autofree char *folder_path = settings != NULL ? g_settings_get_string (settings, "store-folder")
                                                  : NULL;
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *wanted = limber_store_fold (trimmed);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(LimberStoreItem) found = NULL;
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(LimberClinic) clinic = NULL;
  g_autoptr(GError) logo_error = NULL;
  g_autofree char *folder_name = NULL;
  LimberProgramFile *content;
  LimberProgram *program;
  guint matches = 0;

  if (folder_path == NULL || folder_path[0] == '\0')
    {
      g_free (folder_path);
      folder_path = limber_store_get_default_folder ();
    }
  folder = g_file_new_for_path (folder_path);
  folder_name = g_file_get_parse_name (folder);
  store = limber_store_new (folder, cache);
  limber_store_set_create_folder (store, FALSE);
  if (!limber_store_load (store, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *folded = NULL;

      if (limber_store_item_get_problem (item) != NULL)
        continue;
      folded = limber_store_fold (limber_store_item_get_name (item));
      if (g_strcmp0 (folded, wanted) == 0)
        {
          matches++;
          g_set_object (&found, item);
        }
    }

  if (matches == 0)
    {
      GListModel *unreadable = limber_store_get_unreadable (store);
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_printf (message, _("no patient named “%s” in %s"), trimmed, folder_name);
      /* The patient may be in a document that cannot be read: say which, and why. */
      for (guint i = 0; i < g_list_model_get_n_items (unreadable); i++)
        {
          g_autoptr(LimberStoreItem) item = g_list_model_get_item (unreadable, i);

          if (i == 0)
            g_string_append_printf (message,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "; %u document there cannot be read:",
                                                 "; %u documents there cannot be read:",
                                                 g_list_model_get_n_items (unreadable)),
                                    g_list_model_get_n_items (unreadable));
          g_string_append_printf (message, "\n  %s", limber_store_item_get_problem (item));
        }
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, message->str);
      return NULL;
    }
  if (matches > 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%u patients are named “%s” in %s; save the program as a program file "
                     "from the window and export that"), matches, trimmed, folder_name);
      return NULL;
    }

  if (!(patient = limber_store_open (store, found, error)))
    return NULL;
  if (!(program = limber_patient_get_active_program (patient)) ||
      program->prescriptions->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   program == NULL ? _("%s has no active program to print")
                                   : _("%s’s active program has no exercises to print"),
                   patient->name);
      return NULL;
    }
  if (!limber_program_check_exercises (program, library, limber_store_item_get_file (found),
                                       error))
    return NULL;

  clinic = limber_clinic_new_from_settings (settings, &logo_error);
  if (logo_error != NULL)
    g_printerr ("limber: %s\n", logo_error->message);
  content = limber_program_file_new (patient->name, program, clinic, NULL);
  content->large_print = patient->large_print;
  return content;
}

int
limber_export_pdf_command (const char *program_path,
                           const char *patient_name,
                           const char *output_path,
                           gboolean    large_print,
                           const char *paper_name)
{
  g_autoptr(GSettings) settings = limber_settings_new_if_installed ();
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autoptr(LimberProgramFile) content = NULL;
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  LimberPaper paper;

  g_return_val_if_fail (output_path != NULL, 2);

  if (paper_name != NULL && !limber_paper_from_string (paper_name, &paper))
    {
      g_printerr (_("limber: --paper: expected a4 or letter, got “%s”\n"), paper_name);
      return 2;
    }
  if (paper_name == NULL)
    paper = limber_paper_from_settings (settings);

  if (!limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error) ||
      !(content = program_path != NULL ? load_program_file (program_path, library, &error)
                                       : load_patient (patient_name, settings, library, &error)))
    {
      g_printerr ("limber: %s\n", error->message);
      return 1;
    }

  handout = limber_handout_new (library, content);
  if (large_print)
    limber_handout_set_large_print (handout, TRUE);
  if (limber_handout_get_logo_problem (handout) != NULL)
    g_printerr ("limber: %s\n", limber_handout_get_logo_problem (handout));

  if (!limber_handout_write_pdf (handout, paper, output_path, &error))
    {
      g_printerr ("limber: %s\n", error->message);
      return 1;
    }
  return 0;
}
