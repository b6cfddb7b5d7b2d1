/* screenshot.c: renders the main window to a PNG with no window manager, for looking at the
 * UI under Xvfb and for the README and metainfo pictures.
 *   screenshot [--width W] [--height H] [--dark] [--exercise ID] [--search TEXT]
 *              [--demo-time SECONDS] [--reduced-motion]
 *              [--store DIR [--sample] [--patient NAME [--program]]]
 *              [--action NAME[:INT]] [--preferences] [--dialog]
 *              [--player SECONDS [--player-pain PAIN] [--player-complete] [--player-steps]]
 *              [--sessions] [--home FILE.limber [--sample]]
 *              OUT.png
 * --sample fills DIR with three made-up patients; --action activates a window action, such as
 * patients.add or editor.edit:0 (an exercise's dosage); --dialog renders the newest dialog
 * instead of the main window; --player renders a guided session stopped at SECONDS, with
 * --player-pain its log panel answered "Partly" with PAIN, with --player-complete its end;
 * --home renders the patient's own view after opening FILE.limber (with --sample, three weeks
 * of made-up sessions), in the folder under $XDG_DATA_HOME. */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "limber-figure-view.h"
#include "limber-handout-group.h"
#include "limber-home-window.h"
#include "limber-home.h"
#include "limber-sessions-group.h"
#include "limber-player-private.h"
#include "limber-preferences-window.h"
#include "limber-program-editor.h"
#include "limber-session-log.h"
#include "limber-window.h"

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Three weeks of made-up sessions up to yesterday, most days, with pain easing; one bad day. */
static void
add_sample_sessions (LimberPatient *patient,
                     LimberProgram *program,
                     GDateTime     *now)
{
  for (int day = 20; day >= 1; day--)
    {
      g_autoptr(GDateTime) started = g_date_time_add_full (now, 0, 0, -day, 0, -20, 0);
      LimberSession *session;

      if (day % 7 == 3 || day % 5 == 4)
        continue;

      session = limber_session_new (program->id, started);
      for (guint i = 0; i < program->prescriptions->len; i++)
        {
          LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);
          int pain = CLAMP (1 + day / 5 + (int) ((i * 7 + day) % 3) - 1, 0, 10);

          if (day == 9 && i == 3)
            pain = 6;
          limber_session_log (session, prescription->id, prescription->exercise_id,
                              day == 11 && i == 5 ? LIMBER_OUTCOME_SKIPPED :
                              pain >= 5 ? LIMBER_OUTCOME_PARTLY : LIMBER_OUTCOME_DONE, pain);
        }
      limber_session_finish (session, started);
      limber_patient_add_session (patient, session);
    }
}

/* Made-up patients for pictures; the first has a program changed since an earlier visit. */
static void
add_sample_patients (LimberStore   *store,
                     LimberLibrary *library)
{
  g_autoptr(GPtrArray) templates = limber_store_list_templates (store, NULL);
  LimberProgram *template = g_ptr_array_index (templates, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) visit = g_date_time_add_days (now, -14);
  static const struct { const char *name, *condition, *notes; int year, age; } samples[] = {
    { "Margaret Okafor", "Hip osteoarthritis, right", "Walks her dog daily; stairs painful.", 1952, 0 },
    { "David Lindqvist", "Greater trochanteric pain", "Runner; sleeps on his left side.", 0, 58 },
    { "Ana Sofía Reyes", "Hip impingement (FAI), left", "", 1991, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(LimberPatient) patient = limber_patient_new (samples[i].name);
      g_autoptr(GDate) today = g_date_new ();
      g_autoptr(GError) error = NULL;
      LimberProgram *program;

      g_date_set_time_t (today, time (NULL));
      limber_patient_set_text (patient, &patient->condition, samples[i].condition, NULL);
      limber_patient_set_text (patient, &patient->notes, samples[i].notes, NULL);
      if (samples[i].year > 0)
        {
          g_autoptr(GDate) born = g_date_new_dmy (14, G_DATE_MARCH, samples[i].year);
          limber_patient_set_birth_date (patient, born, today, NULL);
        }
      else
        limber_patient_set_age (patient, samples[i].age, today, NULL);

      program = limber_program_new_from_template (template, i == 0 ? "Hip OA · week 1" : template->name);
      g_ptr_array_add (patient->programs, program);
      patient->active_program = g_strdup (program->id);

      if (i == 0)
        {
          LimberPrescription *bridge;

          /* The first visit's program, then this visit's changes. */
          g_ptr_array_remove_range (program->prescriptions, 7, program->prescriptions->len - 7);
          limber_patient_commit (patient, visit);
          g_free (program->name);
          program->name = g_strdup ("Hip OA · week 3");
          g_ptr_array_remove_index (program->prescriptions, 2);
          bridge = g_ptr_array_index (program->prescriptions, 3);
          limber_prescription_set_field (bridge, LIMBER_FIELD_REPS, 15, NULL);
          limber_prescription_set_field (bridge, LIMBER_FIELD_SETS, 2, NULL);
          g_ptr_array_add (program->prescriptions,
                           limber_prescription_new_for_exercise (limber_library_lookup (library, "hip-hike")));
          limber_patient_commit (patient, now);
          add_sample_sessions (patient, program, now);
        }

      if (!limber_store_save (store, patient, &error))
        g_printerr ("screenshot: %s\n", error->message);
    }
}

static GtkWidget *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
frozen_clock (gpointer user_data)
{
  return 0;
}

/* A session of three exercises, stopped at @seconds on a clock that stands still. */
static GtkWidget *
player_new (LimberLibrary *library,
            double         seconds,
            int            pain,
            gboolean       complete)
{
  static const char * const ids[] = { "straight-leg-raise", "bridge", "side-lying-hip-abduction" };
  g_autoptr(LimberProgram) program = limber_program_new ("Hip OA · week 3");
  LimberPlayer *player;
  LimberTimeline *timeline;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LimberPrescription *p =
        limber_prescription_new_for_exercise (limber_library_lookup (library, ids[i]));

      if (i == 0)
        {
          p->side = LIMBER_PRESCRIBED_SIDE_BOTH;
          p->hold_seconds = 5;
        }
      g_ptr_array_add (program->prescriptions, p);
    }
  player = limber_player_new (NULL, library, program, NULL);
  limber_player_set_clock (player, frozen_clock, NULL);
  timeline = limber_player_get_timeline (player);
  limber_timeline_play (timeline);
  limber_timeline_seek (timeline, seconds);
  limber_player_update (player);
  while (pain >= 0 || complete)
    {
      GtkWidget *partly = find_toggle (GTK_WIDGET (player), "_Partly");
      GObject *pages = gtk_widget_get_template_child (GTK_WIDGET (player), LIMBER_TYPE_PLAYER,
                                                        "pages");

      if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (pages)), "log") != 0)
        {
          if (!gtk_widget_activate_action (GTK_WIDGET (player), "player.skip-forward", NULL))
            break;
          continue;
        }
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (partly), TRUE);
      {
        g_autofree char *rating = g_strdup_printf ("%d", complete ? 2 : CLAMP (pain, 0, 10));

        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (GTK_WIDGET (player), rating)),
                                      TRUE);
      }
      if (!complete)
        break;
      g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (player),
                                                            LIMBER_TYPE_PLAYER,
                                                            "continue_button"), "clicked");
      if (limber_player_get_session (player)->entries->len == G_N_ELEMENTS (ids))
        break;
    }
  return GTK_WIDGET (player);
}

static GtkWidget *
newest_dialog (GtkWidget *main_window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != main_window && gtk_widget_get_visible (toplevel))
        return toplevel;
    }

  return main_window;
}

/* The patient's page scrolled so that its Sessions group is at the top. */
static gboolean
scroll_to_sessions_cb (gpointer data)
{
  GtkWidget *group = find_type (data, LIMBER_TYPE_SESSIONS_GROUP);
  GtkWidget *scrolled = group != NULL ? gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_point_t point;

  if (scrolled != NULL &&
      gtk_widget_compute_point (group, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              point.y - 12);
  return G_SOURCE_REMOVE;
}

/* The patient's view of @path, as after a double click, with sample sessions if asked. */
static GtkWidget *
home_window_new (LimberLibrary *library,
                 const char    *path,
                 gboolean       sample)
{
  g_autofree char *folder_path = limber_home_get_default_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(LimberStore) store = limber_store_new (folder, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(LimberProgramFile) file = NULL;
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  limber_store_set_create_folder (store, TRUE);
  if (!limber_store_load (store, &error) ||
      !(bytes = g_file_load_bytes (source, NULL, NULL, &error)) ||
      !(file = limber_program_file_load (bytes, path, &error)) ||
      !(patient = limber_home_import (store, file, bytes, now, &error)))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return NULL;
    }

  if (sample)
    {
      add_sample_sessions (patient, limber_patient_get_active_program (patient), now);
      if (!limber_store_save (store, patient, &error))
        {
          g_printerr ("screenshot: %s\n", error->message);
          return NULL;
        }
    }

  g_settings_set_string (settings, "home-record", patient->id);
  return g_object_new (LIMBER_TYPE_HOME_WINDOW, "library", library, NULL);
}

static gboolean
render_cb (gpointer data)
{
  GtkWidget *main_window = data;
  GtkWidget *window = g_object_get_data (G_OBJECT (main_window), "dialog") != NULL
                      ? newest_dialog (main_window) : main_window;
  const char *output = g_object_get_data (G_OBJECT (main_window), "output");
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, output))
    g_printerr ("screenshot: could not write %s\n", output);
  else
    g_printerr ("screenshot: %s (%d × %d)\n", output, width, height);

  if (window != main_window)
    gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.png");
  g_autoptr(LimberLibrary) library = NULL;
  g_autofree char *exercise = NULL;
  g_autofree char *search = NULL;
  g_autofree char *store_dir = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *action = NULL;
  gboolean dark = FALSE, reduced_motion = FALSE, sample = FALSE, program = FALSE, dialog = FALSE;
  gboolean preferences = FALSE;
  double demo_time = -1, player_time = -1;
  int player_pain = -1;
  gboolean player_complete = FALSE, player_steps = FALSE;
  g_autofree char *home_file = NULL;
  gboolean sessions = FALSE;
  int width = 1000, height = 700;
  LimberWindow *window;
  const GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "exercise", 0, 0, G_OPTION_ARG_STRING, &exercise, "Exercise to show", "ID" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Search text", "TEXT" },
    { "demo-time", 0, 0, G_OPTION_ARG_DOUBLE, &demo_time,
      "Pause the demonstration at this instant", "SECONDS" },
    { "reduced-motion", 0, 0, G_OPTION_ARG_NONE, &reduced_motion, "Animations off", NULL },
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_dir, "Patient store folder", "DIR" },
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, "Add made-up patients to the store", NULL },
    { "patient", 0, 0, G_OPTION_ARG_STRING, &patient, "Patient to open", "NAME" },
    { "program", 0, 0, G_OPTION_ARG_NONE, &program, "Open the patient's active program", NULL },
    { "dialog", 0, 0, G_OPTION_ARG_NONE, &dialog, "Render the newest dialog", NULL },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, "Activate an action", "NAME[:INT]" },
    { "preferences", 0, 0, G_OPTION_ARG_NONE, &preferences, "Open Preferences (render it with "
      "--dialog)", NULL },
    { "player", 0, 0, G_OPTION_ARG_DOUBLE, &player_time,
      "Render a guided session stopped at this instant", "SECONDS" },
    { "player-pain", 0, 0, G_OPTION_ARG_INT, &player_pain,
      "Answer the first log panel with this pain", "PAIN" },
    { "player-complete", 0, 0, G_OPTION_ARG_NONE, &player_complete,
      "Answer every log panel", NULL },
    { "player-steps", 0, 0, G_OPTION_ARG_NONE, &player_steps, "Show the steps panel", NULL },
    { "sessions", 0, 0, G_OPTION_ARG_NONE, &sessions,
      "Scroll the patient's page to its Sessions group", NULL },
    { "home", 0, 0, G_OPTION_ARG_FILENAME, &home_file,
      "Render the patient's view of this program file", "FILE.limber" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: screenshot [OPTION…] OUT.png");
      return 2;
    }

  gtk_init ();
  adw_init ();
  if (reduced_motion)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  /* What AdwApplication does for Limber itself. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  library = limber_library_new ();
  if (!limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (store_dir != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autoptr(GFile) folder = g_file_new_for_path (store_dir);

      if (sample)
        {
          g_autoptr(LimberStore) store = limber_store_new (folder, NULL);

          if (!limber_store_load (store, &error))
            {
              g_printerr ("screenshot: %s\n", error->message);
              return 1;
            }
          add_sample_patients (store, library);
        }
      g_settings_set_string (settings, "store-folder", store_dir);
    }

  if (home_file != NULL)
    {
      GtkWidget *home = home_window_new (library, home_file, sample);

      if (home == NULL)
        return 1;
      g_object_set_data_full (G_OBJECT (home), "output", g_strdup (argv[1]), g_free);
      gtk_window_set_default_size (GTK_WINDOW (home), width, height);
      gtk_window_present (GTK_WINDOW (home));
      g_timeout_add (1200, render_cb, home);
      while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
        g_main_context_iteration (NULL, TRUE);
      return 0;
    }

  if (player_time >= 0)
    {
      GtkWidget *player = player_new (library, player_time, player_pain, player_complete);

      if (player_steps)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (player, LIMBER_TYPE_PLAYER, "steps_button")), TRUE);
      g_object_set_data_full (G_OBJECT (player), "output", g_strdup (argv[1]), g_free);
      gtk_window_set_default_size (GTK_WINDOW (player), width, height);
      gtk_window_present (GTK_WINDOW (player));
      g_timeout_add (1200, render_cb, player);
      while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
        g_main_context_iteration (NULL, TRUE);
      return 0;
    }

  window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  if (dialog)
    g_object_set_data (G_OBJECT (window), "dialog", GINT_TO_POINTER (TRUE));
  if (patient != NULL)
    {
      LimberPatientsView *view = limber_window_get_patients_view (window);
      LimberStore *store = limber_patients_view_get_store (view);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)) && !found; i++)
        {
          g_autoptr(LimberStoreItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

          if (g_strcmp0 (limber_store_item_get_name (item), patient) == 0)
            found = limber_patients_view_open_patient (view, limber_store_item_get_id (item));
        }

      if (!found)
        {
          g_printerr ("screenshot: no patient \"%s\"\n", patient);
          return 1;
        }

      if (program)
        limber_patients_view_open_program (view,
                                           limber_patients_view_get_patient (view)->active_program);
    }
  g_object_set_data_full (G_OBJECT (window), "output", g_strdup (argv[1]), g_free);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (search != NULL)
    limber_window_set_search_text (window, search);
  if (exercise != NULL && !limber_window_show_exercise (window, exercise))
    {
      g_printerr ("screenshot: no exercise \"%s\"\n", exercise);
      return 1;
    }
  if (demo_time >= 0)
    {
      GtkWidget *view = find_type (GTK_WIDGET (window), LIMBER_TYPE_FIGURE_VIEW);

      limber_figure_view_set_playing (LIMBER_FIGURE_VIEW (view), FALSE);
      limber_figure_view_set_time (LIMBER_FIGURE_VIEW (view), demo_time);
    }
  gtk_window_present (GTK_WINDOW (window));

  if (action != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (action, ":", 2);
      GtkWidget *target = g_str_has_prefix (parts[0], "editor.")
                          ? find_type (GTK_WIDGET (window), LIMBER_TYPE_PROGRAM_EDITOR)
                          : g_str_has_prefix (parts[0], "handout.")
                          ? find_type (GTK_WIDGET (window), LIMBER_TYPE_HANDOUT_GROUP)
                          : GTK_WIDGET (limber_window_get_patients_view (window));
      GVariant *parameter = parts[1] != NULL ? g_variant_new_int32 (atoi (parts[1])) : NULL;

      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (target == NULL || !gtk_widget_activate_action_variant (target, parts[0], parameter))
        {
          g_printerr ("screenshot: no action \"%s\" here\n", action);
          return 1;
        }
    }

  if (preferences)
    {
      GtkWidget *window_preferences = limber_preferences_window_new (GTK_WINDOW (window));

      gtk_window_set_default_size (GTK_WINDOW (window_preferences), width, height);
      gtk_window_present (GTK_WINDOW (window_preferences));
    }

  if (sessions)
    g_timeout_add (900, scroll_to_sessions_cb, window);
  /* Long enough for the first frames and any leaflet transition. */
  g_timeout_add (1200, render_cb, window);

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
