/* limber-timeline.c: expands a program into the steps of a guided session and keeps the
 * session's position on a clock. Its total is the program overview's estimate, step for step
 * (limber_prescription_estimate_seconds). */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include "limber-timeline.h"

/* Skipping back within this many seconds of an exercise's start goes to the one before. */
#define SKIP_BACK_GRACE 2.0

struct _LimberTimeline
{
  GObject          parent_instance;

  GArray          *steps;            /* LimberStep, in order */
  GArray          *exercise_starts;  /* double a prescription; -1 for one the library lacks */
  double           total;

  LimberClockFunc  clock;
  gpointer         clock_data;
  gboolean         playing;
  double           anchor_position;  /* seconds, at anchor_time */
  gint64           anchor_time;      /* the clock's microseconds */
};

G_DEFINE_FINAL_TYPE (LimberTimeline, limber_timeline, G_TYPE_OBJECT)

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static void
add_step (LimberTimeline    *self,
          LimberStepKind     kind,
          guint              exercise,
          guint              set,
          guint              n_sets,
          guint              rep,
          guint              n_reps,
          LimberSessionSide  side,
          guint              seconds)
{
  LimberStep step = { kind, exercise, set, n_sets, rep, n_reps, side, self->total, seconds };

  /* A hold of 0 s, or no rest, is no step at all. */
  if (seconds == 0)
    return;
  g_array_append_val (self->steps, step);
  self->total += seconds;
}

static void
add_rep (LimberTimeline           *self,
         const LimberPrescription *p,
         guint                     exercise,
         guint                     set,
         guint                     rep,
         LimberSessionSide         side)
{
  add_step (self, LIMBER_STEP_MOVE, exercise, set, p->sets, rep, p->reps, side, p->tempo_up);
  add_step (self, LIMBER_STEP_HOLD, exercise, set, p->sets, rep, p->reps, side, p->hold_seconds);
  add_step (self, LIMBER_STEP_RETURN, exercise, set, p->sets, rep, p->reps, side, p->tempo_down);
}

static void
add_rest (LimberTimeline           *self,
          const LimberPrescription *p,
          guint                     exercise,
          guint                     set,
          LimberSessionSide         side)
{
  if (set < p->sets)
    add_step (self, LIMBER_STEP_REST, exercise, set, p->sets, p->reps, p->reps, side,
              p->rest_seconds);
}

/* "Both sides" does every set on the left, then, after time to switch, every set on the right; "alternating" swaps
 * sides each rep; an exercise done "each way" does a set's reps one way, then the other. */
static void
add_exercise (LimberTimeline           *self,
              const LimberPrescription *p,
              LimberExercise           *exercise,
              guint                     index)
{
  guint n_sides = limber_prescription_get_n_sides (p, exercise);
  LimberSessionSide single = p->side == LIMBER_PRESCRIBED_SIDE_LEFT ? LIMBER_SESSION_SIDE_LEFT
                             : p->side == LIMBER_PRESCRIBED_SIDE_RIGHT ? LIMBER_SESSION_SIDE_RIGHT
                             : LIMBER_SESSION_SIDE_NONE;

  add_step (self, LIMBER_STEP_GET_READY, index, 1, p->sets, 1, p->reps, single,
            LIMBER_SESSION_GET_READY_SECONDS);

  if (p->side == LIMBER_PRESCRIBED_SIDE_BOTH)
    {
      for (guint s = 0; s < 2; s++)
        {
          LimberSessionSide side = s == 0 ? LIMBER_SESSION_SIDE_LEFT : LIMBER_SESSION_SIDE_RIGHT;

          /* Time to turn over, or to change legs, before the right side. */
          if (s == 1)
            add_step (self, LIMBER_STEP_SWITCH_SIDES, index, 1, p->sets, 1, p->reps, side,
                      LIMBER_SESSION_SWITCH_SIDES_SECONDS);
          for (guint set = 1; set <= p->sets; set++)
            {
              for (guint rep = 1; rep <= p->reps; rep++)
                add_rep (self, p, index, set, rep, side);
              add_rest (self, p, index, set, side);
            }
        }
    }
  else if (p->side == LIMBER_PRESCRIBED_SIDE_ALTERNATING)
    {
      for (guint set = 1; set <= p->sets; set++)
        {
          for (guint rep = 1; rep <= p->reps; rep++)
            {
              add_rep (self, p, index, set, rep, LIMBER_SESSION_SIDE_LEFT);
              add_rep (self, p, index, set, rep, LIMBER_SESSION_SIDE_RIGHT);
            }
          add_rest (self, p, index, set, LIMBER_SESSION_SIDE_NONE);
        }
    }
  else
    {
      for (guint set = 1; set <= p->sets; set++)
        {
          for (guint way = 0; way < n_sides; way++)
            {
              LimberSessionSide side = n_sides == 1 ? single
                                       : way == 0 ? LIMBER_SESSION_SIDE_ONE_WAY
                                       : LIMBER_SESSION_SIDE_OTHER_WAY;

              for (guint rep = 1; rep <= p->reps; rep++)
                add_rep (self, p, index, set, rep, side);
            }
          add_rest (self, p, index, set, single);
        }
    }
}

LimberTimeline *
limber_timeline_new (const LimberProgram *program,
                     LimberLibrary       *library)
{
  LimberTimeline *self;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (LIMBER_IS_LIBRARY (library), NULL);

  self = g_object_new (LIMBER_TYPE_TIMELINE, NULL);
  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      const LimberPrescription *p = g_ptr_array_index (program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (library, p->exercise_id);
      double start = exercise != NULL ? self->total : -1;

      g_array_append_val (self->exercise_starts, start);
      /* As in the estimate, an exercise this library lacks takes no time. */
      if (exercise != NULL)
        add_exercise (self, p, exercise, i);
    }
  return self;
}

void
limber_timeline_set_clock (LimberTimeline  *self,
                           LimberClockFunc  clock,
                           gpointer         user_data)
{
  double position;

  g_return_if_fail (LIMBER_IS_TIMELINE (self));

  position = limber_timeline_get_position (self);
  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  self->anchor_position = position;
  self->anchor_time = self->clock (self->clock_data);
}

guint
limber_timeline_get_n_steps (LimberTimeline *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), 0);
  return self->steps->len;
}

const LimberStep *
limber_timeline_get_step (LimberTimeline *self,
                          guint           index)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, LimberStep, index);
}

guint
limber_timeline_get_n_exercises (LimberTimeline *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), 0);
  return self->exercise_starts->len;
}

/* Where an exercise starts (its get-ready), or -1 for one the library lacks. */
double
limber_timeline_get_exercise_start (LimberTimeline *self,
                                    guint           exercise)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), -1);
  g_return_val_if_fail (exercise < self->exercise_starts->len, -1);
  return g_array_index (self->exercise_starts, double, exercise);
}

double
limber_timeline_get_total (LimberTimeline *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), 0);
  return self->total;
}

/* The step at a position: the last one that has started; the last step at the very end. */
guint
limber_timeline_find_step (LimberTimeline *self,
                           double          position)
{
  guint low = 0, high;

  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), 0);
  g_return_val_if_fail (self->steps->len > 0, 0);

  high = self->steps->len;
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (self->steps, LimberStep, middle).start <= position)
        low = middle;
      else
        high = middle;
    }
  return low;
}

double
limber_timeline_get_position (LimberTimeline *self)
{
  double position;

  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), 0);

  position = self->anchor_position;
  if (self->playing)
    position += (double) (self->clock (self->clock_data) - self->anchor_time) / G_USEC_PER_SEC;
  return CLAMP (position, 0, self->total);
}

void
limber_timeline_seek (LimberTimeline *self,
                      double          position)
{
  g_return_if_fail (LIMBER_IS_TIMELINE (self));

  self->anchor_position = CLAMP (position, 0, self->total);
  self->anchor_time = self->clock (self->clock_data);
}

void
limber_timeline_play (LimberTimeline *self)
{
  g_return_if_fail (LIMBER_IS_TIMELINE (self));

  if (self->playing)
    return;
  self->anchor_time = self->clock (self->clock_data);
  self->playing = TRUE;
}

void
limber_timeline_pause (LimberTimeline *self)
{
  g_return_if_fail (LIMBER_IS_TIMELINE (self));

  if (!self->playing)
    return;
  self->anchor_position = limber_timeline_get_position (self);
  self->playing = FALSE;
}

gboolean
limber_timeline_get_playing (LimberTimeline *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), FALSE);
  return self->playing && !limber_timeline_is_finished (self);
}

/* The step now, and the seconds left of it (the countdown the player shows); NULL for a
 * session with no steps. */
const LimberStep *
limber_timeline_get_current (LimberTimeline *self,
                             double         *remaining)
{
  double position;
  const LimberStep *step;

  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), NULL);

  if (self->steps->len == 0)
    return NULL;
  position = limber_timeline_get_position (self);
  step = &g_array_index (self->steps, LimberStep, limber_timeline_find_step (self, position));
  if (remaining != NULL)
    *remaining = MAX (0, step->start + step->duration - position);
  return step;
}

gboolean
limber_timeline_is_finished (LimberTimeline *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMELINE (self), TRUE);
  return limber_timeline_get_position (self) >= self->total;
}

/* The exercise at a position, among those the session has. */
static guint
current_exercise (LimberTimeline *self)
{
  const LimberStep *step = limber_timeline_get_current (self, NULL);

  return step != NULL ? step->exercise : 0;
}

/* On to the next exercise's get-ready, or the end. */
void
limber_timeline_skip_forward (LimberTimeline *self)
{
  g_return_if_fail (LIMBER_IS_TIMELINE (self));

  for (guint i = current_exercise (self) + 1; i < self->exercise_starts->len; i++)
    {
      double start = g_array_index (self->exercise_starts, double, i);

      if (start >= 0)
        {
          limber_timeline_seek (self, start);
          return;
        }
    }
  limber_timeline_seek (self, self->total);
}

/* Back to this exercise's start, or to the one before when just begun, as a media player's
 * "previous" does. */
void
limber_timeline_skip_back (LimberTimeline *self)
{
  double position;
  guint exercise;

  g_return_if_fail (LIMBER_IS_TIMELINE (self));

  if (self->steps->len == 0)
    return;
  position = limber_timeline_get_position (self);
  /* At the very end, "back" is the last exercise. */
  exercise = current_exercise (self);
  if (position - limber_timeline_get_exercise_start (self, exercise) < SKIP_BACK_GRACE &&
      position < self->total)
    {
      for (guint i = exercise; i-- > 0;)
        if (g_array_index (self->exercise_starts, double, i) >= 0)
          {
            exercise = i;
            break;
          }
    }
  limber_timeline_seek (self, limber_timeline_get_exercise_start (self, exercise));
}

/* Does an exercise again from its get-ready, whatever came after it. */
void
limber_timeline_repeat_exercise (LimberTimeline *self,
                                 guint           exercise)
{
  double start;

  g_return_if_fail (LIMBER_IS_TIMELINE (self));
  g_return_if_fail (exercise < self->exercise_starts->len);

  start = g_array_index (self->exercise_starts, double, exercise);
  if (start >= 0)
    limber_timeline_seek (self, start);
}

static void
limber_timeline_finalize (GObject *object)
{
  LimberTimeline *self = (LimberTimeline *)object;

  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->exercise_starts, g_array_unref);

  G_OBJECT_CLASS (limber_timeline_parent_class)->finalize (object);
}

static void
limber_timeline_class_init (LimberTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_timeline_finalize;
}

static void
limber_timeline_init (LimberTimeline *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (LimberStep));
  self->exercise_starts = g_array_new (FALSE, FALSE, sizeof (double));
  self->clock = monotonic_clock;
  self->anchor_time = self->clock (NULL);
}
