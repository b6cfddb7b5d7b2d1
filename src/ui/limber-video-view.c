/* limber-video-view.c: the clinic's video in a card, looping and muted (the patient listens to
 * the session's cues, not to the room it was filmed in), with the animated figure in its place
 * when there is no video, and a calm line under the figure when there was one that could not be
 * played: a missing file, or an error the media stream reports while playing. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-video-view.h"

struct _LimberVideoView
{
  GtkWidget            parent_instance;

  GFile               *file;
  GtkMediaStream      *stream;   /* watched for errors */
  char                *message;

  GtkWidget           *box;
  GtkWidget           *video_card;
  GtkVideo            *video;
  LimberDemonstration *demonstration;
  GtkLabel            *message_label;
};

enum {
  PROP_0,
  PROP_SHOWING_VIDEO,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberVideoView, limber_video_view, GTK_TYPE_WIDGET)

static void
forget_stream (LimberVideoView *self)
{
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_clear_object (&self->stream);
}

static void
show (LimberVideoView *self,
      gboolean         video,
      const char      *message)
{
  gboolean was_video = gtk_widget_get_visible (self->video_card);

  gtk_widget_set_visible (self->video_card, video);
  gtk_widget_set_visible (GTK_WIDGET (self->demonstration), !video);
  /* The figure does not move under a video nobody sees. */
  limber_figure_view_set_playing (limber_demonstration_get_figure_view (self->demonstration),
                                  !video);

  if (g_strcmp0 (message, self->message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      gtk_label_set_label (self->message_label, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (was_video != video)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_VIDEO]);
}

static void
stop_video (LimberVideoView *self)
{
  forget_stream (self);
  gtk_video_set_file (self->video, NULL);
}

/* Shows the figure with a line saying why the video is not there. */
void
limber_video_view_show_problem (LimberVideoView *self,
                                const char      *reason)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (LIMBER_IS_VIDEO_VIEW (self));
  g_return_if_fail (reason != NULL);

  stop_video (self);

  /* GStreamer's messages end in a full stop, ours do not. */
  trimmed = g_strstrip (g_strdup (reason));
  if (g_str_has_suffix (trimmed, "."))
    trimmed[strlen (trimmed) - 1] = '\0';

  /* Translators: %s says why, as in "The video … is missing from the clinic folder" */
  message = g_strdup_printf (_("The clinic’s video could not be played: %s. Showing the "
                               "animation instead."), trimmed);
  g_message ("%s", message);
  show (self, FALSE, message);
}

/* GTK 4.8's GStreamer stream makes its player only when GtkVideo is realized and has a file:
 * muting before that is a critical warning and is not applied to the player made later. */
static void
mute_cb (LimberVideoView *self)
{
  if (self->stream != NULL && gtk_widget_get_realized (GTK_WIDGET (self->video)) &&
      !gtk_media_stream_get_muted (self->stream))
    gtk_media_stream_set_muted (self->stream, TRUE);
}

/* GStreamer's errors through GTK read "Error from element <path>: <message>", then the message
 * again, then debugging details: a therapist needs the message only. */
static char *
readable_reason (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", 3);

  if (g_str_has_prefix (message, "Error from element ") && lines[0] != NULL &&
      lines[1] != NULL && *lines[1] != '\0')
    return g_strdup (lines[1]);
  return g_strdup (lines[0] != NULL ? lines[0] : message);
}

static void
stream_error_cb (LimberVideoView *self)
{
  const GError *error = gtk_media_stream_get_error (self->stream);
  g_autofree char *reason = NULL;

  if (error == NULL)
    return;

  g_message ("%s", error->message);
  reason = readable_reason (error->message);
  limber_video_view_show_problem (self, reason);
}

/* In a scrolled page the view is given its minimum height, and a video's picture may shrink to
 * nothing: ask for the height the film's shape needs at the width offered. */
static void
limber_video_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LimberVideoView *self = LIMBER_VIDEO_VIEW (widget);
  double ratio;

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);

  if (orientation != GTK_ORIENTATION_VERTICAL || for_size <= 0 || self->stream == NULL ||
      !gtk_widget_get_visible (self->video_card))
    return;

  ratio = gdk_paintable_get_intrinsic_aspect_ratio (GDK_PAINTABLE (self->stream));
  if (ratio > 0)
    {
      *minimum = MAX (*minimum, (int) ceil (for_size / ratio));
      *natural = MAX (*natural, *minimum);
    }
}

static void
limber_video_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LimberVideoView *self = LIMBER_VIDEO_VIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static GtkSizeRequestMode
limber_video_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
limber_video_view_dispose (GObject *object)
{
  LimberVideoView *self = LIMBER_VIDEO_VIEW (object);

  forget_stream (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_VIDEO_VIEW);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (limber_video_view_parent_class)->dispose (object);
}

static void
limber_video_view_finalize (GObject *object)
{
  LimberVideoView *self = LIMBER_VIDEO_VIEW (object);

  g_free (self->message);

  G_OBJECT_CLASS (limber_video_view_parent_class)->finalize (object);
}

static void
limber_video_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberVideoView *self = LIMBER_VIDEO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOWING_VIDEO:
      g_value_set_boolean (value, limber_video_view_get_showing_video (self));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_video_view_class_init (LimberVideoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_video_view_dispose;
  object_class->finalize = limber_video_view_finalize;
  object_class->get_property = limber_video_view_get_property;

  properties[PROP_SHOWING_VIDEO] =
    g_param_spec_boolean ("showing-video", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_DEMONSTRATION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-video-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberVideoView, box);
  gtk_widget_class_bind_template_child (widget_class, LimberVideoView, video_card);
  gtk_widget_class_bind_template_child (widget_class, LimberVideoView, video);
  gtk_widget_class_bind_template_child (widget_class, LimberVideoView, demonstration);
  gtk_widget_class_bind_template_child (widget_class, LimberVideoView, message_label);

  widget_class->measure = limber_video_view_measure;
  widget_class->size_allocate = limber_video_view_size_allocate;
  widget_class->get_request_mode = limber_video_view_get_request_mode;
}

static void
limber_video_view_init (LimberVideoView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->video, "realize", G_CALLBACK (mute_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GtkWidget *
limber_video_view_new (void)
{
  return g_object_new (LIMBER_TYPE_VIDEO_VIEW, NULL);
}

/* The animation shown when there is no video, and behind one that fails. */
gboolean
limber_video_view_show_motion (LimberVideoView *self,
                               const char      *motion_id,
                               double           hold_seconds)
{
  gboolean shown;

  g_return_val_if_fail (LIMBER_IS_VIDEO_VIEW (self), FALSE);

  shown = limber_demonstration_show_motion (self->demonstration, motion_id, hold_seconds);
  if (limber_video_view_get_showing_video (self))
    limber_figure_view_set_playing (limber_demonstration_get_figure_view (self->demonstration),
                                    FALSE);
  return shown;
}

/* Plays @file, a video already in the store; NULL shows the animation. */
void
limber_video_view_set_video (LimberVideoView *self,
                             GFile           *file)
{
  gboolean animations = TRUE;

  g_return_if_fail (LIMBER_IS_VIDEO_VIEW (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (self->file != NULL && file != NULL && g_file_equal (self->file, file) &&
      self->stream != NULL && gtk_media_stream_get_error (self->stream) == NULL)
    return;

  stop_video (self);
  g_set_object (&self->file, file);

  if (file == NULL)
    {
      show (self, FALSE, NULL);
      return;
    }

  /* With reduced motion the video waits for its play button, like the figure's still. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations",
                &animations, NULL);
  gtk_video_set_autoplay (self->video, animations);
  gtk_video_set_loop (self->video, TRUE);
  gtk_video_set_file (self->video, file);

  self->stream = gtk_video_get_media_stream (self->video);
  if (self->stream == NULL)
    {
      limber_video_view_show_problem (self, _("no video player is installed"));
      return;
    }

  g_object_ref (self->stream);
  mute_cb (self);
  g_signal_connect_swapped (self->stream, "notify::error", G_CALLBACK (stream_error_cb), self);
  show (self, TRUE, NULL);

  /* An error may be known at once (a file that cannot be opened). */
  stream_error_cb (self);
}

GFile *
limber_video_view_get_video (LimberVideoView *self)
{
  g_return_val_if_fail (LIMBER_IS_VIDEO_VIEW (self), NULL);
  return self->file;
}

gboolean
limber_video_view_get_showing_video (LimberVideoView *self)
{
  g_return_val_if_fail (LIMBER_IS_VIDEO_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->video_card);
}

/* Why the video is not showing, or NULL. */
const char *
limber_video_view_get_message (LimberVideoView *self)
{
  g_return_val_if_fail (LIMBER_IS_VIDEO_VIEW (self), NULL);
  return self->message;
}

/* The stream playing the video (also its paintable), or NULL. */
GtkMediaStream *
limber_video_view_get_media_stream (LimberVideoView *self)
{
  g_return_val_if_fail (LIMBER_IS_VIDEO_VIEW (self), NULL);
  return self->stream;
}

LimberDemonstration *
limber_video_view_get_demonstration (LimberVideoView *self)
{
  g_return_val_if_fail (LIMBER_IS_VIDEO_VIEW (self), NULL);
  return self->demonstration;
}
