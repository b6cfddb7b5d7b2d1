/* limber-program-editor.c: a program's overview (session time and advice), what changed since
 * the patient's last visit, and its exercises. Each edit is handed to the patients view with
 * "changed", which saves it. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "limber-exercise-picker.h"
#include "limber-prescription-dialog.h"
#include "limber-program-editor.h"
#include "limber-ui-util.h"
#include "limber-units.h"

struct _LimberProgramEditor
{
  GtkWidget            parent_instance;

  LimberLibrary       *library;
  GFile               *store_folder; /* for the prescriptions' videos */
  LimberPatient       *patient;
  LimberProgram       *program;     /* owned by the patient */
  GSettings           *settings;
  GPtrArray           *visit_dates; /* GDateTime, newest first */
  guint                drop_source;
  guint                drop_from;
  guint                drop_to;
  guint                visit_index;

  GtkWidget           *scrolled_window;
  AdwPreferencesGroup *overview_group;
  AdwActionRow        *time_row;
  GPtrArray           *warning_rows;
  AdwPreferencesGroup *changes_group;
  GtkDropDown         *visit_dropdown;
  GtkListBox          *changes_list;
  AdwPreferencesGroup *exercises_group;
  GtkListBox          *exercise_list;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberProgramEditor, limber_program_editor, GTK_TYPE_WIDGET)

static void
emit_changed (LimberProgramEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
add_toast (LimberProgramEditor *self,
           AdwToast            *toast)
{
  limber_show_toast (GTK_WIDGET (self), toast);
}

static void
list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* ---- Overview ---- */

static void
update_overview (LimberProgramEditor *self)
{
  guint seconds = limber_program_estimate_seconds (self->program, self->library);
  guint minutes = (seconds + 59) / 60;
  guint n = self->program->prescriptions->len;
  g_auto(GStrv) warnings = limber_program_get_warnings (self->program, self->library);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (n == 0)
    title = g_strdup (_("No exercises yet"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute a session",
                                          "About %u minutes a session", minutes), minutes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), title);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u exercise; the time counts each move, hold, return and rest",
                                           "%u exercises; the time counts each move, hold, return and rest", n),
                              n);
  adw_action_row_set_subtitle (self->time_row, subtitle);

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->overview_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);

  for (guint i = 0; warnings[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Advice"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warnings[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->overview_group, row);
      g_ptr_array_add (self->warning_rows, row);
    }
}

/* ---- Changes since the last visit ---- */

static char *
format_day (GDateTime *moment)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (moment);

  /* Translators: a day, as in "12 November 2026"; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static void
update_changes (LimberProgramEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *before;
  GDateTime *since;
  g_autofree char *title = NULL;

  g_clear_pointer (&self->visit_dates, g_ptr_array_unref);
  self->visit_dates = limber_program_list_visit_dates (self->program, now);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), self->visit_dates->len > 0);
  if (self->visit_dates->len == 0)
    return;

  self->visit_index = MIN (self->visit_index, self->visit_dates->len - 1);
  since = g_ptr_array_index (self->visit_dates, self->visit_index);

  for (guint i = 0; i < self->visit_dates->len; i++)
    {
      g_autofree char *day = format_day (g_ptr_array_index (self->visit_dates, i));
      gtk_string_list_append (days, day);
    }

  g_signal_handlers_block_matched (self->visit_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->visit_dropdown, G_LIST_MODEL (days));
  gtk_drop_down_set_selected (self->visit_dropdown, self->visit_index);
  g_signal_handlers_unblock_matched (self->visit_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_widget_set_visible (GTK_WIDGET (self->visit_dropdown), self->visit_dates->len > 1);

  {
    g_autofree char *day = format_day (since);
    /* Translators: the heading of the list of changes, as in "Changes since 12 November 2026" */
    title = g_strdup_printf (_("Changes since %s"), day);
  }
  adw_preferences_group_set_title (self->changes_group, title);

  before = limber_program_get_version_at (self->program, since);
  list_box_clear (self->changes_list);
  if (before == NULL)
    return;

  lines = limber_program_describe_changes (before, self->program->prescriptions, self->library);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->changes_list, row);
    }

  if (lines[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes"));
      gtk_list_box_append (self->changes_list, row);
    }
}

static void
visit_selected_cb (LimberProgramEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->visit_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == self->visit_index)
    return;

  self->visit_index = selected;
  update_changes (self);
}

/* ---- Exercises ---- */

static LimberPrescription *
prescription_at (LimberProgramEditor *self,
                 guint                position)
{
  if (self->program == NULL || position >= self->program->prescriptions->len)
    return NULL;

  return g_ptr_array_index (self->program->prescriptions, position);
}

static void
move (LimberProgramEditor *self,
      guint                from,
      guint                to)
{
  GPtrArray *list = self->program->prescriptions;
  gpointer item;

  if (from >= list->len || to >= list->len || from == to)
    return;

  item = g_ptr_array_steal_index (list, from);
  g_ptr_array_insert (list, to, item);
  emit_changed (self);

  /* Keep the keyboard on the row that moved. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->exercise_list, to)));
}

typedef struct
{
  LimberProgramEditor *self;
  char                *program_id;
  LimberPrescription  *prescription;
  guint                position;
  gboolean             remove_on_undo;  /* a duplicate is undone by removing it */
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_weak_pointer (&undo->self);
  g_free (undo->program_id);
  g_clear_pointer (&undo->prescription, limber_prescription_free);
  g_free (undo);
}

static void
undo_free_notify (gpointer  data,
                  GClosure *closure)
{
  undo_free (data);
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  LimberProgramEditor *self = undo->self;
  guint position;

  if (self == NULL || self->program == NULL || g_strcmp0 (self->program->id, undo->program_id) != 0)
    return;

  if (undo->remove_on_undo)
    {
      if (limber_program_find (self->program, undo->prescription->id, &position) == NULL)
        return;
      g_ptr_array_remove_index (self->program->prescriptions, position);
    }
  else
    {
      if (limber_program_find (self->program, undo->prescription->id, NULL) != NULL)
        return;
      g_ptr_array_insert (self->program->prescriptions,
                          MIN (undo->position, self->program->prescriptions->len),
                          g_steal_pointer (&undo->prescription));
    }

  emit_changed (self);
}

static void
offer_undo (LimberProgramEditor *self,
            const char          *message,
            LimberPrescription  *prescription,
            guint                position,
            gboolean             remove_on_undo)
{
  AdwToast *toast = adw_toast_new (message);
  Undo *undo = g_new0 (Undo, 1);

  g_set_weak_pointer (&undo->self, self);
  undo->program_id = g_strdup (self->program->id);
  undo->prescription = prescription;
  undo->position = position;
  undo->remove_on_undo = remove_on_undo;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo,
                         undo_free_notify, 0);
  limber_toast_set_scoped (toast);
  add_toast (self, toast);
}

static const char *
name_of (LimberProgramEditor *self,
         const char          *exercise_id)
{
  LimberExercise *exercise = limber_library_lookup (self->library, exercise_id);

  return exercise != NULL ? limber_exercise_get_name (exercise) : exercise_id;
}

static void
remove_at (LimberProgramEditor *self,
           guint                position)
{
  LimberPrescription *removed;
  g_autofree char *message = NULL;

  if (prescription_at (self, position) == NULL)
    return;

  removed = g_ptr_array_steal_index (self->program->prescriptions, position);
  /* Translators: a toast after an exercise is taken out of a program */
  message = g_strdup_printf (_("Removed “%s”"), name_of (self, removed->exercise_id));
  emit_changed (self);
  offer_undo (self, message, removed, position, FALSE);
}

static void
duplicate_at (LimberProgramEditor *self,
              guint                position)
{
  LimberPrescription *prescription = prescription_at (self, position);
  LimberPrescription *copy;
  g_autofree char *message = NULL;

  if (prescription == NULL)
    return;

  if (self->program->prescriptions->len >= LIMBER_PROGRAM_MAX_EXERCISES)
    {
      g_autofree char *full = g_strdup_printf (_("A program can have at most %u exercises"),
                                               LIMBER_PROGRAM_MAX_EXERCISES);
      add_toast (self, adw_toast_new (full));
      return;
    }

  copy = limber_prescription_duplicate (prescription);
  g_ptr_array_insert (self->program->prescriptions, position + 1, copy);
  /* Translators: a toast after an exercise is duplicated in a program */
  message = g_strdup_printf (_("Duplicated “%s”"), name_of (self, copy->exercise_id));
  emit_changed (self);
  offer_undo (self, message, limber_prescription_copy (copy), position + 1, TRUE);
}

static void
dialog_done_cb (LimberPrescriptionDialog *dialog,
                LimberPrescription       *edited,
                LimberProgramEditor      *self)
{
  guint position;

  if (self->program == NULL || limber_program_find (self->program, edited->id, &position) == NULL)
    return;

  limber_prescription_free (g_ptr_array_index (self->program->prescriptions, position));
  g_ptr_array_index (self->program->prescriptions, position) = limber_prescription_copy (edited);
  emit_changed (self);
}

/* Opens the dosage of the exercise at @position for editing. */
void
limber_program_editor_edit (LimberProgramEditor *self,
                            guint                position)
{
  LimberPrescription *prescription = prescription_at (self, position);
  LimberPrescriptionDialog *dialog;
  g_autofree char *units = NULL;

  if (prescription == NULL)
    return;

  units = g_settings_get_string (self->settings, "units");
  dialog = limber_prescription_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           self->library, prescription,
                                           limber_units_from_setting (units));
  limber_prescription_dialog_set_store_folder (dialog, self->store_folder);
  g_signal_connect_object (dialog, "done", G_CALLBACK (dialog_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exercise_activated_cb (LimberProgramEditor *self,
                       GtkListBoxRow       *row)
{
  limber_program_editor_edit (self, gtk_list_box_row_get_index (row));
}

static int
focused_position (LimberProgramEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row;

  if (focus == NULL)
    return -1;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->exercise_list))
    return -1;

  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

/* The row actions take the row's position; the keyboard ones act on the focused row. */
static int
action_position (LimberProgramEditor *self,
                 GVariant            *parameter)
{
  if (parameter != NULL && g_variant_get_int32 (parameter) >= 0)
    return g_variant_get_int32 (parameter);

  return focused_position (self);
}

/* Move up or down, duplicate, remove, edit: on the row the menu belongs to, or the focused one. */
static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberProgramEditor *self = LIMBER_PROGRAM_EDITOR (widget);
  int position;

  if (self->program == NULL || (position = action_position (self, parameter)) < 0)
    return;

  if (g_str_equal (action_name, "editor.move-up"))
    {
      if (position > 0)
        move (self, position, position - 1);
    }
  else if (g_str_equal (action_name, "editor.move-down"))
    move (self, position, position + 1);
  else if (g_str_equal (action_name, "editor.duplicate"))
    duplicate_at (self, position);
  else if (g_str_equal (action_name, "editor.remove"))
    remove_at (self, position);
  else
    limber_program_editor_edit (self, position);
}

void
limber_program_editor_add_exercise (LimberProgramEditor *self,
                                    const char          *exercise_id)
{
  LimberExercise *exercise = limber_library_lookup (self->library, exercise_id);

  if (exercise == NULL || self->program == NULL)
    return;

  if (self->program->prescriptions->len >= LIMBER_PROGRAM_MAX_EXERCISES)
    {
      g_autofree char *full = g_strdup_printf (_("A program can have at most %u exercises"),
                                               LIMBER_PROGRAM_MAX_EXERCISES);
      add_toast (self, adw_toast_new (full));
      return;
    }

  g_ptr_array_add (self->program->prescriptions, limber_prescription_new_for_exercise (exercise));
  emit_changed (self);
}

static void
picked_cb (LimberExercisePicker *picker,
           const char           *exercise_id,
           LimberProgramEditor  *self)
{
  limber_program_editor_add_exercise (self, exercise_id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberProgramEditor *self = LIMBER_PROGRAM_EDITOR (widget);
  LimberExercisePicker *picker;

  if (self->program == NULL)
    return;

  picker = limber_exercise_picker_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->library);

  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
}

/* Drag and drop: a row carries its prescription's id; dropping on a row puts it there. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "prescription-id");

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
move_dropped_cb (gpointer user_data)
{
  LimberProgramEditor *self = user_data;

  self->drop_source = 0;
  if (self->program != NULL)
    move (self, self->drop_from, self->drop_to);
  return G_SOURCE_REMOVE;
}

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         LimberProgramEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint from;

  if (!G_VALUE_HOLDS_STRING (value) ||
      limber_program_find (self->program, g_value_get_string (value), &from) == NULL)
    return FALSE;

  /* The rows are rebuilt after a move: not while the drop is still being handled by one. */
  self->drop_from = from;
  self->drop_to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (self->drop_source == 0)
    self->drop_source = g_idle_add (move_dropped_cb, self);
  return TRUE;
}

static GMenuModel *
row_menu (guint position,
          guint n)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

#define ADD(section, label, action) \
  item = g_menu_item_new (label, NULL); \
  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int32 (position)); \
  g_menu_append_item (section, item); \
  g_clear_object (&item);

  ADD (edit, _("_Edit Dosage…"), "editor.edit");
  ADD (edit, _("D_uplicate"), "editor.duplicate");
  if (position > 0)
    {
      ADD (order, _("Move _Up"), "editor.move-up");
    }
  if (position + 1 < n)
    {
      ADD (order, _("Move _Down"), "editor.move-down");
    }
  ADD (remove, _("_Remove"), "editor.remove");
#undef ADD

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (LimberProgramEditor *self,
            LimberPrescription  *prescription,
            guint                position)
{
  LimberExercise *exercise = limber_library_lookup (self->library, prescription->exercise_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = row_menu (position, self->program->prescriptions->len);
  g_autofree char *subtitle = NULL;
  g_autofree char *number = g_strdup_printf ("%u", position + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkDragSource *source;
  GtkDropTarget *target;

  if (exercise != NULL)
    {
      g_autofree char *dosage = limber_prescription_format (prescription, exercise);

      if (prescription->note[0] != '\0')
        subtitle = g_strdup_printf ("%s\n%s", dosage, prescription->note);
      else
        subtitle = g_steal_pointer (&dosage);
    }
  else
    subtitle = g_strdup (_("This exercise is not in the library"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name_of (self, prescription->exercise_id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), exercise != NULL);
  g_object_set_data_full (G_OBJECT (row), "prescription-id", g_strdup (prescription->id), g_free);

  gtk_widget_set_tooltip_text (handle, _("Drag to reorder, or use Alt+Up and Alt+Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to reorder"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_size_request (number_label, 20, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Exercise Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Exercise Menu"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
update_exercises (LimberProgramEditor *self)
{
  int focused = focused_position (self);

  list_box_clear (self->exercise_list);

  for (guint i = 0; i < self->program->prescriptions->len; i++)
    gtk_list_box_append (self->exercise_list,
                         create_row (self, g_ptr_array_index (self->program->prescriptions, i), i));

  if (self->program->prescriptions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No exercises yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add exercises from the library"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->exercise_list, row);
    }

  if (focused >= 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->exercise_list,
                                                          MIN ((guint) focused,
                                                               self->program->prescriptions->len - 1));
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

void
limber_program_editor_refresh (LimberProgramEditor *self)
{
  if (self->program == NULL)
    return;

  update_overview (self);
  update_changes (self);
  update_exercises (self);
}

void
limber_program_editor_set_library (LimberProgramEditor *self,
                                   LimberLibrary       *library)
{
  g_set_object (&self->library, library);
}

void
limber_program_editor_set_program (LimberProgramEditor *self,
                                   LimberPatient       *patient,
                                   LimberProgram       *program)
{
  if (patient != NULL)
    limber_patient_ref (patient);
  g_clear_pointer (&self->patient, limber_patient_unref);
  self->patient = patient;
  self->program = program;
  self->visit_index = 0;

  limber_program_editor_refresh (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window)), 0);
}

LimberProgram *
limber_program_editor_get_program (LimberProgramEditor *self)
{
  return self->program;
}

static void
limber_program_editor_dispose (GObject *object)
{
  LimberProgramEditor *self = LIMBER_PROGRAM_EDITOR (object);

  g_clear_handle_id (&self->drop_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PROGRAM_EDITOR);
  g_clear_pointer (&self->patient, limber_patient_unref);
  self->program = NULL;
  g_clear_pointer (&self->visit_dates, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_object (&self->library);
  g_clear_object (&self->store_folder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_program_editor_parent_class)->dispose (object);
}

static void
limber_program_editor_class_init (LimberProgramEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_program_editor_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-program-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, overview_group);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, changes_group);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, visit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, changes_list);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, exercise_list);
  gtk_widget_class_bind_template_callback (widget_class, visit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, exercise_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.edit", "i", row_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", "i", row_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", "i", row_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate", "i", row_action);
  gtk_widget_class_install_action (widget_class, "editor.remove", "i", row_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-up", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-down", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "editor.duplicate", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "editor.remove", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "editor.add", NULL);
}

static void
limber_program_editor_init (LimberProgramEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->warning_rows = g_ptr_array_new ();
}

/* The clinic folder the program's videos are copied into. */
void
limber_program_editor_set_store_folder (LimberProgramEditor *self,
                                        GFile               *folder)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_EDITOR (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  g_set_object (&self->store_folder, folder);
}
