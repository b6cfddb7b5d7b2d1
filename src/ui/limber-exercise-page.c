/* limber-exercise-page.c: the detail page of one exercise: its demonstration and dosage first,
 * then the steps, the cautions set apart, modifications, and links to its easier and harder
 * versions. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-demonstration.h"
#include "limber-exercise-page.h"
#include "limber-ui-util.h"
#include "limber-units.h"

struct _LimberExercisePage
{
  GtkWidget          parent_instance;

  LimberExercise *exercise;
  LimberLibrary  *library;
  GSettings      *settings;

  GtkScrolledWindow *scrolled_window;
  GtkLabel       *name_label;
  GtkLabel       *kind_label;
  LimberDemonstration *demonstration;
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

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EXERCISE_PAGE);
  g_clear_object (&self->exercise);
  g_clear_object (&self->library);

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
  g_type_ensure (LIMBER_TYPE_DEMONSTRATION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-exercise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExercisePage, demonstration);
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
  limber_demonstration_show_motion (self->demonstration, limber_exercise_get_id (exercise),
                                    dosage->hold_seconds);
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
