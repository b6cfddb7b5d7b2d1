/* test-session-log.c: session logs in the patient document, log files, their merge without
 * duplicates, and adherence and pain figures. */

#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "limber-home.h"
#include "limber-session-log.h"

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2026, 11, day, hour, 0, 0);
}

static LimberSession *
session_at (const char *program_id,
            int         day,
            int         hour)
{
  g_autoptr(GDateTime) started = at (day, hour);

  return limber_session_new (program_id, started);
}

static LimberPatient *
patient_with_program (LimberProgram **program_out)
{
  g_autoptr(LimberLibrary) library = load_library ();
  LimberPatient *patient = limber_patient_new ("Ann Lee");
  LimberProgram *program = limber_program_new ("Hip · week 1");
  const char *ids[] = { "bridge", "straight-leg-raise", "supine-hamstring-stretch" };
  g_autoptr(GDateTime) now = at (1, 9);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (program->prescriptions,
                     limber_prescription_new_for_exercise (limber_library_lookup (library, ids[i])));
  limber_program_commit (program, now);
  g_ptr_array_add (patient->programs, program);
  patient->active_program = g_strdup (program->id);
  *program_out = program;

  return patient;
}

static LimberPrescription *
nth (LimberProgram *program,
     guint          i)
{
  return g_ptr_array_index (program->prescriptions, i);
}

static void
log_nth (LimberSession *session,
         LimberProgram *program,
         guint          i,
         LimberOutcome  outcome,
         int            pain)
{
  limber_session_log (session, nth (program, i)->id, nth (program, i)->exercise_id, outcome, pain);
}

static LimberPatient *
reload (LimberPatient *patient)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = limber_patient_to_data (patient, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  LimberPatient *loaded = limber_patient_load (bytes, "ann.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

static void
assert_sessions_equal (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (limber_session_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
}

/* Sessions are saved in the document, oldest first, and read back the same. */
static void
test_session_round_trip (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) patient = patient_with_program (&program);
  g_autoptr(LimberPatient) loaded = NULL;
  g_autoptr(LimberPatient) copy = NULL;
  g_autoptr(GDateTime) end = at (3, 10);
  LimberSession *later = session_at (program->id, 3, 9);
  LimberSession *earlier = session_at (program->id, 2, 18);
  const LimberSessionEntry *entry;
  gsize length;
  g_autofree char *data = NULL;

  log_nth (later, program, 0, LIMBER_OUTCOME_DONE, 2);
  log_nth (later, program, 1, LIMBER_OUTCOME_SKIPPED, 5);
  log_nth (later, program, 2, LIMBER_OUTCOME_PARTLY, 7);
  limber_session_finish (later, end);
  log_nth (earlier, program, 0, LIMBER_OUTCOME_DONE, 0);

  limber_patient_add_session (patient, later);
  limber_patient_add_session (patient, earlier);
  g_assert_true (g_ptr_array_index (patient->sessions, 0) == earlier);

  /* A skipped exercise keeps no pain; the JSON says so without a number. */
  entry = limber_session_find_entry (later, nth (program, 1)->id);
  g_assert_cmpint (entry->outcome, ==, LIMBER_OUTCOME_SKIPPED);
  g_assert_cmpint (entry->pain, ==, LIMBER_PAIN_NONE);
  data = limber_patient_to_data (patient, &length);
  g_assert_nonnull (strstr (data, "\"outcome\" : \"skipped\""));
  g_assert_nonnull (strstr (data, "\"outcome\" : \"partly\""));

  loaded = reload (patient);
  assert_sessions_equal (patient->sessions, loaded->sessions);
  g_assert_null (((LimberSession *) g_ptr_array_index (loaded->sessions, 0))->finished);

  copy = limber_patient_copy (loaded);
  assert_sessions_equal (patient->sessions, copy->sessions);

  /* Saving the same session again replaces it; logging an exercise again replaces its entry. */
  later = limber_session_copy (later);
  log_nth (later, program, 0, LIMBER_OUTCOME_PARTLY, 4);
  g_assert_cmpuint (later->entries->len, ==, 3);
  entry = g_ptr_array_index (later->entries, 2);
  g_assert_cmpint (entry->outcome, ==, LIMBER_OUTCOME_PARTLY);
  g_assert_cmpint (entry->pain, ==, 4);
  limber_patient_add_session (patient, later);
  g_assert_cmpuint (patient->sessions->len, ==, 2);
  g_assert_true (g_ptr_array_index (patient->sessions, 1) == later);
}

static void
assert_refused (const char *session_json,
                const char *expected)
{
  g_autofree char *document = g_strdup_printf (
    "{\"schema_version\": 1, \"id\": \"p1\", \"name\": \"Ann\", \"archived\": false, "
    "\"created\": \"2026-11-01T09:00:00Z\", \"programs\": [], \"sessions\": [%s]}", session_json);
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPatient) patient = limber_patient_load (bytes, "ann.json", &error);

  g_assert_null (patient);
  g_assert_error (error, LIMBER_DATA_ERROR, error->code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, error->message);
}

#define SESSION(exercises) \
  "{\"id\": \"s1\", \"program\": \"p\", \"started\": \"2026-11-02T09:00:00Z\", \"exercises\": [" exercises "]}"
#define ENTRY(outcome, pain) \
  "{\"prescription\": \"r1\", \"exercise\": \"bridge\", \"outcome\": \"" outcome "\"" pain "}"

/* Every rule of a logged session is checked, and the message names the member. */
static void
test_session_refused (void)
{
  g_autoptr(GString) many = g_string_new (NULL);

  assert_refused (SESSION (ENTRY ("done", ", \"pain\": 11")),
                  "ann.json: sessions[0].exercises[0].pain: expected 0–10, got 11");
  assert_refused (SESSION (ENTRY ("done", ", \"pain\": -1")), "sessions[0].exercises[0].pain");
  assert_refused (SESSION (ENTRY ("done", ", \"pain\": 2.5")), "sessions[0].exercises[0].pain");
  assert_refused (SESSION (ENTRY ("done", "")), "sessions[0].exercises[0].pain: missing");
  assert_refused (SESSION (ENTRY ("skipped", ", \"pain\": 0")), "a skipped exercise has no pain");
  assert_refused (SESSION (ENTRY ("finished", ", \"pain\": 0")),
                  "expected one of \"done\", \"partly\", \"skipped\"");
  assert_refused (SESSION (ENTRY ("done", ", \"pain\": 1, \"mood\": 3")), "mood");
  assert_refused (SESSION (ENTRY ("done", ", \"pain\": 1") "," ENTRY ("partly", ", \"pain\": 2")),
                  "“r1” is logged twice in one session");
  assert_refused (SESSION ("") "," SESSION (""), "sessions[1].id: a second session has the id “s1”");
  assert_refused ("{\"id\": \"\", \"program\": \"p\", \"started\": \"2026-11-02T09:00:00Z\", "
                  "\"exercises\": []}", "sessions[0].id: expected text, got an empty string");
  assert_refused ("{\"id\": \"s\", \"program\": \"p\", \"started\": \"yesterday\", "
                  "\"exercises\": []}", "sessions[0].started");
  assert_refused ("{\"id\": \"s\", \"program\": \"p\", \"started\": \"2026-11-02T09:00:00Z\", "
                  "\"finished\": 5, \"exercises\": []}", "sessions[0].finished");
  assert_refused ("{\"id\": \"s\", \"started\": \"2026-11-02T09:00:00Z\", \"exercises\": []}",
                  "sessions[0].program");
  assert_refused ("[]", "sessions[0]: expected an object");
  assert_refused ("{\"id\": \"s\", \"program\": \"p\", \"started\": \"2026-11-02T09:00:00Z\", "
                  "\"finished\": \"2026-11-02T08:59:59Z\", \"exercises\": []}",
                  "sessions[0].finished: before the session started");

  for (guint i = 0; i < LIMBER_PROGRAM_MAX_EXERCISES + 1; i++)
    g_string_append_printf (many, "%s{\"prescription\": \"r%u\", \"exercise\": \"bridge\", "
                            "\"outcome\": \"skipped\"}", i > 0 ? "," : "", i);
  {
    g_autofree char *session = g_strdup_printf (
      "{\"id\": \"s\", \"program\": \"p\", \"started\": \"2026-11-02T09:00:00Z\", "
      "\"exercises\": [%s]}", many->str);
    assert_refused (session, "expected at most 40 exercises, got 41");
  }
}

static LimberLogFile *
round_trip_log (LimberLogFile *log)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = limber_log_file_to_data (log, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  LimberLogFile *loaded = limber_log_file_load (bytes, "ann.limberlog", &error);

  g_assert_no_error (error);
  return loaded;
}

/* A log travels from the patient's PC to the clinic and merges into the record: a session
 * already there is kept once, a further-along copy updates it, an older copy changes nothing. */
static void
test_log_merge (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) clinic = patient_with_program (&program);
  g_autoptr(LimberPatient) home = limber_patient_copy (clinic);
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(LimberLogFile) loaded = NULL;
  g_autoptr(LimberLogFile) stale = NULL;
  g_autoptr(GDateTime) exported = at (10, 20);
  g_autoptr(GDateTime) finished = at (4, 10);
  g_autoptr(GError) error = NULL;
  LimberSession *first = session_at (program->id, 2, 9);
  LimberSession *second = session_at (program->id, 4, 9);
  LimberSession *at_clinic;

  /* The first session was already imported once, before the second one started. */
  log_nth (first, program, 0, LIMBER_OUTCOME_DONE, 1);
  limber_patient_add_session (home, first);
  log_nth (second, program, 0, LIMBER_OUTCOME_DONE, 3);
  limber_patient_add_session (home, second);
  stale = limber_log_file_new_for_patient (home, exported);
  g_assert_cmpuint (limber_patient_merge_sessions (clinic, stale->sessions, &error), ==, 2);
  g_assert_no_error (error);

  /* Then the second session went on at home. */
  log_nth (second, program, 1, LIMBER_OUTCOME_PARTLY, 5);
  limber_session_finish (second, finished);
  limber_patient_add_session (home, session_at (program->id, 6, 9));

  log = limber_log_file_new_for_patient (home, exported);
  loaded = round_trip_log (log);
  g_assert_cmpstr (loaded->patient_id, ==, home->id);
  g_assert_cmpstr (loaded->patient_name, ==, "Ann Lee");
  g_assert_true (g_date_time_equal (loaded->exported, exported));
  assert_sessions_equal (home->sessions, loaded->sessions);

  g_assert_cmpuint (limber_patient_merge_sessions (clinic, loaded->sessions, &error), ==, 2);
  g_assert_no_error (error);
  assert_sessions_equal (home->sessions, clinic->sessions);

  /* Importing the same log again, or the stale one, adds and changes nothing. */
  g_assert_cmpuint (limber_patient_merge_sessions (clinic, loaded->sessions, &error), ==, 0);
  g_assert_cmpuint (limber_patient_merge_sessions (clinic, stale->sessions, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (clinic->sessions->len, ==, 3);
  at_clinic = g_ptr_array_index (clinic->sessions, 1);
  g_assert_nonnull (at_clinic->finished);
  g_assert_cmpuint (at_clinic->entries->len, ==, 2);

  /* The merged record saves and reads back. */
  {
    g_autoptr(LimberPatient) reloaded = reload (clinic);
    assert_sessions_equal (clinic->sessions, reloaded->sessions);
  }

  /* A session still going on, with one more exercise logged since: the copy with more wins. */
  {
    LimberSession *third = g_ptr_array_index (home->sessions, 2);
    g_autoptr(LimberLogFile) later = NULL;

    g_assert_null (third->finished);
    log_nth (third, program, 2, LIMBER_OUTCOME_DONE, 0);
    later = limber_log_file_new_for_patient (home, exported);
    g_assert_cmpuint (limber_patient_merge_sessions (clinic, later->sessions, &error), ==, 1);
    g_assert_no_error (error);
    assert_sessions_equal (home->sessions, clinic->sessions);
  }
}

static void
assert_log_refused (const char *json,
                    const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberLogFile) log = limber_log_file_load (bytes, "ann.limberlog", &error);

  g_assert_null (log);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, error->message);
}

static void
test_log_file_refused (void)
{
  assert_log_refused ("", "ann.limberlog");
  assert_log_refused ("{\"schema_version\": 1, \"kind\": \"program\", \"exported\": "
                      "\"2026-11-01T09:00:00Z\", \"patient\": {\"id\": \"a\", \"name\": \"A\"}, "
                      "\"sessions\": []}", "kind: expected \"log\", got \"program\"");
  assert_log_refused ("{\"schema_version\": 2, \"kind\": \"log\"}", "schema_version");
  /* A program file opened as a log is named by its kind, not by its first other member. */
  assert_log_refused ("{\"schema_version\": 1, \"kind\": \"program\", \"clinic\": {}, "
                      "\"program\": {}}", "kind: expected \"log\", got \"program\"");
  assert_log_refused ("{\"schema_version\": 1, \"kind\": \"log\", \"exported\": "
                      "\"2026-11-01T09:00:00Z\", \"sessions\": []}", "patient");
  assert_log_refused ("{\"schema_version\": 1, \"kind\": \"log\", \"exported\": "
                      "\"2026-11-01T09:00:00Z\", \"patient\": {\"id\": \"a\", \"name\": \"A\"}, "
                      "\"sessions\": [" SESSION (ENTRY ("done", ", \"pain\": 99")) "]}",
                      "sessions[0].exercises[0].pain");
}

/* Adherence counts sessions in which something was done; a program asks for as many sessions
 * a week as its most frequent exercise. Pain is followed per exercise, oldest first. */
/* And a log opened as a program file. */
static void
test_log_as_program (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) patient = patient_with_program (&program);
  g_autoptr(GDateTime) exported = at (3, 9);
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(LimberProgramFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  limber_patient_add_session (patient, session_at (program->id, 2, 9));
  log = limber_log_file_new_for_patient (patient, exported);
  data = limber_log_file_to_data (log, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  file = limber_program_file_load (bytes, "ann.limber", &error);
  g_assert_null (file);
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "ann.limber: kind: expected \"program\", got \"log\"");
}

static void
test_adherence_and_pain (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) patient = patient_with_program (&program);
  g_autoptr(GDateTime) week_start = at (2, 0);
  g_autoptr(GDateTime) week_end = at (9, 0);
  g_autoptr(GArray) bridge = NULL;
  g_autoptr(GArray) raise = NULL;
  LimberSession *session;

  for (guint i = 0; i < 3; i++)
    nth (program, i)->schedule = LIMBER_SCHEDULE_DAILY;
  nth (program, 0)->times_per_day = 2;
  nth (program, 1)->schedule = LIMBER_SCHEDULE_DAYS_PER_WEEK;
  nth (program, 1)->days_per_week = 3;
  nth (program, 2)->times_per_day = 1;
  g_assert_cmpuint (limber_program_get_sessions_per_week (program), ==, 14);
  nth (program, 0)->times_per_day = 1;
  g_assert_cmpuint (limber_program_get_sessions_per_week (program), ==, 7);
  g_ptr_array_set_size (program->prescriptions, 0);
  g_assert_cmpuint (limber_program_get_sessions_per_week (program), ==, 0);
  g_ptr_array_unref (program->prescriptions);
  program->prescriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_prescription_free);
  {
    g_autoptr(LimberLibrary) library = load_library ();
    g_ptr_array_add (program->prescriptions,
                     limber_prescription_new_for_exercise (limber_library_lookup (library, "bridge")));
    g_ptr_array_add (program->prescriptions,
                     limber_prescription_new_for_exercise (limber_library_lookup (library,
                                                                                  "straight-leg-raise")));
  }

  for (int day = 1; day <= 9; day++)
    {
      session = session_at (program->id, day, 9);
      log_nth (session, program, 0, LIMBER_OUTCOME_DONE, day % 5);
      log_nth (session, program, 1, day == 5 ? LIMBER_OUTCOME_SKIPPED : LIMBER_OUTCOME_PARTLY, 6);
      limber_patient_add_session (patient, session);
    }

  /* A session with everything skipped does not count. */
  session = session_at (program->id, 3, 18);
  log_nth (session, program, 0, LIMBER_OUTCOME_SKIPPED, 0);
  limber_patient_add_session (patient, session);
  g_assert_false (limber_session_counts (session));

  /* Days 2 to 8: seven sessions; day 9 starts the next week. */
  g_assert_cmpuint (limber_patient_count_sessions (patient, week_start, week_end), ==, 7);

  bridge = limber_patient_get_pain_trend (patient, "bridge", week_start, NULL);
  g_assert_cmpuint (bridge->len, ==, 8);
  g_assert_cmpint (g_array_index (bridge, LimberPainPoint, 0).pain, ==, 2);
  g_assert_cmpint (g_array_index (bridge, LimberPainPoint, 7).pain, ==, 4);
  for (guint i = 1; i < bridge->len; i++)
    g_assert_cmpint (g_array_index (bridge, LimberPainPoint, i - 1).time, <,
                     g_array_index (bridge, LimberPainPoint, i).time);

  /* A bound at the end leaves out what came after it. */
  {
    g_autoptr(GArray) until = limber_patient_get_pain_trend (patient, "bridge", week_start, week_end);
    g_assert_cmpuint (until->len, ==, 7);
  }

  raise = limber_patient_get_pain_trend (patient, "straight-leg-raise", NULL, NULL);
  g_assert_cmpuint (raise->len, ==, 8);  /* day 5 was skipped */
}

/* What is due today: a daily exercise until done as many times as prescribed today; one done
 * some days a week until done on that many of the last 7 days. Skipped does not count. */
static void
test_due (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) patient = patient_with_program (&program);
  LimberPrescription *daily = nth (program, 0), *weekly = nth (program, 1);
  LimberSession *session;
  static const int done_days[] = { 3, 5, 6 };

  daily->schedule = LIMBER_SCHEDULE_DAILY;
  daily->times_per_day = 2;
  weekly->schedule = LIMBER_SCHEDULE_DAYS_PER_WEEK;
  weekly->days_per_week = 3;
  weekly->times_per_day = 1;

  /* Nothing logged: both due. */
  {
    g_autoptr(GDateTime) now = at (9, 12);
    g_assert_true (limber_patient_is_due (patient, daily, now));
    g_assert_true (limber_patient_is_due (patient, weekly, now));
  }

  /* The weekly one done on 3 days of the last 7 (days 3, 5, 6), skipped on day 8. */
  for (guint i = 0; i < G_N_ELEMENTS (done_days); i++)
    {
      session = session_at (program->id, done_days[i], 9);
      log_nth (session, program, 1, LIMBER_OUTCOME_PARTLY, 2);
      limber_patient_add_session (patient, session);
    }
  session = session_at (program->id, 8, 9);
  log_nth (session, program, 1, LIMBER_OUTCOME_SKIPPED, 0);
  log_nth (session, program, 0, LIMBER_OUTCOME_DONE, 1);
  limber_patient_add_session (patient, session);
  {
    g_autoptr(GDateTime) day9 = at (9, 12);
    g_autoptr(GDateTime) day10 = at (10, 12);

    g_assert_false (limber_patient_is_due (patient, weekly, day9));
    /* Day 3 leaves the 7 days on day 10. */
    g_assert_true (limber_patient_is_due (patient, weekly, day10));
  }

  /* The daily one, twice a day: due after one session today, not after two. */
  session = session_at (program->id, 9, 8);
  log_nth (session, program, 0, LIMBER_OUTCOME_DONE, 1);
  limber_patient_add_session (patient, session);
  {
    g_autoptr(GDateTime) now = at (9, 12);
    g_assert_true (limber_patient_is_due (patient, daily, now));
  }
  session = session_at (program->id, 9, 10);
  log_nth (session, program, 0, LIMBER_OUTCOME_DONE, 1);
  limber_patient_add_session (patient, session);
  {
    g_autoptr(GDateTime) now = at (9, 12);
    g_autoptr(GDateTime) tomorrow = at (10, 7);
    g_assert_false (limber_patient_is_due (patient, daily, now));
    g_assert_true (limber_patient_is_due (patient, daily, tomorrow));
  }
}

static void
test_pain_words (void)
{
  g_assert_nonnull (strstr (limber_pain_describe (0), "Fine"));
  g_assert_nonnull (strstr (limber_pain_describe (3), "Fine"));
  g_assert_nonnull (strstr (limber_pain_describe (4), "settles by the next morning"));
  g_assert_nonnull (strstr (limber_pain_describe (5), "settles by the next morning"));
  g_assert_nonnull (strstr (limber_pain_describe (6), "stop this exercise and tell your physical therapist"));
  g_assert_nonnull (strstr (limber_pain_describe (10), "stop this exercise"));
  g_assert_cmpstr (limber_pain_describe (LIMBER_PAIN_NONE), ==, "");
  g_assert_cmpstr (limber_outcome_to_label (LIMBER_OUTCOME_PARTLY), ==, "Partly");
}

static LimberStore *
home_store_new (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("limber-home-XXXXXX", &error);
  g_autofree char *home = g_build_filename (path, LIMBER_HOME_FOLDER_NAME, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (home);
  LimberStore *store = limber_store_new (folder, NULL);

  g_assert_no_error (error);
  limber_store_set_create_folder (store, TRUE);
  g_assert_true (limber_store_load (store, &error));
  g_assert_no_error (error);
  *path_out = g_steal_pointer (&path);
  return store;
}

static GBytes *
program_file_bytes (LimberPatient *patient,
                    LimberProgram *program,
                    int            day)
{
  g_autoptr(LimberClinic) clinic = limber_clinic_new ();
  g_autoptr(GDateTime) exported = at (day, 12);
  g_autoptr(LimberProgramFile) file = NULL;
  gsize length;
  char *data;

  g_free (clinic->name);
  clinic->name = g_strdup ("Riverside Physiotherapy");
  file = limber_program_file_new (patient->name, program, clinic, exported);
  file->patient_id = g_strdup (patient->id);
  data = limber_program_file_to_data (file, &length);
  return g_bytes_new_take (data, length);
}

static LimberPatient *
import_at_home (LimberStore *store,
                GBytes      *bytes,
                int          day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgramFile) file = limber_program_file_load (bytes, "ann.limber", &error);
  g_autoptr(GDateTime) now = at (day, 8);
  LimberPatient *patient;

  g_assert_no_error (error);
  patient = limber_home_import (store, file, bytes, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (patient);
  return patient;
}

/* The whole trip: the clinic saves a program file, the patient opens it at home and logs
 * sessions, the clinic imports the log back into the record the file came from. Opening the
 * program again, or a new version of it, keeps the patient's log. */
static void
test_home_round_trip (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) clinic = patient_with_program (&program);
  g_autofree char *path = NULL;
  g_autoptr(LimberStore) store = home_store_new (&path);
  g_autoptr(GBytes) first_file = program_file_bytes (clinic, program, 1);
  g_autoptr(GBytes) second_file = NULL;
  g_autoptr(LimberPatient) home = import_at_home (store, first_file, 2);
  g_autoptr(LimberPatient) again = NULL;
  g_autoptr(LimberProgramFile) kept = NULL;
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(LimberLogFile) loaded = NULL;
  g_autoptr(GDateTime) exported = at (9, 20);
  g_autoptr(GError) error = NULL;
  LimberProgram *home_program;
  LimberSession *session;

  /* The record keeps the clinic's id, the program and its prescriptions' ids. */
  g_assert_cmpstr (home->id, ==, clinic->id);
  g_assert_cmpstr (home->name, ==, "Ann Lee");
  home_program = limber_patient_get_active_program (home);
  g_assert_nonnull (home_program);
  g_assert_cmpstr (home_program->id, ==, program->id);
  g_assert_cmpuint (home_program->prescriptions->len, ==, 3);
  g_assert_cmpstr (nth (home_program, 1)->id, ==, nth (program, 1)->id);
  kept = limber_home_load_program_file (store, home->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->clinic->name, ==, "Riverside Physiotherapy");

  session = session_at (home_program->id, 3, 9);
  log_nth (session, home_program, 0, LIMBER_OUTCOME_DONE, 2);
  log_nth (session, home_program, 2, LIMBER_OUTCOME_PARTLY, 6);
  limber_patient_add_session (home, session);
  g_assert_true (limber_store_save (store, home, &error));
  g_assert_no_error (error);

  /* A new version from the clinic: one exercise more reps. The log stays. */
  nth (program, 0)->reps = 15;
  limber_program_commit (program, exported);
  second_file = program_file_bytes (clinic, program, 4);
  again = import_at_home (store, second_file, 5);
  g_assert_cmpuint (again->sessions->len, ==, 1);
  g_assert_cmpuint (nth (limber_patient_get_active_program (again), 0)->reps, ==, 15);
  g_assert_cmpuint (limber_patient_get_active_program (again)->history->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* The first file again, saved before the second: refused, and the record keeps the newer. */
  {
    g_autoptr(LimberProgramFile) older = limber_program_file_load (first_file, "old.limber", &error);
    g_autoptr(GDateTime) now = at (6, 8);
    g_autoptr(LimberPatient) refused = NULL;
    g_autoptr(LimberPatient) kept_record = NULL;

    g_assert_no_error (error);
    refused = limber_home_import (store, older, first_file, now, &error);
    g_assert_null (refused);
    g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "before the one you already have"));
    g_clear_error (&error);
    kept_record = limber_store_open (store, limber_store_lookup (store, clinic->id), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (nth (limber_patient_get_active_program (kept_record), 0)->reps, ==, 15);
  }

  /* The log goes back and merges once. */
  log = limber_log_file_new_for_patient (again, exported);
  loaded = round_trip_log (log);
  g_assert_cmpstr (loaded->patient_id, ==, clinic->id);
  g_assert_cmpuint (limber_patient_merge_sessions (clinic, loaded->sessions, &error), ==, 1);
  g_assert_cmpuint (limber_patient_merge_sessions (clinic, loaded->sessions, &error), ==, 0);
  g_assert_no_error (error);
  assert_sessions_equal (again->sessions, clinic->sessions);

  remove_tree (path);
}

/* Whatever id a program file claims, the record's file name stays inside the folder. */
static void
test_home_record_id (void)
{
  LimberProgram *program;
  g_autoptr(LimberPatient) patient = patient_with_program (&program);
  g_autoptr(LimberProgramFile) file = limber_program_file_new ("Ann", program, NULL, NULL);
  g_autofree char *plain = NULL;
  g_autofree char *hostile = NULL;
  g_autofree char *none = NULL;
  g_autofree char *none_again = NULL;

  file->patient_id = g_strdup ("0b7c5d2e-9f1a-4c53-8d3e-2a6f4b1c9e07");
  plain = limber_home_get_record_id (file);
  g_assert_cmpstr (plain, ==, file->patient_id);

  g_free (file->patient_id);
  file->patient_id = g_strdup ("../../etc/passwd");
  hostile = limber_home_get_record_id (file);
  g_assert_true (g_str_has_prefix (hostile, "home-"));
  g_assert_null (strchr (hostile, '/'));
  g_assert_cmpuint (strlen (hostile), ==, 37);

  g_clear_pointer (&file->patient_id, g_free);
  none = limber_home_get_record_id (file);
  none_again = limber_home_get_record_id (file);
  g_assert_cmpstr (none, ==, none_again);
  g_assert_cmpstr (none, !=, hostile);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-log/round-trip", test_session_round_trip);
  g_test_add_func ("/session-log/refused", test_session_refused);
  g_test_add_func ("/session-log/merge", test_log_merge);
  g_test_add_func ("/session-log/log-file-refused", test_log_file_refused);
  g_test_add_func ("/session-log/log-as-program", test_log_as_program);
  g_test_add_func ("/session-log/adherence-and-pain", test_adherence_and_pain);
  g_test_add_func ("/session-log/pain-words", test_pain_words);
  g_test_add_func ("/session-log/due", test_due);
  g_test_add_func ("/session-log/home-round-trip", test_home_round_trip);
  g_test_add_func ("/session-log/home-record-id", test_home_record_id);

  return g_test_run ();
}
