/* limber-demonstration.c: the figure view in a card, with play/pause, half speed and a caption
 * of the phase ("Hold · 45 s"). With reduced motion only the still and its caption show. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-demonstration.h"

struct _LimberDemonstration
{
  GtkWidget         parent_instance;

  GtkWidget        *card;
  LimberFigureView *figure_view;
  GtkLabel         *error_label;
  GtkWidget        *controls;
  GtkButton        *play_button;
  GtkWidget        *slow_button;
  GtkLabel         *caption_label;
};

enum {
  PROP_0,
  PROP_SLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberDemonstration, limber_demonstration, GTK_TYPE_WIDGET)

static void
playing_changed_cb (LimberDemonstration *self)
{
  gboolean playing = limber_figure_view_get_playing (self->figure_view);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play"));
}

static void
play_pause_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberDemonstration *self = LIMBER_DEMONSTRATION (widget);

  limber_figure_view_set_playing (self->figure_view,
                                  !limber_figure_view_get_playing (self->figure_view));
}

static void
limber_demonstration_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIMBER_TYPE_DEMONSTRATION);

  G_OBJECT_CLASS (limber_demonstration_parent_class)->dispose (object);
}

static gboolean
get_slow (LimberDemonstration *self)
{
  return limber_figure_view_get_speed (self->figure_view) < 1.0;
}

static void
limber_demonstration_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberDemonstration *self = LIMBER_DEMONSTRATION (object);

  switch (prop_id)
    {
    case PROP_SLOW:
      g_value_set_boolean (value, get_slow (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_demonstration_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberDemonstration *self = LIMBER_DEMONSTRATION (object);

  switch (prop_id)
    {
    case PROP_SLOW:
      if (get_slow (self) != g_value_get_boolean (value))
        {
          limber_figure_view_set_speed (self->figure_view, g_value_get_boolean (value) ? 0.5 : 1.0);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_demonstration_class_init (LimberDemonstrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_demonstration_dispose;
  object_class->get_property = limber_demonstration_get_property;
  object_class->set_property = limber_demonstration_set_property;

  properties[PROP_SLOW] =
    g_param_spec_boolean ("slow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_FIGURE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-demonstration.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, card);
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, figure_view);
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, error_label);
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, controls);
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, play_button);
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, slow_button);
  gtk_widget_class_bind_template_child (widget_class, LimberDemonstration, caption_label);

  gtk_widget_class_install_action (widget_class, "demonstration.play-pause", NULL, play_pause_cb);
  gtk_widget_class_install_property_action (widget_class, "demonstration.slow", "slow");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
limber_demonstration_init (LimberDemonstration *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->figure_view, "caption", self->caption_label, "label",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->figure_view, "still", self->play_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->figure_view, "still", self->slow_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->figure_view, "notify::playing",
                           G_CALLBACK (playing_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
limber_demonstration_new (void)
{
  return g_object_new (LIMBER_TYPE_DEMONSTRATION, NULL);
}

/* Plays the motion with the prescribed hold (0 keeps the motion's own). A motion that does not
 * load leaves a message in place of the figure. */
gboolean
limber_demonstration_show_motion (LimberDemonstration *self,
                                  const char          *motion_id,
                                  double               hold_seconds)
{
  g_autoptr(LimberMotion) motion = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_DEMONSTRATION (self), FALSE);
  g_return_val_if_fail (motion_id != NULL, FALSE);

  motion = limber_motion_new_for_id (motion_id, &error);
  if (motion == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The demonstration could not be shown: %s"), error->message);

      /* Shown where the figure would be; logged for whoever reads the journal. */
      g_message ("%s", message);
      gtk_label_set_label (self->error_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), motion == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->figure_view), motion != NULL);
  gtk_widget_set_visible (self->controls, motion != NULL);

  limber_figure_view_set_hold_seconds (self->figure_view, hold_seconds);
  limber_figure_view_set_motion (self->figure_view, motion);
  limber_figure_view_set_playing (self->figure_view, TRUE);
  return motion != NULL;
}

LimberFigureView *
limber_demonstration_get_figure_view (LimberDemonstration *self)
{
  g_return_val_if_fail (LIMBER_IS_DEMONSTRATION (self), NULL);
  return self->figure_view;
}
