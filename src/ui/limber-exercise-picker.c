/* limber-exercise-picker.c: a modal list of the whole library, searched as the main window's
 * is, from which the therapist picks one exercise by clicking it or pressing Enter. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-exercise-picker.h"
#include "limber-ui-util.h"

struct _LimberExercisePicker
{
  AdwWindow           parent_instance;

  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search_text;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListBox         *list;
};

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberExercisePicker, limber_exercise_picker, ADW_TYPE_WINDOW)

static gboolean
filter_exercise (gpointer item,
                 gpointer user_data)
{
  LimberExercisePicker *self = user_data;

  return limber_exercise_matches (item, self->search_text);
}

static void
pick (LimberExercisePicker *self,
      LimberExercise       *exercise)
{
  g_autoptr(LimberExercisePicker) kept = g_object_ref (self);

  g_signal_emit (self, signals[PICKED], 0, limber_exercise_get_id (exercise));
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated_cb (LimberExercisePicker *self,
                  GtkListBoxRow        *row)
{
  pick (self, limber_exercise_row_get_exercise (row));
}

static void
search_changed_cb (LimberExercisePicker *self,
                   GtkSearchEntry       *entry)
{
  g_free (self->search_text);
  self->search_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "empty");
}

/* Enter takes the first exercise found, after filtering on what was typed so far. */
static void
search_activate_cb (LimberExercisePicker *self,
                    GtkSearchEntry       *entry)
{
  g_autoptr(LimberExercise) first = NULL;

  search_changed_cb (self, entry);
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  if (first != NULL)
    pick (self, first);
}

/* Escape in the search entry closes the picker, as it does anywhere else in it. */
static void
search_stop_cb (LimberExercisePicker *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
limber_exercise_picker_dispose (GObject *object)
{
  LimberExercisePicker *self = (LimberExercisePicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EXERCISE_PICKER);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (limber_exercise_picker_parent_class)->dispose (object);
}

static void
limber_exercise_picker_finalize (GObject *object)
{
  LimberExercisePicker *self = (LimberExercisePicker *)object;

  g_free (self->search_text);

  G_OBJECT_CLASS (limber_exercise_picker_parent_class)->finalize (object);
}

static void
limber_exercise_picker_class_init (LimberExercisePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_exercise_picker_dispose;
  object_class->finalize = limber_exercise_picker_finalize;

  /**
   * LimberExercisePicker::picked:
   * @exercise_id: the id of the exercise chosen
   *
   * Emitted when an exercise is chosen, just before the picker closes.
   */
  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__STRING,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-exercise-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePicker, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_exercise_picker_init (LimberExercisePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_exercise, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered),
                           limber_exercise_row_new, NULL, NULL);
  gtk_list_box_set_header_func (self->list, limber_exercise_kind_header_func, NULL, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

LimberExercisePicker *
limber_exercise_picker_new (GtkWindow     *parent,
                            LimberLibrary *library)
{
  LimberExercisePicker *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIMBER_IS_LIBRARY (library), NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE_PICKER, "transient-for", parent, NULL);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (library));

  return self;
}
