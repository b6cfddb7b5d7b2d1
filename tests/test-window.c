/* test-window.c: the main window under Xvfb: every exercise listed, search and the kind filter
 * narrow the list, selecting an exercise shows its detail, links and the narrow layout work. */
#include "config.h"

#include <adwaita.h>

#include "limber-demonstration.h"
#include "limber-exercise-page.h"
#include "limber-window.h"
#include "ui-test-util.h"

static LimberLibrary *library;

/* The exercise rows a person sees in the list (rows of the navigation sidebar, minus the
 * guidance row). */
static GPtrArray *
visible_exercise_rows (LimberWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *titles = g_ptr_array_new ();

  collect (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *list = gtk_widget_get_parent (row);

      if (g_object_get_data (G_OBJECT (row), "exercise") == NULL ||
          !gtk_widget_has_css_class (list, "navigation-sidebar"))
        continue;
      g_ptr_array_add (titles, row);
    }

  return titles;
}

static GtkWidget *
find_one (LimberWindow *window,
          GType         type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (window), type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
shows_label (LimberWindow *window,
             const char   *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      /* No-break spaces read as spaces; word joiners are invisible. */
      g_autoptr(GString) label = g_string_new (gtk_label_get_label (g_ptr_array_index (labels,
                                                                                      i)));

      g_string_replace (label, "\u00a0", " ", 0);
      g_string_replace (label, "\u2060", "", 0);
      if (g_strcmp0 (label->str, text) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
count_rows (LimberWindow *window)
{
  g_autoptr(GPtrArray) rows = visible_exercise_rows (window);

  return rows->len;
}

static LimberWindow *
window_new (int width)
{
  LimberWindow *window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);

  limber_window_show_view (window, "library");

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window);

  return window;
}

static void
test_window_list_and_search (void)
{
  LimberWindow *window = window_new (1000);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpuint (count_rows (window), ==, n);
  g_assert_true (shows_label (window, "Stretches"));
  g_assert_true (shows_label (window, "Strengthening"));

  /* At start the guidance is shown, with the red flags. */
  g_assert_null (limber_window_get_exercise (window));
  g_assert_true (shows_label (window, "See a doctor before exercising if"));

  /* The two band walks and the iliotibial band stretch. */
  limber_window_set_search_text (window, "band");
  drain ();
  g_assert_cmpuint (count_rows (window), ==, 3);
  g_assert_false (shows_label (window, "No Exercises Found"));

  limber_window_set_search_text (window, "gluteus medius");
  g_assert_cmpuint (count_rows (window), >=, 3);
  g_assert_cmpuint (count_rows (window), <, n);

  limber_window_set_search_text (window, "zzzz");
  drain ();
  g_assert_cmpuint (count_rows (window), ==, 0);
  g_assert_true (shows_label (window, "No Exercises Found"));

  limber_window_set_search_text (window, "");
  drain ();
  g_assert_cmpuint (count_rows (window), ==, n);

  /* The kind filter, through its action as the toggle buttons use it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "library.kind", "s", "stretch");
  drain ();
  g_assert_cmpuint (count_rows (window), ==, 4);
  g_assert_false (shows_label (window, "Strengthening"));

  gtk_widget_activate_action (GTK_WIDGET (window), "library.kind", "s", "strengthening");
  limber_window_set_search_text (window, "hamstrings");
  drain ();
  /* The two bridges and prone hip extension; not the hamstring stretch. */
  g_assert_cmpuint (count_rows (window), ==, 3);
  g_assert_false (shows_label (window, "Supine hamstring stretch"));

  gtk_widget_activate_action (GTK_WIDGET (window), "library.kind", "s", "all");
  limber_window_set_search_text (window, "");
  drain ();
  g_assert_cmpuint (count_rows (window), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_select (void)
{
  LimberWindow *window = window_new (1000);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *bridge_row = NULL;

  limber_window_set_search_text (window, "bridge");
  drain ();

  rows = visible_exercise_rows (window);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "Bridge") == 0)
      bridge_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (bridge_row);

  /* Selecting a row, as a click or Enter does. */
  g_signal_emit_by_name (bridge_row, "activate");
  drain ();

  g_assert_cmpstr (limber_exercise_get_id (limber_window_get_exercise (window)), ==, "bridge");
  g_assert_true (shows_label (window, "10–15 reps · 3 s hold · 3–4 days a week"));
  g_assert_true (shows_label (window, "Cautions"));
  g_assert_true (shows_label (window, "Lie on your back with your knees bent, your feet flat "
                                      "on the floor and your arms by your sides."));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (bridge_row)));

  /* The harder version's link. */
  gtk_widget_activate_action (GTK_WIDGET (window), "library.show-exercise", "s",
                              "single-leg-bridge");
  drain ();
  g_assert_cmpstr (limber_exercise_get_id (limber_window_get_exercise (window)), ==,
                   "single-leg-bridge");
  g_assert_true (shows_label (window, "Single-leg bridge"));
  g_assert_false (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (bridge_row)));

  /* Ctrl+F, a query, Enter: the first result opens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "library.search", NULL);
  limber_window_set_search_text (window, "piriformis");
  g_signal_emit_by_name (find_one (window, GTK_TYPE_SEARCH_ENTRY), "activate");
  drain ();
  g_assert_cmpstr (limber_exercise_get_id (limber_window_get_exercise (window)), ==,
                   "supine-piriformis-stretch");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_played (gpointer view)
{
  return limber_figure_view_get_time (view) > 0.2;
}

static void
show_exercise (LimberWindow *window,
               const char   *id)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "library.show-exercise", "s", id);
  drain ();
}

/* The detail page's demonstration plays with the frame clock, holds as long as the dosage
 * says, pauses, slows down, and stands still when animations are off. */
static void
test_window_demonstration (void)
{
  LimberWindow *window = window_new (1000);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));
  LimberDemonstration *demonstration;
  LimberFigureView *view;
  LimberMotionTiming timing = { 60, 1 };
  double paused_at;

  show_exercise (window, "supine-hamstring-stretch");
  demonstration = LIMBER_DEMONSTRATION (find_one (window, LIMBER_TYPE_DEMONSTRATION));
  view = limber_demonstration_get_figure_view (demonstration);
  g_assert_cmpstr (limber_motion_get_id (limber_figure_view_get_motion (view)), ==,
                   "supine-hamstring-stretch");
  g_assert_cmpfloat (limber_figure_view_get_hold_seconds (view), ==, 60);
  g_assert_false (limber_figure_view_get_still (view));
  g_assert_cmpstr (limber_figure_view_get_caption (view), ==, "Get ready");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, 160);

  /* It plays by itself. */
  wait_for (has_played, view);

  /* The caption counts the prescribed hold down. */
  limber_figure_view_set_time (view, limber_motion_get_phase_start (
                                 limber_figure_view_get_motion (view), &timing,
                                 LIMBER_PHASE_HOLD) + 15.5);
  g_assert_cmpstr (limber_figure_view_get_caption (view), ==, "Hold · 45 s");
  g_assert_true (shows_label (window, "Hold · 45 s"));

  /* Pause stops the clock; play goes on from there. */
  gtk_widget_activate_action (GTK_WIDGET (demonstration), "demonstration.play-pause", NULL);
  g_assert_false (limber_figure_view_get_playing (view));
  paused_at = limber_figure_view_get_time (view);
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpfloat (limber_figure_view_get_time (view), ==, paused_at);
  gtk_widget_activate_action (GTK_WIDGET (demonstration), "demonstration.play-pause", NULL);
  g_assert_true (limber_figure_view_get_playing (view));

  /* Slow is half speed. */
  gtk_widget_activate_action (GTK_WIDGET (demonstration), "demonstration.slow", NULL);
  g_assert_cmpfloat (limber_figure_view_get_speed (view), ==, 0.5);
  gtk_widget_activate_action (GTK_WIDGET (demonstration), "demonstration.slow", NULL);
  g_assert_cmpfloat (limber_figure_view_get_speed (view), ==, 1.0);

  /* Reduced motion: the start and end poses side by side, no playing controls. */
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  drain ();
  g_assert_true (limber_figure_view_get_still (view));
  g_assert_cmpstr (limber_figure_view_get_caption (view), ==, "Start and end positions");
  g_assert_false (shows_label (window, "Slow"));
  paused_at = limber_figure_view_get_time (view);
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpfloat (limber_figure_view_get_time (view), ==, paused_at);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  drain ();
  g_assert_false (limber_figure_view_get_still (view));

  /* A demonstration that cannot be loaded says so in place of the figure. */
  g_assert_false (limber_demonstration_show_motion (demonstration, "no-such-exercise", 0));
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (shows_label (window, "The demonstration could not be shown: "
                                      "No demonstration named “no-such-exercise”"));
  g_assert_true (limber_demonstration_show_motion (demonstration, "bridge", 3));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));

  /* Every exercise has its own demonstration, with its own hold. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);

      show_exercise (window, limber_exercise_get_id (exercise));
      g_assert_nonnull (limber_figure_view_get_motion (view));
      g_assert_cmpstr (limber_motion_get_id (limber_figure_view_get_motion (view)), ==,
                       limber_exercise_get_id (exercise));
      g_assert_cmpfloat (limber_figure_view_get_hold_seconds (view), ==,
                         limber_exercise_get_dosage (exercise)->hold_seconds);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint expected_rows;

static gboolean
shows_expected_rows (gpointer window)
{
  return count_rows (window) == expected_rows;
}

static gboolean
exercise_page_hidden (gpointer window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect (window, LIMBER_TYPE_EXERCISE_PAGE, pages);
  return pages->len == 0;
}

static gboolean
is_folded (gpointer window)
{
  g_autoptr(GPtrArray) leaflets = g_ptr_array_new ();

  collect (window, ADW_TYPE_LEAFLET, leaflets);
  return leaflets->len == 1 && adw_leaflet_get_folded (g_ptr_array_index (leaflets, 0));
}

static void
test_window_narrow (void)
{
  LimberWindow *window = window_new (360);

  wait_for (is_folded, window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  /* One column: the list first, then the exercise (once the slide is over), then back. */
  g_assert_cmpuint (count_rows (window), ==, 13);
  g_assert_true (limber_window_show_exercise (window, "hip-hike"));
  expected_rows = 0;
  wait_for (shows_expected_rows, window);
  g_assert_true (shows_label (window, "Hip hike"));

  gtk_widget_activate_action (GTK_WIDGET (window), "library.back", NULL);
  expected_rows = 13;
  wait_for (shows_expected_rows, window);
  wait_for (exercise_page_hidden, window);

  g_assert_false (limber_window_show_exercise (window, "no-such-exercise"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window opens at the size it was closed at. */
static void
test_window_size_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LimberWindow *window = window_new (820);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  limber_window_show_view (window, "library");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!ui_test_init (&argc, &argv))
    return 0;

  library = limber_library_new ();
  limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error);
  g_assert_no_error (error);

  g_test_add_func ("/limber/window/list-and-search", test_window_list_and_search);
  g_test_add_func ("/limber/window/select", test_window_select);
  g_test_add_func ("/limber/window/demonstration", test_window_demonstration);
  g_test_add_func ("/limber/window/narrow", test_window_narrow);
  g_test_add_func ("/limber/window/size-kept", test_window_size_kept);

  status = g_test_run ();
  g_clear_object (&library);

  return status;
}
