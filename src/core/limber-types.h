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

const char *limber_exercise_kind_to_label (LimberExerciseKind kind);
const char *limber_position_to_label      (LimberPosition     position);

G_END_DECLS
