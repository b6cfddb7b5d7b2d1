/* test-sessions-ui.c: the patient page's Sessions group under Xvfb: a patient's log imported
 * once and saved, another record's log only after the therapist agrees, a broken log refused
 * with the record left as it was, and the counts and charts drawn from the record. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-pain-chart.h"
#include "limber-player.h"
#include "limber-session-log.h"
#include "limber-sessions-group.h"
#include "limber-window.h"
#include "ui-test-util.h"

static LimberLibrary *library;

typedef struct
{
  char          *folder;
  char          *document;
  LimberWindow  *window;
  LimberPatient *patient;   /* as loaded from the example, before any import */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "store",
                                                    "example-patient.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  fixture->folder = g_dir_make_tmp ("limber-sessions-ui-XXXXXX", NULL);
  g_file_get_contents (example, &contents, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, strlen (contents));
  fixture->patient = limber_patient_load (bytes, example, &error);
  g_assert_no_error (error);
  fixture->document = g_build_filename (fixture->folder, "example.json", NULL);
  g_file_set_contents (fixture->document, contents, -1, &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "store-folder", fixture->folder);

  fixture->window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_true (limber_patients_view_open_patient (limber_window_get_patients_view (fixture->window),
                                                    fixture->patient->id));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->document);
  limber_patient_unref (fixture->patient);
  g_settings_reset (settings, "store-folder");
}

static LimberSessionsGroup *
group_of (Fixture *fixture)
{
  GtkWidget *group = find_first (GTK_WIDGET (fixture->window), LIMBER_TYPE_SESSIONS_GROUP);

  g_assert_nonnull (group);
  return LIMBER_SESSIONS_GROUP (group);
}

static char *
read_document (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (fixture->document, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static LimberPatient *
reload (Fixture *fixture)
{
  return load_patient_file (fixture->document);
}

/* A log of @n sessions, one a day up to now, for the example's active program; the last
 * session's first exercise hurt at @last_pain. */
static GFile *
write_log (Fixture    *fixture,
           const char *patient_id,
           guint       n,
           int         last_pain)
{
  g_autoptr(LimberPatient) home = limber_patient_copy (fixture->patient);
  LimberProgram *program = limber_patient_get_active_program (home);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%u.limberlog", patient_id, n);
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  gsize length;

  g_assert_nonnull (program);
  g_free (home->id);
  home->id = g_strdup (patient_id);
  for (guint day = 0; day < n; day++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_days (now, -(int) (n - 1 - day));
      g_autoptr(GDateTime) earlier = g_date_time_add_minutes (started, -30);
      LimberSession *session = limber_session_new (program->id, earlier);

      for (guint i = 0; i < program->prescriptions->len; i++)
        {
          LimberPrescription *p = g_ptr_array_index (program->prescriptions, i);

          limber_session_log (session, p->id, p->exercise_id, LIMBER_OUTCOME_DONE,
                              day + 1 == n && i == 0 ? last_pain : 2);
        }
      limber_session_finish (session, started);
      limber_patient_add_session (home, session);
    }

  log = limber_log_file_new_for_patient (home, now);
  data = limber_log_file_to_data (log, &length);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static const char *
row_subtitle (Fixture    *fixture,
              const char *title)
{
  GtkWidget *row = find_titled (GTK_WIDGET (group_of (fixture)), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The example has no sessions: the group says so, and how they get there. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (group_of (fixture))));
  g_assert_nonnull (strstr (row_subtitle (fixture, "No sessions logged yet"), "Import the log"));
}

/* The patient's own log: merged, saved, counted and charted; importing it again adds
 * nothing and writes nothing. */
static void
test_import_own_log (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = write_log (fixture, fixture->patient->id, 3, 7);
  g_autoptr(LimberPatient) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  LimberProgram *program = limber_patient_get_active_program (fixture->patient);
  guint per_week = limber_program_get_sessions_per_week (program);
  LimberPrescription *first = g_ptr_array_index (program->prescriptions, 0);
  GtkWidget *row, *chart;

  g_assert_true (limber_sessions_group_import_log (group_of (fixture), file));
  wait_for_label (GTK_WIDGET (fixture->window), "Imported 3 sessions from");
  saved = reload (fixture);
  g_assert_cmpuint (saved->sessions->len, ==, 3);

  expected = g_strdup_printf ("3 of %u prescribed sessions", per_week);
  g_assert_cmpstr (row_subtitle (fixture, "Last 7 days"), ==, expected);
  g_assert_nonnull (strstr (row_subtitle (fixture, "Last session"), "highest pain\u00a07"));

  /* The first exercise's row: its latest pain, a warning, and a chart of three points. */
  row = find_titled (GTK_WIDGET (group_of (fixture)), ADW_TYPE_ACTION_ROW,
                     limber_exercise_get_name (limber_library_lookup (library, first->exercise_id)));
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Latest pain 7 of 10"));
  g_assert_nonnull (find_first (row, GTK_TYPE_IMAGE));
  chart = find_first (row, LIMBER_TYPE_PAIN_CHART);
  g_assert_nonnull (chart);
  g_assert_cmpuint (limber_pain_chart_get_n_points (LIMBER_PAIN_CHART (chart)), ==, 3);

  before = read_document (fixture);
  g_assert_true (limber_sessions_group_import_log (group_of (fixture), file));
  wait_for_label (GTK_WIDGET (fixture->window), "No new sessions in");
  drain ();
  after = read_document (fixture);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
has_dialog (gpointer data)
{
  return find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
respond (const char *label)
{
  GtkWidget *dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = find_titled (dialog, GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  click (button);
  drain ();
}

/* A log kept under another record waits for the therapist: Cancel changes nothing, Import
 * merges. */
static void
test_import_other_record (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_log (fixture, "home-0123456789abcdef", 2, 1);
  g_autofree char *before = read_document (fixture);
  g_autofree char *after = NULL;
  g_autoptr(LimberPatient) saved = NULL;

  g_assert_false (limber_sessions_group_import_log (group_of (fixture), file));
  wait_for (has_dialog, NULL);
  respond ("_Cancel");
  after = read_document (fixture);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (limber_sessions_group_import_log (group_of (fixture), file));
  wait_for (has_dialog, NULL);
  respond ("_Import");
  wait_for_label (GTK_WIDGET (fixture->window), "Imported 2 sessions from");
  saved = reload (fixture);
  g_assert_cmpuint (saved->sessions->len, ==, 2);
}

/* A broken log is named with its fault, and the record stays byte for byte. */
static void
test_import_broken (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "broken.limberlog", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/gone.limberlog");
  g_autofree char *before = read_document (fixture);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "{\"schema_version\": 1, \"kind\": \"program\"}", -1, NULL));
  g_assert_false (limber_sessions_group_import_log (group_of (fixture), file));
  wait_for_dialog ("“broken.limberlog” was not imported: kind: expected \"log\", got \"program\"");

  g_assert_false (limber_sessions_group_import_log (group_of (fixture), missing));
  wait_for_dialog ("“gone.limberlog” was not imported");

  after = read_document (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* A session goes on while the therapist opens another record and back, and imports a log:
 * each exercise logged joins the record as it is then, and nothing saved meanwhile is lost. */
static void
test_session_across_records (Fixture       *fixture,
                             gconstpointer  data)
{
  LimberPatientsView *view = limber_window_get_patients_view (fixture->window);
  LimberStore *store = limber_patients_view_get_store (view);
  LimberProgram *program = limber_patient_get_active_program (fixture->patient);
  LimberPrescription *first = g_ptr_array_index (program->prescriptions, 0);
  LimberPrescription *second = g_ptr_array_index (program->prescriptions, 1);
  g_autoptr(LimberPatient) bob = limber_patient_new ("Bob Stone");
  g_autoptr(GFile) file = write_log (fixture, fixture->patient->id, 3, 2);
  g_autoptr(GError) error = NULL;
  LimberPlayer *player;
  LimberSession *session;

  g_assert_true (limber_store_save (store, bob, &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (group_of (fixture), "start");
  drain ();
  player = LIMBER_PLAYER (find_window (LIMBER_TYPE_PLAYER));
  g_assert_nonnull (player);
  session = limber_player_get_session (player);

  g_assert_true (limber_patients_view_open_patient (view, bob->id));
  drain ();
  g_assert_true (limber_patients_view_open_patient (view, fixture->patient->id));
  drain ();
  g_assert_true (limber_sessions_group_import_log (group_of (fixture), file));
  wait_for_label (GTK_WIDGET (fixture->window), "Imported 3 sessions from");

  limber_session_log (session, first->id, first->exercise_id, LIMBER_OUTCOME_DONE, 1);
  g_signal_emit_by_name (player, "logged", session);
  drain ();
  {
    g_autoptr(LimberPatient) saved = reload (fixture);
    g_assert_cmpuint (saved->sessions->len, ==, 4);
  }

  /* Another record shown: the exercise joins the record in the folder. */
  g_assert_true (limber_patients_view_open_patient (view, bob->id));
  drain ();
  limber_session_log (session, second->id, second->exercise_id, LIMBER_OUTCOME_PARTLY, 3);
  g_signal_emit_by_name (player, "logged", session);
  drain ();
  {
    g_autoptr(LimberPatient) saved = reload (fixture);
    LimberSession *kept = NULL;

    g_assert_cmpuint (saved->sessions->len, ==, 4);
    for (guint i = 0; i < saved->sessions->len; i++)
      if (g_str_equal (((LimberSession *) g_ptr_array_index (saved->sessions, i))->id, session->id))
        kept = g_ptr_array_index (saved->sessions, i);
    g_assert_nonnull (kept);
    g_assert_cmpuint (kept->entries->len, ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (player));
  drain ();
}

int
main (int   argc,
      char *argv[])
{

  if (!ui_test_init (&argc, &argv))
    return g_test_run ();

  library = load_library ();

  g_test_add ("/limber/sessions-ui/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/limber/sessions-ui/import-own-log", Fixture, NULL, fixture_set_up,
              test_import_own_log, fixture_tear_down);
  g_test_add ("/limber/sessions-ui/import-other-record", Fixture, NULL, fixture_set_up,
              test_import_other_record, fixture_tear_down);
  g_test_add ("/limber/sessions-ui/session-across-records", Fixture, NULL, fixture_set_up,
              test_session_across_records, fixture_tear_down);
  g_test_add ("/limber/sessions-ui/import-broken", Fixture, NULL, fixture_set_up,
              test_import_broken, fixture_tear_down);

  return g_test_run ();
}
