/* limber-window.c: the main window. A searchable, filterable list of the library on the
 * left; the guidance or the selected exercise on the right; one column below 720 px. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-enum-types.h"
#include "limber-exercise-page.h"
#include "limber-guide-page.h"
#include "limber-patients-view.h"
#include "limber-ui-util.h"
#include "limber-window.h"

struct _LimberWindow
{
  AdwApplicationWindow parent_instance;

  LimberLibrary      *library;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GSettings          *settings;
  char               *kind_filter;       /* "all" or a LimberExerciseKind nick */
  int                 kind_filter_value; /* the kind, or -1 for all */
  char               *search_text;
  gboolean            closing_anyway;
  char               *store_setting;     /* the "store-folder" setting the store was opened for */

  AdwToastOverlay    *toast_overlay;
  AdwViewStack       *view_stack;
  LimberPatientsView *patients_view;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkListBox         *guide_list;
  GtkListBoxRow      *guide_row;
  GtkListBox         *exercise_list;
  GtkWidget          *content;
  AdwWindowTitle     *content_title;
  GtkStack           *content_stack;
  LimberGuidePage    *guide_page;
  LimberExercisePage *exercise_page;
};

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_KIND_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
filter_exercise (gpointer item,
                 gpointer user_data)
{
  LimberWindow *self = user_data;
  LimberExercise *exercise = item;

  if (self->kind_filter_value >= 0 &&
      (int) limber_exercise_get_kind (exercise) != self->kind_filter_value)
    return FALSE;

  return limber_exercise_matches (exercise, self->search_text);
}

static void
update_filter (LimberWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "empty");
}

static void
show_content (LimberWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "library");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
select_exercise_row (LimberWindow   *self,
                     LimberExercise *exercise)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->exercise_list, i);

      if (row == NULL)
        {
          gtk_list_box_unselect_all (self->exercise_list);
          break;
        }

      if (limber_exercise_row_get_exercise (row) == exercise)
        {
          gtk_list_box_select_row (self->exercise_list, row);
          break;
        }
    }

  gtk_list_box_unselect_all (self->guide_list);
}

static void
show_guide (LimberWindow *self)
{
  gtk_list_box_unselect_all (self->exercise_list);
  gtk_list_box_select_row (self->guide_list, self->guide_row);
  gtk_stack_set_visible_child_name (self->content_stack, "guide");
  adw_window_title_set_title (self->content_title, _("Exercising Safely"));
}

static void
show_exercise (LimberWindow   *self,
               LimberExercise *exercise)
{
  limber_exercise_page_set_exercise (self->exercise_page, exercise);
  select_exercise_row (self, exercise);
  gtk_stack_set_visible_child_name (self->content_stack, "exercise");
  adw_window_title_set_title (self->content_title, limber_exercise_get_name (exercise));
}

static void
exercise_row_activated_cb (LimberWindow  *self,
                           GtkListBoxRow *row)
{
  show_exercise (self, limber_exercise_row_get_exercise (row));
  show_content (self);
}

static void
guide_row_activated_cb (LimberWindow  *self,
                        GtkListBoxRow *row)
{
  show_guide (self);
  show_content (self);
}

static void
search_changed_cb (LimberWindow   *self,
                   GtkSearchEntry *entry)
{
  g_free (self->search_text);
  self->search_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_filter (self);
}

/* Enter opens the first exercise found. */
static void
search_activate_cb (LimberWindow   *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first == NULL)
    return;

  show_exercise (self, first);
  show_content (self);
}

static void
search_stop_cb (LimberWindow   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* In one column the list comes first; a page the user had open stays open. */
static void
leaflet_folded_cb (LimberWindow *self)
{
  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  if (gtk_list_box_get_selected_row (self->exercise_list) == NULL &&
      gtk_list_box_get_selected_row (self->guide_list) == NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_exercise_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  limber_window_show_exercise (LIMBER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "patients") == 0)
    {
      limber_patients_view_focus_search (self->patients_view);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (LIMBER_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
set_kind_filter (LimberWindow *self,
                 const char   *kind)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LIMBER_TYPE_EXERCISE_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (kinds, kind);

  if (g_strcmp0 (self->kind_filter, kind) == 0)
    return;

  g_free (self->kind_filter);
  self->kind_filter = g_strdup (value != NULL ? kind : "all");
  self->kind_filter_value = value != NULL ? value->value : -1;
  update_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_FILTER]);
}

static void
set_library (LimberWindow  *self,
             LimberLibrary *library)
{
  g_assert (self->library == NULL);

  self->library = g_object_ref (library);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (library));
  limber_exercise_page_set_library (self->exercise_page, library);
  limber_guide_page_set_library (self->guide_page, library);
  limber_patients_view_set_library (self->patients_view, library);
  update_filter (self);
}

/* The store folder from Preferences, or the default one in the user's data folder. */
static void
open_store (LimberWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "store-folder");
  g_autoptr(GFile) folder = NULL;
  gboolean is_default = path[0] == '\0';

  if (g_strcmp0 (path, self->store_setting) == 0)
    return;

  /* A change the old folder refused would be lost with it: keep the old folder until it is
   * saved. */
  if (self->store_setting != NULL && limber_patients_view_has_unsaved (self->patients_view) &&
      !limber_patients_view_save (self->patients_view))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Folder Not Changed"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s The patient records stay in the folder in use until this change is saved."),
                                      limber_patients_view_get_save_error (self->patients_view));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      g_settings_set_string (self->settings, "store-folder", self->store_setting);
      return;
    }

  g_free (self->store_setting);
  self->store_setting = g_strdup (path);

  if (is_default)
    {
      g_free (path);
      path = limber_store_get_default_folder ();
    }

  folder = g_file_new_for_path (path);
  limber_patients_view_open_store (self->patients_view, folder, is_default);
  /* The clinic's videos live in the same folder as its patients. */
  limber_exercise_page_set_store_folder (self->exercise_page, folder);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LimberWindow     *self)
{
  if (g_strcmp0 (response, "retry") == 0)
    {
      if (limber_patients_view_save (self->patients_view))
        gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (g_strcmp0 (response, "close") == 0)
    {
      self->closing_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Closing with a change the folder refused would lose it: say so, and offer to try again. */
static gboolean
confirm_unsaved (LimberWindow *self)
{
  GtkWidget *dialog;

  if (self->closing_anyway || !limber_patients_view_has_unsaved (self->patients_view) ||
      limber_patients_view_save (self->patients_view))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changes Not Saved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s If you close Limber now, these changes are lost."),
                                  limber_patients_view_get_save_error (self->patients_view));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("_Close Without Saving"),
                                    "retry", _("_Try Again"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  show_guide (self);
  limber_patients_view_set_view_stack (self->patients_view, self->view_stack);
  g_signal_connect_object (self->settings, "changed::store-folder",
                           G_CALLBACK (open_store), self, G_CONNECT_SWAPPED);
  open_store (self);
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  LimberWindow *self = LIMBER_WINDOW (window);
  int width, height;

  if (confirm_unsaved (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_finalize (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  g_free (self->kind_filter);
  g_free (self->search_text);
  g_free (self->store_setting);

  G_OBJECT_CLASS (limber_window_parent_class)->finalize (object);
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_KIND_FILTER:
      g_value_set_string (value, self->kind_filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      set_library (self, g_value_get_object (value));
      break;

    case PROP_KIND_FILTER:
      set_kind_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = limber_window_constructed;
  object_class->dispose = limber_window_dispose;
  object_class->finalize = limber_window_finalize;
  object_class->get_property = limber_window_get_property;
  object_class->set_property = limber_window_set_property;
  window_class->close_request = limber_window_close_request;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         LIMBER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_FILTER] =
    g_param_spec_string ("kind-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_EXERCISE_PAGE);
  g_type_ensure (LIMBER_TYPE_GUIDE_PAGE);
  g_type_ensure (LIMBER_TYPE_PATIENTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, patients_view);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, guide_list);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, guide_row);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, exercise_list);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, content);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, guide_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, exercise_page);
  gtk_widget_class_bind_template_callback (widget_class, exercise_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, guide_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "library.show-exercise", "s",
                                   show_exercise_action);
  gtk_widget_class_install_action (widget_class, "library.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "library.back", NULL, back_action);
  gtk_widget_class_install_property_action (widget_class, "library.kind", "kind-filter");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "library.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "library.back", NULL);
}

static void
limber_window_init (LimberWindow *self)
{
  self->kind_filter = g_strdup ("all");
  self->kind_filter_value = -1;
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_exercise, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->exercise_list, G_LIST_MODEL (self->filtered),
                           limber_exercise_row_new, NULL, NULL);
  gtk_list_box_set_header_func (self->exercise_list, limber_exercise_kind_header_func, NULL, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

LimberWindow *
limber_window_new (AdwApplication *application,
                   LimberLibrary  *library)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIMBER_IS_LIBRARY (library), NULL);

  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

/* The exercise on the detail page, or NULL while the guidance is shown. */
LimberExercise *
limber_window_get_exercise (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "exercise") != 0)
    return NULL;

  return limber_exercise_page_get_exercise (self->exercise_page);
}

gboolean
limber_window_show_exercise (LimberWindow *self,
                             const char   *id)
{
  LimberExercise *exercise;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  exercise = limber_library_lookup (self->library, id);
  if (exercise == NULL)
    return FALSE;

  show_exercise (self, exercise);
  show_content (self);
  return TRUE;
}

void
limber_window_set_search_text (LimberWindow *self,
                               const char   *text)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  /* Filter now rather than after the entry's typing delay. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self, self->search_entry);
}

LimberPatientsView *
limber_window_get_patients_view (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->patients_view;
}

/* Shows "patients" or "library". */
void
limber_window_show_view (LimberWindow *self,
                         const char   *name)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
