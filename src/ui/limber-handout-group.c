/* limber-handout-group.c: prints, exports and saves the patient's active program. Whatever
 * goes wrong is said in a toast that names the file and the reason; the record is untouched. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-handout-export.h"
#include "limber-handout-group.h"
#include "limber-ui-util.h"

struct _LimberHandoutGroup
{
  GtkWidget      parent_instance;

  LimberLibrary *library;
  LimberPatient *patient;

  GtkWidget     *group;
  GtkSwitch     *large_print_switch;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberHandoutGroup, limber_handout_group, GTK_TYPE_WIDGET)

static LimberProgram *
active_program (LimberHandoutGroup *self)
{
  return self->patient != NULL ? limber_patient_get_active_program (self->patient) : NULL;
}

static void
update (LimberHandoutGroup *self)
{
  LimberProgram *program = active_program (self);
  gboolean ready = program != NULL && program->prescriptions->len > 0;

  gtk_widget_set_visible (self->group, program != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.save-program-file", ready);
  if (self->patient != NULL &&
      gtk_switch_get_active (self->large_print_switch) != self->patient->large_print)
    gtk_switch_set_active (self->large_print_switch, self->patient->large_print);
}

static void
toast (LimberHandoutGroup *self,
       const char *message)
{
  limber_show_message (GTK_WIDGET (self), message);
}

static void
toast_warning (LimberHandoutGroup *self,
               const char         *warning)
{
  if (warning != NULL)
    toast (self, warning);
}

/* "Saved “Zoë – Hip pain – 2026-11-26.pdf”", with a button that opens it. */
static void
toast_saved (LimberHandoutGroup *self,
             GFile              *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* Translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "handout.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  limber_show_toast (GTK_WIDGET (self), toast);
}

typedef gboolean (*WriteFunc) (LimberLibrary  *library,
                               LimberPatient  *patient,
                               LimberProgram  *program,
                               GFile          *file,
                               char          **warning,
                               GError        **error);

/* Writes the file; says where it went, or why it did not, in a toast. */
static gboolean
save (LimberHandoutGroup *self,
      GFile              *file,
      WriteFunc           write,
      const char         *failure)
{
  g_autofree char *warning = NULL;
  g_autoptr(GError) error = NULL;
  LimberProgram *program = active_program (self);

  g_return_val_if_fail (LIMBER_IS_HANDOUT_GROUP (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (program != NULL, FALSE);

  if (!write (self->library, self->patient, program, file, &warning, &error))
    {
      g_autofree char *message = g_strdup_printf (failure, error->message);

      g_message ("%s", message);
      toast (self, message);
      return FALSE;
    }

  toast_saved (self, file);
  toast_warning (self, warning);
  return TRUE;
}

gboolean
limber_handout_group_export_pdf (LimberHandoutGroup *self,
                                 GFile              *file)
{
  /* Translators: %s says what went wrong, naming the file */
  return save (self, file, limber_handout_export_pdf, _("The PDF was not saved: %s"));
}

gboolean
limber_handout_group_save_program_file (LimberHandoutGroup *self,
                                        GFile              *file)
{
  /* Translators: %s says what went wrong, naming the file */
  return save (self, file, limber_handout_save_program_file, _("The program file was not saved: %s"));
}

static void
pdf_chosen (GtkWidget *widget,
            GFile     *file)
{
  LimberHandoutGroup *self = LIMBER_HANDOUT_GROUP (widget);

  if (self->patient != NULL && active_program (self) != NULL)
    limber_handout_group_export_pdf (self, file);
}

static void
program_file_chosen (GtkWidget *widget,
                     GFile     *file)
{
  LimberHandoutGroup *self = LIMBER_HANDOUT_GROUP (widget);

  if (self->patient != NULL && active_program (self) != NULL)
    limber_handout_group_save_program_file (self, file);
}

static void
choose_file (LimberHandoutGroup   *self,
             const char           *title,
             const char           *extension,
             const char           *filter_name,
             const char           *mime_type,
             LimberFileChosenFunc  chosen)
{
  LimberProgram *program = active_program (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;

  /* A PDF is of one day; a program file is the program, whenever it was saved. */
  name = limber_program_file_suggest_name (self->patient->name, program->name,
                                           g_str_equal (extension, ".pdf") ? now : NULL,
                                           extension);
  limber_choose_file (GTK_WIDGET (self), title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                      limber_file_filter_new (filter_name, extension, mime_type), name, chosen);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (LIMBER_HANDOUT_GROUP (widget), _("Export Handout as PDF"), ".pdf",
               _("PDF documents"), "application/pdf", pdf_chosen);
}

static void
save_program_file_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_file (LIMBER_HANDOUT_GROUP (widget), _("Save Program File"), LIMBER_PROGRAM_FILE_EXTENSION,
               _("Limber program files"), LIMBER_PROGRAM_FILE_MIME_TYPE, program_file_chosen);
}

static void
toast_print_error (LimberHandoutGroup *self,
                   const GError       *error)
{
  /* Translators: %s is the printing system's reason */
  g_autofree char *message = g_strdup_printf (_("The handout was not printed: %s"),
                                              error->message);

  g_message ("%s", message);
  toast (self, message);
}

/* A print job outlives the page that started it: it knows the group only weakly. */
typedef struct
{
  GWeakRef group;
  gboolean in_background;
} PrintJob;

static void
print_job_free (gpointer  data,
                GClosure *closure)
{
  PrintJob *job = data;

  g_weak_ref_clear (&job->group);
  g_free (job);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_autoptr(LimberHandoutGroup) self = g_weak_ref_get (&job->group);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self != NULL)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        toast_print_error (self, error);
    }
  /* The operation is ours once it went on in the background; otherwise print_action keeps it. */
  if (job->in_background)
    g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberHandoutGroup *self = LIMBER_HANDOUT_GROUP (widget);
  g_autofree char *warning = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  PrintJob *job;

  operation = limber_handout_print_operation_new (self->library, self->patient,
                                                  active_program (self), &warning, &error);
  if (operation == NULL)
    {
      toast_print_error (self, error);
      return;
    }

  job = g_new0 (PrintJob, 1);
  g_weak_ref_init (&job->group, self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), job, print_job_free, 0);
  toast_warning (self, warning);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (widget)), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      job->in_background = TRUE;
      return;
    }
  if (error != NULL)
    toast_print_error (self, error);
  g_object_unref (operation);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), g_variant_get_string (parameter, NULL),
                GDK_CURRENT_TIME);
}

static void
large_print_changed_cb (LimberHandoutGroup *self)
{
  gboolean active = gtk_switch_get_active (self->large_print_switch);

  if (self->patient == NULL || self->patient->large_print == active)
    return;
  self->patient->large_print = active;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
limber_handout_group_dispose (GObject *object)
{
  LimberHandoutGroup *self = (LimberHandoutGroup *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HANDOUT_GROUP);
  g_clear_object (&self->library);
  g_clear_pointer (&self->patient, limber_patient_unref);

  G_OBJECT_CLASS (limber_handout_group_parent_class)->dispose (object);
}

static void
limber_handout_group_class_init (LimberHandoutGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_handout_group_dispose;

  /* The patient's large-print choice changed and wants saving. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-handout-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutGroup, group);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutGroup, large_print_switch);
  gtk_widget_class_bind_template_callback (widget_class, large_print_changed_cb);

  gtk_widget_class_install_action (widget_class, "handout.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "handout.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "handout.save-program-file", NULL,
                                   save_program_file_action);
  gtk_widget_class_install_action (widget_class, "handout.open", "s", open_action);
}

static void
limber_handout_group_init (LimberHandoutGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

void
limber_handout_group_set_library (LimberHandoutGroup *self,
                                  LimberLibrary      *library)
{
  g_return_if_fail (LIMBER_IS_HANDOUT_GROUP (self));
  g_set_object (&self->library, library);
}

/* Shows @patient's active program, or hides the group when there is none. Called again after
 * the active program changes. */
void
limber_handout_group_set_patient (LimberHandoutGroup *self,
                                  LimberPatient      *patient)
{
  g_return_if_fail (LIMBER_IS_HANDOUT_GROUP (self));

  if (patient != self->patient)
    {
      g_clear_pointer (&self->patient, limber_patient_unref);
      self->patient = patient != NULL ? limber_patient_ref (patient) : NULL;
    }
  update (self);
}
