/* limber-home.c: the patient's own folder of programs and session logs. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-home.h"

#define PROGRAM_FILE_SUFFIX ".limber"
#define MAX_RECORD_ID 64

char *
limber_home_get_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, LIMBER_HOME_FOLDER_NAME, NULL);
}

static gboolean
is_plain_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_RECORD_ID)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* The record a program file is kept in: the clinic's own id when it is a plain one (the
 * clinic's ids are UUIDs), so the log goes back to the right record; otherwise a name derived
 * from the file's contents, safe as a file name whatever the file says. */
char *
limber_home_get_record_id (const LimberProgramFile *file)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  if (file->patient_id != NULL && is_plain_id (file->patient_id))
    return g_strdup (file->patient_id);

  key = file->patient_id != NULL ? g_strconcat ("patient:", file->patient_id, NULL)
                                 : g_strconcat ("program:", file->program->id, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  return g_strdup_printf ("home-%.32s", digest);
}

static LimberPatient *
open_record (LimberStore  *store,
             const char   *id,
             GError      **error)
{
  LimberStoreItem *item = limber_store_lookup (store, id);

  if (item == NULL)
    return NULL;

  return limber_store_open (store, item, error);
}

/* The record is there but could not be read: it is left as it is, never written over. */
static gboolean
record_is_unreadable (LimberStore  *store,
                      const char   *id,
                      GError      **error)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  GListModel *unreadable = limber_store_get_unreadable (store);

  for (guint i = 0; i < g_list_model_get_n_items (unreadable); i++)
    {
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (unreadable, i);

      if (g_strcmp0 (limber_store_item_get_file (item), name) == 0)
        {
          g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_READ,
                       /* Translators: %s says why the record cannot be read */
                       _("your saved program and log cannot be read (%s), and Limber does not "
                         "write over them. Ask your clinic for help."),
                       limber_store_item_get_problem (item));
          return TRUE;
        }
    }

  return FALSE;
}

/* A program file saved before the one kept for the record would take the patient back to an
 * older program: it is refused, naming both dates. */
static gboolean
check_not_older (LimberStore             *store,
                 const char              *id,
                 const LimberProgramFile *file,
                 GError                 **error)
{
  g_autoptr(LimberProgramFile) kept = limber_home_load_program_file (store, id, NULL);
  g_autofree char *kept_day = NULL;
  g_autofree char *file_day = NULL;

  if (kept == NULL || g_strcmp0 (kept->program->id, file->program->id) != 0 ||
      g_date_time_compare (file->exported, kept->exported) >= 0)
    return TRUE;

  /* Translators: a date, as in "25 November 2026"; see strftime(3) */
  kept_day = g_date_time_format (kept->exported, _("%-d %B %Y"));
  file_day = g_date_time_format (file->exported, _("%-d %B %Y"));
  g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
               /* Translators: the first %s is when this file was saved, the second a later date */
               _("this program was saved on %s, before the one you already have (saved on %s). "
                 "Open the newest program file from your clinic."), file_day, kept_day);
  return FALSE;
}

/* Keeps @file's program as the patient's active program, in a record of their own, with the
 * sessions already logged; a program opened again with changes becomes its new version. The
 * file itself is kept beside the record for the clinic's details. */
LimberPatient *
limber_home_import (LimberStore             *store,
                    const LimberProgramFile *file,
                    GBytes                  *file_data,
                    GDateTime               *now,
                    GError                 **error)
{
  g_autofree char *id = limber_home_get_record_id (file);
  g_autofree char *copy_name = g_strconcat (id, PROGRAM_FILE_SUFFIX, NULL);
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(GError) open_error = NULL;
  GFile *folder;
  LimberProgram *program;

  patient = open_record (store, id, &open_error);
  if (open_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      return NULL;
    }

  if (patient == NULL && record_is_unreadable (store, id, error))
    return NULL;

  if (patient == NULL)
    {
      patient = limber_patient_new (file->patient_name);
      g_free (patient->id);
      patient->id = g_strdup (id);
    }
  else if (!check_not_older (store, id, file, error) ||
           !limber_patient_set_name (patient, file->patient_name, error))
    return NULL;

  patient->large_print = file->large_print;

  program = limber_patient_get_program (patient, file->program->id);
  if (program == NULL)
    {
      program = limber_program_copy (file->program);
      g_ptr_array_add (patient->programs, program);
    }
  else
    {
      g_free (program->name);
      program->name = g_strdup (file->program->name);
      g_ptr_array_set_size (program->prescriptions, 0);
      for (guint i = 0; i < file->program->prescriptions->len; i++)
        g_ptr_array_add (program->prescriptions,
                         limber_prescription_copy (g_ptr_array_index (file->program->prescriptions, i)));
    }

  g_free (patient->active_program);
  patient->active_program = g_strdup (program->id);
  limber_patient_commit (patient, now);

  folder = limber_store_get_folder (store);
  if (!limber_store_save (store, patient, error) ||
      !limber_write_file_atomically (folder, copy_name, g_bytes_get_data (file_data, NULL),
                                     g_bytes_get_size (file_data), LIMBER_WRITE_STEP_NONE, FALSE,
                                     error))
    return NULL;

  return g_steal_pointer (&patient);
}

/* The program file last opened for the record @patient_id, for the clinic's details. */
LimberProgramFile *
limber_home_load_program_file (LimberStore  *store,
                               const char   *patient_id,
                               GError      **error)
{
  GFile *folder = limber_store_get_folder (store);
  g_autofree char *name = g_strconcat (patient_id, PROGRAM_FILE_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;

  return limber_program_file_load (bytes, path, error);
}
