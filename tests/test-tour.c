/* test-tour.c: a scripted walk through every page and dialog of Limber under Xvfb, wide and
 * light, then 360 px wide and dark, with every GLib and GTK warning and critical fatal: the
 * application's own code may emit none. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "limber-home-window.h"
#include "limber-home.h"
#include "limber-player-private.h"
#include "limber-preferences-window.h"
#include "limber-program-editor.h"
#include "limber-program-file.h"
#include "limber-session-log.h"
#include "limber-sessions-group.h"
#include "limber-window.h"
#include "ui-test-util.h"

static LimberLibrary *library;
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

typedef struct
{
  int      width;
  gboolean dark;
} Look;

/* A record with a program and a few sessions, in @folder; returns its id. */
static char *
add_patient (const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(LimberStore) store = limber_store_new (file, NULL);
  g_autoptr(LimberPatient) patient = limber_patient_new ("Margaret Okafor");
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  LimberProgram *program;

  g_assert_true (limber_store_load (store, &error));
  templates = limber_store_list_templates (store, NULL);
  program = limber_program_new_from_template (g_ptr_array_index (templates, 0), "Hip OA");
  g_ptr_array_add (patient->programs, program);
  patient->active_program = g_strdup (program->id);
  limber_patient_commit (patient, now);
  for (int day = 1; day <= 3; day++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_days (now, -day);
      LimberSession *session = limber_session_new (program->id, started);

      for (guint i = 0; i < program->prescriptions->len; i++)
        {
          LimberPrescription *p = g_ptr_array_index (program->prescriptions, i);

          limber_session_log (session, p->id, p->exercise_id,
                              i % 3 == 2 ? LIMBER_OUTCOME_SKIPPED : LIMBER_OUTCOME_DONE, day + i % 4);
        }
      limber_session_finish (session, started);
      limber_patient_add_session (patient, session);
    }
  g_assert_true (limber_store_save (store, patient, &error));
  g_assert_no_error (error);
  return g_strdup (patient->id);
}

static GtkWidget *
newest_window (GType type)
{
  GtkWidget *found = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = window;
    }
  return found;
}

/* Activates @action on @target, shows what it opened, and closes that again. */
static void
open_and_close (GtkWidget  *target,
                const char *action,
                GVariant   *parameter,
                GType       opens)
{
  GtkWidget *window;

  g_assert_true (gtk_widget_activate_action_variant (target, action, parameter));
  drain ();
  window = newest_window (opens);
  g_assert_nonnull (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
tour_library (LimberWindow *window)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_assert_cmpuint (n, >, 0);
  limber_window_show_view (window, "library");
  drain ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_assert_true (limber_window_show_exercise (window, limber_exercise_get_id (exercise)));
      drain ();
    }
  limber_window_set_search_text (window, "band");
  drain ();
  limber_window_set_search_text (window, "zzz");
  drain ();
  limber_window_set_search_text (window, "");
  drain ();
}

static void
tour_patients (LimberWindow *window,
               const char   *patient_id)
{
  LimberPatientsView *view = limber_window_get_patients_view (window);
  LimberPatient *patient;
  GtkWidget *editor;

  limber_window_show_view (window, "patients");
  drain ();
  g_assert_true (limber_patients_view_open_patient (view, patient_id));
  drain ();
  open_and_close (GTK_WIDGET (view), "patients.edit", NULL, ADW_TYPE_WINDOW);
  open_and_close (GTK_WIDGET (view), "patients.add", NULL, ADW_TYPE_WINDOW);

  patient = limber_patients_view_get_patient (view);
  limber_patients_view_open_program (view, patient->active_program);
  drain ();
  editor = find_first (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR);
  g_assert_nonnull (editor);
  open_and_close (editor, "editor.edit", g_variant_new_int32 (0), ADW_TYPE_WINDOW);
  open_and_close (editor, "editor.add", NULL, ADW_TYPE_WINDOW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "patients.back", NULL));
  drain ();
}

/* A whole guided session from the patient's page, on a fast clock: every page the player has. */
static void
tour_player (LimberWindow *window)
{
  GtkWidget *group = find_first (GTK_WIDGET (window), LIMBER_TYPE_SESSIONS_GROUP);
  LimberPlayer *player;
  GObject *pages;
  guint ticks = 0;

  g_assert_nonnull (group);
  g_signal_emit_by_name (group, "start");
  drain ();
  player = LIMBER_PLAYER (newest_window (LIMBER_TYPE_PLAYER));
  g_assert_nonnull (player);
  fake_now = 0;
  limber_player_set_clock (player, fake_clock, NULL);
  pages = gtk_widget_get_template_child (GTK_WIDGET (player), LIMBER_TYPE_PLAYER, "pages");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (player), "player.fullscreen", NULL));
  drain ();

  while (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (pages)), "complete") != 0)
    {
      g_assert_cmpuint (ticks++, <, 20000);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (pages)), "log") == 0)
        {
          click (find_titled (GTK_WIDGET (player), GTK_TYPE_TOGGLE_BUTTON, "_Partly"));
          click (find_titled (GTK_WIDGET (player), GTK_TYPE_TOGGLE_BUTTON, "6"));
          click (find_titled (GTK_WIDGET (player), GTK_TYPE_BUTTON, "_Continue"));
          continue;
        }
      /* The steps panel once, then through the session a few seconds at a time. */
      if (ticks == 2)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (
                                        GTK_WIDGET (player), LIMBER_TYPE_PLAYER, "steps_button")),
                                      TRUE);
      fake_now += 5 * G_USEC_PER_SEC;
      limber_player_update (player);
      drain ();
    }
  gtk_window_destroy (GTK_WINDOW (player));
  drain ();
}

static void
tour_home (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "examples",
                                                    "hip-pain-starter.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (example);
  LimberHomeWindow *home = g_object_new (LIMBER_TYPE_HOME_WINDOW, "library", library, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gtk_window_present (GTK_WINDOW (home));
  drain ();
  g_assert_true (limber_home_window_open_file (home, file));
  drain ();
  collect_all (GTK_WIDGET (home), ADW_TYPE_EXPANDER_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
  drain ();
  gtk_window_destroy (GTK_WINDOW (home));
  drain ();
}

static void
test_tour (gconstpointer data)
{
  const Look *look = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_dir_make_tmp ("limber-tour-XXXXXX", NULL);
  g_autofree char *patient_id = add_patient (folder);
  LimberWindow *window;
  GtkWidget *preferences;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      look->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (settings, "store-folder", folder);
  window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), look->width, 760);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  tour_library (window);
  tour_patients (window, patient_id);
  tour_player (window);

  preferences = limber_preferences_window_new (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), look->width, 760);
  gtk_window_present (GTK_WINDOW (preferences));
  drain ();
  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();

  tour_home ();

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  remove_tree (folder);
  g_settings_reset (settings, "store-folder");
  g_settings_reset (settings, "home-record");
}

int
main (int   argc,
      char *argv[])
{
  static const Look wide = { 1100, FALSE };
  static const Look narrow = { 360, TRUE };
  g_autofree char *data_home = g_dir_make_tmp ("limber-tour-data-XXXXXX", NULL);
  int status;

  /* The patient's own folder is under the data folder: a private one, set before GLib reads it. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!ui_test_init (&argc, &argv))
    return g_test_run ();

  /* Every warning and critical is a failure, GTK's included. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  library = load_library ();

  g_test_add_data_func ("/limber/tour/wide-light", &wide, test_tour);
  g_test_add_data_func ("/limber/tour/narrow-dark", &narrow, test_tour);

  status = g_test_run ();
  remove_tree (data_home);
  g_object_unref (library);
  return status;
}
