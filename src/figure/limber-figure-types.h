/* limber-figure-types.h: the enumerations of motions; their nicks are the JSON values. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_PHASE_START,
  LIMBER_PHASE_MOVE,
  LIMBER_PHASE_HOLD,
  LIMBER_PHASE_RETURN,
} LimberPhase;

typedef enum
{
  LIMBER_EASE_IN_OUT,
  LIMBER_EASE_LINEAR,
  LIMBER_EASE_IN,
  LIMBER_EASE_OUT,
} LimberEase;

typedef enum
{
  LIMBER_PROP_MAT,
  LIMBER_PROP_PILLOW,
  LIMBER_PROP_STRAP,
  LIMBER_PROP_BAND,
  LIMBER_PROP_STEP,
  LIMBER_PROP_RAIL,
  LIMBER_PROP_CHAIR,
  LIMBER_PROP_ANKLE_WEIGHT,
} LimberPropKind;

typedef enum
{
  LIMBER_CAMERA_SIDE,
  LIMBER_CAMERA_FRONT,
  LIMBER_CAMERA_BACK,
  LIMBER_CAMERA_ABOVE,
  LIMBER_CAMERA_THREE_QUARTER,
} LimberCamera;

const char *limber_phase_to_label (LimberPhase phase);

G_END_DECLS
