/* limber-timeline.h: a program as a guided session: get ready, then every rep's move, hold
 * and return, and the rests between sets, on a clock that can be paused, skipped and faked. */
#pragma once

#include "limber-patient.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_STEP_GET_READY,
  LIMBER_STEP_MOVE,
  LIMBER_STEP_HOLD,
  LIMBER_STEP_RETURN,
  LIMBER_STEP_REST,
  LIMBER_STEP_SWITCH_SIDES,  /* between the left side's sets and the right side's */
} LimberStepKind;

/* The side a rep is done on: left or right, one way or the other for a walk done "each way",
 * or none. */
typedef enum
{
  LIMBER_SESSION_SIDE_NONE,
  LIMBER_SESSION_SIDE_LEFT,
  LIMBER_SESSION_SIDE_RIGHT,
  LIMBER_SESSION_SIDE_ONE_WAY,
  LIMBER_SESSION_SIDE_OTHER_WAY,
} LimberSessionSide;

/* One stretch of the session. Sets and reps count from 1; a rest belongs to the set it follows. */
typedef struct
{
  LimberStepKind     kind;
  guint              exercise;   /* the prescription's position in the program */
  guint              set, n_sets;
  guint              rep, n_reps;
  LimberSessionSide  side;
  double             start;      /* seconds from the session's start */
  double             duration;
} LimberStep;

/* Microseconds on a monotonic clock; tests pass their own. */
typedef gint64 (*LimberClockFunc) (gpointer user_data);

#define LIMBER_TYPE_TIMELINE (limber_timeline_get_type ())

G_DECLARE_FINAL_TYPE (LimberTimeline, limber_timeline, LIMBER, TIMELINE, GObject)

LimberTimeline   *limber_timeline_new              (const LimberProgram *program,
                                                    LimberLibrary       *library);
void              limber_timeline_set_clock        (LimberTimeline      *self,
                                                    LimberClockFunc      clock,
                                                    gpointer             user_data);
guint             limber_timeline_get_n_steps      (LimberTimeline      *self);
const LimberStep *limber_timeline_get_step         (LimberTimeline      *self,
                                                    guint                index);
guint             limber_timeline_get_n_exercises  (LimberTimeline      *self);
double            limber_timeline_get_exercise_start (LimberTimeline    *self,
                                                      guint              exercise);
double            limber_timeline_get_total        (LimberTimeline      *self);
guint             limber_timeline_find_step        (LimberTimeline      *self,
                                                    double               position);

void              limber_timeline_play             (LimberTimeline      *self);
void              limber_timeline_pause            (LimberTimeline      *self);
gboolean          limber_timeline_get_playing      (LimberTimeline      *self);
double            limber_timeline_get_position     (LimberTimeline      *self);
void              limber_timeline_seek             (LimberTimeline      *self,
                                                    double               position);
const LimberStep *limber_timeline_get_current      (LimberTimeline      *self,
                                                    double              *remaining);
gboolean          limber_timeline_is_finished      (LimberTimeline      *self);
void              limber_timeline_skip_forward     (LimberTimeline      *self);
void              limber_timeline_skip_back        (LimberTimeline      *self);
void              limber_timeline_repeat_exercise  (LimberTimeline      *self,
                                                    guint                exercise);

G_END_DECLS
