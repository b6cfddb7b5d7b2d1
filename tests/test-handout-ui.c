/* test-handout-ui.c: the patient page's handout under Xvfb: large print kept in the record,
 * a PDF and a program file saved where the therapist chose, printing through GTK's print
 * operation to the same pages, and failures told in a toast with nothing lost. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "limber-handout-export.h"
#include "limber-handout-group.h"
#include "limber-window.h"
#include "ui-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static LimberLibrary *library;

typedef struct
{
  char         *folder;
  char         *out;
  LimberWindow *window;
  char         *patient_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "store",
                                                    "example-patient.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberPatient) patient = NULL;
  LimberPatientsView *view;

  fixture->folder = g_dir_make_tmp ("limber-handout-ui-XXXXXX", NULL);
  fixture->out = g_dir_make_tmp ("limber-handout-out-XXXXXX", NULL);
  g_file_get_contents (example, &contents, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, strlen (contents));
  patient = limber_patient_load (bytes, example, &error);
  g_assert_no_error (error);
  fixture->patient_id = g_strdup (patient->id);
  copy = g_build_filename (fixture->folder, "example.json", NULL);
  g_file_set_contents (copy, contents, -1, &error);
  g_assert_no_error (error);

  g_settings_set_string (settings, "store-folder", fixture->folder);
  g_settings_set_string (settings, "clinic-name", "Riverside Physical Therapy");
  g_settings_set_string (settings, "clinic-phone", "01865 555 010");
  g_settings_set_string (settings, "therapist-name", "Anna Berg, PT");

  fixture->window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();

  view = limber_window_get_patients_view (fixture->window);
  g_assert_true (limber_patients_view_open_patient (view, fixture->patient_id));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_chmod (fixture->out, 0700);
  remove_tree (fixture->folder);
  remove_tree (fixture->out);
  g_free (fixture->folder);
  g_free (fixture->out);
  g_free (fixture->patient_id);
  g_settings_reset (settings, "store-folder");
  g_settings_reset (settings, "clinic-name");
  g_settings_reset (settings, "clinic-phone");
  g_settings_reset (settings, "therapist-name");
  g_settings_reset (settings, "clinic-logo");
  g_settings_reset (settings, "paper-size");
}

static LimberHandoutGroup *
group_of (Fixture *fixture)
{
  GtkWidget *group = find_first (GTK_WIDGET (fixture->window), LIMBER_TYPE_HANDOUT_GROUP);

  g_assert_nonnull (group);
  return LIMBER_HANDOUT_GROUP (group);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The largest type size on a page's first exercise step: 12 or 16 points. */
static double
step_size (PopplerDocument *document)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  const char *step = strstr (text, "Lie on your back");
  GList *attributes = poppler_page_get_text_attributes (page);
  glong index;
  double size = 0;

  g_assert_nonnull (step);
  index = g_utf8_pointer_to_offset (text, step);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if (a->start_index <= index && index <= a->end_index)
        size = a->font_size;
    }
  poppler_page_free_text_attributes (attributes);
  return size;
}

/* The saved document as another computer would read it. */
static LimberPatient *
reload_patient (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->folder, "example.json", NULL);

  return load_patient_file (path);
}

static void
assert_toast (Fixture    *fixture,
              const char *text)
{
  wait_for_label (GTK_WIDGET (fixture->window), text);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  LimberHandoutGroup *group = group_of (fixture);
  GtkWidget *large = find_first (GTK_WIDGET (group), GTK_TYPE_SWITCH);
  g_autofree char *small_path = g_build_filename (fixture->out, "small.pdf", NULL);
  g_autofree char *large_path = g_build_filename (fixture->out, "large.pdf", NULL);
  g_autoptr(GFile) small_file = g_file_new_for_path (small_path);
  g_autoptr(GFile) large_file = g_file_new_for_path (large_path);
  g_autoptr(PopplerDocument) small = NULL;
  g_autoptr(PopplerDocument) big = NULL;
  g_autoptr(LimberPatient) saved = NULL;
  g_autofree char *author = NULL;

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (group)));
  g_assert_true (limber_handout_group_export_pdf (group, small_file));
  assert_toast (fixture, "Saved “small.pdf”");

  /* Large print is the patient's: switched on, it is saved with the record. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (large)));
  gtk_switch_set_active (GTK_SWITCH (large), TRUE);
  drain ();
  saved = reload_patient (fixture);
  g_assert_true (saved->large_print);
  g_assert_true (limber_handout_group_export_pdf (group, large_file));

  small = open_pdf (small_path);
  big = open_pdf (large_path);
  author = poppler_document_get_author (small);
  g_assert_cmpstr (author, ==, "Riverside Physical Therapy");
  g_assert_cmpfloat_with_epsilon (step_size (small), 12, 0.05);
  g_assert_cmpfloat_with_epsilon (step_size (big), 16, 0.05);
  g_assert_cmpint (poppler_document_get_n_pages (big), >, poppler_document_get_n_pages (small));
}

/* A folder that refuses the file: the reason in a toast, the record and an earlier PDF whole. */
static void
test_export_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  LimberHandoutGroup *group = group_of (fixture);
  g_autofree char *path = g_build_filename (fixture->out, "missing", "x.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *record = g_build_filename (fixture->folder, "example.json", NULL);

  g_file_get_contents (record, &before, NULL, NULL);
  g_assert_false (limber_handout_group_export_pdf (group, file));
  assert_toast (fixture, "The PDF was not saved");
  assert_toast (fixture, "missing/x.pdf");
  g_file_get_contents (record, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A logo that is not a picture leaves it out, says so, and still makes the PDF. */
static void
test_bad_logo (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *logo = g_build_filename (fixture->out, "logo.png", NULL);
  g_autofree char *path = g_build_filename (fixture->out, "with-logo.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_file_set_contents (logo, "not a picture", -1, NULL);
  g_settings_set_string (settings, "clinic-logo", logo);
  g_assert_true (limber_handout_group_export_pdf (group_of (fixture), file));
  assert_toast (fixture, "The clinic logo was left out");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_program_file (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberPatientsView *view = limber_window_get_patients_view (fixture->window);
  LimberPatient *patient = limber_patients_view_get_patient (view);
  LimberProgram *program = limber_patient_get_active_program (patient);
  g_autofree char *path = g_build_filename (fixture->out, "margaret.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberProgramFile) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_handout_group_save_program_file (group_of (fixture), file));
  assert_toast (fixture, "Saved “margaret.limber”");
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  loaded = limber_program_file_load (bytes, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->patient_name, ==, patient->name);
  g_assert_cmpstr (loaded->clinic->phone, ==, "01865 555 010");
  g_assert_cmpstr (loaded->program->name, ==, program->name);
  g_assert_cmpuint (loaded->program->prescriptions->len, ==, program->prescriptions->len);
  for (guint i = 0; i < program->prescriptions->len; i++)
    g_assert_true (limber_prescription_equal (program->prescriptions->pdata[i],
                                              loaded->program->prescriptions->pdata[i]));
}

/* Printing draws the same pages: GTK's print operation, exporting to a file as a printer
 * would receive it, gives the PDF's page count and text. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LimberPatientsView *view = limber_window_get_patients_view (fixture->window);
  LimberPatient *patient = limber_patients_view_get_patient (view);
  LimberProgram *program = limber_patient_get_active_program (patient);
  g_autofree char *printed = g_build_filename (fixture->out, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (fixture->out, "exported.pdf", NULL);
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(PopplerDocument) print_doc = NULL;
  g_autoptr(PopplerDocument) pdf_doc = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_settings_set_string (settings, "paper-size", "letter");
  operation = limber_handout_print_operation_new (library, patient, program, NULL, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (limber_handout_export_pdf (library, patient, program, exported_file, NULL,
                                            &error));
  g_assert_no_error (error);

  print_doc = open_pdf (printed);
  pdf_doc = open_pdf (exported);
  g_assert_cmpint (poppler_document_get_n_pages (print_doc), ==,
                   poppler_document_get_n_pages (pdf_doc));
  for (int i = 0; i < poppler_document_get_n_pages (pdf_doc); i++)
    {
      g_autoptr(PopplerPage) a = poppler_document_get_page (print_doc, i);
      g_autoptr(PopplerPage) b = poppler_document_get_page (pdf_doc, i);
      g_autofree char *text_a = poppler_page_get_text (a);
      g_autofree char *text_b = poppler_page_get_text (b);
      double width, height;

      poppler_page_get_size (a, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 612, 1);
      g_assert_cmpfloat_with_epsilon (height, 792, 1);
      g_assert_cmpstr (text_a, ==, text_b);
    }
}

/* The Print row opens the system's print dialog; cancelling it prints nothing and says nothing. */
static gboolean
print_dialog_shown (gpointer data)
{
  return find_window (g_type_from_name ("GtkPrintUnixDialog")) != NULL;
}

static void
test_print_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberHandoutGroup *group = group_of (fixture);
  GtkWidget *dialog;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "handout.print", NULL));
  wait_for (print_dialog_shown, NULL);
  dialog = find_window (g_type_from_name ("GtkPrintUnixDialog"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  drain ();
  g_assert_null (find_window (g_type_from_name ("GtkPrintUnixDialog")));
  collect_all (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_assert_null (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "not printed"));
}

/* A program with an exercise this library lacks (saved by a newer Limber on another computer)
 * is refused by name, for the PDF, the program file and the printer alike. */
static void
test_unknown_exercise (Fixture       *fixture,
                       gconstpointer  data)
{
  LimberPatientsView *view = limber_window_get_patients_view (fixture->window);
  LimberPatient *patient = limber_patients_view_get_patient (view);
  LimberProgram *program = limber_patient_get_active_program (patient);
  LimberPrescription *p = g_ptr_array_index (program->prescriptions, 1);
  LimberHandoutGroup *group = group_of (fixture);
  g_autofree char *pdf = g_build_filename (fixture->out, "unknown.pdf", NULL);
  g_autofree char *limber = g_build_filename (fixture->out, "unknown.limber", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) limber_file = g_file_new_for_path (limber);

  g_free (p->exercise_id);
  p->exercise_id = g_strdup ("knee-to-wall");
  g_assert_false (limber_handout_group_export_pdf (group, pdf_file));
  assert_toast (fixture, "knee-to-wall");
  g_assert_false (limber_handout_group_save_program_file (group, limber_file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "handout.print", NULL));
  drain ();
  g_assert_null (find_window (g_type_from_name ("GtkPrintUnixDialog")));
  assert_toast (fixture, "The handout was not printed");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (limber, G_FILE_TEST_EXISTS));
}

/* A patient with no active program has no handout to print. */
static void
test_no_active_program (Fixture       *fixture,
                        gconstpointer  data)
{
  LimberPatientsView *view = limber_window_get_patients_view (fixture->window);
  LimberPatient *patient = limber_patients_view_get_patient (view);
  LimberHandoutGroup *group = group_of (fixture);

  GtkWidget *export_row = find_titled (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW,
                                       "_Export as PDF…");
  GtkWidget *preferences_group = find_first (GTK_WIDGET (group), ADW_TYPE_PREFERENCES_GROUP);

  g_assert_true (gtk_widget_get_visible (preferences_group));
  g_assert_true (gtk_widget_is_sensitive (export_row));
  g_clear_pointer (&patient->active_program, g_free);
  limber_handout_group_set_patient (group, patient);
  drain ();
  g_assert_false (gtk_widget_get_visible (preferences_group));
  g_assert_false (gtk_widget_is_sensitive (export_row));
}

int
main (int   argc,
      char *argv[])
{

  if (!ui_test_init (&argc, &argv))
    return g_test_run ();

  library = load_library ();

  g_test_add ("/limber/handout-ui/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf,
              fixture_tear_down);
  g_test_add ("/limber/handout-ui/export-refused", Fixture, NULL, fixture_set_up,
              test_export_refused, fixture_tear_down);
  g_test_add ("/limber/handout-ui/bad-logo", Fixture, NULL, fixture_set_up, test_bad_logo,
              fixture_tear_down);
  g_test_add ("/limber/handout-ui/program-file", Fixture, NULL, fixture_set_up, test_program_file,
              fixture_tear_down);
  g_test_add ("/limber/handout-ui/print", Fixture, NULL, fixture_set_up, test_print,
              fixture_tear_down);
  g_test_add ("/limber/handout-ui/print-dialog", Fixture, NULL, fixture_set_up, test_print_dialog,
              fixture_tear_down);
  g_test_add ("/limber/handout-ui/unknown-exercise", Fixture, NULL, fixture_set_up,
              test_unknown_exercise, fixture_tear_down);
  g_test_add ("/limber/handout-ui/no-active-program", Fixture, NULL, fixture_set_up,
              test_no_active_program, fixture_tear_down);

  return g_test_run ();
}
