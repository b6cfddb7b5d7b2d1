/* make-seeds.c: writes the seed corpus entries made with the API rather than copied from data/:
 * a patient with sessions (finished, left half way, skipped), one with an age told instead of a
 * birth date, the log file it exports, and a program file with a PNG and an SVG logo.
 * Run once by hand: ninja -C _build tests/fuzz/make-seeds && _build/tests/fuzz/make-seeds DIR */

#include "config.h"

#include <string.h>

#include "limber-program-file.h"
#include "limber-session-log.h"

/* A 1×1 PNG, the smallest logo a clinic could pick. */
static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static const char svg[] =
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
  "<rect id=\"r\" width=\"5\" height=\"5\"/><use href=\"#r\" x=\"5\"/></svg>";

static void
write_seed (const char *folder,
            const char *target,
            const char *name,
            char       *data,
            gsize       length)
{
  g_autofree char *dir = g_build_filename (folder, target, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
  g_free (data);
}

static LimberPrescription *
nth (LimberProgram *program,
     guint          i)
{
  return g_ptr_array_index (program->prescriptions, i);
}

static LimberPatient *
patient_with_sessions (LimberLibrary *library)
{
  const char *ids[] = { "bridge", "straight-leg-raise", "supine-hamstring-stretch" };
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 11, 1, 9, 0, 0);
  g_autoptr(GDateTime) finished = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 11, 2, 9, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_new_utc (2026, 11, 3, 18, 0, 0);
  LimberPatient *patient = limber_patient_new ("Ann Lee");
  LimberProgram *program = limber_program_new ("Hip · week 1");
  LimberSession *session;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (program->prescriptions,
                     limber_prescription_new_for_exercise (limber_library_lookup (library,
                                                                                  ids[i])));
  limber_program_commit (program, created);
  g_ptr_array_add (patient->programs, program);
  patient->active_program = g_strdup (program->id);

  session = limber_session_new (program->id, first);
  limber_session_log (session, nth (program, 0)->id, nth (program, 0)->exercise_id,
                      LIMBER_OUTCOME_DONE, 2);
  limber_session_log (session, nth (program, 1)->id, nth (program, 1)->exercise_id,
                      LIMBER_OUTCOME_SKIPPED, LIMBER_PAIN_NONE);
  limber_session_log (session, nth (program, 2)->id, nth (program, 2)->exercise_id,
                      LIMBER_OUTCOME_PARTLY, 7);
  limber_session_finish (session, finished);
  limber_patient_add_session (patient, session);

  /* Left half way: no finish time. */
  session = limber_session_new (program->id, second);
  limber_session_log (session, nth (program, 0)->id, nth (program, 0)->exercise_id,
                      LIMBER_OUTCOME_DONE, 0);
  limber_patient_add_session (patient, session);

  return patient;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(LimberPatient) told_age = NULL;
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(LimberClinic) clinic = limber_clinic_new ();
  g_autoptr(LimberProgramFile) program_file = NULL;
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) svg_bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(GDateTime) exported = g_date_time_new_utc (2026, 11, 4, 8, 0, 0);
  g_autoptr(GDate) today = g_date_new_dmy (4, 11, 2026);
  const char *folder = argc > 1 ? argv[1] : ".";
  gsize length;
  char *data;

  if (!limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error))
    g_error ("%s", error->message);

  patient = patient_with_sessions (library);
  data = limber_patient_to_data (patient, &length);
  write_seed (folder, "patient", "sessions.json", data, length);

  told_age = limber_patient_copy (patient);
  g_clear_pointer (&told_age->birth_date, g_date_free);
  if (!limber_patient_set_age (told_age, 67, today, &error))
    g_error ("%s", error->message);
  told_age->archived = TRUE;
  told_age->large_print = TRUE;
  data = limber_patient_to_data (told_age, &length);
  write_seed (folder, "patient", "age-archived.json", data, length);

  log = limber_log_file_new_for_patient (patient, exported);
  data = limber_log_file_to_data (log, &length);
  write_seed (folder, "log", "ann.limberlog", data, length);

  clinic->name = g_strdup ("Riverside Physio");
  clinic->address = g_strdup ("1 River Road\nSpringfield");
  clinic->phone = g_strdup ("555 0100");
  clinic->therapist = g_strdup ("Sam Ortiz");
  if (!limber_clinic_set_logo (clinic, png_bytes, "logo.png", &error))
    g_error ("%s", error->message);
  program_file = limber_program_file_new (patient->name,
                                          limber_patient_get_active_program (patient),
                                          clinic, exported);
  data = limber_program_file_to_data (program_file, &length);
  write_seed (folder, "program-file", "png-logo.limber", data, length);

  if (!limber_clinic_set_logo (program_file->clinic, svg_bytes, "logo.svg", &error))
    g_error ("%s", error->message);
  data = limber_program_file_to_data (program_file, &length);
  write_seed (folder, "program-file", "svg-logo.limber", data, length);

  return 0;
}
