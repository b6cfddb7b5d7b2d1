/* limber-types.h: the enumerations of the exercise library; their nicks are the JSON values. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_EXERCISE_KIND_STRETCH,
  LIMBER_EXERCISE_KIND_STRENGTHENING,
} LimberExerciseKind;

typedef enum
{
  LIMBER_POSITION_SUPINE,
  LIMBER_POSITION_PRONE,
  LIMBER_POSITION_SIDE_LYING,
  LIMBER_POSITION_HALF_KNEELING,
  LIMBER_POSITION_STANDING,
  LIMBER_POSITION_STANDING_ON_STEP,
} LimberPosition;

typedef enum
{
  LIMBER_REP_UNIT_HOLD,
  LIMBER_REP_UNIT_REP,
  LIMBER_REP_UNIT_STEP,
} LimberRepUnit;

typedef enum
{
  LIMBER_SIDE_NONE,
  LIMBER_SIDE_EACH,
  LIMBER_SIDE_EACH_DIRECTION,
} LimberSide;

typedef enum
{
  LIMBER_AMPLITUDE_NONE,
  LIMBER_AMPLITUDE_LIFT,
  LIMBER_AMPLITUDE_STEP_WIDTH,
  LIMBER_AMPLITUDE_STEP_HEIGHT,
} LimberAmplitude;

/* What a therapist prescribes: which side, how often, and what load. */
typedef enum
{
  LIMBER_PRESCRIBED_SIDE_NONE,
  LIMBER_PRESCRIBED_SIDE_LEFT,
  LIMBER_PRESCRIBED_SIDE_RIGHT,
  LIMBER_PRESCRIBED_SIDE_BOTH,
  LIMBER_PRESCRIBED_SIDE_ALTERNATING,
} LimberPrescribedSide;

typedef enum
{
  LIMBER_SCHEDULE_DAILY,
  LIMBER_SCHEDULE_DAYS_PER_WEEK,
} LimberSchedule;

typedef enum
{
  LIMBER_LOAD_NONE,
  LIMBER_LOAD_ANKLE_WEIGHT,
  LIMBER_LOAD_BAND,
} LimberLoad;

typedef enum
{
  LIMBER_WEIGHT_UNIT_KG,
  LIMBER_WEIGHT_UNIT_LB,
} LimberWeightUnit;

/* How a patient says an exercise of a guided session went. */
typedef enum
{
  LIMBER_OUTCOME_DONE,
  LIMBER_OUTCOME_PARTLY,
  LIMBER_OUTCOME_SKIPPED,
} LimberOutcome;

/* Resistance bands by colour, lightest first, as the common brands grade them. */
typedef enum
{
  LIMBER_BAND_YELLOW,
  LIMBER_BAND_RED,
  LIMBER_BAND_GREEN,
  LIMBER_BAND_BLUE,
  LIMBER_BAND_BLACK,
  LIMBER_BAND_SILVER,
  LIMBER_BAND_GOLD,
} LimberBand;

const char *limber_exercise_kind_to_label (LimberExerciseKind kind);
const char *limber_position_to_label      (LimberPosition     position);
const char *limber_prescribed_side_to_label (LimberPrescribedSide side);
const char *limber_band_to_label          (LimberBand         band);

G_END_DECLS
