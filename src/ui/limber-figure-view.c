/* limber-figure-view.c: plays a motion with the frame clock, looping with its hold. When the
 * desktop asks for reduced motion it shows the start and end poses side by side instead. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "limber-figure-view.h"
#include "limber-renderer.h"

#define MIN_HEIGHT 160
#define MAX_HEIGHT 360

struct _LimberFigureView
{
  GtkWidget       parent_instance;

  LimberMotion   *motion;
  LimberRenderer *renderer;
  GtkSettings    *settings;
  double          time;
  double          speed;
  double          hold_seconds;
  gint64          last_frame_time;
  guint           tick_id;
  char           *caption;
  LimberFrame     frame;          /* the instant on show, sampled once per change of time */
  gboolean        playing : 1;
  gboolean        still : 1;
};

enum {
  PROP_0,
  PROP_MOTION,
  PROP_PLAYING,
  PROP_SPEED,
  PROP_HOLD_SECONDS,
  PROP_TIME,
  PROP_STILL,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberFigureView, limber_figure_view, GTK_TYPE_WIDGET)

static LimberMotionTiming
get_timing (LimberFigureView *self)
{
  return (LimberMotionTiming) { self->hold_seconds > 0 ? self->hold_seconds : -1, self->speed };
}

/* Samples the instant on show, and words its caption. */
static void
update_frame (LimberFigureView *self)
{
  LimberMotionTiming timing = get_timing (self);
  g_autofree char *caption = NULL;

  if (self->motion != NULL)
    limber_motion_sample (self->motion, &timing, self->time, &self->frame);

  if (self->motion == NULL)
    caption = g_strdup ("");
  else if (self->still)
    caption = g_strdup (_("Start and end positions"));
  else if (self->frame.phase == LIMBER_PHASE_HOLD)
    {
      int left = (int) ceil (self->frame.phase_duration - self->frame.phase_elapsed - 1e-6);

      /* Translators: the demonstration's caption while the position is held, counting
       * down; "s" is seconds */
      caption = g_strdup_printf (_("Hold · %d s"), MAX (left, 1));
    }
  else
    caption = g_strdup (limber_phase_to_label (self->frame.phase));

  if (g_strcmp0 (caption, self->caption) == 0)
    return;
  g_free (self->caption);
  self->caption = g_steal_pointer (&caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  LimberMotionTiming timing = get_timing (self);
  double duration;

  if (self->motion == NULL)
    return G_SOURCE_CONTINUE;

  /* The first frame after a pause starts from where it stopped. */
  if (self->last_frame_time > 0)
    {
      duration = limber_motion_get_duration (self->motion, &timing);
      self->time = fmod (self->time + (now - self->last_frame_time) / (double) G_USEC_PER_SEC,
                         duration);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
    }
  self->last_frame_time = now;

  update_frame (self);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Ticks only while visible, playing and allowed to animate. */
static void
update_ticking (LimberFigureView *self)
{
  gboolean tick = self->playing && !self->still && self->motion != NULL &&
                  gtk_widget_get_mapped (GTK_WIDGET (self));

  if (tick && self->tick_id == 0)
    {
      self->last_frame_time = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!tick && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
update_still (LimberFigureView *self)
{
  gboolean animations = TRUE;
  gboolean still;

  if (self->settings != NULL)
    g_object_get (self->settings, "gtk-enable-animations", &animations, NULL);
  still = !animations;

  if (still != self->still)
    {
      self->still = still;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STILL]);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  update_frame (self);
  update_ticking (self);
}

static void
settings_changed_cb (LimberFigureView *self)
{
  update_still (self);
}

static void
limber_figure_view_root (GtkWidget *widget)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);

  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->root (widget);

  self->settings = gtk_widget_get_settings (widget);
  g_signal_connect_object (self->settings, "notify::gtk-enable-animations",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_still (self);
}

static void
limber_figure_view_unroot (GtkWidget *widget)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
  self->settings = NULL;

  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->unroot (widget);
}

static void
limber_figure_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->map (widget);
  update_ticking (LIMBER_FIGURE_VIEW (widget));
}

static void
limber_figure_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->unmap (widget);
  update_ticking (LIMBER_FIGURE_VIEW (widget));
}

static GtkSizeRequestMode
limber_figure_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* As tall as the scene's shape asks at this width, within reason. */
static void
limber_figure_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);
  double aspect = self->renderer != NULL ? limber_renderer_get_aspect (self->renderer) : 1.6;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
      return;
    }
  if (self->still)
    aspect *= 2;
  /* The minimum is the natural height: a scrolled page gives its children their minimum. */
  *natural = for_size > 0 ? CLAMP ((int) (for_size / aspect), MIN_HEIGHT, MAX_HEIGHT)
                          : MIN_HEIGHT * 3 / 2;
  *minimum = *natural;
}

static void
limber_figure_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const LimberFigureStyle *style = limber_figure_style_get (dark);
  cairo_t *cr;

  if (self->renderer == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->still)
    limber_renderer_draw_still (self->renderer, cr, width, height, style);
  else
    limber_renderer_draw_frame (self->renderer, cr, width, height, &self->frame, style);
  cairo_destroy (cr);
}

static void
dark_changed_cb (LimberFigureView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
limber_figure_view_dispose (GObject *object)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_object (&self->renderer);
  g_clear_object (&self->motion);
  g_clear_pointer (&self->caption, g_free);

  G_OBJECT_CLASS (limber_figure_view_parent_class)->dispose (object);
}

static void
limber_figure_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MOTION:
      g_value_set_object (value, self->motion);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    case PROP_HOLD_SECONDS:
      g_value_set_double (value, self->hold_seconds);
      break;
    case PROP_TIME:
      g_value_set_double (value, self->time);
      break;
    case PROP_STILL:
      g_value_set_boolean (value, self->still);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_figure_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MOTION:
      limber_figure_view_set_motion (self, g_value_get_object (value));
      break;
    case PROP_PLAYING:
      limber_figure_view_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      limber_figure_view_set_speed (self, g_value_get_double (value));
      break;
    case PROP_HOLD_SECONDS:
      limber_figure_view_set_hold_seconds (self, g_value_get_double (value));
      break;
    case PROP_TIME:
      limber_figure_view_set_time (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_figure_view_class_init (LimberFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_figure_view_dispose;
  object_class->get_property = limber_figure_view_get_property;
  object_class->set_property = limber_figure_view_set_property;

  widget_class->root = limber_figure_view_root;
  widget_class->unroot = limber_figure_view_unroot;
  widget_class->map = limber_figure_view_map;
  widget_class->unmap = limber_figure_view_unmap;
  widget_class->get_request_mode = limber_figure_view_get_request_mode;
  widget_class->measure = limber_figure_view_measure;
  widget_class->snapshot = limber_figure_view_snapshot;

  properties[PROP_MOTION] =
    g_param_spec_object ("motion", NULL, NULL, LIMBER_TYPE_MOTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.1, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLD_SECONDS] =
    g_param_spec_double ("hold-seconds", NULL, NULL, 0, 600, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_double ("time", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STILL] =
    g_param_spec_boolean ("still", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "figure-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_figure_view_init (LimberFigureView *self)
{
  self->playing = TRUE;
  self->speed = 1.0;
  self->caption = g_strdup ("");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
limber_figure_view_new (void)
{
  return g_object_new (LIMBER_TYPE_FIGURE_VIEW, NULL);
}

LimberMotion *
limber_figure_view_get_motion (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), NULL);
  return self->motion;
}

void
limber_figure_view_set_motion (LimberFigureView *self,
                               LimberMotion     *motion)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));
  g_return_if_fail (!motion || LIMBER_IS_MOTION (motion));

  if (!g_set_object (&self->motion, motion))
    return;

  g_clear_object (&self->renderer);
  if (motion != NULL)
    self->renderer = limber_renderer_new (motion);
  self->time = 0;
  self->last_frame_time = 0;

  update_frame (self);
  update_ticking (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

gboolean
limber_figure_view_get_playing (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);
  return self->playing;
}

void
limber_figure_view_set_playing (LimberFigureView *self,
                                gboolean          playing)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  playing = !!playing;
  if (self->playing == playing)
    return;

  self->playing = playing;
  update_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
limber_figure_view_get_speed (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), 1.0);
  return self->speed;
}

/* Keeps the same instant of the movement when the speed changes. */
void
limber_figure_view_set_speed (LimberFigureView *self,
                              double            speed)
{
  LimberMotionTiming old_timing;
  double fraction;

  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));
  g_return_if_fail (speed > 0);

  if (self->speed == speed)
    return;

  old_timing = get_timing (self);
  fraction = self->motion != NULL ?
             self->time / limber_motion_get_duration (self->motion, &old_timing) : 0;
  self->speed = speed;
  if (self->motion != NULL)
    {
      LimberMotionTiming timing = get_timing (self);
      self->time = fraction * limber_motion_get_duration (self->motion, &timing);
    }
  update_frame (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

double
limber_figure_view_get_hold_seconds (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), 0);
  return self->hold_seconds;
}

/* The prescribed hold; 0 keeps the motion's own. */
void
limber_figure_view_set_hold_seconds (LimberFigureView *self,
                                     double            hold_seconds)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  hold_seconds = MAX (hold_seconds, 0);
  if (self->hold_seconds == hold_seconds)
    return;

  self->hold_seconds = hold_seconds;
  self->time = 0;
  update_frame (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLD_SECONDS]);
}

double
limber_figure_view_get_time (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), 0);
  return self->time;
}

/* Shows one instant of the motion; it plays on from there. */
void
limber_figure_view_set_time (LimberFigureView *self,
                             double            time)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  time = MAX (time, 0);
  if (self->time == time)
    return;

  self->time = time;
  self->last_frame_time = 0;
  update_frame (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

gboolean
limber_figure_view_get_still (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);
  return self->still;
}

const char *
limber_figure_view_get_caption (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), NULL);
  return self->caption;
}
