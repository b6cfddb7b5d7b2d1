/* limber-prescription-dialog.c: tailors one exercise of a program on a private copy: amount,
 * side, frequency, load, modifications and note, or a switch to an easier or harder version.
 * Numbers reach the copy only through limber_prescription_set_field; a typed number it would
 * refuse is refused at once, with the reason under its row. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-prescription-dialog.h"
#include "limber-ui-util.h"
#include "limber-video-probe.h"

typedef enum
{
  ROW_SETS,
  ROW_REPS,
  ROW_HOLD,
  ROW_REST,
  ROW_TEMPO_UP,
  ROW_TEMPO_DOWN,
  ROW_TIMES_PER_DAY,
  ROW_DAYS_PER_WEEK,
  ROW_WEIGHT,
  N_ROWS
} RowId;

/* Each number row: its row and spin button in the template, and its field. The weight's field
 * follows the unit shown. */
static const struct
{
  const char  *row;
  const char  *spin;
  LimberField  field;
} row_info[N_ROWS] = {
  [ROW_SETS]          = { "sets_row", "sets_spin", LIMBER_FIELD_SETS },
  [ROW_REPS]          = { "reps_row", "reps_spin", LIMBER_FIELD_REPS },
  [ROW_HOLD]          = { "hold_row", "hold_spin", LIMBER_FIELD_HOLD },
  [ROW_REST]          = { "rest_row", "rest_spin", LIMBER_FIELD_REST },
  [ROW_TEMPO_UP]      = { "tempo_up_row", "tempo_up_spin", LIMBER_FIELD_TEMPO_UP },
  [ROW_TEMPO_DOWN]    = { "tempo_down_row", "tempo_down_spin", LIMBER_FIELD_TEMPO_DOWN },
  [ROW_TIMES_PER_DAY] = { "times_per_day_row", "times_per_day_spin", LIMBER_FIELD_TIMES_PER_DAY },
  [ROW_DAYS_PER_WEEK] = { "days_per_week_row", "days_per_week_spin", LIMBER_FIELD_DAYS_PER_WEEK },
  [ROW_WEIGHT]        = { "weight_row", "weight_spin", LIMBER_FIELD_LOAD_KG },
};

typedef struct
{
  LimberPrescriptionDialog *self;
  RowId                     id;
  AdwActionRow             *row;
  GtkSpinButton            *spin;
  char                     *refusal; /* why the last typed number was refused, until a valid one */
} NumberRow;

struct _LimberPrescriptionDialog
{
  AdwWindow            parent_instance;

  LimberLibrary       *library;
  LimberPrescription  *prescription; /* the private copy */
  LimberExercise      *exercise;     /* NULL if the library no longer has it */
  LimberWeightUnit     weight_unit;  /* the unit the ankle weight is shown in */
  gboolean             syncing;      /* the rows are being filled from the copy */
  gboolean             note_refused;
  GFile               *store_folder; /* where videos are copied; NULL hides the video row */
  GCancellable        *attaching;    /* while a video is being checked and copied */
  NumberRow            rows[N_ROWS];

  AdwWindowTitle      *window_title;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *side_group;
  AdwComboRow         *side_row;
  AdwComboRow         *schedule_row;
  AdwComboRow         *load_row;
  AdwComboRow         *band_row;
  GtkToggleButton     *kg_button;
  GtkToggleButton     *lb_button;
  GtkListBox          *modifications_list;
  AdwEntryRow         *add_modification_row;
  GtkLabel            *modification_error_label;
  AdwPreferencesGroup *change_group;
  GtkListBox          *change_list;
  GtkTextView         *note_view;
  GtkLabel            *note_error_label;
  AdwPreferencesGroup *video_group;
  AdwActionRow        *video_row;
  GtkSpinner          *video_spinner;
  GtkWidget           *remove_video_button;
  GtkLabel            *video_error_label;
};

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberPrescriptionDialog, limber_prescription_dialog, ADW_TYPE_WINDOW)

static LimberRepUnit
rep_unit (LimberPrescriptionDialog *self)
{
  return self->exercise != NULL ? limber_exercise_get_dosage (self->exercise)->rep_unit
                                : LIMBER_REP_UNIT_REP;
}

static LimberField
row_field (NumberRow *row)
{
  if (row->id == ROW_WEIGHT)
    return row->self->weight_unit == LIMBER_WEIGHT_UNIT_KG ? LIMBER_FIELD_LOAD_KG
                                                           : LIMBER_FIELD_LOAD_LB;
  return row_info[row->id].field;
}

static const char *
row_title (NumberRow *row)
{
  if (row->id == ROW_REPS && rep_unit (row->self) == LIMBER_REP_UNIT_HOLD)
    /* Translators: how many times a stretch is held */
    return _("Holds");
  if (row->id == ROW_REPS && rep_unit (row->self) == LIMBER_REP_UNIT_STEP)
    /* Translators: how many steps a walking exercise takes */
    return _("Steps");
  if (row->id == ROW_WEIGHT)
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row->row));

  return limber_field_get_label (row_info[row->id].field);
}

/* What the number means, when the title does not say it. */
static const char *
row_unit_subtitle (NumberRow *row)
{
  switch (row->id)
    {
    case ROW_HOLD:
      return _("Seconds");
    case ROW_REST:
      /* A single set has nothing to rest between, so the row waits for a second set. */
      return row->self->prescription->sets > 1 ? _("Seconds")
                                               : _("Only used with 2 or more sets");
    case ROW_SETS:
    case ROW_REPS:
    case ROW_TEMPO_UP:
    case ROW_TEMPO_DOWN:
    case ROW_TIMES_PER_DAY:
    case ROW_DAYS_PER_WEEK:
    case ROW_WEIGHT:
    case N_ROWS:
    default:
      return "";
    }
}

static gboolean
can_finish (LimberPrescriptionDialog *self)
{
  /* Done waits for a video being copied, so the prescription never names half a copy. */
  if (self->note_refused || self->attaching != NULL)
    return FALSE;

  for (guint i = 0; i < N_ROWS; i++)
    if (self->rows[i].refusal != NULL)
      return FALSE;

  return TRUE;
}

static void
update_done (LimberPrescriptionDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.done", can_finish (self));
}

/* ---- The patient's own video ---- */

static void
show_video (LimberPrescriptionDialog *self,
            const char               *problem)
{
  gboolean busy = self->attaching != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->video_group), self->store_folder != NULL);
  adw_action_row_set_subtitle (self->video_row,
                               busy ? _("Checking and copying the video…")
                               : self->prescription->video != NULL
                               ? _("A video of this exercise attached for this patient")
                               : _("None: the clinic’s video or the animation is shown"));
  gtk_widget_set_visible (GTK_WIDGET (self->video_spinner), busy);
  gtk_spinner_set_spinning (self->video_spinner, busy);
  gtk_widget_set_visible (self->remove_video_button, self->prescription->video != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.attach-video",
                                 self->store_folder != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.remove-video",
                                 self->prescription->video != NULL && !busy);

  gtk_label_set_label (self->video_error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->video_error_label), problem != NULL);
  update_done (self);
}

typedef struct
{
  LimberPrescriptionDialog *self;   /* NULL once the dialog is gone */
} Attaching;

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Attaching *attaching = user_data;
  LimberPrescriptionDialog *self = attaching->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = limber_video_attach_finish (result, &error);

  if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->attaching);
      if (name != NULL)
        limber_prescription_set_video (self->prescription, name, &error);
      show_video (self, error != NULL ? error->message : NULL);
    }

  g_clear_weak_pointer (&attaching->self);
  g_free (attaching);
}

/* Checks that GStreamer can play @file and copies it into the clinic folder; the copy of the
 * prescription names it once that is done, and the document is saved with Done as usual. */
void
limber_prescription_dialog_attach_video (LimberPrescriptionDialog *self,
                                         GFile                    *file)
{
  Attaching *attaching;

  g_return_if_fail (LIMBER_IS_PRESCRIPTION_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store_folder != NULL && self->attaching == NULL);

  attaching = g_new0 (Attaching, 1);
  g_set_weak_pointer (&attaching->self, self);
  self->attaching = g_cancellable_new ();
  show_video (self, NULL);
  limber_video_attach_async (self->store_folder, file, self->attaching, attached_cb, attaching);
}

gboolean
limber_prescription_dialog_get_attaching (LimberPrescriptionDialog *self)
{
  g_return_val_if_fail (LIMBER_IS_PRESCRIPTION_DIALOG (self), FALSE);
  return self->attaching != NULL;
}

static void
video_chosen (GtkWidget *widget,
              GFile     *file)
{
  LimberPrescriptionDialog *self = LIMBER_PRESCRIPTION_DIALOG (widget);

  if (self->attaching == NULL)
    limber_prescription_dialog_attach_video (self, file);
}

static void
attach_video_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  limber_choose_file (widget, _("Attach Video for This Patient"), GTK_FILE_CHOOSER_ACTION_OPEN,
                      _("_Attach"), limber_video_file_filter_new (), NULL, video_chosen);
}

/* The file stays in the clinic folder: another prescription may name it. */
static void
remove_video_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberPrescriptionDialog *self = LIMBER_PRESCRIPTION_DIALOG (widget);

  limber_prescription_set_video (self->prescription, NULL, NULL);
  show_video (self, NULL);
}

void
limber_prescription_dialog_set_store_folder (LimberPrescriptionDialog *self,
                                             GFile                    *folder)
{
  g_return_if_fail (LIMBER_IS_PRESCRIPTION_DIALOG (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  g_cancellable_cancel (self->attaching);
  g_clear_object (&self->attaching);
  g_set_object (&self->store_folder, folder);
  show_video (self, NULL);
}

/* The dosage wraps only after a " · ", never inside "3 s hold" or "3–4 days". */
static void
update_summary (LimberPrescriptionDialog *self)
{
  g_autofree char *line = NULL;
  g_autoptr(GString) text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->exercise != NULL);
  if (self->exercise == NULL)
    return;

  line = limber_prescription_format (self->prescription, self->exercise);
  text = g_string_new (line);
  g_string_replace (text, " ", "\u00a0", 0);
  g_string_replace (text, "\u00a0·\u00a0", "\u00a0· ", 0);
  g_string_replace (text, "–", "–\u2060", 0);
  gtk_label_set_label (self->summary_label, text->str);
}

/* The subtitle tells the unit, or why the last typed number was refused. */
static void
update_row_subtitle (NumberRow *row)
{
  const char *subtitle = row->refusal != NULL ? row->refusal : row_unit_subtitle (row);

  adw_action_row_set_subtitle (row->row, subtitle);
  if (row->refusal != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->row), "error");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_title (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->spin),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               row->refusal != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                    : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
set_refusal (NumberRow  *row,
             const char *message)
{
  if (g_strcmp0 (row->refusal, message) == 0)
    return;

  g_free (row->refusal);
  row->refusal = g_strdup (message);
  update_row_subtitle (row);
  update_done (row->self);
}

/* The core names the field "Repetitions"; a row titled "Holds" or "Steps" says its own name. */
static char *
refusal_message (NumberRow    *row,
                 double        value,
                 const GError *error)
{
  LimberField field = row_field (row);
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  double min, max;

  limber_field_get_range (field, &min, &max, NULL);
  if (row->id != ROW_REPS || (value >= min && value <= max) ||
      g_strcmp0 (row_title (row), limber_field_get_label (field)) == 0)
    return g_strdup (error->message);

  min_text = g_strdup_printf ("%g", min);
  max_text = g_strdup_printf ("%g", max);
  /* Translators: a refused number, as in "Holds must be from 1 to 100." */
  return g_strdup_printf (_("%s must be from %s to %s."), row_title (row), min_text, max_text);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*stripped == '\0')
    return FALSE;

  *value = g_strtod (stripped, &end);
  return end != stripped && *end == '\0';
}

static void
show_value (NumberRow *row)
{
  LimberPrescriptionDialog *self = row->self;
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  gtk_spin_button_set_value (row->spin,
                             limber_prescription_get_field (self->prescription, row_field (row)));
  self->syncing = was_syncing;
}

/* Typed text becomes a number only if the copy would take it; else the old number stays. An
 * unchanged number is always taken, so a value saved before a range changed can be kept. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               NumberRow     *row)
{
  LimberPrescriptionDialog *self = row->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  double value;

  if (self->syncing)
    return FALSE;

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), &value))
    {
      /* Translators: a refused entry, as in "Sets must be a number." */
      message = g_strdup_printf (_("%s must be a number."), row_title (row));
      set_refusal (row, message);
      return GTK_INPUT_ERROR;
    }

  if (value != limber_prescription_get_field (self->prescription, row_field (row)) &&
      !limber_field_check (row_field (row), value, &error))
    {
      message = refusal_message (row, value, error);
      set_refusal (row, message);
      return GTK_INPUT_ERROR;
    }

  *new_value = value;
  set_refusal (row, NULL);
  return TRUE;
}

/* A refusal goes as soon as the text is a number the copy would take; a new one waits for
 * Enter or leaving the field, so typing "45" does not complain about the "4". The old number,
 * which the spin button puts back after a refusal, does not count as a correction. */
static void
spin_changed_cb (GtkSpinButton *spin,
                 NumberRow     *row)
{
  LimberPrescriptionDialog *self = row->self;
  double value;

  if (self->syncing || row->refusal == NULL ||
      !parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), &value) ||
      value == limber_prescription_get_field (self->prescription, row_field (row)) ||
      !limber_field_check (row_field (row), value, NULL))
    return;

  set_refusal (row, NULL);
}

static void
update_rest_row (LimberPrescriptionDialog *self)
{
  NumberRow *rest = &self->rows[ROW_REST];
  gboolean used = self->prescription->sets > 1;

  gtk_widget_set_sensitive (GTK_WIDGET (rest->row), used);
  if (!used)
    set_refusal (rest, NULL);
  update_row_subtitle (rest);
}

/* The spin button also reports the old value after a refusal; only a new one is saved. */
static void
spin_value_changed_cb (GtkSpinButton *spin,
                       NumberRow     *row)
{
  LimberPrescriptionDialog *self = row->self;
  g_autoptr(GError) error = NULL;
  LimberField field = row_field (row);
  double value = gtk_spin_button_get_value (spin);

  if (self->syncing || value == limber_prescription_get_field (self->prescription, field))
    return;

  if (!limber_prescription_set_field (self->prescription, field, value, &error))
    {
      g_autofree char *message = refusal_message (row, value, error);

      show_value (row);
      set_refusal (row, message);
      return;
    }

  set_refusal (row, NULL);
  if (row->id == ROW_SETS)
    update_rest_row (self);
  update_summary (self);
}

/* Shows or hides a number row; a hidden row's refusal no longer holds up Done. */
static void
show_row (LimberPrescriptionDialog *self,
          RowId                     id,
          gboolean                  visible)
{
  gtk_widget_set_visible (GTK_WIDGET (self->rows[id].row), visible);
  if (!visible)
    set_refusal (&self->rows[id], NULL);
}

/* "2" and "2.5", as the dosage line writes weights, rather than "2.0". */
static gboolean
weight_output_cb (GtkSpinButton *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = g_strdup_printf (value == floor (value) ? "%.0f" : "%.1f", value);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
show_weight (LimberPrescriptionDialog *self)
{
  NumberRow *row = &self->rows[ROW_WEIGHT];
  gboolean was_syncing = self->syncing;
  double min, max, step;

  limber_field_get_range (row_field (row), &min, &max, &step);
  self->syncing = TRUE;
  gtk_adjustment_configure (gtk_spin_button_get_adjustment (row->spin),
                            self->prescription->load_amount, min, max, step, step * 4, 0);
  gtk_toggle_button_set_active (self->kg_button, self->weight_unit == LIMBER_WEIGHT_UNIT_KG);
  gtk_toggle_button_set_active (self->lb_button, self->weight_unit == LIMBER_WEIGHT_UNIT_LB);
  self->syncing = was_syncing;
  set_refusal (row, NULL);
}

/* Puts the ankle weight in @unit, converted and rounded to the unit's step. */
static void
set_weight_unit (LimberPrescriptionDialog *self,
                 LimberWeightUnit          unit)
{
  LimberPrescription *prescription = self->prescription;
  g_autoptr(GError) error = NULL;
  double amount = prescription->load_amount;
  double min, max, step;

  self->weight_unit = unit;
  if (prescription->load_unit != unit)
    amount = unit == LIMBER_WEIGHT_UNIT_LB ? amount / LIMBER_KG_PER_LB : amount * LIMBER_KG_PER_LB;

  limber_field_get_range (row_field (&self->rows[ROW_WEIGHT]), &min, &max, &step);
  amount = CLAMP (round (amount / step) * step, min, max);
  if (!limber_prescription_set_field (prescription, row_field (&self->rows[ROW_WEIGHT]), amount,
                                      &error))
    g_warning ("Could not convert the ankle weight: %s", error->message);

  show_weight (self);
  update_summary (self);
}

static void
weight_unit_toggled_cb (LimberPrescriptionDialog *self,
                        GtkToggleButton          *button)
{
  LimberWeightUnit unit = button == self->kg_button ? LIMBER_WEIGHT_UNIT_KG
                                                    : LIMBER_WEIGHT_UNIT_LB;

  if (self->syncing || !gtk_toggle_button_get_active (button) || unit == self->weight_unit)
    return;

  set_weight_unit (self, unit);
}

static void
side_selected_cb (LimberPrescriptionDialog *self)
{
  if (self->syncing)
    return;

  /* The rows are the sides from Left on. */
  self->prescription->side = LIMBER_PRESCRIBED_SIDE_LEFT +
                             adw_combo_row_get_selected (self->side_row);
  update_summary (self);
}

static void
schedule_selected_cb (LimberPrescriptionDialog *self)
{
  if (self->syncing)
    return;

  self->prescription->schedule = adw_combo_row_get_selected (self->schedule_row);
  show_row (self, ROW_DAYS_PER_WEEK,
            self->prescription->schedule == LIMBER_SCHEDULE_DAYS_PER_WEEK);
  update_summary (self);
}

static void
show_load (LimberPrescriptionDialog *self)
{
  LimberLoad load = self->prescription->load;

  show_row (self, ROW_WEIGHT, load == LIMBER_LOAD_ANKLE_WEIGHT);
  gtk_widget_set_visible (GTK_WIDGET (self->band_row), load == LIMBER_LOAD_BAND);
}

static void
load_selected_cb (LimberPrescriptionDialog *self)
{
  if (self->syncing)
    return;

  self->prescription->load = adw_combo_row_get_selected (self->load_row);
  if (self->prescription->load == LIMBER_LOAD_ANKLE_WEIGHT)
    set_weight_unit (self, self->weight_unit);
  show_load (self);
  update_summary (self);
}

static void
band_selected_cb (LimberPrescriptionDialog *self)
{
  if (self->syncing)
    return;

  self->prescription->band = adw_combo_row_get_selected (self->band_row);
  update_summary (self);
}

/* Below the list, for a tick or an addition refused. */
static void
show_modification_error (LimberPrescriptionDialog *self,
                         const char               *message)
{
  gtk_label_set_label (self->modification_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->modification_error_label), message != NULL);
}

/* The entry is marked too when what was typed is what was refused. */
static void
mark_modification_entry (LimberPrescriptionDialog *self,
                         gboolean                  refused)
{
  if (refused)
    gtk_widget_add_css_class (GTK_WIDGET (self->add_modification_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->add_modification_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->add_modification_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               refused ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* The copy's modifications with @text added or taken away. */
static gboolean
change_modification (LimberPrescriptionDialog *self,
                     const char               *text,
                     gboolean                  add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) modifications = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; self->prescription->modifications[i] != NULL; i++)
    if (g_strcmp0 (self->prescription->modifications[i], text) != 0)
      g_strv_builder_add (builder, self->prescription->modifications[i]);
  if (add)
    g_strv_builder_add (builder, text);
  modifications = g_strv_builder_end (builder);

  if (!limber_prescription_set_modifications (self->prescription,
                                              (const char * const *) modifications, &error))
    {
      show_modification_error (self, error->message);
      return FALSE;
    }

  show_modification_error (self, NULL);
  return TRUE;
}

static void
listed_toggled_cb (LimberPrescriptionDialog *self,
                   GtkCheckButton           *check)
{
  const char *text = g_object_get_data (G_OBJECT (check), "modification");
  gboolean active = gtk_check_button_get_active (check);

  if (self->syncing || change_modification (self, text, active))
    return;

  self->syncing = TRUE;
  gtk_check_button_set_active (check, !active);
  self->syncing = FALSE;
}

static GtkWidget *
create_listed_row (LimberPrescriptionDialog *self,
                   const char               *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_strv_contains ((const char * const *)
                                                self->prescription->modifications, text));
  g_object_set_data_full (G_OBJECT (check), "modification", g_strdup (text), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (listed_toggled_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static GtkWidget *
create_own_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Your own modification"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.remove-modification");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* Every row of @list but @keep goes. */
static void
clear_list (GtkListBox *list,
            GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

/* The exercise's own list, ticked as prescribed, then the therapist's words, then the entry. */
static void
show_modifications (LimberPrescriptionDialog *self)
{
  const char * const *listed = NULL;
  char **modifications = self->prescription->modifications;
  int position = 0;

  if (self->exercise != NULL)
    listed = limber_exercise_get_modifications (self->exercise);

  clear_list (self->modifications_list, GTK_WIDGET (self->add_modification_row));

  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    gtk_list_box_insert (self->modifications_list, create_listed_row (self, listed[i]),
                         position++);

  for (guint i = 0; modifications[i] != NULL; i++)
    if (listed == NULL || !g_strv_contains (listed, modifications[i]))
      gtk_list_box_insert (self->modifications_list, create_own_row (modifications[i]),
                           position++);
}

/* Adds what is typed; refuses nothing typed, a repeat, or what the copy refuses. */
static gboolean
add_modification (LimberPrescriptionDialog *self)
{
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_modification_row))));
  const char *refusal = NULL;

  if (*text == '\0')
    refusal = _("Type the modification first.");
  else if (g_strv_contains ((const char * const *) self->prescription->modifications, text))
    refusal = _("This modification is already in the list.");

  if (refusal != NULL)
    show_modification_error (self, refusal);
  if (refusal != NULL || !change_modification (self, text, TRUE))
    {
      mark_modification_entry (self, TRUE);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_modification_row), "");
  show_modifications (self);
  return TRUE;
}

static void
add_modification_cb (LimberPrescriptionDialog *self)
{
  add_modification (self);
}

static void
modification_changed_cb (LimberPrescriptionDialog *self)
{
  show_modification_error (self, NULL);
  mark_modification_entry (self, FALSE);
}

static GtkWidget *
create_change_row (LimberPrescriptionDialog *self,
                   LimberExercise           *linked,
                   gboolean                  progression)
{
  const char *name = limber_exercise_get_name (linked);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Switch"));
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  if (progression)
    /* Translators: a harder version of the exercise, as in "Progression: Single-leg bridge" */
    title = g_strdup_printf (_("Progression: %s"), name);
  else
    /* Translators: an easier version of the exercise, as in "Regression: Posterior pelvic tilt" */
    title = g_strdup_printf (_("Regression: %s"), name);
  /* Translators: what the Switch button does, as in "Switch to Single-leg bridge" */
  label = g_strdup_printf (_("Switch to %s"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (limber_exercise_get_dosage (linked)->rep_unit != rep_unit (self))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Repetitions and hold start from its own defaults"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.switch-exercise");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    limber_exercise_get_id (linked));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
add_change_rows (LimberPrescriptionDialog *self,
                 const char * const       *ids,
                 gboolean                  progression)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      LimberExercise *linked = limber_library_lookup (self->library, ids[i]);

      if (linked != NULL)
        gtk_list_box_append (self->change_list, create_change_row (self, linked, progression));
    }
}

/* Easier versions first, as the exercise page lists them. */
static void
show_changes (LimberPrescriptionDialog *self)
{
  clear_list (self->change_list, NULL);

  if (self->exercise != NULL)
    {
      add_change_rows (self, limber_exercise_get_regressions (self->exercise), FALSE);
      add_change_rows (self, limber_exercise_get_progressions (self->exercise), TRUE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->change_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->change_list)) != NULL);
}

/* Fills every row from the copy, for its exercise: on opening and after a switch. */
static void
show_prescription (LimberPrescriptionDialog *self)
{
  LimberPrescription *prescription = self->prescription;
  gboolean sided = self->exercise != NULL
                   ? limber_exercise_get_dosage (self->exercise)->side == LIMBER_SIDE_EACH
                   : prescription->side != LIMBER_PRESCRIBED_SIDE_NONE;
  const char *name = self->exercise != NULL ? limber_exercise_get_name (self->exercise)
                                            : prescription->exercise_id;

  adw_window_title_set_title (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_label_set_label (self->name_label, name);

  self->syncing = TRUE;

  for (guint i = 0; i < N_ROWS; i++)
    {
      NumberRow *row = &self->rows[i];

      g_clear_pointer (&row->refusal, g_free);
      if (i != ROW_WEIGHT)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), row_title (row));
      show_value (row);
      update_row_subtitle (row);
    }
  show_row (self, ROW_HOLD, rep_unit (self) != LIMBER_REP_UNIT_STEP);
  update_rest_row (self);

  /* A sided exercise always says which side. */
  if (sided && prescription->side == LIMBER_PRESCRIBED_SIDE_NONE)
    prescription->side = LIMBER_PRESCRIBED_SIDE_BOTH;
  gtk_widget_set_visible (GTK_WIDGET (self->side_group), sided);
  if (sided)
    adw_combo_row_set_selected (self->side_row,
                                prescription->side - LIMBER_PRESCRIBED_SIDE_LEFT);

  adw_combo_row_set_selected (self->schedule_row, prescription->schedule);
  show_row (self, ROW_DAYS_PER_WEEK, prescription->schedule == LIMBER_SCHEDULE_DAYS_PER_WEEK);

  adw_combo_row_set_selected (self->load_row, prescription->load);
  adw_combo_row_set_selected (self->band_row, prescription->band);
  if (prescription->load == LIMBER_LOAD_ANKLE_WEIGHT)
    show_weight (self);
  show_load (self);

  show_modifications (self);
  show_modification_error (self, NULL);
  mark_modification_entry (self, FALSE);
  show_changes (self);

  self->syncing = FALSE;
  update_done (self);
  update_summary (self);
}

static void
note_changed_cb (LimberPrescriptionDialog *self,
                 GtkTextBuffer            *buffer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextIter start, end;

  if (self->syncing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->note_refused = !limber_prescription_set_note (self->prescription, note, &error);

  gtk_label_set_label (self->note_error_label, self->note_refused ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_error_label), self->note_refused);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->note_view),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               self->note_refused ? GTK_ACCESSIBLE_INVALID_TRUE
                                                  : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  update_done (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* A number still being typed, or a modification typed but not added, counts too. */
static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberPrescriptionDialog *self = LIMBER_PRESCRIPTION_DIALOG (widget);
  g_autoptr(LimberPrescriptionDialog) kept = NULL;

  for (guint i = 0; i < N_ROWS; i++)
    if (gtk_widget_is_visible (GTK_WIDGET (self->rows[i].row)) &&
        gtk_widget_is_sensitive (GTK_WIDGET (self->rows[i].row)))
      gtk_spin_button_update (self->rows[i].spin);

  if (*gtk_editable_get_text (GTK_EDITABLE (self->add_modification_row)) != '\0' &&
      !add_modification (self))
    return;

  if (!can_finish (self))
    return;

  kept = g_object_ref (self);
  g_signal_emit (self, signals[DONE], 0, self->prescription);
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    gtk_window_close (GTK_WINDOW (self));
}

static void
switch_exercise_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LimberPrescriptionDialog *self = LIMBER_PRESCRIPTION_DIALOG (widget);
  LimberExercise *to = limber_library_lookup (self->library,
                                              g_variant_get_string (parameter, NULL));
  GtkWidget *first;

  if (to == NULL || self->exercise == NULL || to == self->exercise)
    return;

  /* A video still being copied was meant for the old exercise. */
  g_cancellable_cancel (self->attaching);
  g_clear_object (&self->attaching);
  limber_prescription_switch_exercise (self->prescription, self->exercise, to);
  g_set_object (&self->exercise, to);
  show_prescription (self);
  show_video (self, NULL);

  /* The row that was pressed is gone; the keyboard stays among the versions. */
  first = gtk_widget_get_first_child (GTK_WIDGET (self->change_list));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
remove_modification_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LimberPrescriptionDialog *self = LIMBER_PRESCRIPTION_DIALOG (widget);

  if (!change_modification (self, g_variant_get_string (parameter, NULL), FALSE))
    return;

  show_modifications (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_modification_row));
}

static void
limber_prescription_dialog_dispose (GObject *object)
{
  LimberPrescriptionDialog *self = (LimberPrescriptionDialog *)object;

  /* The rows may still report a focus change or a selection while they go. */
  self->syncing = TRUE;
  for (guint i = 0; i < N_ROWS; i++)
    if (self->rows[i].spin != NULL)
      g_signal_handlers_disconnect_by_data (self->rows[i].spin, &self->rows[i]);

  g_cancellable_cancel (self->attaching);
  g_clear_object (&self->attaching);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PRESCRIPTION_DIALOG);
  g_clear_object (&self->exercise);
  g_clear_object (&self->library);
  g_clear_object (&self->store_folder);

  G_OBJECT_CLASS (limber_prescription_dialog_parent_class)->dispose (object);
}

static void
limber_prescription_dialog_finalize (GObject *object)
{
  LimberPrescriptionDialog *self = (LimberPrescriptionDialog *)object;

  for (guint i = 0; i < N_ROWS; i++)
    g_free (self->rows[i].refusal);
  g_clear_pointer (&self->prescription, limber_prescription_free);

  G_OBJECT_CLASS (limber_prescription_dialog_parent_class)->finalize (object);
}

static void
limber_prescription_dialog_class_init (LimberPrescriptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_prescription_dialog_dispose;
  object_class->finalize = limber_prescription_dialog_finalize;

  /**
   * LimberPrescriptionDialog::done:
   * @prescription: the edited prescription, valid during the emission only
   *
   * Emitted when the therapist presses Done, just before the dialog closes. Cancel, Escape
   * and closing the window emit nothing.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, LIMBER_TYPE_PRESCRIPTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/ui/limber-prescription-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, side_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, side_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, load_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, band_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, kg_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, lb_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog,
                                        modifications_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog,
                                        add_modification_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog,
                                        modification_error_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, change_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, change_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, video_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, video_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog, video_spinner);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog,
                                        remove_video_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog,
                                        video_error_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPrescriptionDialog,
                                        note_error_label);
  for (guint i = 0; i < N_ROWS; i++)
    {
      gssize offset = G_STRUCT_OFFSET (LimberPrescriptionDialog, rows) + i * sizeof (NumberRow);

      gtk_widget_class_bind_template_child_full (widget_class, row_info[i].row, FALSE,
                                                 offset + G_STRUCT_OFFSET (NumberRow, row));
      gtk_widget_class_bind_template_child_full (widget_class, row_info[i].spin, FALSE,
                                                 offset + G_STRUCT_OFFSET (NumberRow, spin));
    }
  gtk_widget_class_bind_template_callback (widget_class, side_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, band_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, weight_unit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_modification_cb);
  gtk_widget_class_bind_template_callback (widget_class, modification_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "dialog.switch-exercise", "s",
                                   switch_exercise_action);
  gtk_widget_class_install_action (widget_class, "dialog.remove-modification", "s",
                                   remove_modification_action);
  gtk_widget_class_install_action (widget_class, "dialog.attach-video", NULL,
                                   attach_video_action);
  gtk_widget_class_install_action (widget_class, "dialog.remove-video", NULL,
                                   remove_video_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.done", NULL);
}

static GListModel *
side_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (LimberPrescribedSide side = LIMBER_PRESCRIBED_SIDE_LEFT;
       side <= LIMBER_PRESCRIBED_SIDE_ALTERNATING;
       side++)
    gtk_string_list_append (list, limber_prescribed_side_to_label (side));

  return G_LIST_MODEL (list);
}

static GListModel *
band_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (LimberBand band = LIMBER_BAND_YELLOW; band <= LIMBER_BAND_GOLD; band++)
    gtk_string_list_append (list, limber_band_to_label (band));

  return G_LIST_MODEL (list);
}

static void
limber_prescription_dialog_init (LimberPrescriptionDialog *self)
{
  g_autoptr(GListModel) sides = side_model ();
  g_autoptr(GListModel) bands = band_model ();

  /* Until limber_prescription_dialog_new() has a copy to show. */
  self->syncing = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->side_row, sides);
  adw_combo_row_set_model (self->band_row, bands);

  for (guint i = 0; i < N_ROWS; i++)
    {
      NumberRow *row = &self->rows[i];
      double min, max, step;

      row->self = self;
      row->id = i;
      limber_field_get_range (row_field (row), &min, &max, &step);
      gtk_spin_button_configure (row->spin,
                                 gtk_adjustment_new (min, min, max, step, step * 4, 0),
                                 0, step < 1 ? 1 : 0);
      g_signal_connect (row->spin, "input", G_CALLBACK (spin_input_cb), row);
      g_signal_connect (row->spin, "value-changed", G_CALLBACK (spin_value_changed_cb), row);
      g_signal_connect (row->spin, "changed", G_CALLBACK (spin_changed_cb), row);
    }

  g_signal_connect (self->rows[ROW_WEIGHT].spin, "output", G_CALLBACK (weight_output_cb), NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * limber_prescription_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 * @library: the library the prescription's exercise is found in
 * @prescription: the prescription to start from; the dialog edits a copy
 * @units: the unit a new ankle weight starts in
 *
 * Returns: (transfer none): a dialog to present; GTK owns it until it closes. It emits
 *   ::done with the edited copy.
 */
LimberPrescriptionDialog *
limber_prescription_dialog_new (GtkWindow                *parent,
                                LimberLibrary            *library,
                                const LimberPrescription *prescription,
                                LimberUnits               units)
{
  LimberPrescriptionDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIMBER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (prescription != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_PRESCRIPTION_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->prescription = limber_prescription_copy (prescription);
  g_set_object (&self->exercise, limber_library_lookup (library, prescription->exercise_id));

  if (prescription->load == LIMBER_LOAD_ANKLE_WEIGHT)
    self->weight_unit = prescription->load_unit;
  else
    self->weight_unit = units == LIMBER_UNITS_IMPERIAL ? LIMBER_WEIGHT_UNIT_LB
                                                       : LIMBER_WEIGHT_UNIT_KG;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), prescription->note, -1);
  show_prescription (self);
  show_video (self, NULL);

  return self;
}

/* The copy as edited so far; every number in it is in range. */
const LimberPrescription *
limber_prescription_dialog_get_prescription (LimberPrescriptionDialog *self)
{
  g_return_val_if_fail (LIMBER_IS_PRESCRIPTION_DIALOG (self), NULL);

  return self->prescription;
}
