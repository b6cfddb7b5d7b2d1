/* limber-patient-dialog.c: name, date of birth or age, condition and notes. The dialog edits
 * nothing until Save; "saved" hands over the new details as a patient record. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-patient-dialog.h"

typedef enum
{
  AGE_UNKNOWN,
  AGE_BIRTH_DATE,
  AGE_YEARS,
} AgeKind;

struct _LimberPatientDialog
{
  AdwWindow      parent_instance;

  LimberPatient *patient;       /* a copy, edited on Save */
  gboolean       is_new;

  GtkWidget     *save_button;
  AdwEntryRow   *name_row;
  AdwEntryRow   *condition_row;
  AdwComboRow   *age_kind_row;
  AdwEntryRow   *birth_date_row;
  AdwActionRow  *age_row;
  GtkSpinButton *age_spin;
  GtkTextView   *notes_view;
  GtkLabel      *error_label;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberPatientDialog, limber_patient_dialog, ADW_TYPE_WINDOW)

static GDate *
today (void)
{
  GDate *date = g_date_new ();

  g_date_set_time_t (date, time (NULL));
  return date;
}

/* Accepts 1956-03-21 and the dates the locale writes, such as 21/03/1956. */
static GDate *
parse_birth_date (const char *text)
{
  GDate *date = limber_date_parse_iso (text);

  if (date != NULL)
    return date;

  date = g_date_new ();
  g_date_set_parse (date, text);

  if (!g_date_valid (date) || g_date_get_year (date) < 1000)
    {
      g_date_free (date);
      return NULL;
    }

  return date;
}

static void
update_age_rows (LimberPatientDialog *self)
{
  AgeKind kind = adw_combo_row_get_selected (self->age_kind_row);

  gtk_widget_set_visible (GTK_WIDGET (self->birth_date_row), kind == AGE_BIRTH_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->age_row), kind == AGE_YEARS);
}

static void
show_error (LimberPatientDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
validate (LimberPatientDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (self->save_button, name[0] != '\0');
  show_error (self, NULL);
}

static void
save_cb (LimberPatientDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) now = today ();
  g_autoptr(GDate) birth_date = NULL;
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  AgeKind kind = adw_combo_row_get_selected (self->age_kind_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (kind == AGE_BIRTH_DATE)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row));

      if (!(birth_date = parse_birth_date (text)))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a date Limber understands. Write it like 1956-03-21."), text);
          show_error (self, message);
          gtk_widget_add_css_class (GTK_WIDGET (self->birth_date_row), "error");
          return;
        }
    }

  if (!limber_patient_set_name (self->patient, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                &error) ||
      !limber_patient_set_text (self->patient, &self->patient->condition,
                                gtk_editable_get_text (GTK_EDITABLE (self->condition_row)), &error) ||
      !limber_patient_set_text (self->patient, &self->patient->notes, notes, &error) ||
      (kind == AGE_BIRTH_DATE &&
       !limber_patient_set_birth_date (self->patient, birth_date, now, &error)) ||
      (kind == AGE_YEARS &&
       (self->patient->birth_date != NULL ||
        (guint) gtk_spin_button_get_value_as_int (self->age_spin) !=
          (guint) limber_patient_get_age (self->patient, now)) &&
       !limber_patient_set_age (self->patient, gtk_spin_button_get_value_as_int (self->age_spin),
                                now, &error)) ||
      (kind == AGE_UNKNOWN && !limber_patient_set_age (self->patient, 0, now, &error)))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->patient);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_cb (LimberPatientDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
limber_patient_dialog_dispose (GObject *object)
{
  LimberPatientDialog *self = LIMBER_PATIENT_DIALOG (object);

  g_clear_pointer (&self->patient, limber_patient_unref);

  G_OBJECT_CLASS (limber_patient_dialog_parent_class)->dispose (object);
}

static GtkWidget *
framed (GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_frame_set_child (GTK_FRAME (frame), child);
  return frame;
}

static void
limber_patient_dialog_init (LimberPatientDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *notes_group;
  GtkStringList *kinds;
  GtkAdjustment *adjustment;
  GtkShortcutController *shortcuts;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 600);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_cb), self);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->error_label));

  group = adw_preferences_group_new ();
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (validate), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));

  self->condition_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->condition_row),
                                 _("Condition, such as “Hip osteoarthritis”"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->condition_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Age"));
  kinds = gtk_string_list_new ((const char * const []) { _("Not recorded"), _("Date of birth"),
                                                         _("Age in years"), NULL });
  self->age_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->age_kind_row), _("Record"));
  adw_combo_row_set_model (self->age_kind_row, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  g_signal_connect_swapped (self->age_kind_row, "notify::selected", G_CALLBACK (update_age_rows), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->age_kind_row));

  self->birth_date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->birth_date_row),
                                 _("Date of birth, such as 1956-03-21"));
  g_signal_connect_swapped (self->birth_date_row, "changed", G_CALLBACK (validate), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->birth_date_row));

  adjustment = gtk_adjustment_new (65, 1, LIMBER_PATIENT_MAX_AGE, 1, 5, 0);
  self->age_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 1, 0));
  gtk_spin_button_set_numeric (self->age_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->age_spin), GTK_ALIGN_CENTER);
  self->age_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->age_row), _("Age in years"));
  adw_action_row_add_suffix (self->age_row, GTK_WIDGET (self->age_spin));
  adw_action_row_set_activatable_widget (self->age_row, GTK_WIDGET (self->age_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->age_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Age in years"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->age_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  notes_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (notes_group), _("Notes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (notes_group),
                                         _("For the clinic; not printed on handouts"));
  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->notes_view, 8);
  gtk_text_view_set_bottom_margin (self->notes_view, 8);
  gtk_text_view_set_left_margin (self->notes_view, 8);
  gtk_text_view_set_right_margin (self->notes_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->notes_view), -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (notes_group), framed (GTK_WIDGET (self->notes_view)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (notes_group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

static void
limber_patient_dialog_class_init (LimberPatientDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_patient_dialog_dispose;

  /* The edited record; the caller copies what it needs. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

/* With @patient NULL, the dialog adds a new patient. */
LimberPatientDialog *
limber_patient_dialog_new (GtkWindow     *parent,
                           LimberPatient *patient)
{
  LimberPatientDialog *self = g_object_new (LIMBER_TYPE_PATIENT_DIALOG,
                                            "transient-for", parent, NULL);
  g_autoptr(GDate) now = today ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  self->is_new = patient == NULL;
  self->patient = patient != NULL ? limber_patient_copy (patient) : limber_patient_new ("");
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Patient") : _("Edit Details"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->patient->name);
  gtk_editable_set_text (GTK_EDITABLE (self->condition_row), self->patient->condition);
  gtk_text_buffer_set_text (buffer, self->patient->notes, -1);

  if (self->patient->birth_date != NULL)
    {
      g_autofree char *text = limber_date_format_iso (self->patient->birth_date);
      gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), text);
      adw_combo_row_set_selected (self->age_kind_row, AGE_BIRTH_DATE);
    }
  else if (limber_patient_get_age (self->patient, now) > 0)
    {
      gtk_spin_button_set_value (self->age_spin, limber_patient_get_age (self->patient, now));
      adw_combo_row_set_selected (self->age_kind_row, AGE_YEARS);
    }

  update_age_rows (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
