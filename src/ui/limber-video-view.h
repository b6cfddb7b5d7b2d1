/* limber-video-view.h: an exercise's demonstration: the clinic's video, looping and muted,
 * or the animated figure when there is none or it cannot be played. */
#pragma once

#include <gtk/gtk.h>

#include "limber-demonstration.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_VIDEO_VIEW (limber_video_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberVideoView, limber_video_view, LIMBER, VIDEO_VIEW, GtkWidget)

GtkWidget           *limber_video_view_new               (void);
gboolean             limber_video_view_show_motion       (LimberVideoView *self,
                                                          const char      *motion_id,
                                                          double           hold_seconds);
void                 limber_video_view_set_video         (LimberVideoView *self,
                                                          GFile           *file);
void                 limber_video_view_show_problem      (LimberVideoView *self,
                                                          const char      *reason);
GFile               *limber_video_view_get_video         (LimberVideoView *self);
gboolean             limber_video_view_get_showing_video (LimberVideoView *self);
const char          *limber_video_view_get_message       (LimberVideoView *self);
GtkMediaStream      *limber_video_view_get_media_stream  (LimberVideoView *self);
LimberDemonstration *limber_video_view_get_demonstration (LimberVideoView *self);

G_END_DECLS
