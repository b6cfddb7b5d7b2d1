/* limber-exercise-page.c: the detail page of one exercise: its demonstration and dosage first,
 * then the steps, the cautions set apart, modifications, and links to its easier and harder
 * versions. The demonstration is the clinic's own video when the clinic attached one. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-exercise-page.h"
#include "limber-ui-util.h"
#include "limber-units.h"
#include "limber-video.h"
#include "limber-video-probe.h"
#include "limber-video-view.h"

struct _LimberExercisePage
{
  GtkWidget          parent_instance;

  LimberExercise *exercise;
  LimberLibrary  *library;
  GSettings      *settings;
  GFile          *store_folder;   /* where the clinic's videos are, or NULL */
  char           *video_name;     /* the clinic's video for this exercise, or NULL */
  GCancellable   *attaching;      /* while a video is being checked and copied */

  GtkScrolledWindow *scrolled_window;
  GtkLabel       *name_label;
  GtkLabel       *kind_label;
  LimberVideoView *video_view;
  GtkWidget      *video_buttons;
  GtkWidget      *remove_video_button;
  GtkLabel       *dosage_label;
  GtkLabel       *amplitude_label;
  GtkLabel       *muscles_label;
  GtkLabel       *equipment_label;
  GtkLabel       *purpose_label;
  GtkBox         *steps_box;
  GtkLabel       *feel_label;
  GtkBox         *cautions_box;
  GtkWidget      *modifications_section;
  GtkBox         *modifications_box;
  GtkWidget      *links_section;
  GtkListBox     *links_list;
};

enum {
  PROP_0,
  PROP_EXERCISE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberExercisePage, limber_exercise_page, GTK_TYPE_WIDGET)

static void limber_exercise_page_update (LimberExercisePage *self);

static void
limber_exercise_page_dispose (GObject *object)
{
  LimberExercisePage *self = (LimberExercisePage *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  g_cancellable_cancel (self->attaching);
  g_clear_object (&self->attaching);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EXERCISE_PAGE);
  g_clear_object (&self->exercise);
  g_clear_object (&self->library);
  g_clear_object (&self->store_folder);
  g_clear_pointer (&self->video_name, g_free);

  G_OBJECT_CLASS (limber_exercise_page_parent_class)->dispose (object);
}

static void
limber_exercise_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberExercisePage *self = LIMBER_EXERCISE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_exercise_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberExercisePage *self = LIMBER_EXERCISE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      limber_exercise_page_set_exercise (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- The clinic's video ---- */

static void
toast (LimberExercisePage *self,
       const char *message)
{
  limber_show_message (GTK_WIDGET (self), message);
}

static void
update_video_actions (LimberExercisePage *self)
{
  gboolean usable = self->store_folder != NULL && self->exercise != NULL;

  gtk_widget_set_visible (self->video_buttons, usable);
  gtk_widget_set_visible (self->remove_video_button, self->video_name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.attach-video",
                                 usable && self->attaching == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.remove-video",
                                 usable && self->video_name != NULL && self->attaching == NULL);
}

/* The clinic's video if it has one and it can be found, else the figure (with a line saying
 * why, when there should have been a video). */
static void
update_video (LimberExercisePage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->video_name, g_free);

  if (self->store_folder != NULL && self->exercise != NULL)
    {
      self->video_name = limber_video_dup_exercise_video (self->store_folder,
                                                          limber_exercise_get_id (self->exercise),
                                                          &error);
      if (self->video_name != NULL)
        file = limber_video_resolve (self->store_folder, self->video_name, &error);
    }

  if (error != NULL)
    limber_video_view_show_problem (self->video_view, error->message);
  else
    limber_video_view_set_video (self->video_view, file);

  update_video_actions (self);
}

typedef struct
{
  LimberExercisePage *self;        /* NULL once the page is gone */
  char               *exercise_id;
  char               *exercise_name;
  char               *display_name;
} Attaching;

static void
attaching_free (Attaching *attaching)
{
  g_clear_weak_pointer (&attaching->self);
  g_free (attaching->exercise_id);
  g_free (attaching->exercise_name);
  g_free (attaching->display_name);
  g_free (attaching);
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Attaching *attaching = user_data;
  LimberExercisePage *self = attaching->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = limber_video_attach_finish (result, &error);
  g_autofree char *message = NULL;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      attaching_free (attaching);
      return;
    }

  g_clear_object (&self->attaching);

  if (name != NULL &&
      limber_video_set_exercise_video (self->store_folder, attaching->exercise_id, name, &error))
    /* Translators: the first %s is a file name, the second an exercise's name */
    message = g_strdup_printf (_("“%s” is now the clinic’s video for %s"),
                               attaching->display_name, attaching->exercise_name);
  else
    message = g_strdup (error->message);

  toast (self, message);
  update_video (self);
  attaching_free (attaching);
}

/* Checks that GStreamer can play @file, copies it into the clinic folder and shows it for the
 * exercise on this page, for everyone at the clinic. The result is said in a toast. */
void
limber_exercise_page_attach_video (LimberExercisePage *self,
                                   GFile              *file)
{
  Attaching *attaching;

  g_return_if_fail (LIMBER_IS_EXERCISE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store_folder != NULL && self->exercise != NULL);
  g_return_if_fail (self->attaching == NULL);

  attaching = g_new0 (Attaching, 1);
  g_set_weak_pointer (&attaching->self, self);
  attaching->exercise_id = g_strdup (limber_exercise_get_id (self->exercise));
  attaching->exercise_name = g_strdup (limber_exercise_get_name (self->exercise));
  attaching->display_name = limber_video_display_name (file);

  self->attaching = g_cancellable_new ();
  update_video_actions (self);
  limber_video_attach_async (self->store_folder, file, self->attaching, attached_cb, attaching);
}

gboolean
limber_exercise_page_get_attaching (LimberExercisePage *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_PAGE (self), FALSE);
  return self->attaching != NULL;
}

static void
video_chosen (GtkWidget *widget,
              GFile     *file)
{
  LimberExercisePage *self = LIMBER_EXERCISE_PAGE (widget);

  if (self->store_folder != NULL && self->exercise != NULL && self->attaching == NULL)
    limber_exercise_page_attach_video (self, file);
}

static void
attach_video_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  limber_choose_file (widget, _("Attach Clinic Video"), GTK_FILE_CHOOSER_ACTION_OPEN,
                      _("_Attach"), limber_video_file_filter_new (), NULL, video_chosen);
}

static void
remove_video_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberExercisePage *self = LIMBER_EXERCISE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store_folder == NULL || self->exercise == NULL)
    return;

  if (limber_video_set_exercise_video (self->store_folder, limber_exercise_get_id (self->exercise),
                                       NULL, &error))
    /* Translators: %s is an exercise's name */
    message = g_strdup_printf (_("%s shows the animation again"),
                               limber_exercise_get_name (self->exercise));
  else
    message = g_strdup (error->message);

  toast (self, message);
  update_video (self);
}

static void
limber_exercise_page_class_init (LimberExercisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_exercise_page_dispose;
  object_class->get_property = limber_exercise_page_get_property;
  object_class->set_property = limber_exercise_page_set_property;

  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL,
                         LIMBER_TYPE_EXERCISE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (LIMBER_TYPE_VIDEO_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-exercise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, video_view);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, video_buttons);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, remove_video_button);

  gtk_widget_class_install_action (widget_class, "exercise.attach-video", NULL,
                                   attach_video_action);
  gtk_widget_class_install_action (widget_class, "exercise.remove-video", NULL,
                                   remove_video_action);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, amplitude_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, muscles_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, equipment_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, feel_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, modifications_section);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, modifications_box);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, links_section);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, links_list);
}

static void
limber_exercise_page_init (LimberExercisePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_video_actions (self);

  /* Heights in the units chosen in Preferences. */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::units",
                            G_CALLBACK (limber_exercise_page_update), self);
}

static void
add_links (LimberExercisePage *self,
           const char * const *ids,
           const char         *relation)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      LimberExercise *linked = NULL;
      GtkWidget *row;

      if (self->library != NULL)
        linked = limber_library_lookup (self->library, ids[i]);
      if (linked == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     limber_exercise_get_name (linked));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), relation);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "library.show-exercise");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", ids[i]);
      gtk_list_box_append (self->links_list, row);
    }
}

/* Lets the dosage line wrap only after a " · ", never inside "3 s hold" or "3–4 days":
 * no-break spaces, and a word joiner after each dash. */
static char *
wrap_at_separators (const char *line)
{
  g_autoptr(GString) text = g_string_new (line);

  g_string_replace (text, " ", "\u00a0", 0);
  g_string_replace (text, "\u00a0·\u00a0", "\u00a0· ", 0);
  g_string_replace (text, "–", "–\u2060", 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
limber_exercise_page_update (LimberExercisePage *self)
{
  LimberExercise *exercise = self->exercise;
  const LimberDosage *dosage;
  const char * const *equipment;
  g_autofree char *kind = NULL;
  g_autofree char *dosage_line = NULL;
  g_autofree char *dosage_text = NULL;
  g_autofree char *amplitude = NULL;
  g_autofree char *muscles = NULL;
  g_autofree char *equipment_text = NULL;
  GtkWidget *child;

  limber_box_remove_all (self->steps_box);
  limber_box_remove_all (self->cautions_box);
  limber_box_remove_all (self->modifications_box);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);

  if (exercise == NULL)
    return;

  dosage = limber_exercise_get_dosage (exercise);
  equipment = limber_exercise_get_equipment (exercise);

  /* Translators: the kind of exercise and the starting position, as in
   * "Stretch · Lying on your back" */
  kind = g_strdup_printf (_("%s · %s"),
                          limber_exercise_kind_to_label (limber_exercise_get_kind (exercise)),
                          limber_position_to_label (limber_exercise_get_position (exercise)));
  dosage_line = limber_dosage_format (dosage);
  dosage_text = wrap_at_separators (dosage_line);
  {
    g_autofree char *units = g_settings_get_string (self->settings, "units");
    amplitude = limber_dosage_format_amplitude (dosage, limber_units_from_setting (units));
  }
  muscles = limber_exercise_dup_summary (exercise);
  /* One piece of equipment a line: their names may hold commas. */
  equipment_text = equipment[0] != NULL ? g_strjoinv ("\n", (GStrv) equipment)
                                        : g_strdup (_("No equipment"));

  gtk_label_set_label (self->name_label, limber_exercise_get_name (exercise));
  gtk_label_set_label (self->kind_label, kind);
  /* The demonstration is named after its exercise and holds as long as the dosage says. */
  limber_video_view_show_motion (self->video_view, limber_exercise_get_id (exercise),
                                 dosage->hold_seconds);
  update_video (self);
  gtk_label_set_label (self->dosage_label, dosage_text);
  gtk_label_set_label (self->amplitude_label, amplitude);
  gtk_widget_set_visible (GTK_WIDGET (self->amplitude_label), amplitude != NULL);
  gtk_label_set_label (self->muscles_label, muscles);
  gtk_label_set_label (self->equipment_label, equipment_text);
  gtk_label_set_label (self->purpose_label, limber_exercise_get_purpose (exercise));
  gtk_label_set_label (self->feel_label, limber_exercise_get_feel (exercise));

  limber_box_add_numbered (self->steps_box, limber_exercise_get_steps (exercise));
  limber_box_add_bullets (self->cautions_box, limber_exercise_get_cautions (exercise));
  limber_box_add_bullets (self->modifications_box, limber_exercise_get_modifications (exercise));
  gtk_widget_set_visible (self->modifications_section,
                          limber_exercise_get_modifications (exercise)[0] != NULL);

  add_links (self, limber_exercise_get_regressions (exercise), _("Easier version"));
  add_links (self, limber_exercise_get_progressions (exercise), _("Harder version"));
  gtk_widget_set_visible (self->links_section,
                          gtk_widget_get_first_child (GTK_WIDGET (self->links_list)) != NULL);

  /* A new exercise is read from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

LimberExercise *
limber_exercise_page_get_exercise (LimberExercisePage *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_PAGE (self), NULL);

  return self->exercise;
}

void
limber_exercise_page_set_exercise (LimberExercisePage *self,
                                   LimberExercise     *exercise)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_PAGE (self));
  g_return_if_fail (!exercise || LIMBER_IS_EXERCISE (exercise));

  if (!g_set_object (&self->exercise, exercise))
    return;

  limber_exercise_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}

/* The library resolves the ids of the easier and harder versions to their names. */
void
limber_exercise_page_set_library (LimberExercisePage *self,
                                  LimberLibrary      *library)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_PAGE (self));
  g_return_if_fail (!library || LIMBER_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    limber_exercise_page_update (self);
}

/* The clinic folder, whose videos/ holds the clinic's own films; NULL hides them. */
void
limber_exercise_page_set_store_folder (LimberExercisePage *self,
                                       GFile              *folder)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_PAGE (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  if (self->store_folder != NULL && folder != NULL && g_file_equal (self->store_folder, folder))
    return;

  /* A copy into the old folder finishes there, but no longer concerns this page. */
  g_cancellable_cancel (self->attaching);
  g_clear_object (&self->attaching);
  g_set_object (&self->store_folder, folder);
  update_video (self);
}

LimberVideoView *
limber_exercise_page_get_video_view (LimberExercisePage *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_PAGE (self), NULL);
  return self->video_view;
}
