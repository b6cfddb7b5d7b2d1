/* test-patients.c: the patients view under Xvfb, driven as a therapist would: add a patient,
 * build a program from the shipped template, change a dosage, and find the change after the
 * store is opened again; plus search, archive, delete with Undo, a refused save kept in
 * memory, and a change made elsewhere that is not overwritten. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-patient-dialog.h"
#include "limber-prescription-dialog.h"
#include "limber-program-editor.h"
#include "limber-window.h"
#include "ui-test-util.h"

static LimberLibrary *library;

typedef struct
{
  char         *folder;
  LimberWindow *window;
} Fixture;

/* Answers a message dialog as its button would: the response, then the dialog closes. */
static void
respond (GtkWidget  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static void
fixture_open (Fixture *fixture)
{
  fixture->window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture->folder = g_dir_make_tmp ("limber-patients-XXXXXX", NULL);
  g_assert_nonnull (fixture->folder);
  g_settings_set_string (settings, "store-folder", fixture->folder);
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (fixture->window != NULL)
    fixture_close (fixture);
  g_chmod (fixture->folder, 0700);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_settings_reset (settings, "store-folder");
}

static LimberPatientsView *
view_of (Fixture *fixture)
{
  return limber_window_get_patients_view (fixture->window);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view_of (fixture)), action,
                                                     parameter));
  drain ();
}

/* Adds a patient through the New Patient dialog, as a therapist types it. */
static void
add_patient (Fixture    *fixture,
             const char *name,
             const char *condition)
{
  GtkWidget *dialog;

  activate (fixture, "patients.add", NULL);
  dialog = find_window (LIMBER_TYPE_PATIENT_DIALOG);
  g_assert_nonnull (dialog);

  gtk_editable_set_text (GTK_EDITABLE (find_titled (dialog, ADW_TYPE_ENTRY_ROW, "Name")), name);
  gtk_editable_set_text (GTK_EDITABLE (find_titled (dialog, ADW_TYPE_ENTRY_ROW,
                                                    "Condition, such as “Hip osteoarthritis”")),
                         condition);
  g_assert_true (gtk_widget_get_sensitive (find_titled (dialog, GTK_TYPE_BUTTON, "_Save")));
  click (find_titled (dialog, GTK_TYPE_BUTTON, "_Save"));
  drain ();
  g_assert_null (find_window (LIMBER_TYPE_PATIENT_DIALOG));
}

static LimberPatient *
patient_of (Fixture *fixture)
{
  return limber_patients_view_get_patient (view_of (fixture));
}

static void
test_build_program (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(LimberPatient) reopened = NULL;
  g_autoptr(LimberStoreItem) item = NULL;
  LimberPrescriptionDialog *dialog;
  LimberProgram *program;
  LimberPrescription *first;
  GtkWidget *sets_row, *spin;
  g_autofree char *id = NULL;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  g_assert_nonnull (patient_of (fixture));
  g_assert_cmpstr (patient_of (fixture)->name, ==, "Rosa Delgado");
  id = g_strdup (patient_of (fixture)->id);

  /* A program from the template the app ships. */
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));
  program = limber_patient_get_active_program (patient_of (fixture));
  g_assert_nonnull (program);
  g_assert_cmpstr (program->name, ==, "Hip pain: stretching and strengthening");
  g_assert_cmpuint (program->prescriptions->len, ==, 11);

  /* Change the first exercise's sets in its dosage dialog. */
  first = g_ptr_array_index (program->prescriptions, 0);
  g_assert_cmpstr (first->exercise_id, ==, "supine-hamstring-stretch");
  g_assert_cmpuint (first->sets, ==, 1);
  limber_program_editor_edit (LIMBER_PROGRAM_EDITOR (find_first (GTK_WIDGET (fixture->window),
                                                                 LIMBER_TYPE_PROGRAM_EDITOR)), 0);
  drain ();
  dialog = LIMBER_PRESCRIPTION_DIALOG (find_window (LIMBER_TYPE_PRESCRIPTION_DIALOG));
  g_assert_nonnull (dialog);
  sets_row = find_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Sets");
  g_assert_nonnull (sets_row);
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    collect_all (sets_row, GTK_TYPE_SPIN_BUTTON, spins);
    g_assert_cmpuint (spins->len, ==, 1);
    spin = g_ptr_array_index (spins, 0);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  click (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Done"));
  drain ();

  program = limber_patient_get_active_program (patient_of (fixture));
  g_assert_cmpuint (((LimberPrescription *) g_ptr_array_index (program->prescriptions, 0))->sets, ==, 2);
  g_assert_cmpuint (program->history->len, ==, 1);

  /* Close the window and open the folder afresh: the change is on disk. */
  fixture_close (fixture);
  store = limber_store_new (folder, NULL);
  g_assert_true (limber_store_load (store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (limber_store_item_get_name (item), ==, "Rosa Delgado");
  reopened = limber_store_open (store, item, NULL);
  g_assert_nonnull (reopened);
  program = limber_patient_get_active_program (reopened);
  g_assert_nonnull (program);
  g_assert_cmpuint (program->prescriptions->len, ==, 11);
  g_assert_cmpuint (((LimberPrescription *) g_ptr_array_index (program->prescriptions, 0))->sets, ==, 2);
  g_assert_cmpuint (program->history->len, ==, 1);
  g_assert_cmpuint (((LimberPrescription *) g_ptr_array_index (((LimberProgramVersion *) g_ptr_array_index (program->history, 0))->prescriptions, 0))->sets, ==, 1);

  /* And the window shows it again. */
  fixture_open (fixture);
  g_assert_true (limber_patients_view_open_patient (view_of (fixture), id));
  g_assert_cmpuint (((LimberPrescription *) g_ptr_array_index (limber_patient_get_active_program (patient_of (fixture))->prescriptions, 0))->sets, ==, 2);
}


static guint
n_listed (Fixture *fixture)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_all (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      GtkListView *list = g_ptr_array_index (lists, i);

      if (gtk_widget_has_css_class (GTK_WIDGET (list), "navigation-sidebar"))
        return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
    }

  g_assert_not_reached ();
}

/* A toast's button, found in the overlay, as the therapist would click it. */
static GtkWidget *
toast_button (Fixture    *fixture,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *found = NULL;

  /* The newest toast is drawn last; an older one may still be leaving. */
  collect_all (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      found = g_ptr_array_index (buttons, i);

  return found;
}

static char *
document_path (Fixture    *fixture,
               const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (fixture->folder, name, NULL);
}

static void
test_search_archive_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkEditable *search;
  g_autofree char *path = NULL;
  GtkWidget *undo;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  add_patient (fixture, "Tom Berger", "Trochanteric bursitis");
  add_patient (fixture, "Ingrid Holm", "Hip replacement, left");
  g_assert_cmpuint (n_listed (fixture), ==, 3);

  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect_all (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY, entries);
    search = NULL;
    for (guint i = 0; i < entries->len; i++)
      {
        g_autofree char *placeholder = NULL;

        g_object_get (g_ptr_array_index (entries, i), "placeholder-text", &placeholder, NULL);
        if (g_strcmp0 (placeholder, "Search names and notes") == 0)
          search = g_ptr_array_index (entries, i);
      }
    g_assert_nonnull (search);
  }
  gtk_editable_set_text (search, "HIP");
  g_signal_emit_by_name (search, "search-changed");
  drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  gtk_editable_set_text (search, "berg");
  g_signal_emit_by_name (search, "search-changed");
  drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  drain ();

  /* Ingrid is open, having been added last. Archive her: she leaves the list. */
  g_assert_cmpstr (patient_of (fixture)->name, ==, "Ingrid Holm");
  activate (fixture, "patients.archive", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_object_set (view_of (fixture), "show-archived", TRUE, NULL);
  drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  activate (fixture, "patients.unarchive", NULL);
  g_object_set (view_of (fixture), "show-archived", FALSE, NULL);
  drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 3);

  /* Delete, then Undo: she is back and her file was never removed. */
  path = document_path (fixture, patient_of (fixture)->id);
  activate (fixture, "patients.delete", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_null (patient_of (fixture));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  undo = toast_button (fixture, "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  g_assert_cmpstr (patient_of (fixture)->name, ==, "Ingrid Holm");

  /* Delete, and let the toast go: the file is gone. */
  activate (fixture, "patients.delete", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  fixture_close (fixture);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refused_save (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberPatientsView *view = view_of (fixture);
  LimberStore *store = limber_patients_view_get_store (view);
  GtkInfoBar *bar;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  path = document_path (fixture, patient_of (fixture)->id);
  bar = GTK_INFO_BAR (find_first (GTK_WIDGET (fixture->window), GTK_TYPE_INFO_BAR));
  g_assert_false (gtk_info_bar_get_revealed (bar));

  /* The folder refuses the write: the edit stays, and the bar says why. */
  limber_store_set_fault (store, LIMBER_WRITE_STEP_OPEN, FALSE);
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));
  g_assert_true (limber_patients_view_has_unsaved (view));
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_nonnull (strstr (limber_patients_view_get_save_error (view), "Rosa Delgado"));
  g_assert_nonnull (strstr (limber_patients_view_get_save_error (view), fixture->folder));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "hip-hike"));
  g_clear_pointer (&contents, g_free);

  /* Opening another patient is refused while the change is unsaved. */
  g_assert_nonnull (limber_patient_get_active_program (patient_of (fixture)));

  /* Closing now would lose the change: Limber asks, and stays open. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  {
    GtkWidget *dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Changes Not Saved");
    respond (dialog, "cancel");
    drain ();
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* Nor does choosing another folder in Preferences lose it: the folder stays. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *other = g_dir_make_tmp ("limber-other-XXXXXX", NULL);
    g_autofree char *kept = NULL;
    GtkWidget *dialog;

    g_settings_set_string (settings, "store-folder", other);
    drain ();
    dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Folder Not Changed");
    respond (dialog, "close");
    drain ();
    kept = g_settings_get_string (settings, "store-folder");
    g_assert_cmpstr (kept, ==, fixture->folder);
    g_assert_true (limber_patients_view_has_unsaved (view));
    g_assert_nonnull (limber_patient_get_active_program (patient_of (fixture)));
    remove_tree (other);
  }

  /* The folder can be written again: Try Again saves it. */
  limber_store_set_fault (store, LIMBER_WRITE_STEP_NONE, FALSE);
  click (find_titled (GTK_WIDGET (bar), GTK_TYPE_BUTTON, "_Try Again"));
  g_assert_false (limber_patients_view_has_unsaved (view));
  g_assert_false (gtk_info_bar_get_revealed (bar));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "hip-hike"));
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(LimberStore) other = limber_store_new (folder, NULL);
  g_autoptr(LimberPatient) theirs = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  GtkWidget *dialog;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  id = g_strdup (patient_of (fixture)->id);
  path = document_path (fixture, id);

  /* Another computer changes her record. */
  g_assert_true (limber_store_load (other, NULL));
  theirs = limber_store_open (other, limber_store_lookup (other, id), NULL);
  limber_patient_set_text (theirs, &theirs->notes, "Changed at the front desk", NULL);
  g_assert_true (limber_store_save (other, theirs, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* This window's change is not written over theirs; the therapist is asked. */
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* Keep mine as a copy: a second record, and theirs untouched and shown. */
  respond (dialog, "copy");
  drain ();
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_cmpstr (patient_of (fixture)->id, ==, id);
  g_assert_cmpstr (patient_of (fixture)->notes, ==, "Changed at the front desk");
  g_assert_cmpuint (patient_of (fixture)->programs->len, ==, 0);
}

static void
test_unreadable_listed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->folder, "broken.json", NULL);
  GtkWidget *row;

  g_assert_true (g_file_set_contents (broken, "{ \"schema_version\": 1, \"name\": ", -1, NULL));
  fixture_close (fixture);
  fixture_open (fixture);

  row = find_titled (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, "1 record cannot be read");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpuint (n_listed (fixture), ==, 0);
}

static void
test_template_and_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(LimberStore) store = limber_store_new (folder, NULL);
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *other = g_dir_make_tmp ("limber-other-XXXXXX", NULL);
  GtkWidget *dialog;
  LimberProgram *template;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));

  /* Save the program as the clinic's own template. */
  activate (fixture, "patients.save-template", NULL);
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_first (dialog, GTK_TYPE_ENTRY)), "Hip OA, early");
  respond (dialog, "ok");
  drain ();

  templates = limber_store_list_templates (store, NULL);
  g_assert_cmpuint (templates->len, ==, 2);
  template = g_ptr_array_index (templates, 1);
  g_assert_cmpstr (template->name, ==, "Hip OA, early");
  g_assert_cmpuint (template->prescriptions->len, ==, 11);

  /* The New Program menu lists it, read as the menu opens. */
  {
    GtkWidget *button;
    GMenuModel *menu, *section;

    activate (fixture, "patients.back", NULL);
    button = find_titled (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON, "_New Program");
    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    drain ();
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
    g_object_unref (section);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    drain ();
  }

  /* Another folder in Preferences: the list follows it at once. */
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_settings_set_string (settings, "store-folder", other);
  drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_null (patient_of (fixture));
  g_settings_set_string (settings, "store-folder", fixture->folder);
  drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  remove_tree (other);
}

static const char *
exercise_at (Fixture *fixture,
             guint    position)
{
  LimberProgram *program = limber_patient_get_active_program (patient_of (fixture));

  return ((LimberPrescription *) g_ptr_array_index (program->prescriptions, position))->exercise_id;
}

static GtkListBoxRow *
exercise_row (Fixture *fixture,
              guint    position)
{
  GtkWidget *editor = find_first (GTK_WIDGET (fixture->window), LIMBER_TYPE_PROGRAM_EDITOR);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_all (editor, GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (g_ptr_array_index (lists, i), position);

      if (row != NULL && g_object_get_data (G_OBJECT (row), "prescription-id") != NULL)
        return row;
    }

  return NULL;
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *editor, *focus;
  GtkListBoxRow *row;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));
  editor = find_first (GTK_WIDGET (fixture->window), LIMBER_TYPE_PROGRAM_EDITOR);
  first = g_strdup (exercise_at (fixture, 0));
  second = g_strdup (exercise_at (fixture, 1));
  third = g_strdup (exercise_at (fixture, 2));

  /* The keyboard: Alt+Down acts on the focused row, and the focus follows it. */
  row = exercise_row (fixture, 0);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate_action (editor, "editor.move-down", "i", -1));
  drain ();
  g_assert_cmpstr (exercise_at (fixture, 0), ==, second);
  g_assert_cmpstr (exercise_at (fixture, 1), ==, first);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 1);
  g_assert_true (gtk_widget_activate_action (editor, "editor.move-up", "i", -1));
  drain ();
  g_assert_cmpstr (exercise_at (fixture, 0), ==, first);

  /* Drag and drop: the third row dropped on the first. */
  row = exercise_row (fixture, 0);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
  }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, g_object_get_data (G_OBJECT (exercise_row (fixture, 2)), "prescription-id"));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  drain ();
  g_assert_true (dropped);
  g_assert_cmpstr (exercise_at (fixture, 0), ==, third);
  g_assert_cmpstr (exercise_at (fixture, 1), ==, first);
  g_assert_cmpstr (exercise_at (fixture, 2), ==, second);

  /* Duplicate and remove, each undone. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.duplicate", "i", 0));
  drain ();
  g_assert_cmpuint (limber_patient_get_active_program (patient_of (fixture))->prescriptions->len, ==, 12);
  g_assert_cmpstr (exercise_at (fixture, 1), ==, third);
  click (toast_button (fixture, "_Undo"));
  g_assert_cmpuint (limber_patient_get_active_program (patient_of (fixture))->prescriptions->len, ==, 11);
  g_assert_true (gtk_widget_activate_action (editor, "editor.remove", "i", 0));
  drain ();
  g_assert_cmpstr (exercise_at (fixture, 0), ==, first);
  click (toast_button (fixture, "_Undo"));
  g_assert_cmpstr (exercise_at (fixture, 0), ==, third);
  g_assert_cmpuint (limber_patient_get_active_program (patient_of (fixture))->prescriptions->len, ==, 11);
}

static void
test_deleted_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  GtkWidget *dialog;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  path = document_path (fixture, patient_of (fixture)->id);

  /* Another computer deletes her record; this window's change is kept as a new one. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Record Deleted Elsewhere");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  respond (dialog, "copy");
  drain ();

  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_nonnull (patient_of (fixture));
  g_assert_cmpstr (patient_of (fixture)->name, ==, "Rosa Delgado (copy)");
  g_assert_cmpuint (patient_of (fixture)->programs->len, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_new_patient_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  LimberPatientsView *view = view_of (fixture);
  LimberStore *store = limber_patients_view_get_store (view);

  /* The folder refuses the first save: the new patient stays open, unsaved, and is saved
   * once it can be. */
  limber_store_set_fault (store, LIMBER_WRITE_STEP_OPEN, FALSE);
  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  g_assert_nonnull (patient_of (fixture));
  g_assert_cmpstr (patient_of (fixture)->name, ==, "Rosa Delgado");
  g_assert_true (limber_patients_view_has_unsaved (view));
  g_assert_cmpuint (n_listed (fixture), ==, 0);

  limber_store_set_fault (store, LIMBER_WRITE_STEP_NONE, FALSE);
  g_assert_true (limber_patients_view_save (view));
  g_assert_false (limber_patients_view_has_unsaved (view));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
}

static void
test_conflict_decided_later (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(LimberStore) other = limber_store_new (folder, NULL);
  g_autoptr(LimberPatient) theirs = NULL;
  LimberPatientsView *view = view_of (fixture);
  GtkWidget *dialog;
  g_autofree char *id = NULL;

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  id = g_strdup (patient_of (fixture)->id);
  g_assert_true (limber_store_load (other, NULL));
  theirs = limber_store_open (other, limber_store_lookup (other, id), NULL);
  limber_patient_set_text (theirs, &theirs->notes, "Changed at the front desk", NULL);
  g_assert_true (limber_store_save (other, theirs, NULL));

  /* Closing the dialog decides nothing: no copy, the change kept and said to be unsaved. */
  activate (fixture, "patients.new-program", g_variant_new_string ("hip-pain"));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (limber_patients_view_has_unsaved (view));
  respond (dialog, "later");
  g_assert_true (limber_patients_view_has_unsaved (view));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpuint (patient_of (fixture)->programs->len, ==, 1);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (find_first (GTK_WIDGET (fixture->window),
                                                                      GTK_TYPE_INFO_BAR))));

  /* Try Again asks again. */
  g_assert_false (limber_patients_view_save (view));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "reload");
  g_assert_false (limber_patients_view_has_unsaved (view));
  g_assert_cmpstr (patient_of (fixture)->notes, ==, "Changed at the front desk");
}

typedef struct
{
  Fixture *fixture;
  guint    n;
} ListedCount;

static gboolean
listed_is (gpointer data)
{
  ListedCount *count = data;

  return n_listed (count->fixture) == count->n;
}

static gboolean
notes_are (gpointer data)
{
  Fixture *fixture = data;

  return patient_of (fixture) != NULL &&
         g_strcmp0 (patient_of (fixture)->notes, "Changed at the front desk") == 0;
}

static gboolean
no_patient (gpointer data)
{
  return patient_of (data) == NULL;
}

static void
test_other_computer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autoptr(LimberStore) other = limber_store_new (folder, NULL);
  g_autoptr(LimberPatient) added = limber_patient_new ("Tom Berger");
  g_autoptr(LimberPatient) theirs = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  ListedCount two = { fixture, 2 }, one = { fixture, 1 };

  add_patient (fixture, "Rosa Delgado", "Hip osteoarthritis");
  id = g_strdup (patient_of (fixture)->id);
  path = document_path (fixture, id);

  /* Another computer adds a patient: Reload List (F5) shows them at once, and the folder's
   * own report of the change would too. */
  g_assert_true (limber_store_load (other, NULL));
  g_assert_true (limber_store_save (other, added, NULL));
  activate (fixture, "patients.reload", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  wait_for (listed_is, &two);

  /* It changes the record shown here, which has no change of its own: it is shown anew. */
  theirs = limber_store_open (other, limber_store_lookup (other, id), NULL);
  limber_patient_set_text (theirs, &theirs->notes, "Changed at the front desk", NULL);
  g_assert_true (limber_store_save (other, theirs, NULL));
  wait_for (notes_are, fixture);

  /* It deletes it: the page closes and the list follows. */
  g_assert_true (limber_store_delete (other, theirs, NULL));
  wait_for (no_patient, fixture);
  wait_for (listed_is, &one);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
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
  if (!limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error))
    g_error ("%s", error->message);

  g_test_add ("/limber/patients/build-program", Fixture, NULL, fixture_set_up,
              test_build_program, fixture_tear_down);
  g_test_add ("/limber/patients/search-archive-delete", Fixture, NULL, fixture_set_up,
              test_search_archive_delete, fixture_tear_down);
  g_test_add ("/limber/patients/refused-save", Fixture, NULL, fixture_set_up,
              test_refused_save, fixture_tear_down);
  g_test_add ("/limber/patients/conflict", Fixture, NULL, fixture_set_up,
              test_conflict, fixture_tear_down);
  g_test_add ("/limber/patients/deleted-elsewhere", Fixture, NULL, fixture_set_up,
              test_deleted_elsewhere, fixture_tear_down);
  g_test_add ("/limber/patients/new-patient-refused", Fixture, NULL, fixture_set_up,
              test_new_patient_refused, fixture_tear_down);
  g_test_add ("/limber/patients/conflict-decided-later", Fixture, NULL, fixture_set_up,
              test_conflict_decided_later, fixture_tear_down);
  g_test_add ("/limber/patients/other-computer", Fixture, NULL, fixture_set_up,
              test_other_computer, fixture_tear_down);
  g_test_add ("/limber/patients/unreadable", Fixture, NULL, fixture_set_up,
              test_unreadable_listed, fixture_tear_down);
  g_test_add ("/limber/patients/template-and-folder", Fixture, NULL, fixture_set_up,
              test_template_and_folder, fixture_tear_down);
  g_test_add ("/limber/patients/reorder", Fixture, NULL, fixture_set_up,
              test_reorder, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
