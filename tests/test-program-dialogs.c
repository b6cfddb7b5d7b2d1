/* test-program-dialogs.c: the dosage dialog and the exercise picker under Xvfb: rows follow the
 * exercise, typed numbers out of range are refused with the reason, Done hands back the edited
 * copy, switching to a harder version keeps the dosage, and the picker searches and picks. */
#include "config.h"

#include <adwaita.h>

#include "limber-exercise-picker.h"
#include "limber-prescription-dialog.h"
#include "ui-test-util.h"

static LimberLibrary *library;

static gpointer
first_of (gpointer root,
          GType    type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static gpointer
find_row (gpointer    root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static gboolean
shows_group (gpointer    root,
             const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (root, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
shows_label (gpointer    root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_button (gpointer    root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static GtkSpinButton *
row_spin (gpointer    root,
          const char *title)
{
  gpointer row = find_row (root, title);

  g_assert_nonnull (row);
  return first_of (row, GTK_TYPE_SPIN_BUTTON);
}

/* Typing into a field and pressing Enter. */
static void
type_and_enter (gpointer    editable,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (editable)), "activate");
  drain ();
}

/* Runs what a key press would on @widget itself, found among its class's shortcuts. */
static void
press_key (gpointer        widget,
           guint           keyval,
           GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut));
              drain ();
              return;
            }
        }
    }

  g_assert_not_reached ();
}

static LimberPrescription *
prescription_for (const char *id)
{
  LimberExercise *exercise = limber_library_lookup (library, id);

  g_assert_nonnull (exercise);
  return limber_prescription_new_for_exercise (exercise);
}

static LimberPrescriptionDialog *
dialog_new (const LimberPrescription *prescription,
            LimberUnits               units)
{
  LimberPrescriptionDialog *dialog = limber_prescription_dialog_new (NULL, library, prescription,
                                                                     units);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (is_mapped, dialog);
  return dialog;
}

static void
done_cb (LimberPrescriptionDialog  *dialog,
         const LimberPrescription  *prescription,
         LimberPrescription       **result)
{
  g_assert_null (*result);
  *result = limber_prescription_copy (prescription);
}

/* Presses Done; returns what ::done carried, or NULL; the dialog is closed if it was emitted. */
static LimberPrescription *
press_done (LimberPrescriptionDialog *dialog)
{
  LimberPrescription *result = NULL;
  gulong handler = g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &result);
  GtkWidget *done = find_button (dialog, "_Done");

  g_assert_nonnull (done);
  if (result == NULL && gtk_widget_is_sensitive (done))
    g_signal_emit_by_name (done, "clicked");
  drain ();

  if (result == NULL)
    g_signal_handler_disconnect (dialog, handler);
  return result;
}

static void
test_dialog_rows_follow_exercise (void)
{
  g_autoptr(LimberPrescription) bridge = prescription_for ("bridge");
  g_autoptr(LimberPrescription) stretch = prescription_for ("supine-hamstring-stretch");
  g_autoptr(LimberPrescription) walk = prescription_for ("lateral-band-walk");
  LimberPrescriptionDialog *dialog;

  dialog = dialog_new (bridge, LIMBER_UNITS_METRIC);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Bridge");
  g_assert_false (shows_group (dialog, "Side"));
  g_assert_true (shows_group (dialog, "Amount"));
  g_assert_true (shows_group (dialog, "Change Exercise"));
  g_assert_nonnull (find_row (dialog, "Repetitions"));
  g_assert_nonnull (find_row (dialog, "Hold"));
  g_assert_true (shows_label (dialog, "Progression: Single-leg bridge"));
  g_assert_true (shows_label (dialog, "Regression: Posterior pelvic tilt"));
  /* One set: nothing to rest between. */
  g_assert_false (gtk_widget_is_sensitive (find_row (dialog, "Rest between sets")));
  /* 3–4 days a week in the library. */
  g_assert_nonnull (find_row (dialog, "Days a week"));
  g_assert_null (find_row (dialog, "Weight"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = dialog_new (stretch, LIMBER_UNITS_METRIC);
  g_assert_true (shows_group (dialog, "Side"));
  g_assert_cmpstr (gtk_string_object_get_string (
                     adw_combo_row_get_selected_item (find_row (dialog, "Which side"))),
                   ==, "Both sides");
  g_assert_nonnull (find_row (dialog, "Holds"));
  g_assert_null (find_row (dialog, "Repetitions"));
  g_assert_false (shows_group (dialog, "Change Exercise"));
  /* Every day: no days-a-week row. */
  g_assert_null (find_row (dialog, "Days a week"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = dialog_new (walk, LIMBER_UNITS_METRIC);
  g_assert_nonnull (find_row (dialog, "Steps"));
  g_assert_null (find_row (dialog, "Hold"));
  /* Each direction, not each side. */
  g_assert_false (shows_group (dialog, "Side"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_refuses_out_of_range (void)
{
  g_autoptr(LimberPrescription) bridge = prescription_for ("bridge");
  g_autoptr(LimberPrescription) stretch = prescription_for ("supine-hamstring-stretch");
  g_autoptr(LimberPrescription) result = NULL;
  LimberPrescriptionDialog *dialog = dialog_new (bridge, LIMBER_UNITS_METRIC);
  AdwActionRow *sets_row = find_row (dialog, "Sets");
  GtkSpinButton *sets = row_spin (dialog, "Sets");
  GtkWidget *done = find_button (dialog, "_Done");

  g_assert_cmpfloat (gtk_spin_button_get_value (sets), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (done));

  type_and_enter (sets, "11");
  g_assert_cmpstr (adw_action_row_get_subtitle (sets_row), ==, "Sets must be from 1 to 10.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sets_row), "error"));
  g_assert_cmpfloat (gtk_spin_button_get_value (sets), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sets)), ==, "1");
  g_assert_cmpuint (limber_prescription_dialog_get_prescription (dialog)->sets, ==, 1);
  g_assert_false (gtk_widget_is_sensitive (done));
  g_assert_null (press_done (dialog));

  /* Not a number at all. */
  type_and_enter (sets, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (sets_row), ==, "Sets must be a number.");
  g_assert_false (gtk_widget_is_sensitive (done));

  /* A valid number clears the refusal, and a second set makes the rest count. */
  type_and_enter (sets, "3");
  g_assert_cmpstr (adw_action_row_get_subtitle (sets_row), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (sets_row), "error"));
  g_assert_true (gtk_widget_is_sensitive (done));
  g_assert_true (gtk_widget_is_sensitive (find_row (dialog, "Rest between sets")));

  /* Off the 5-second step. */
  type_and_enter (row_spin (dialog, "Rest between sets"), "42");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (dialog, "Rest between sets")), ==,
                   "Rest between sets must be a multiple of 5.");
  /* Corrected, but not yet entered: the refusal goes at once and Done takes the number. */
  gtk_editable_set_text (GTK_EDITABLE (row_spin (dialog, "Rest between sets")), "45");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (dialog, "Rest between sets")), ==,
                   "Seconds");

  result = press_done (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->sets, ==, 3);
  g_assert_cmpuint (result->rest_seconds, ==, 45);
  g_assert_cmpstr (result->exercise_id, ==, "bridge");
  g_assert_cmpstr (result->id, ==, bridge->id);
  /* The dialog edited a copy. */
  g_assert_cmpuint (bridge->sets, ==, 1);

  /* A row that counts holds says so in its refusal. */
  dialog = dialog_new (stretch, LIMBER_UNITS_METRIC);
  type_and_enter (row_spin (dialog, "Holds"), "101");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (dialog, "Holds")), ==,
                   "Holds must be from 1 to 100.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_cancel (void)
{
  g_autoptr(LimberPrescription) bridge = prescription_for ("bridge");
  LimberPrescriptionDialog *dialog = dialog_new (bridge, LIMBER_UNITS_METRIC);
  LimberPrescription *result = NULL;

  g_signal_connect (dialog, "done", G_CALLBACK (done_cb), &result);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_and_enter (row_spin (dialog, "Sets"), "4");
  /* Escape cancels, even with a number half typed: nothing is emitted. */
  gtk_widget_grab_focus (GTK_WIDGET (row_spin (dialog, "Hold")));
  gtk_editable_set_text (GTK_EDITABLE (row_spin (dialog, "Hold")), "700");
  press_key (dialog, GDK_KEY_Escape, 0);

  g_assert_null (dialog);
  g_assert_null (result);
}

static void
test_dialog_switch_exercise (void)
{
  g_autoptr(LimberPrescription) bridge = prescription_for ("bridge");
  g_autoptr(LimberPrescription) result = NULL;
  LimberPrescriptionDialog *dialog;
  gpointer row;

  g_assert_true (limber_prescription_set_field (bridge, LIMBER_FIELD_SETS, 3, NULL));
  g_assert_true (limber_prescription_set_field (bridge, LIMBER_FIELD_REPS, 12, NULL));
  dialog = dialog_new (bridge, LIMBER_UNITS_METRIC);

  row = find_row (dialog, "Progression: Single-leg bridge");
  g_assert_nonnull (row);
  g_signal_emit_by_name (find_button (row, "Switch"), "clicked");
  drain ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Single-leg bridge");
  g_assert_cmpstr (adw_window_title_get_title (first_of (dialog, ADW_TYPE_WINDOW_TITLE)), ==,
                   "Single-leg bridge");
  g_assert_cmpfloat (gtk_spin_button_get_value (row_spin (dialog, "Sets")), ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (row_spin (dialog, "Repetitions")), ==, 12);
  /* The single-leg bridge is done one side at a time; it has only its regression. */
  g_assert_true (shows_group (dialog, "Side"));
  g_assert_true (shows_label (dialog, "Regression: Bridge"));
  g_assert_false (shows_label (dialog, "Progression: Single-leg bridge"));

  result = press_done (dialog);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->exercise_id, ==, "single-leg-bridge");
  g_assert_cmpuint (result->sets, ==, 3);
  g_assert_cmpuint (result->reps, ==, 12);
  g_assert_cmpint (result->side, ==, LIMBER_PRESCRIBED_SIDE_BOTH);
}

static void
test_dialog_modifications (void)
{
  g_autoptr(LimberPrescription) bridge = prescription_for ("bridge");
  g_autoptr(LimberPrescription) result = NULL;
  const char *listed = limber_exercise_get_modifications (limber_library_lookup (library,
                                                                                 "bridge"))[0];
  LimberPrescriptionDialog *dialog = dialog_new (bridge, LIMBER_UNITS_METRIC);
  AdwEntryRow *entry = find_row (dialog, "Add your own modification");
  g_autofree char *too_long = g_strnfill (LIMBER_PRESCRIPTION_MAX_MODIFICATION + 1, 'a');
  GtkCheckButton *check;
  gpointer row;

  /* Ticking a listed modification, by activating its row. */
  row = find_row (dialog, listed);
  g_assert_nonnull (row);
  check = first_of (row, GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (check));
  g_signal_emit_by_name (row, "activate");
  drain ();
  g_assert_true (gtk_check_button_get_active (check));

  /* Nothing typed, then too much. */
  g_assert_nonnull (entry);
  type_and_enter (entry, "  ");
  g_assert_true (shows_label (dialog, "Type the modification first."));
  type_and_enter (entry, too_long);
  g_assert_true (shows_label (dialog, "A modification is longer than 500 characters."));

  /* The therapist's own words, added with Enter, and one added then removed. */
  type_and_enter (entry, "Keep a pillow under your head.");
  g_assert_false (shows_label (dialog, "A modification is longer than 500 characters."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_nonnull (find_row (dialog, "Keep a pillow under your head."));
  type_and_enter (entry, "Stop if your back hurts.");
  row = find_row (dialog, "Stop if your back hurts.");
  g_assert_nonnull (row);
  g_signal_emit_by_name (first_of (row, GTK_TYPE_BUTTON), "clicked");
  drain ();
  g_assert_null (find_row (dialog, "Stop if your back hurts."));

  /* Typed again: a repeat is refused. */
  type_and_enter (entry, "Keep a pillow under your head.");
  g_assert_true (shows_label (dialog, "This modification is already in the list."));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  result = press_done (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (g_strv_length (result->modifications), ==, 2);
  g_assert_cmpstr (result->modifications[0], ==, listed);
  g_assert_cmpstr (result->modifications[1], ==, "Keep a pillow under your head.");
}

static void
test_dialog_load_and_note (void)
{
  g_autoptr(LimberPrescription) raise = prescription_for ("straight-leg-raise");
  g_autoptr(LimberPrescription) result = NULL;
  g_autofree char *long_note = g_strnfill (LIMBER_PRESCRIPTION_MAX_NOTE + 1, 'a');
  LimberPrescriptionDialog *dialog = dialog_new (raise, LIMBER_UNITS_IMPERIAL);
  GtkTextBuffer *buffer;
  GtkSpinButton *weight;

  g_assert_null (find_row (dialog, "Weight"));
  g_assert_null (find_row (dialog, "Band"));

  /* An ankle weight starts in the clinic's unit: 1 kg is about 2 lb. */
  adw_combo_row_set_selected (find_row (dialog, "Added load"), LIMBER_LOAD_ANKLE_WEIGHT);
  drain ();
  weight = row_spin (dialog, "Weight");
  g_assert_cmpfloat (gtk_spin_button_get_value (weight), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (dialog, "lb"))));
  type_and_enter (weight, "23");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (dialog, "Weight")), ==,
                   "Ankle weight (lb) must be from 1 to 22.");
  type_and_enter (weight, "5.5");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (dialog, "Weight")), ==, "");

  /* The note: refused over its limit, with Done held back until it fits. */
  buffer = gtk_text_view_get_buffer (first_of (dialog, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (buffer, long_note, -1);
  drain ();
  g_assert_true (shows_label (dialog, "The note is longer than 2000 characters."));
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "_Done")));
  gtk_text_buffer_set_text (buffer, "Slowly, with your knee straight.", -1);
  drain ();
  g_assert_true (gtk_widget_is_sensitive (find_button (dialog, "_Done")));

  result = press_done (dialog);
  g_assert_nonnull (result);
  g_assert_cmpint (result->load, ==, LIMBER_LOAD_ANKLE_WEIGHT);
  g_assert_cmpint (result->load_unit, ==, LIMBER_WEIGHT_UNIT_LB);
  g_assert_cmpfloat (result->load_amount, ==, 5.5);
  g_assert_cmpstr (result->note, ==, "Slowly, with your knee straight.");
}

static guint
count_exercise_rows (LimberExercisePicker *picker)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (picker), ADW_TYPE_ACTION_ROW, rows);
  return rows->len;
}

static void
picked_cb (LimberExercisePicker  *picker,
           const char            *id,
           char                 **result)
{
  g_assert_null (*result);
  *result = g_strdup (id);
}

static LimberExercisePicker *
picker_new (char **picked)
{
  LimberExercisePicker *picker = limber_exercise_picker_new (NULL, library);

  g_signal_connect (picker, "picked", G_CALLBACK (picked_cb), picked);
  gtk_window_present (GTK_WINDOW (picker));
  wait_for (is_mapped, picker);
  return picker;
}

static void
search (LimberExercisePicker *picker,
        const char           *text)
{
  GtkWidget *entry = first_of (picker, GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Now rather than after the entry's typing delay. */
  g_signal_emit_by_name (entry, "search-changed");
  drain ();
}

static void
test_picker (void)
{
  g_autofree char *picked = NULL;
  LimberExercisePicker *picker = picker_new (&picked);
  GtkWidget *entry = first_of (picker, GTK_TYPE_SEARCH_ENTRY);
  gpointer row;

  /* Focused on opening: the entry's text has the focus. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (picker)), entry));
  g_assert_cmpuint (count_exercise_rows (picker),
                    ==, g_list_model_get_n_items (G_LIST_MODEL (library)));
  g_assert_true (shows_label (picker, "Stretches"));
  g_assert_true (shows_label (picker, "Strengthening"));

  /* "band" also finds the iliotibial band stretch; "band walk" only the two walks. */
  search (picker, "band");
  g_assert_cmpuint (count_exercise_rows (picker), ==, 3);
  search (picker, "band walk");
  g_assert_cmpuint (count_exercise_rows (picker), ==, 2);
  g_assert_nonnull (find_row (picker, "Lateral band walk (monster walk)"));
  g_assert_nonnull (find_row (picker, "Forward and backward band walk"));
  g_assert_false (shows_label (picker, "Stretches"));

  search (picker, "zzzz");
  g_assert_cmpuint (count_exercise_rows (picker), ==, 0);
  g_assert_true (shows_label (picker, "No Exercises Found"));

  search (picker, "band walk");
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  row = find_row (picker, "Lateral band walk (monster walk)");
  g_signal_emit_by_name (row, "activate");
  drain ();
  g_assert_cmpstr (picked, ==, "lateral-band-walk");
  g_assert_null (picker);

  /* Enter in the search entry takes the first exercise found. */
  g_clear_pointer (&picked, g_free);
  picker = picker_new (&picked);
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  gtk_editable_set_text (GTK_EDITABLE (first_of (picker, GTK_TYPE_SEARCH_ENTRY)), "piriformis");
  g_signal_emit_by_name (first_of (picker, GTK_TYPE_SEARCH_ENTRY), "activate");
  drain ();
  g_assert_cmpstr (picked, ==, "supine-piriformis-stretch");
  g_assert_null (picker);

  /* Escape, in the search entry or elsewhere, closes without picking. */
  g_clear_pointer (&picked, g_free);
  picker = picker_new (&picked);
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  g_signal_emit_by_name (first_of (picker, GTK_TYPE_SEARCH_ENTRY), "stop-search");
  drain ();
  g_assert_null (picker);
  picker = picker_new (&picked);
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  press_key (picker, GDK_KEY_Escape, 0);
  g_assert_null (picker);
  g_assert_null (picked);
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

  g_test_add_func ("/limber/prescription-dialog/rows-follow-exercise",
                   test_dialog_rows_follow_exercise);
  g_test_add_func ("/limber/prescription-dialog/refuses-out-of-range",
                   test_dialog_refuses_out_of_range);
  g_test_add_func ("/limber/prescription-dialog/cancel", test_dialog_cancel);
  g_test_add_func ("/limber/prescription-dialog/switch-exercise", test_dialog_switch_exercise);
  g_test_add_func ("/limber/prescription-dialog/modifications", test_dialog_modifications);
  g_test_add_func ("/limber/prescription-dialog/load-and-note", test_dialog_load_and_note);
  g_test_add_func ("/limber/exercise-picker/search-and-pick", test_picker);

  status = g_test_run ();
  g_clear_object (&library);

  return status;
}
