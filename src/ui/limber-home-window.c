/* limber-home-window.c: see limber-home-window.h. The patient's records live in their own
 * folder (limber-home.c); the window shows the one opened last. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "limber-home-window.h"
#include "limber-home.h"
#include "limber-session-log.h"
#include "limber-session-start.h"
#include "limber-ui-util.h"

/* The log lists this many sessions, newest first; the export holds them all. */
#define LOG_ROWS 30

struct _LimberHomeWindow
{
  AdwApplicationWindow  parent_instance;

  LimberLibrary       *library;
  GSettings           *settings;
  LimberStore         *store;
  LimberPatient       *patient;
  LimberProgramFile   *program_file;   /* the file last opened, for the clinic's details */
  char                *folder_problem; /* why the folder cannot be used, or NULL */
  char                *record_problem; /* why the patient's record cannot be read, or NULL */
  GPtrArray           *rows;
  guint                midnight_source;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *program_label;
  GtkButton           *start_button;
  GtkLabel            *summary_label;
  GtkLabel            *progress_label;
  GtkLabel            *clinic_label;
  AdwPreferencesGroup *exercises_group;
  AdwPreferencesGroup *log_group;
};

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberHomeWindow, limber_home_window, ADW_TYPE_APPLICATION_WINDOW)

static LimberProgram *
active_program (LimberHomeWindow *self)
{
  return self->patient != NULL ? limber_patient_get_active_program (self->patient) : NULL;
}

static void
toast (LimberHomeWindow *self,
       const char *message)
{
  limber_show_message (GTK_WIDGET (self->stack), message);
}

static void
add_row (LimberHomeWindow    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* An exercise: its dosage in the title row; its steps, the therapist's note and its cautions
 * inside, one click away. */
static GtkWidget *
exercise_row_new (LimberPrescription *prescription,
                  LimberExercise     *exercise,
                  gboolean            due)
{
  g_autofree char *format = limber_prescription_format (prescription, exercise);
  /* Translators: an exercise's dosage, then that it was done as often as prescribed for now */
  g_autofree char *dosage = due ? g_strdup (format) : g_strdup_printf (_("%s · done for now"), format);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  const char * const *cautions = limber_exercise_get_cautions (exercise);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_exercise_get_name (exercise));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), dosage);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  limber_box_add_numbered (GTK_BOX (steps), limber_exercise_get_steps (exercise));
  gtk_box_append (GTK_BOX (box), steps);

  if (prescription->note != NULL && prescription->note[0] != '\0')
    {
      /* Translators: the physical therapist's note for one patient */
      g_autofree char *note = g_strdup_printf (_("From your physical therapist: %s"),
                                               prescription->note);
      gtk_box_append (GTK_BOX (box), text_label (note, NULL));
    }

  if (cautions != NULL && cautions[0] != NULL)
    {
      GtkWidget *caution_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (caution_box, "caution-box");
      gtk_box_append (GTK_BOX (caution_box), text_label (_("Take care"), "heading"));
      limber_box_add_bullets (GTK_BOX (caution_box), cautions);
      gtk_box_append (GTK_BOX (box), caution_box);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);
  return row;
}

/* The active program's exercises due at @now, in their order; the array borrows them. */
static GPtrArray *
due_prescriptions (LimberHomeWindow *self,
                   GDateTime        *now)
{
  LimberProgram *program = active_program (self);
  GPtrArray *due = g_ptr_array_new ();

  for (guint i = 0; i < program->prescriptions->len; i++)
    if (limber_patient_is_due (self->patient, g_ptr_array_index (program->prescriptions, i), now))
      g_ptr_array_add (due, g_ptr_array_index (program->prescriptions, i));
  return due;
}

/* Today's session: the exercises in @due, or, when none is due, the whole program again. */
static LimberProgram *
todays_program (LimberHomeWindow *self,
                GPtrArray        *due)
{
  LimberProgram *program = limber_program_copy (active_program (self));

  if (due->len == 0)
    return program;

  g_ptr_array_set_size (program->prescriptions, 0);
  for (guint i = 0; i < due->len; i++)
    g_ptr_array_add (program->prescriptions, limber_prescription_copy (g_ptr_array_index (due, i)));
  return program;
}

static void
update_progress (LimberHomeWindow *self,
                 LimberProgram    *program)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) until = g_date_time_add_seconds (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);
  /* The same 7 days as what is due: today and the 6 days before. */
  g_autoptr(GDateTime) week = g_date_time_add_days (midnight, -6);
  guint today = limber_patient_count_sessions (self->patient, midnight, until);
  guint done = limber_patient_count_sessions (self->patient, week, until);
  guint asked = limber_program_get_sessions_per_week (program);
  g_autofree char *today_text = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *text = NULL;

  /* Translators: sessions the patient did today */
  today_text = g_strdup_printf (ngettext ("Done today: %u session", "Done today: %u sessions",
                                          today), today);
  /* Translators: sessions in the last 7 days against the sessions the program asks for */
  week_text = g_strdup_printf (ngettext ("Last 7 days: %u of %u sessions",
                                         "Last 7 days: %u of %u sessions", asked), done, asked);
  text = today > 0 ? g_strdup_printf ("%s\n%s", today_text, week_text) : g_strdup (week_text);
  gtk_label_set_text (self->progress_label, text);
}

static void
update_clinic (LimberHomeWindow *self)
{
  LimberClinic *clinic = self->program_file != NULL ? self->program_file->clinic : NULL;
  g_autofree char *text = NULL;

  if (clinic != NULL && clinic->name[0] != '\0' && clinic->phone[0] != '\0')
    /* Translators: the clinic's name and phone number */
    text = g_strdup_printf (_("Questions? Call %s on %s."), clinic->name, clinic->phone);
  else if (clinic != NULL && clinic->phone[0] != '\0')
    /* Translators: %s is the clinic's phone number */
    text = g_strdup_printf (_("Questions? Call your clinic on %s."), clinic->phone);

  gtk_label_set_text (self->clinic_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->clinic_label), text != NULL);
}

static void
update (LimberHomeWindow *self)
{
  LimberProgram *program = active_program (self);
  g_autoptr(LimberProgram) today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *size = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) due_list = NULL;
  guint due;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home.start",
                                 program != NULL && program->prescriptions->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home.export-log",
                                 self->patient != NULL && self->patient->sessions->len > 0);

  if (program == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, "");
      if (limber_home_window_get_problem (self) != NULL)
        {
          /* The description is markup; the reason may hold any text. */
          g_autofree char *escaped = g_markup_escape_text (limber_home_window_get_problem (self), -1);

          adw_status_page_set_description (self->empty_page, escaped);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  adw_window_title_set_subtitle (self->window_title, self->patient->name);
  gtk_label_set_text (self->program_label, program->name);
  due_list = due_prescriptions (self, now);
  due = due_list->len;
  today = todays_program (self, due_list);
  size = limber_program_format_size (today, self->library);
  if (due == program->prescriptions->len || program->prescriptions->len == 0)
    /* Translators: the size of today's session, as in "Today: 7 exercises · about 35 minutes" */
    summary = g_strdup_printf (_("Today: %s"), size);
  else if (due > 0)
    /* Translators: %s is the size of today's session; %u how many exercises are done for now */
    summary = g_strdup_printf (ngettext ("Today: %s\n%u exercise is done for now",
                                         "Today: %s\n%u exercises are done for now",
                                         program->prescriptions->len - due),
                               size, program->prescriptions->len - due);
  else
    summary = g_strdup (_("All of today’s exercises are done."));
  gtk_label_set_text (self->summary_label, summary);
  gtk_button_set_label (self->start_button, due > 0 ? _("_Start Today’s Session")
                                                    : _("_Start the Whole Program Again"));
  update_progress (self, program);
  update_clinic (self);

  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (self->library, prescription->exercise_id);

      if (exercise != NULL)
        add_row (self, self->exercises_group,
                 exercise_row_new (prescription, exercise,
                                   g_ptr_array_find (due_list, prescription, NULL)));
    }

  if (self->patient->sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sessions yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("After each exercise of a session you say how it went. "
                                     "It is kept here."));
      add_row (self, self->log_group, row);
    }

  for (guint i = 0; i < MIN (LOG_ROWS, self->patient->sessions->len); i++)
    {
      const LimberSession *session = g_ptr_array_index (self->patient->sessions,
                                                        self->patient->sessions->len - 1 - i);
      g_autofree char *when = limber_format_session_time (session->started);
      g_autofree char *summary = limber_session_summarize (session);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      add_row (self, self->log_group, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "program");
}

static void
set_record_problem (LimberHomeWindow *self,
                    const char       *reason)
{
  g_clear_pointer (&self->record_problem, g_free);
  if (reason != NULL)
    {
      g_autofree char *said = g_strdup (reason);

      /* One full stop, whether or not the reason ends with one. */
      if (g_str_has_suffix (said, "."))
        said[strlen (said) - 1] = '\0';
      /* Translators: %s says why, naming the file */
      self->record_problem = g_strdup_printf (_("Your program and log could not be read: %s. "
                                                "Ask your clinic for help."), said);
      g_message ("%s", self->record_problem);
    }
}

/* Shows the record @id, or none. */
static void
show_record (LimberHomeWindow *self,
             const char       *id)
{
  g_autoptr(GError) error = NULL;
  LimberStoreItem *item = id != NULL ? limber_store_lookup (self->store, id) : NULL;

  g_clear_pointer (&self->patient, limber_patient_unref);
  g_clear_pointer (&self->program_file, limber_program_file_free);

  if (item != NULL && !(self->patient = limber_store_open (self->store, item, &error)))
    set_record_problem (self, error->message);
  else if (item != NULL)
    {
      set_record_problem (self, NULL);
      /* Without the copy of the file, the program still works; only the clinic's line goes. */
      self->program_file = limber_home_load_program_file (self->store, id, NULL);
    }

  update (self);
}

static void
open_store (LimberHomeWindow *self)
{
  g_autofree char *path = limber_home_get_default_folder ();
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), APP_ID,
                                             LIMBER_HOME_FOLDER_NAME, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_settings_get_string (self->settings, "home-record");
  GListModel *unreadable;

  self->store = limber_store_new (folder, cache);
  limber_store_set_create_folder (self->store, TRUE);
  if (!limber_store_load (self->store, &error))
    {
      self->folder_problem = g_strdup (error->message);
      g_message ("%s", error->message);
      update (self);
      return;
    }

  /* The record opened last, or the only one there is. */
  if (limber_store_lookup (self->store, id) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      g_autoptr(LimberStoreItem) first = g_list_model_get_item (G_LIST_MODEL (self->store), 0);

      g_free (id);
      id = g_strdup (limber_store_item_get_id (first));
    }

  /* A record that is there but cannot be read is said, never taken for no record. */
  unreadable = limber_store_get_unreadable (self->store);
  if (limber_store_lookup (self->store, id) == NULL && g_list_model_get_n_items (unreadable) > 0)
    {
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (unreadable, 0);

      set_record_problem (self, limber_store_item_get_problem (item));
    }

  show_record (self, limber_store_lookup (self->store, id) != NULL ? id : NULL);
}

/* Opens a program file: its program becomes the patient's, with the log kept. Returns whether
 * it was opened; otherwise says why and keeps what was shown. */
gboolean
limber_home_window_open_file (LimberHomeWindow *self,
                              GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberProgramFile) program_file = NULL;
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  const char *where = path != NULL ? path : name;

  g_return_val_if_fail (LIMBER_IS_HOME_WINDOW (self), FALSE);

  if (self->folder_problem != NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", self->folder_problem);
  else if ((bytes = g_file_load_bytes (file, NULL, NULL, &error)) &&
           (program_file = limber_program_file_load (bytes, where, &error)) &&
           limber_program_check_exercises (program_file->program, self->library, where, &error))
    patient = limber_home_import (self->store, program_file, bytes, now, &error);

  if (patient == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      limber_show_file_error (GTK_WIDGET (self), _("Program File Not Opened"),
                              _("“%s” could not be opened: %s"), file, error);
      return FALSE;
    }

  g_settings_set_string (self->settings, "home-record", patient->id);
  show_record (self, patient->id);
  return TRUE;
}

gboolean
limber_home_window_has_program (LimberHomeWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_WINDOW (self), FALSE);
  return active_program (self) != NULL;
}

const char *
limber_home_window_get_problem (LimberHomeWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_WINDOW (self), NULL);
  return self->folder_problem != NULL ? self->folder_problem : self->record_problem;
}

/* Writes the whole log for the clinic. Returns whether it was written; says so either way. */
gboolean
limber_home_window_export_log (LimberHomeWindow *self,
                               GFile            *file)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_HOME_WINDOW (self), FALSE);
  g_return_val_if_fail (self->patient != NULL, FALSE);

  log = limber_log_file_new_for_patient (self->patient, now);
  data = limber_log_file_to_data (log, &length);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                &error))
    {
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("The log was not saved as “%s”: %s"), name, error->message);
      g_message ("%s", message);
      toast (self, message);
      return FALSE;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved “%s”. Bring it to your clinic or send it to them."), name);
  toast (self, message);
  return TRUE;
}

static void
session_logged_cb (const char    *patient_id,
                   LimberSession *session,
                   gpointer       user_data)
{
  LimberHomeWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  /* The record shown is the one saved: opening a program file reads it again. */
  if (self->patient != NULL && g_strcmp0 (self->patient->id, patient_id) == 0)
    {
      limber_patient_add_session (self->patient, limber_session_copy (session));
      saved = limber_store_save (self->store, self->patient, &error);
    }
  else
    saved = limber_store_add_session (self->store, patient_id, session, &error);

  if (!saved)
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Your log could not be saved: %s. Limber "
                                                    "tries again after the next exercise."),
                                                  error->message);
      g_message ("%s", message);
      toast (self, message);
    }
  update (self);
}

/* Opens the guided session for today's exercises; returns the player window. */
GtkWidget *
limber_home_window_start_session (LimberHomeWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(LimberProgram) today = NULL;

  g_return_val_if_fail (LIMBER_IS_HOME_WINDOW (self), NULL);
  g_return_val_if_fail (active_program (self) != NULL, NULL);

  due = due_prescriptions (self, now);
  today = todays_program (self, due);

  return limber_session_start (GTK_WINDOW (self), self->library, self->patient, today,
                               self->settings, NULL, session_logged_cb, self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  limber_home_window_start_session (LIMBER_HOME_WINDOW (widget));
}

static void
program_chosen (GtkWidget *widget,
                GFile     *file)
{
  limber_home_window_open_file (LIMBER_HOME_WINDOW (widget), file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  limber_choose_file (widget, _("Open Program File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                      limber_file_filter_new (_("Limber program files"),
                                              LIMBER_PROGRAM_FILE_EXTENSION,
                                              LIMBER_PROGRAM_FILE_MIME_TYPE),
                      NULL, program_chosen);
}

static void
log_chosen (GtkWidget *widget,
            GFile     *file)
{
  LimberHomeWindow *self = LIMBER_HOME_WINDOW (widget);

  if (self->patient != NULL)
    limber_home_window_export_log (self, file);
}

static void
export_log_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberHomeWindow *self = LIMBER_HOME_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;

  /* Translators: part of the log file's name, as in "Ann Lee – session log – 2026-11-26" */
  name = limber_program_file_suggest_name (self->patient->name, _("session log"), now,
                                           LIMBER_LOG_FILE_EXTENSION);
  limber_choose_file (widget, _("Export Log for Your Clinic"), GTK_FILE_CHOOSER_ACTION_SAVE,
                      _("_Save"),
                      limber_file_filter_new (_("Limber session logs"), LIMBER_LOG_FILE_EXTENSION,
                                              LIMBER_LOG_FILE_MIME_TYPE),
                      name, log_chosen);
}

static void schedule_midnight (LimberHomeWindow *self);

/* What is due changes with the day: the window counts again when the patient comes back to it,
 * and at midnight. */
static gboolean
midnight_cb (gpointer user_data)
{
  LimberHomeWindow *self = user_data;

  self->midnight_source = 0;
  update (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_midnight (LimberHomeWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan wait = g_date_time_difference (tomorrow, now);

  self->midnight_source = g_timeout_add_seconds ((guint) (wait / G_USEC_PER_SEC) + 1,
                                                 midnight_cb, self);
}

static void
active_changed_cb (LimberHomeWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->store != NULL)
    update (self);
}

static void
limber_home_window_constructed (GObject *object)
{
  LimberHomeWindow *self = LIMBER_HOME_WINDOW (object);

  G_OBJECT_CLASS (limber_home_window_parent_class)->constructed (object);
  open_store (self);
  schedule_midnight (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
}

static void
limber_home_window_dispose (GObject *object)
{
  LimberHomeWindow *self = LIMBER_HOME_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HOME_WINDOW);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->patient, limber_patient_unref);
  g_clear_pointer (&self->program_file, limber_program_file_free);
  g_clear_pointer (&self->folder_problem, g_free);
  g_clear_pointer (&self->record_problem, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_home_window_parent_class)->dispose (object);
}

static void
limber_home_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberHomeWindow *self = LIMBER_HOME_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_set_object (&self->library, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_home_window_class_init (LimberHomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_home_window_constructed;
  object_class->dispose = limber_home_window_dispose;
  object_class->set_property = limber_home_window_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, LIMBER_TYPE_LIBRARY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-home-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, program_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeWindow, log_group);

  gtk_widget_class_install_action (widget_class, "home.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "home.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "home.export-log", NULL, export_log_action);
}

static void
limber_home_window_init (LimberHomeWindow *self)
{
  self->rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LimberHomeWindow *
limber_home_window_new (AdwApplication *application,
                        LimberLibrary  *library)
{
  return g_object_new (LIMBER_TYPE_HOME_WINDOW, "application", application, "library", library,
                       NULL);
}
