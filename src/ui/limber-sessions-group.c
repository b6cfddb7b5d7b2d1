/* limber-sessions-group.c: see limber-sessions-group.h. The figures are counted afresh from
 * the record each time it is shown; a patient has at most a few thousand sessions. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-pain-chart.h"
#include "limber-session-log.h"
#include "limber-sessions-group.h"
#include "limber-ui-util.h"

#define TREND_DAYS 28

struct _LimberSessionsGroup
{
  GtkWidget      parent_instance;

  LimberLibrary *library;
  LimberPatient *patient;
  GDateTime     *now;       /* fixed by tests; NULL for the clock */

  AdwPreferencesGroup *group;
  GPtrArray     *rows;      /* the rows shown, to remove on the next update */
};

enum {
  CHANGED,
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberSessionsGroup, limber_sessions_group, GTK_TYPE_WIDGET)

static GDateTime *
get_now (LimberSessionsGroup *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
}

static AdwActionRow *
add_row (LimberSessionsGroup *self,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
  return ADW_ACTION_ROW (row);
}

/* "5 of 7 prescribed sessions", with a bar that fills as the patient keeps up. */
static void
add_adherence_row (LimberSessionsGroup *self,
                   const char          *title,
                   guint                done,
                   guint                prescribed)
{
  g_autofree char *subtitle = NULL;
  AdwActionRow *row;
  GtkWidget *bar;

  if (prescribed > 0)
    /* Translators: sessions done against sessions the program asks for */
    subtitle = g_strdup_printf (ngettext ("%u of %u prescribed session",
                                          "%u of %u prescribed sessions", prescribed),
                                done, prescribed);
  else
    subtitle = g_strdup_printf (ngettext ("%u session", "%u sessions", done), done);

  row = add_row (self, title, subtitle);
  if (prescribed == 0)
    return;

  bar = gtk_level_bar_new_for_interval (0, prescribed);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (done, prescribed));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  adw_action_row_add_suffix (row, bar);
}

/* One row per exercise of the active program: its latest pain and the chart of four weeks. */
static void
add_pain_rows (LimberSessionsGroup *self,
               LimberProgram       *program,
               GDateTime           *since,
               GDateTime           *until)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (self->library, prescription->exercise_id);
      g_autoptr(GArray) points = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *chart;

      if (exercise == NULL || !g_hash_table_add (seen, prescription->exercise_id))
        continue;

      points = limber_patient_get_pain_trend (self->patient, prescription->exercise_id, since,
                                              until);
      if (points->len == 0)
        subtitle = g_strdup (_("No pain logged in the last 4 weeks"));
      else
        {
          const LimberPainPoint *last = &g_array_index (points, LimberPainPoint, points->len - 1);
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (last->time);
          g_autofree char *day = g_date_time_format (when, _("%a %-d %b"));

          /* Translators: the latest pain rating (0–10), its day, and how many ratings in all */
          subtitle = g_strdup_printf (ngettext ("Latest pain %d of 10, %s · %u rating in 4 weeks",
                                                "Latest pain %d of 10, %s · %u ratings in 4 weeks",
                                                points->len),
                                      last->pain, day, points->len);
        }

      row = add_row (self, limber_exercise_get_name (exercise), subtitle);
      if (points->len > 0 &&
          g_array_index (points, LimberPainPoint, points->len - 1).pain >= LIMBER_PAIN_STOP)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, _("The patient was asked to stop this exercise and tell you"));
          adw_action_row_add_prefix (row, icon);
        }

      chart = limber_pain_chart_new ();
      limber_pain_chart_set_points (LIMBER_PAIN_CHART (chart), points,
                                    g_date_time_to_unix (since), g_date_time_to_unix (until));
      adw_action_row_add_suffix (row, chart);
    }
}

static void
update (LimberSessionsGroup *self)
{
  LimberProgram *program = self->patient != NULL ? limber_patient_get_active_program (self->patient) : NULL;
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) until = g_date_time_add_seconds (now, 1);
  g_autoptr(GDateTime) week = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) month = g_date_time_add_days (now, -TREND_DAYS);
  guint per_week;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.start",
                                 program != NULL && program->prescriptions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->group),
                          self->patient != NULL && (program != NULL || self->patient->sessions->len > 0));
  if (self->patient == NULL)
    return;

  if (self->patient->sessions->len == 0)
    {
      add_row (self, _("No sessions logged yet"),
               _("Import the log the patient exports from Limber at home, or follow the "
                 "program in a guided session here."));
      return;
    }

  per_week = program != NULL ? limber_program_get_sessions_per_week (program) : 0;
  add_adherence_row (self, _("Last 7 days"),
                     limber_patient_count_sessions (self->patient, week, until), per_week);
  add_adherence_row (self, _("Last 4 weeks"),
                     limber_patient_count_sessions (self->patient, month, until),
                     per_week * (TREND_DAYS / 7));

  /* The latest session up to now: one dated ahead by a wrong clock does not stand for it. */
  for (guint i = self->patient->sessions->len; i > 0; i--)
    {
      const LimberSession *last = g_ptr_array_index (self->patient->sessions, i - 1);
      g_autofree char *day = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *subtitle = NULL;

      if (g_date_time_compare (last->started, until) >= 0)
        continue;
      day = limber_format_session_time (last->started);
      summary = limber_session_summarize (last);
      subtitle = g_strdup_printf ("%s · %s", day, summary);
      add_row (self, _("Last session"), subtitle);
      break;
    }

  if (program != NULL && self->library != NULL)
    add_pain_rows (self, program, month, until);
}

static void
toast (LimberSessionsGroup *self,
       const char *message)
{
  limber_show_message (GTK_WIDGET (self), message);
}

static void
merge (LimberSessionsGroup *self,
       LimberLogFile       *log,
       const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint changed = limber_patient_merge_sessions (self->patient, log->sessions, &error);

  if (changed == G_MAXUINT)
    {
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("The log “%s” was not imported: %s"), name, error->message);
      g_message ("%s", message);
    }
  else if (changed == 0)
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("No new sessions in “%s”: they were all imported before"), name);
  else
    /* Translators: %u is a number of sessions, %s a file name */
    message = g_strdup_printf (ngettext ("Imported %u session from “%s”",
                                         "Imported %u sessions from “%s”", changed),
                               changed, name);

  toast (self, message);
  if (changed != G_MAXUINT && changed > 0)
    {
      g_signal_emit (self, signals[CHANGED], 0);
      update (self);
    }
}

static void
confirm_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     LimberSessionsGroup *self)
{
  LimberLogFile *log = g_object_get_data (G_OBJECT (dialog), "limber-log");
  const char *name = g_object_get_data (G_OBJECT (dialog), "limber-name");

  if (g_str_equal (response, "import") && self->patient != NULL)
    merge (self, log, name);
}

/* Says why a log was not imported. */
void
limber_show_log_error (GtkWidget    *widget,
                       GFile        *file,
                       const GError *error)
{
  /* Translators: the first %s is a file name, the second the reason */
  limber_show_file_error (widget, _("Log Not Imported"), _("“%s” was not imported: %s"), file,
                          error);
}

/* Reads a log file and merges it into the record. A log kept under another record (the patient
 * opened a program file that was not saved from this record) is merged only once the therapist
 * says it is this patient's. Returns whether it was merged at once. */
gboolean
limber_sessions_group_import_log (LimberSessionsGroup *self,
                                  GFile               *file)
{
  g_autoptr(GError) error = NULL;
  LimberLogFile *log;

  g_return_val_if_fail (LIMBER_IS_SESSIONS_GROUP (self), FALSE);
  g_return_val_if_fail (self->patient != NULL, FALSE);

  if (!(log = limber_log_file_read (file, &error)))
    {
      limber_show_log_error (GTK_WIDGET (self), file, error);
      return FALSE;
    }

  return limber_sessions_group_import (self, log, file);
}

/* Merges @log (taken), read from @file, as limber_sessions_group_import_log() does. */
gboolean
limber_sessions_group_import (LimberSessionsGroup *self,
                              LimberLogFile       *log_file,
                              GFile               *file)
{
  g_autoptr(LimberLogFile) log = log_file;
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  g_return_val_if_fail (LIMBER_IS_SESSIONS_GROUP (self), FALSE);
  g_return_val_if_fail (self->patient != NULL, FALSE);

  if (g_strcmp0 (log->patient_id, self->patient->id) == 0)
    {
      merge (self, log, name);
      return TRUE;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Import a Log From Another Record?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("“%s” was kept by “%s” for a program file that was "
                                            "not saved from this record. Add its %u session to "
                                            "%s’s record?",
                                            "“%s” was kept by “%s” for a program file that was "
                                            "not saved from this record. Add its %u sessions to "
                                            "%s’s record?", log->sessions->len),
                                  name, log->patient_name, log->sessions->len, self->patient->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "limber-log", g_steal_pointer (&log),
                          (GDestroyNotify) limber_log_file_free);
  g_object_set_data_full (G_OBJECT (dialog), "limber-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
log_chosen (GtkWidget *widget,
            GFile     *file)
{
  LimberSessionsGroup *self = LIMBER_SESSIONS_GROUP (widget);

  if (self->patient != NULL)
    limber_sessions_group_import_log (self, file);
}

static void
import_log_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  limber_choose_file (widget, _("Import Session Log"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                      limber_file_filter_new (_("Limber session logs"), LIMBER_LOG_FILE_EXTENSION,
                                              LIMBER_LOG_FILE_MIME_TYPE),
                      NULL, log_chosen);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[START], 0);
}

static void
limber_sessions_group_dispose (GObject *object)
{
  LimberSessionsGroup *self = (LimberSessionsGroup *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_SESSIONS_GROUP);
  g_clear_object (&self->library);
  g_clear_pointer (&self->patient, limber_patient_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_sessions_group_parent_class)->dispose (object);
}

static void
limber_sessions_group_class_init (LimberSessionsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_sessions_group_dispose;

  /* Sessions were imported into the record, which wants saving. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-sessions-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSessionsGroup, group);
  /* The therapist asked for a guided session of the active program. */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "sessions.import-log", NULL, import_log_action);
  gtk_widget_class_install_action (widget_class, "sessions.start", NULL, start_action);
}

static void
limber_sessions_group_init (LimberSessionsGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

void
limber_sessions_group_set_library (LimberSessionsGroup *self,
                                   LimberLibrary       *library)
{
  g_return_if_fail (LIMBER_IS_SESSIONS_GROUP (self));
  g_set_object (&self->library, library);
  update (self);
}

/* Shows @patient's sessions; called again whenever the record may have changed. */
void
limber_sessions_group_set_patient (LimberSessionsGroup *self,
                                   LimberPatient       *patient)
{
  g_return_if_fail (LIMBER_IS_SESSIONS_GROUP (self));

  if (patient != self->patient)
    {
      g_clear_pointer (&self->patient, limber_patient_unref);
      self->patient = patient != NULL ? limber_patient_ref (patient) : NULL;
    }
  update (self);
}

/* Counts from @now instead of the clock, for tests and screenshots. */
void
limber_sessions_group_set_now (LimberSessionsGroup *self,
                               GDateTime           *now)
{
  g_return_if_fail (LIMBER_IS_SESSIONS_GROUP (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  update (self);
}
