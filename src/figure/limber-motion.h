/* limber-motion.h: a demonstration as data: keyframed poses in named phases, with props. */
#pragma once

#include <gio/gio.h>

#include "limber-figure-types.h"
#include "limber-skeleton.h"

G_BEGIN_DECLS

#define LIMBER_MOTION_RESOURCE_PATH "/io/github/limber/Limber/motions"
#define LIMBER_MOTION_MAX_PROPS 6

/* How to play a motion: hold_seconds < 0 keeps the motion's own hold; speed scales every
 * other phase (0.5 is half speed). */
typedef struct
{
  double hold_seconds;
  double speed;
} LimberMotionTiming;

#define LIMBER_MOTION_TIMING_DEFAULT ((LimberMotionTiming) { -1.0, 1.0 })

typedef struct
{
  LimberPropKind kind;
  LimberPoint    point[2];
  guint          n_points;
} LimberProp;

/* One instant of a motion. */
typedef struct
{
  LimberBody  body;
  LimberPose  pose;
  LimberPhase phase;
  double      phase_elapsed;
  double      phase_duration;
  double      lift;           /* cm the figure was raised to keep it above the floor */
} LimberFrame;

#define LIMBER_TYPE_MOTION (limber_motion_get_type ())

G_DECLARE_FINAL_TYPE (LimberMotion, limber_motion, LIMBER, MOTION, GObject)

LimberMotion      *limber_motion_new_from_bytes   (GBytes                   *bytes,
                                                   const char               *file,
                                                   GError                  **error);
LimberMotion      *limber_motion_new_for_id       (const char               *id,
                                                   GError                  **error);
const char        *limber_motion_get_id           (LimberMotion             *self);
LimberPosition     limber_motion_get_position     (LimberMotion             *self);
LimberCamera       limber_motion_get_camera       (LimberMotion             *self);
const LimberProp  *limber_motion_get_props        (LimberMotion             *self,
                                                   guint                    *n_props);
gboolean           limber_motion_highlights       (LimberMotion             *self,
                                                   LimberSegment             segment);
LimberPoint        limber_motion_get_arrow_point  (LimberMotion             *self);
double             limber_motion_get_support_height (LimberMotion           *self);
double             limber_motion_get_default_hold (LimberMotion             *self);
double             limber_motion_get_duration     (LimberMotion             *self,
                                                   const LimberMotionTiming *timing);
double             limber_motion_get_phase_start  (LimberMotion             *self,
                                                   const LimberMotionTiming *timing,
                                                   LimberPhase               phase);
double             limber_motion_get_end_time     (LimberMotion             *self,
                                                   const LimberMotionTiming *timing);
void               limber_motion_sample           (LimberMotion             *self,
                                                   const LimberMotionTiming *timing,
                                                   double                    t,
                                                   LimberFrame              *frame);
guint              limber_motion_get_n_keyframes  (LimberMotion             *self);
double             limber_motion_get_keyframe_time (LimberMotion            *self,
                                                   const LimberMotionTiming *timing,
                                                   guint                     keyframe);
LimberPhase        limber_motion_get_keyframe_phase (LimberMotion           *self,
                                                   guint                     keyframe);

G_END_DECLS
