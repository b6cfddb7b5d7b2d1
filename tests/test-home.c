/* test-home.c: Limber on the patient's PC, under Xvfb: a program file opened by the
 * application as a double click would, the patient's view, a whole guided session on an
 * accelerated clock saved into their own record, and the log exported for the clinic. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-application.h"
#include "limber-home-window.h"
#include "limber-home.h"
#include "limber-player-private.h"
#include "limber-program-file.h"
#include "limber-session-log.h"
#include "ui-test-util.h"

static LimberLibrary *library;
static char *data_home;
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

typedef struct
{
  char             *out;
  char             *program_path;
  LimberPatient    *clinic;       /* the clinic's record the program file was saved from */
  LimberHomeWindow *window;
} Fixture;

/* The example patient's program, cut to two short exercises, saved as the clinic would. */
static void
write_program_file (Fixture *fixture)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "store",
                                                    "example-patient.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberClinic) clinic = limber_clinic_new ();
  g_autoptr(LimberProgramFile) file = NULL;
  g_autofree char *data = NULL;
  LimberProgram *program;
  gsize length;

  g_file_get_contents (example, &contents, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, strlen (contents));
  fixture->clinic = limber_patient_load (bytes, example, &error);
  g_assert_no_error (error);
  program = limber_patient_get_active_program (fixture->clinic);
  g_ptr_array_set_size (program->prescriptions, 2);
  for (guint i = 0; i < 2; i++)
    {
      LimberPrescription *p = g_ptr_array_index (program->prescriptions, i);

      p->sets = 1;
      p->reps = 2;
      p->hold_seconds = 2;
      p->side = LIMBER_PRESCRIBED_SIDE_NONE;
    }

  g_free (clinic->name);
  clinic->name = g_strdup ("Riverside Physical Therapy");
  g_free (clinic->phone);
  clinic->phone = g_strdup ("01865 555 010");
  file = limber_program_file_new (fixture->clinic->name, program, clinic, NULL);
  file->patient_id = g_strdup (fixture->clinic->id);
  data = limber_program_file_to_data (file, &length);
  fixture->program_path = g_build_filename (fixture->out, "Margaret – Hip.limber", NULL);
  g_file_set_contents (fixture->program_path, data, length, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *home = g_build_filename (data_home, APP_ID, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  remove_tree (home);
  g_settings_reset (settings, "home-record");
  g_settings_reset (settings, "view");
  fixture->out = g_dir_make_tmp ("limber-home-out-XXXXXX", NULL);
  write_program_file (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  remove_tree (fixture->out);
  g_free (fixture->out);
  g_free (fixture->program_path);
  limber_patient_unref (fixture->clinic);
  g_settings_reset (settings, "home-record");
  g_settings_reset (settings, "view");
}

static LimberHomeWindow *
new_window (Fixture *fixture)
{
  fixture->window = g_object_new (LIMBER_TYPE_HOME_WINDOW, "library", library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
  return fixture->window;
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture->window,
                                                                      LIMBER_TYPE_HOME_WINDOW,
                                                                      "stack")));
}

/* The record on disk, as the patient's next start reads it. */
static LimberPatient *
read_record (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (data_home, APP_ID, LIMBER_HOME_FOLDER_NAME, name, NULL);

  return load_patient_file (path);
}

static gboolean
has_home_window (gpointer data)
{
  return find_window (LIMBER_TYPE_HOME_WINDOW) != NULL &&
         limber_home_window_has_program (LIMBER_HOME_WINDOW (find_window (LIMBER_TYPE_HOME_WINDOW)));
}

static void
check_and_quit_cb (GApplication *application)
{
  wait_for (has_home_window, NULL);
  g_application_quit (application);
}

/* `limber FILE.limber`, as a double click runs it, opens the patient's view on that program,
 * and the next start opens it again. */
static void
test_open_from_application (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LimberApplication) application = limber_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LimberPatient) record = NULL;
  g_autofree char *view = NULL;
  char *argv[] = { (char *) "limber", fixture->program_path, NULL };

  /* Other tests may run the application at the same time. */
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "open", G_CALLBACK (check_and_quit_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 2, argv), ==, 0);

  view = g_settings_get_string (settings, "view");
  g_assert_cmpstr (view, ==, "patient");
  record = read_record (fixture->clinic->id);
  g_assert_cmpstr (record->name, ==, fixture->clinic->name);
  g_assert_cmpuint (limber_patient_get_active_program (record)->prescriptions->len, ==, 2);
}

/* A file that is not a program says why, names the file, and leaves nothing behind. */
static void
test_open_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out, "notes.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *folder = g_build_filename (data_home, APP_ID, LIMBER_HOME_FOLDER_NAME, NULL);
  g_autoptr(GDir) dir = NULL;
  LimberHomeWindow *window = new_window (fixture);

  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_false (limber_home_window_has_program (window));
  g_assert_true (g_file_set_contents (path, "{\"schema_version\": 1, \"kind\": \"log\"}", -1, NULL));
  g_assert_false (limber_home_window_open_file (window, file));
  wait_for_dialog ("“notes.limber” could not be opened: kind: expected \"program\", got \"log\"");
  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

/* A record that no longer reads is said on the first page, and never written over: opening the
 * program again says why it cannot be, and the file stays byte for byte. */
static void
test_unreadable_record (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->program_path);
  g_autofree char *name = g_strconcat (fixture->clinic->id, ".json", NULL);
  g_autofree char *record = g_build_filename (data_home, APP_ID, LIMBER_HOME_FOLDER_NAME, name, NULL);
  g_autofree char *after = NULL;
  LimberHomeWindow *window = new_window (fixture);
  const char *broken = "{\"schema_version\": 1, \"id\": ";

  g_assert_true (limber_home_window_open_file (window, file));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_true (g_file_set_contents (record, broken, -1, NULL));

  window = new_window (fixture);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_nonnull (limber_home_window_get_problem (window));
  g_assert_nonnull (strstr (limber_home_window_get_problem (window),
                            "Your program and log could not be read"));
  g_assert_nonnull (strstr (adw_status_page_get_description (template_child (window, LIMBER_TYPE_HOME_WINDOW,
                                                                           "empty_page")),
                            "could not be read"));

  g_assert_false (limber_home_window_open_file (window, file));
  wait_for_dialog ("Limber does not write over them");
  g_file_get_contents (record, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, broken);
}

static gpointer
player_child (LimberPlayer *player,
              const char   *name)
{
  return template_child (player, LIMBER_TYPE_PLAYER, name);
}

static void
click_in (GtkWidget  *root,
          const char *label)
{
  GtkWidget *button = find_titled (root, GTK_TYPE_TOGGLE_BUTTON, label);

  if (button == NULL)
    button = find_titled (root, GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  click (button);
}

/* The patient opens the program, follows a whole session on an accelerated clock, answering
 * after each exercise; the record on disk has it, the log lists it, and the exported log
 * brings it to the clinic. */
static void
test_session_and_log (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->program_path);
  g_autofree char *log_path = g_build_filename (fixture->out, "log.limberlog", NULL);
  g_autoptr(GFile) log_file = g_file_new_for_path (log_path);
  g_autoptr(LimberPatient) record = NULL;
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LimberHomeWindow *window = new_window (fixture);
  LimberPlayer *player;
  LimberSession *session;
  GtkWidget *label;
  guint answered = 0, ticks = 0;

  g_assert_true (limber_home_window_open_file (window, file));
  g_assert_cmpstr (visible_page (fixture), ==, "program");
  label = template_child (window, LIMBER_TYPE_HOME_WINDOW, "summary_label");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Today: 2 exercises"));
  label = template_child (window, LIMBER_TYPE_HOME_WINDOW, "clinic_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Questions? Call Riverside Physical Therapy on 01865 555 010.");
  g_assert_nonnull (find_titled (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "No sessions yet"));

  player = LIMBER_PLAYER (limber_home_window_start_session (window));
  fake_now = 0;
  limber_player_set_clock (player, fake_clock, NULL);
  drain ();

  /* A second of session at a time; each exercise's end asks how it went. */
  while (g_strcmp0 (gtk_stack_get_visible_child_name (player_child (player, "pages")), "complete") != 0)
    {
      const char *page = gtk_stack_get_visible_child_name (player_child (player, "pages"));

      g_assert_cmpuint (ticks++, <, 600);
      if (g_str_equal (page, "log"))
        {
          click_in (GTK_WIDGET (player), answered == 0 ? "_Done" : "_Partly");
          click_in (GTK_WIDGET (player), answered == 0 ? "3" : "5");
          click_in (GTK_WIDGET (player), "_Continue");
          answered++;
          /* Saved after every exercise, not only at the end. */
          {
            g_autoptr(LimberPatient) saved = read_record (fixture->clinic->id);
            g_assert_cmpuint (saved->sessions->len, ==, 1);
            g_assert_cmpuint (((LimberSession *) g_ptr_array_index (saved->sessions, 0))->entries->len,
                              ==, answered);
          }
          continue;
        }
      fake_now += G_USEC_PER_SEC;
      limber_player_update (player);
      drain ();
    }
  g_assert_cmpuint (answered, ==, 2);

  record = read_record (fixture->clinic->id);
  g_assert_cmpuint (record->sessions->len, ==, 1);
  session = g_ptr_array_index (record->sessions, 0);
  g_assert_nonnull (session->finished);
  g_assert_cmpuint (session->entries->len, ==, 2);
  g_assert_cmpint (((LimberSessionEntry *) g_ptr_array_index (session->entries, 1))->outcome, ==,
                   LIMBER_OUTCOME_PARTLY);
  g_assert_cmpint (((LimberSessionEntry *) g_ptr_array_index (session->entries, 1))->pain, ==, 5);
  gtk_window_close (GTK_WINDOW (player));
  drain ();

  /* Both exercises are daily, once a day: nothing more is due today. */
  label = template_child (window, LIMBER_TYPE_HOME_WINDOW, "summary_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "All of today’s exercises are done.");
  g_assert_cmpstr (gtk_button_get_label (template_child (window, LIMBER_TYPE_HOME_WINDOW,
                                                         "start_button")),
                   ==, "_Start the Whole Program Again");

  /* The window's log lists the session; "Today" counts it. */
  label = template_child (window, LIMBER_TYPE_HOME_WINDOW, "progress_label");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Done today: 1 session"));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *group = template_child (window, LIMBER_TYPE_HOME_WINDOW, "log_group");

    collect_all (group, ADW_TYPE_ACTION_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                     "1 done, 1 partly · highest pain\u00a05");
  }

  g_assert_true (limber_home_window_export_log (window, log_file));
  wait_for_label (GTK_WIDGET (window), "Saved “log.limberlog”");
  bytes = g_file_load_bytes (log_file, NULL, NULL, &error);
  g_assert_no_error (error);
  log = limber_log_file_load (bytes, log_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (log->patient_id, ==, fixture->clinic->id);
  g_assert_cmpuint (log->sessions->len, ==, 1);
  g_assert_true (limber_session_equal (g_ptr_array_index (log->sessions, 0), session));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The patient's folder is under the data folder: a private one, set before GLib reads it. */
  data_home = g_dir_make_tmp ("limber-home-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!ui_test_init (&argc, &argv))
    return g_test_run ();

  library = load_library ();

  g_test_add ("/limber/home/open-from-application", Fixture, NULL, fixture_set_up,
              test_open_from_application, fixture_tear_down);
  g_test_add ("/limber/home/open-refused", Fixture, NULL, fixture_set_up, test_open_refused,
              fixture_tear_down);
  g_test_add ("/limber/home/unreadable-record", Fixture, NULL, fixture_set_up,
              test_unreadable_record, fixture_tear_down);
  g_test_add ("/limber/home/session-and-log", Fixture, NULL, fixture_set_up,
              test_session_and_log, fixture_tear_down);

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  g_object_unref (library);
  return status;
}
