/* limber-patients-view.c: the patients list on the left; a patient's details and programs, or
 * one program's editor, on the right. Every change is saved at once. A save the folder refuses
 * keeps the change in memory, says why, and is tried again; a save that would overwrite a
 * change made elsewhere is stopped and the therapist chooses what to keep. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-patient-dialog.h"
#include "limber-handout-group.h"
#include "limber-session-log.h"
#include "limber-session-start.h"
#include "limber-sessions-group.h"
#include "limber-patients-view.h"
#include "limber-program-editor.h"
#include "limber-ui-util.h"

#define RETRY_SECONDS 15

struct _LimberPatientsView
{
  GtkWidget           parent_instance;

  LimberLibrary      *library;
  LimberStore        *store;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *query;          /* case-folded */
  gboolean            show_archived;
  char               *store_error;

  LimberPatient      *patient;        /* the patient shown, with every unsaved edit */
  LimberProgram      *program;        /* the program in the editor, owned by the patient */
  char               *save_error;
  guint               retry_source;
  char               *conflict;       /* a change made elsewhere, waiting for the therapist */
  GFileMonitor       *monitor;
  GHashTable         *changed_files;  /* names the folder reported, waiting to be looked at */
  guint               changed_source;

  AdwLeaflet         *leaflet;
  AdwViewSwitcher    *switcher;
  GtkSearchEntry     *search_entry;
  GtkListBox         *unreadable_list;
  AdwActionRow       *unreadable_row;
  GtkStack           *sidebar_stack;
  GtkListView        *patient_list;
  AdwStatusPage      *store_error_page;
  GtkWidget          *content;
  AdwWindowTitle     *content_title;
  GtkWidget          *back_button;
  GtkMenuButton      *content_menu_button;
  GtkInfoBar         *save_bar;
  GtkLabel           *save_bar_label;
  GtkStack           *content_stack;
  AdwPreferencesGroup *archived_group;
  AdwActionRow       *condition_row;
  AdwActionRow       *age_row;
  AdwActionRow       *notes_row;
  GtkMenuButton      *new_program_button;
  GtkListBox         *program_list;
  LimberHandoutGroup *handout_group;
  LimberSessionsGroup *sessions_group;
  LimberProgramEditor *program_editor;
  GMenuModel         *patient_menu;
  GMenuModel         *program_menu;
};

enum {
  PROP_0,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberPatientsView, limber_patients_view, GTK_TYPE_WIDGET)

static void show_patient (LimberPatientsView *self);
static void close_patient (LimberPatientsView *self);
static void update_actions (LimberPatientsView *self);

static GtkWindow *
get_window (LimberPatientsView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
add_toast (LimberPatientsView *self,
           AdwToast           *toast)
{
  limber_show_toast (GTK_WIDGET (self), toast);
}

static void
toast_message (LimberPatientsView *self,
               const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast);
}

static GDate *
today (void)
{
  GDate *date = g_date_new ();

  g_date_set_time_t (date, time (NULL));
  return date;
}

/* ---- The list ---- */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  LimberPatientsView *self = user_data;

  if (!self->show_archived && limber_store_item_get_archived (item))
    return FALSE;

  return limber_store_item_matches (item, self->query);
}

static void
update_sidebar (LimberPatientsView *self)
{
  const char *page = "list";

  if (self->store_error != NULL)
    page = "error";
  else if (self->store == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-results";

  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
update_unreadable (LimberPatientsView *self)
{
  guint n = self->store != NULL
            ? g_list_model_get_n_items (limber_store_get_unreadable (self->store)) : 0;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->unreadable_list), n > 0);
  if (n == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record cannot be read",
                                        "%u records cannot be read", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unreadable_row), title);
}

static void
refilter (LimberPatientsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar (self);
}

static char *
describe_item (LimberStoreItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDate) now = today ();
  int age = limber_store_item_get_age (item, now);

  if (limber_store_item_get_archived (item))
    g_ptr_array_add (parts, g_strdup (_("Archived")));
  if (limber_store_item_get_condition (item)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (limber_store_item_get_condition (item)));
  if (age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years",
                                                          age), age));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  LimberStoreItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *text = describe_item (item);

  gtk_label_set_text (GTK_LABEL (name), limber_store_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (details), text);
  gtk_widget_set_visible (details, text[0] != '\0');
}

static void
select_current (LimberPatientsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; self->patient != NULL && i < n; i++)
    {
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item != NULL && g_strcmp0 (limber_store_item_get_id (item), self->patient->id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
store_items_changed_cb (LimberPatientsView *self)
{
  update_sidebar (self);
  select_current (self);
}

static void
search_changed_cb (LimberPatientsView *self,
                   GtkSearchEntry     *entry)
{
  g_free (self->query);
  self->query = limber_store_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  refilter (self);
  select_current (self);
}

static void
search_stop_cb (LimberPatientsView *self,
                GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
search_activate_cb (LimberPatientsView *self,
                    GtkSearchEntry     *entry)
{
  g_autoptr(LimberStoreItem) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first != NULL)
    limber_patients_view_open_patient (self, limber_store_item_get_id (first));
}

static void
patient_activated_cb (LimberPatientsView *self,
                      guint               position)
{
  g_autoptr(LimberStoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    limber_patients_view_open_patient (self, limber_store_item_get_id (item));
}

static void
unreadable_activated_cb (LimberPatientsView *self)
{
  GListModel *unreadable = limber_store_get_unreadable (self->store);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *folder = g_file_get_path (limber_store_get_folder (self->store));
  GtkWidget *dialog;

  g_string_append_printf (body, _("Limber leaves these files in “%s” exactly as they are. "
                                  "A newer version of Limber, or whoever last edited them, may be able to open them."),
                          folder);

  for (guint i = 0; i < g_list_model_get_n_items (unreadable); i++)
    {
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (unreadable, i);

      g_string_append_printf (body, "\n\n%s\n%s", limber_store_item_get_file (item),
                              limber_store_item_get_problem (item));
    }

  dialog = adw_message_dialog_new (get_window (self), _("Records That Cannot Be Read"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Saving ---- */

static void
show_save_bar (LimberPatientsView *self,
               const char         *message,
               const char         *advice)
{
  g_free (self->save_error);
  self->save_error = g_strdup (message);

  if (message != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", message, advice);
      gtk_label_set_text (self->save_bar_label, text);
    }

  gtk_info_bar_set_revealed (self->save_bar, message != NULL);
}

static void
set_save_error (LimberPatientsView *self,
                const char         *message)
{
  show_save_bar (self, message,
                 _("Your changes are kept while Limber is open, and saved as soon as the folder can be written."));
}

static gboolean retry_save_cb (gpointer user_data);

static void
reload_patient (LimberPatientsView *self)
{
  g_autofree char *id = g_strdup (self->patient->id);
  g_autofree char *program_id = self->program != NULL ? g_strdup (self->program->id) : NULL;

  g_clear_pointer (&self->patient, limber_patient_unref);
  self->program = NULL;
  set_save_error (self, NULL);

  if (!limber_patients_view_open_patient (self, id))
    close_patient (self);
  else if (program_id != NULL)
    limber_patients_view_open_program (self, program_id);
}

/* "copy" keeps this window's version as a new record; then the record on disk is shown
 * again, or, when it was deleted elsewhere, forgotten and the copy shown in its place. */
static void
conflict_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      LimberPatientsView *self)
{
  gboolean vanished = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "vanished"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPatient) copy = NULL;
  g_autofree char *conflict = g_steal_pointer (&self->conflict);

  if (self->patient == NULL)
    return;

  /* Closed without a choice: the change stays here, unsaved, until Try Again asks again. */
  if (g_strcmp0 (response, "later") == 0)
    {
      show_save_bar (self, conflict, _("Your change is kept here until you choose: Try Again."));
      return;
    }

  if (g_strcmp0 (response, "copy") == 0 &&
      !(copy = limber_store_save_as_copy (self->store, self->patient, &error)))
    {
      set_save_error (self, error->message);
      return;
    }

  if (vanished)
    {
      /* The file is gone: deleting only takes it out of the list. */
      limber_store_delete (self->store, self->patient, NULL);
      close_patient (self);
      if (copy != NULL)
        limber_patients_view_open_patient (self, copy->id);
    }
  else
    reload_patient (self);

  if (copy != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your version was kept as “%s”"), copy->name);

      toast_message (self, message);
    }
}

static void
show_conflict (LimberPatientsView *self,
               const GError       *error)
{
  gboolean vanished = g_error_matches (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED);
  GtkWidget *dialog;

  g_free (self->conflict);
  self->conflict = g_strdup (error->message);

  dialog = adw_message_dialog_new (get_window (self),
                                   vanished ? _("Record Deleted Elsewhere") : _("Record Changed Elsewhere"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", error->message,
                                  vanished ? _("Your change was not saved. You can keep it as a new record.")
                                           : _("Your change was not saved over theirs. Open their version, or keep yours as a separate copy."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "later", _("_Decide Later"));
  if (vanished)
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "reload", _("_Discard My Change"),
                                      "copy", _("_Keep Mine as a Copy"), NULL);
  else
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "reload", _("_Open Their Version"),
                                      "copy", _("_Keep Mine as a Copy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data (G_OBJECT (dialog), "vanished", GINT_TO_POINTER (vanished));
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves the patient shown. Returns whether it is saved now. */
gboolean
limber_patients_view_save (LimberPatientsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->patient == NULL)
    return TRUE;

  /* The therapist is being asked what to keep. */
  if (self->conflict != NULL)
    return FALSE;

  g_clear_handle_id (&self->retry_source, g_source_remove);

  if (!limber_store_save (self->store, self->patient, &error))
    {
      if (g_error_matches (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT) ||
          g_error_matches (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED))
        {
          set_save_error (self, NULL);
          show_conflict (self, error);
        }
      else
        {
          g_message ("%s", error->message);
          set_save_error (self, error->message);
          self->retry_source = g_timeout_add_seconds (RETRY_SECONDS, retry_save_cb, self);
        }
      return FALSE;
    }

  set_save_error (self, NULL);
  return TRUE;
}

static gboolean
retry_save_cb (gpointer user_data)
{
  LimberPatientsView *self = user_data;

  self->retry_source = 0;
  limber_patients_view_save (self);
  return G_SOURCE_REMOVE;
}

static void
save_bar_response_cb (LimberPatientsView *self)
{
  limber_patients_view_save (self);
}

/* Saves, and shows the result. */
static void
commit (LimberPatientsView *self)
{
  limber_patients_view_save (self);

  if (self->patient == NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "program") == 0 &&
      self->program != NULL)
    {
      limber_program_editor_refresh (self->program_editor);
      adw_window_title_set_title (self->content_title, self->program->name);
      adw_window_title_set_subtitle (self->content_title, self->patient->name);
    }
  else
    show_patient (self);

  update_actions (self);
}

gboolean
limber_patients_view_has_unsaved (LimberPatientsView *self)
{
  return self->save_error != NULL || self->conflict != NULL;
}

const char *
limber_patients_view_get_save_error (LimberPatientsView *self)
{
  return self->conflict != NULL ? self->conflict : self->save_error;
}

/* ---- A patient ---- */

static char *
describe_program (LimberPatientsView *self,
                  LimberProgram      *program)
{
  g_autofree char *size = limber_program_format_size (program, self->library);

  if (g_strcmp0 (program->id, self->patient->active_program) == 0)
    /* Translators: an active program's size, as in "Active · 7 exercises · about 35 minutes" */
    return g_strdup_printf (_("Active · %s"), size);
  return g_steal_pointer (&size);
}

static void
active_toggled_cb (GtkCheckButton     *button,
                   LimberPatientsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "program-id");

  if (!gtk_check_button_get_active (button) || self->patient == NULL ||
      g_strcmp0 (self->patient->active_program, id) == 0)
    return;

  g_free (self->patient->active_program);
  self->patient->active_program = g_strdup (id);
  commit (self);
}

static void
show_patient (LimberPatientsView *self)
{
  LimberPatient *patient = self->patient;
  g_autoptr(GDate) now = today ();
  g_autofree char *age = limber_patient_format_age (patient, now);
  GtkWidget *child;
  GtkCheckButton *group = NULL;

  adw_window_title_set_title (self->content_title, patient->name);
  adw_window_title_set_subtitle (self->content_title, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), patient->archived);

  adw_action_row_set_subtitle (self->condition_row,
                               patient->condition[0] != '\0' ? patient->condition : _("Not recorded"));
  adw_action_row_set_subtitle (self->age_row, age != NULL ? age : _("Not recorded"));
  adw_action_row_set_subtitle (self->notes_row, patient->notes[0] != '\0' ? patient->notes : _("None"));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->program_list))))
    gtk_list_box_remove (self->program_list, child);

  for (guint i = 0; i < patient->programs->len; i++)
    {
      LimberProgram *program = g_ptr_array_index (patient->programs, i);
      g_autofree char *subtitle = describe_program (self, program);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), program->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "program-id", g_strdup (program->id), g_free);

      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      group = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strcmp0 (program->id, patient->active_program) == 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _("The active program, the one the patient follows"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Active program"), -1);
      g_object_set_data_full (G_OBJECT (check), "program-id", g_strdup (program->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (active_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_append (self->program_list, row);
    }

  if (patient->programs->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No programs yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Start one from a template, or from an empty list"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->program_list, row);
    }

  gtk_menu_button_set_menu_model (self->content_menu_button, self->patient_menu);
  gtk_stack_set_visible_child_name (self->content_stack, "patient");
  update_actions (self);
}

static void
handout_changed_cb (LimberPatientsView *self)
{
  commit (self);
}

/* A session's exercise was logged: into the record shown, saved as any change is, when it is
 * that patient's; otherwise into the record as it is now in the folder. */
static void
session_logged_cb (const char    *patient_id,
                   LimberSession *session,
                   gpointer       owner)
{
  LimberPatientsView *self = owner;
  g_autoptr(GError) error = NULL;

  if (self->patient != NULL && g_strcmp0 (self->patient->id, patient_id) == 0)
    {
      limber_patient_add_session (self->patient, limber_session_copy (session));
      commit (self);
      return;
    }

  if (!limber_store_add_session (self->store, patient_id, session, &error))
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("The session was not saved: %s"),
                                                  error->message);
      g_message ("%s", message);
      toast_message (self, message);
    }
}

static void
start_session_cb (LimberPatientsView *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (self->patient == NULL || limber_patient_get_active_program (self->patient) == NULL)
    return;

  limber_session_start (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->library,
                        self->patient, NULL, settings, limber_store_get_folder (self->store),
                        session_logged_cb, self);
}

/* Opens the record a log file belongs to and imports it there. Returns FALSE, saying why, when
 * the log cannot be read or no record has its patient. */
gboolean
limber_patients_view_import_log (LimberPatientsView *self,
                                 GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberLogFile) log = limber_log_file_read (file, &error);

  if (log != NULL && limber_store_lookup (self->store, log->patient_id) == NULL)
    /* Translators: %s is a patient's name */
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("no record here is %s’s. Open their page and choose Import Log…"),
                 log->patient_name);

  if (error != NULL)
    {
      limber_show_log_error (GTK_WIDGET (self), file, error);
      return FALSE;
    }

  if (!limber_patients_view_open_patient (self, log->patient_id))
    return FALSE;

  return limber_sessions_group_import (self->sessions_group, g_steal_pointer (&log), file);
}

/* Ctrl+P prints the handout from the patient's page. */
static gboolean
print_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);

  if (self->patient == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "patient") != 0)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->handout_group), "handout.print", NULL);
}

/* Built as the menu opens, so that a template another computer saved meanwhile is there. */
static void
update_new_program_menu (GtkMenuButton *button,
                         gpointer       user_data)
{
  LimberPatientsView *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) templates_section = g_menu_new ();
  g_autoptr(GPtrArray) templates = NULL;
  g_auto(GStrv) problems = NULL;

  g_menu_append (menu, _("_Empty Program"), "patients.new-program('')");

  if (self->store != NULL)
    templates = limber_store_list_templates (self->store, &problems);

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      LimberProgram *template = g_ptr_array_index (templates, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (template->name, NULL);

      g_menu_item_set_action_and_target_value (item, "patients.new-program",
                                               g_variant_new_string (template->id));
      g_menu_append_item (templates_section, item);
    }

  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    g_message ("A template could not be read: %s", problems[i]);

  g_menu_append_section (menu, _("From a Template"), G_MENU_MODEL (templates_section));
  gtk_menu_button_set_menu_model (self->new_program_button, G_MENU_MODEL (menu));
}

gboolean
limber_patients_view_open_patient (LimberPatientsView *self,
                                   const char         *id)
{
  g_autoptr(GError) error = NULL;
  LimberStoreItem *item;
  LimberPatient *patient;

  if (self->patient != NULL && g_strcmp0 (self->patient->id, id) == 0 && self->save_error == NULL)
    {
      self->program = NULL;
      show_patient (self);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return TRUE;
    }

  if (self->save_error != NULL && !limber_patients_view_save (self))
    {
      toast_message (self, _("Save this patient’s changes before opening another record"));
      return FALSE;
    }

  item = limber_store_lookup (self->store, id);
  if (item == NULL)
    return FALSE;

  patient = limber_store_open (self->store, item, &error);
  if (patient == NULL)
    {
      toast_message (self, error->message);
      return FALSE;
    }

  close_patient (self);
  self->patient = patient;
  show_patient (self);
  select_current (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

void
limber_patients_view_open_program (LimberPatientsView *self,
                                   const char         *program_id)
{
  LimberProgram *program = self->patient != NULL
                           ? limber_patient_get_program (self->patient, program_id) : NULL;

  if (program == NULL)
    return;

  self->program = program;
  limber_program_editor_set_program (self->program_editor, self->patient, program);
  adw_window_title_set_title (self->content_title, program->name);
  adw_window_title_set_subtitle (self->content_title, self->patient->name);
  gtk_menu_button_set_menu_model (self->content_menu_button, self->program_menu);
  gtk_stack_set_visible_child_name (self->content_stack, "program");
  update_actions (self);
}

static void
program_activated_cb (LimberPatientsView *self,
                      GtkListBoxRow      *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "program-id");

  if (id != NULL)
    limber_patients_view_open_program (self, id);
}

static void
program_changed_cb (LimberPatientsView *self)
{
  commit (self);
}

static void
close_patient (LimberPatientsView *self)
{
  /* An Undo for this patient's exercises or programs means nothing once they are closed. */
  limber_dismiss_scoped_toast (GTK_WIDGET (self));
  limber_program_editor_set_program (self->program_editor, NULL, NULL);
  g_clear_pointer (&self->patient, limber_patient_unref);
  g_clear_pointer (&self->conflict, g_free);
  self->program = NULL;
  set_save_error (self, NULL);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  adw_window_title_set_title (self->content_title, NULL);
  adw_window_title_set_subtitle (self->content_title, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  select_current (self);
  update_actions (self);
}

/* ---- Actions ---- */

static void
update_actions (LimberPatientsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_patient = self->patient != NULL;
  gboolean on_program;

  /* The template's widgets are gone while the view is disposed. */
  if (self->leaflet == NULL)
    return;

  on_program = has_patient && self->program != NULL &&
               g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "program") == 0;

  gtk_widget_action_set_enabled (widget, "patients.add", self->store != NULL && self->store_error == NULL);
  gtk_widget_action_set_enabled (widget, "patients.edit", has_patient);
  gtk_widget_action_set_enabled (widget, "patients.archive", has_patient && !self->patient->archived);
  gtk_widget_action_set_enabled (widget, "patients.unarchive", has_patient && self->patient->archived);
  gtk_widget_action_set_enabled (widget, "patients.delete", has_patient);
  gtk_widget_action_set_enabled (widget, "patients.new-program", has_patient);
  gtk_widget_action_set_enabled (widget, "patients.rename-program", on_program);
  gtk_widget_action_set_enabled (widget, "patients.activate-program",
                                 on_program && g_strcmp0 (self->patient->active_program, self->program->id) != 0);
  gtk_widget_action_set_enabled (widget, "patients.save-template",
                                 on_program && self->program->prescriptions->len > 0);
  gtk_widget_action_set_enabled (widget, "patients.delete-program", on_program);
  /* The handout follows the patient shown and their active program, whatever changed them. */
  limber_handout_group_set_patient (self->handout_group, self->patient);
  limber_sessions_group_set_patient (self->sessions_group, self->patient);
  gtk_widget_set_visible (GTK_WIDGET (self->content_menu_button), has_patient);
  gtk_widget_set_visible (self->back_button, on_program || adw_leaflet_get_folded (self->leaflet));
}

static void
leaflet_folded_cb (LimberPatientsView *self)
{
  update_actions (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "program") == 0)
    {
      self->program = NULL;
      show_patient (self);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
added_cb (LimberPatientDialog *dialog,
          LimberPatient       *edited,
          LimberPatientsView  *self)
{
  /* The new patient is open at once; a save the folder refuses keeps them here with the
   * bar saying why, and is tried again. */
  close_patient (self);
  self->patient = limber_patient_copy (edited);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  limber_patients_view_save (self);
  show_patient (self);
  select_current (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  LimberPatientDialog *dialog;

  if (self->save_error != NULL && !limber_patients_view_save (self))
    {
      toast_message (self, _("Save this patient’s changes before adding another"));
      return;
    }

  dialog = limber_patient_dialog_new (get_window (self), NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edited_cb (LimberPatientDialog *dialog,
           LimberPatient       *edited,
           LimberPatientsView  *self)
{
  LimberPatient *patient = self->patient;

  if (patient == NULL || g_strcmp0 (patient->id, edited->id) != 0)
    return;

  limber_patient_set_name (patient, edited->name, NULL);
  limber_patient_set_text (patient, &patient->condition, edited->condition, NULL);
  limber_patient_set_text (patient, &patient->notes, edited->notes, NULL);
  g_clear_pointer (&patient->birth_date, g_date_free);
  g_clear_pointer (&patient->age_recorded, g_date_free);
  patient->birth_date = edited->birth_date != NULL ? g_date_copy (edited->birth_date) : NULL;
  patient->age = edited->age;
  patient->age_recorded = edited->age_recorded != NULL ? g_date_copy (edited->age_recorded) : NULL;
  commit (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  LimberPatientDialog *dialog = limber_patient_dialog_new (get_window (self), self->patient);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (edited_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_archived (LimberPatientsView *self,
              gboolean            archived)
{
  self->patient->archived = archived;
  commit (self);
  refilter (self);
}

static void
unarchive_toast_cb (AdwToast           *toast,
                    LimberPatientsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "patient-id");

  if (self->patient != NULL && g_strcmp0 (self->patient->id, id) == 0)
    set_archived (self, FALSE);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  g_autofree char *message = g_strdup_printf (_("“%s” archived"), self->patient->name);
  AdwToast *toast = adw_toast_new (message);

  set_archived (self, TRUE);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "patient-id", g_strdup (self->patient->id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (unarchive_toast_cb), self, 0);
  limber_toast_set_scoped (toast);
  add_toast (self, toast);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_archived (LIMBER_PATIENTS_VIEW (widget), FALSE);
}

/* A deletion waits for its toast: Undo puts the patient back, and only a toast that goes
 * away without Undo deletes the file. */
typedef struct
{
  LimberPatientsView *self;
  LimberStore        *store;   /* the folder the patient was deleted from */
  LimberPatient      *patient;
  gboolean            undone;
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  g_clear_weak_pointer (&deletion->self);
  g_object_unref (deletion->store);
  limber_patient_unref (deletion->patient);
  g_free (deletion);
}

static void
deletion_free_notify (gpointer  data,
                      GClosure *closure)
{
  deletion_free (data);
}

static void
undo_delete_cb (AdwToast *toast,
                Deletion *deletion)
{
  deletion->undone = TRUE;
  limber_store_unhide (deletion->store, deletion->patient->id);
  if (deletion->self != NULL && deletion->self->store == deletion->store)
    limber_patients_view_open_patient (deletion->self, deletion->patient->id);
}

static void
delete_dismissed_cb (AdwToast *toast,
                     Deletion *deletion)
{
  g_autoptr(GError) error = NULL;

  if (deletion->undone)
    return;

  if (!limber_store_delete (deletion->store, deletion->patient, &error))
    {
      limber_store_unhide (deletion->store, deletion->patient->id);
      if (deletion->self != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” was not deleted: %s"),
                                                      deletion->patient->name, error->message);
          toast_message (deletion->self, message);
        }
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  g_autofree char *message = g_strdup_printf (_("“%s” deleted"), self->patient->name);
  Deletion *deletion = g_new0 (Deletion, 1);
  AdwToast *toast = adw_toast_new (message);

  g_set_weak_pointer (&deletion->self, self);
  deletion->store = g_object_ref (self->store);
  deletion->patient = limber_patient_ref (self->patient);
  limber_store_hide (self->store, self->patient->id);
  close_patient (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deletion);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (delete_dismissed_cb), deletion,
                         deletion_free_notify, 0);
  add_toast (self, toast);
}

static LimberProgram *
find_template (LimberPatientsView *self,
               const char         *id,
               GPtrArray          *templates)
{
  for (guint i = 0; i < templates->len; i++)
    {
      LimberProgram *template = g_ptr_array_index (templates, i);

      if (g_strcmp0 (template->id, id) == 0)
        return template;
    }

  return NULL;
}

static void
new_program_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  const char *template_id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) templates = limber_store_list_templates (self->store, NULL);
  LimberProgram *template = find_template (self, template_id, templates);
  LimberProgram *program;

  if (template != NULL)
    program = limber_program_new_from_template (template, template->name);
  else
    program = limber_program_new (_("New program"));

  g_ptr_array_add (self->patient->programs, program);
  if (limber_patient_get_active_program (self->patient) == NULL)
    self->patient->active_program = g_strdup (program->id);

  limber_patients_view_save (self);
  limber_patients_view_open_program (self, program->id);
}

typedef void (*NameCallback) (LimberPatientsView *self, const char *name);

static void
name_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  LimberPatientsView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NameCallback callback = g_object_get_data (G_OBJECT (dialog), "callback");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "ok") == 0 && name[0] != '\0')
    callback (self, name);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok",
                                           name[0] != '\0' &&
                                           g_utf8_strlen (name, -1) <= LIMBER_PATIENT_MAX_NAME);
}

static void
ask_name (LimberPatientsView *self,
          const char         *heading,
          const char         *body,
          const char         *initial,
          const char         *ok_label,
          NameCallback        callback)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "callback", callback);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
rename_program (LimberPatientsView *self,
                const char         *name)
{
  if (self->program == NULL)
    return;

  g_free (self->program->name);
  self->program->name = g_strdup (name);
  commit (self);
}

static void
rename_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);

  ask_name (self, _("Rename Program"), _("For example “Hip OA · week 2”"),
            self->program->name, _("_Rename"), rename_program);
}

static void
activate_program_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);

  g_free (self->patient->active_program);
  self->patient->active_program = g_strdup (self->program->id);
  commit (self);
  toast_message (self, _("This is now the patient’s active program"));
}

static void
save_template (LimberPatientsView *self,
               const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) template = NULL;
  g_autofree char *message = NULL;

  if (self->program == NULL)
    return;

  template = limber_program_new_from_template (self->program, name);
  if (!limber_store_save_template (self->store, template, &error))
    {
      toast_message (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Saved as the template “%s”"), name);
  add_toast (self, adw_toast_new (message));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);

  ask_name (self, _("Save as Template"),
            _("The clinic’s templates are kept with the patient records, for every therapist using this folder."),
            self->program->name, _("_Save"), save_template);
}

typedef struct
{
  LimberPatientsView *self;
  char               *patient_id;
  LimberProgram      *program;
  guint               position;
  gboolean            was_active;
} ProgramDeletion;

static void
program_deletion_free (ProgramDeletion *deletion)
{
  g_clear_weak_pointer (&deletion->self);
  g_free (deletion->patient_id);
  g_clear_pointer (&deletion->program, limber_program_free);
  g_free (deletion);
}

static void
program_deletion_free_notify (gpointer  data,
                              GClosure *closure)
{
  program_deletion_free (data);
}

static void
undo_delete_program_cb (AdwToast        *toast,
                        ProgramDeletion *deletion)
{
  LimberPatientsView *self = deletion->self;

  if (self == NULL || self->patient == NULL ||
      g_strcmp0 (self->patient->id, deletion->patient_id) != 0 || deletion->program == NULL)
    return;

  g_ptr_array_insert (self->patient->programs,
                      MIN (deletion->position, self->patient->programs->len),
                      g_steal_pointer (&deletion->program));
  if (deletion->was_active)
    {
      g_free (self->patient->active_program);
      self->patient->active_program =
        g_strdup (((LimberProgram *) g_ptr_array_index (self->patient->programs,
                                                       MIN (deletion->position,
                                                            self->patient->programs->len - 1)))->id);
    }
  commit (self);
}

static void
delete_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  ProgramDeletion *deletion = g_new0 (ProgramDeletion, 1);
  g_autofree char *message = g_strdup_printf (_("Program “%s” deleted"), self->program->name);
  AdwToast *toast = adw_toast_new (message);
  guint position;

  g_ptr_array_find (self->patient->programs, self->program, &position);
  g_set_weak_pointer (&deletion->self, self);
  deletion->patient_id = g_strdup (self->patient->id);
  deletion->position = position;
  deletion->was_active = g_strcmp0 (self->patient->active_program, self->program->id) == 0;
  deletion->program = g_ptr_array_steal_index (self->patient->programs, position);
  self->program = NULL;
  limber_program_editor_set_program (self->program_editor, NULL, NULL);

  if (deletion->was_active)
    {
      g_clear_pointer (&self->patient->active_program, g_free);
      if (self->patient->programs->len > 0)
        self->patient->active_program =
          g_strdup (((LimberProgram *) g_ptr_array_index (self->patient->programs, 0))->id);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "patient");
  commit (self);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_program_cb), deletion,
                         program_deletion_free_notify, 0);
  limber_toast_set_scoped (toast);
  add_toast (self, toast);
}

static gboolean apply_folder_changes_cb (gpointer user_data);

/* Reads the folder again, for changes from other computers a network folder did not report;
 * the patient shown follows, as it does when the folder reports a change. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->store_error != NULL)
    return;

  if (!limber_store_load (self->store, &error))
    {
      toast_message (self, error->message);
      return;
    }

  g_clear_handle_id (&self->changed_source, g_source_remove);
  apply_folder_changes_cb (self);
}

/* ---- The store ---- */

/* Another computer added, changed or deleted records: the list follows, and so does the
 * patient shown, unless it holds a change of its own (then the save will ask). */
static gboolean
apply_folder_changes_cb (gpointer user_data)
{
  LimberPatientsView *self = user_data;
  g_autoptr(GHashTable) files = g_steal_pointer (&self->changed_files);
  GHashTableIter iter;
  gpointer file;

  self->changed_source = 0;
  self->changed_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &file, NULL))
    limber_store_refresh_file (self->store, file);

  update_unreadable (self);
  update_sidebar (self);

  if (self->patient != NULL && !limber_patients_view_has_unsaved (self) &&
      !limber_store_is_current (self->store, self->patient))
    {
      g_autofree char *name = g_strdup (self->patient->name);

      if (limber_store_lookup (self->store, self->patient->id) != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” was updated on another computer"), name);

          reload_patient (self);
          toast_message (self, message);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("“%s” was deleted on another computer"), name);

          close_patient (self);
          toast_message (self, message);
        }
    }

  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor       *monitor,
                   GFile              *file,
                   GFile              *other_file,
                   GFileMonitorEvent   event,
                   LimberPatientsView *self)
{
  GFile *files[] = { file, other_file };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = files[i] != NULL ? g_file_get_basename (files[i]) : NULL;

      if (name != NULL && name[0] != '.' && g_str_has_suffix (name, ".json"))
        g_hash_table_add (self->changed_files, g_steal_pointer (&name));
    }

  /* A burst of events (a copy of many files, a sync) is looked at once. */
  if (g_hash_table_size (self->changed_files) > 0 && self->changed_source == 0)
    self->changed_source = g_timeout_add (300, apply_folder_changes_cb, self);
}

static void
stop_monitor (LimberPatientsView *self)
{
  g_clear_handle_id (&self->changed_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_hash_table_remove_all (self->changed_files);
}

void
limber_patients_view_open_store (LimberPatientsView *self,
                                 GFile              *folder,
                                 gboolean            create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);

  if (self->patient != NULL)
    limber_patients_view_save (self);
  close_patient (self);

  if (self->store != NULL)
    {
      g_autoptr(GError) cache_error = NULL;

      if (!limber_store_write_cache (self->store, &cache_error))
        g_message ("%s", cache_error->message);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }

  g_clear_object (&self->store);
  g_clear_pointer (&self->store_error, g_free);

  self->store = limber_store_new (folder, cache);
  limber_store_set_create_folder (self->store, create);
  limber_program_editor_set_store_folder (self->program_editor, folder);
  /* After the filter model, so that it has caught up when the list is updated. */
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->store));
  g_signal_connect_swapped (self->store, "items-changed", G_CALLBACK (store_items_changed_cb), self);

  stop_monitor (self);
  if (!limber_store_load (self->store, &error))
    {
      self->store_error = g_strdup (error->message);
      adw_status_page_set_description (self->store_error_page, error->message);
      g_message ("%s", error->message);
    }
  else
    {
      /* Network folders may not report changes; local and most shared ones do. */
      self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect (self->monitor, "changed", G_CALLBACK (folder_changed_cb), self);
    }

  update_unreadable (self);
  update_sidebar (self);
  update_actions (self);
}

void
limber_patients_view_focus_search (LimberPatientsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

LimberStore *
limber_patients_view_get_store (LimberPatientsView *self)
{
  return self->store;
}

LimberPatient *
limber_patients_view_get_patient (LimberPatientsView *self)
{
  return self->patient;
}

void
limber_patients_view_set_library (LimberPatientsView *self,
                                  LimberLibrary      *library)
{
  g_set_object (&self->library, library);
  limber_program_editor_set_library (self->program_editor, library);
  limber_handout_group_set_library (self->handout_group, library);
  limber_sessions_group_set_library (self->sessions_group, library);
}

void
limber_patients_view_set_view_stack (LimberPatientsView *self,
                                     AdwViewStack       *stack)
{
  adw_view_switcher_set_stack (self->switcher, stack);
}

static void
limber_patients_view_dispose (GObject *object)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (object);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  stop_monitor (self);
  if (self->store != NULL)
    {
      limber_store_write_cache (self->store, NULL);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PATIENTS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->patient, limber_patient_unref);

  G_OBJECT_CLASS (limber_patients_view_parent_class)->dispose (object);
}

static void
limber_patients_view_finalize (GObject *object)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (object);

  g_free (self->query);
  g_free (self->store_error);
  g_free (self->save_error);
  g_free (self->conflict);
  g_hash_table_unref (self->changed_files);

  G_OBJECT_CLASS (limber_patients_view_parent_class)->finalize (object);
}

static void
limber_patients_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_patients_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberPatientsView *self = LIMBER_PATIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          self->show_archived = g_value_get_boolean (value);
          refilter (self);
          select_current (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_patients_view_class_init (LimberPatientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_patients_view_dispose;
  object_class->finalize = limber_patients_view_finalize;
  object_class->get_property = limber_patients_view_get_property;
  object_class->set_property = limber_patients_view_set_property;

  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (LIMBER_TYPE_PROGRAM_EDITOR);
  g_type_ensure (LIMBER_TYPE_HANDOUT_GROUP);
  g_type_ensure (LIMBER_TYPE_SESSIONS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-patients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, switcher);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, unreadable_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, unreadable_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, patient_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, store_error_page);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, content);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, content_title);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, content_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, save_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, save_bar_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, archived_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, condition_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, age_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, new_program_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, program_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, handout_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, program_editor);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, patient_menu);
  gtk_widget_class_bind_template_child (widget_class, LimberPatientsView, program_menu);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, unreadable_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, patient_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, handout_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_session_cb);

  gtk_widget_class_install_action (widget_class, "patients.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "patients.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "patients.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "patients.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "patients.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "patients.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "patients.new-program", "s", new_program_action);
  gtk_widget_class_install_action (widget_class, "patients.rename-program", NULL, rename_program_action);
  gtk_widget_class_install_action (widget_class, "patients.activate-program", NULL, activate_program_action);
  gtk_widget_class_install_action (widget_class, "patients.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "patients.delete-program", NULL, delete_program_action);
  gtk_widget_class_install_action (widget_class, "patients.reload", NULL, reload_action);
  gtk_widget_class_install_property_action (widget_class, "patients.show-archived", "show-archived");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "patients.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "patients.reload", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, print_shortcut_cb, NULL);
}

static void
limber_patients_view_init (LimberPatientsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->changed_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->patient_list, factory);
  gtk_list_view_set_model (self->patient_list, GTK_SELECTION_MODEL (self->selection));
  gtk_menu_button_set_create_popup_func (self->new_program_button,
                                         update_new_program_menu, self, NULL);

  gtk_stack_set_visible_child_name (self->content_stack, "none");
  update_actions (self);
}
