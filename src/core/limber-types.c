/* limber-types.c: human-readable labels for the library's enumerations. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-types.h"

const char *
limber_exercise_kind_to_label (LimberExerciseKind kind)
{
  switch (kind)
    {
    case LIMBER_EXERCISE_KIND_STRETCH:
      return _("Stretch");
    case LIMBER_EXERCISE_KIND_STRENGTHENING:
      return _("Strengthening");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
limber_position_to_label (LimberPosition position)
{
  switch (position)
    {
    case LIMBER_POSITION_SUPINE:
      return _("Lying on your back");
    case LIMBER_POSITION_PRONE:
      return _("Lying on your stomach");
    case LIMBER_POSITION_SIDE_LYING:
      return _("Lying on your side");
    case LIMBER_POSITION_HALF_KNEELING:
      return _("Kneeling on one knee");
    case LIMBER_POSITION_STANDING:
      return _("Standing");
    case LIMBER_POSITION_STANDING_ON_STEP:
      return _("Standing on a step");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
limber_prescribed_side_to_label (LimberPrescribedSide side)
{
  switch (side)
    {
    case LIMBER_PRESCRIBED_SIDE_NONE:
      return _("Not sided");
    case LIMBER_PRESCRIBED_SIDE_LEFT:
      return _("Left");
    case LIMBER_PRESCRIBED_SIDE_RIGHT:
      return _("Right");
    case LIMBER_PRESCRIBED_SIDE_BOTH:
      return _("Both sides");
    case LIMBER_PRESCRIBED_SIDE_ALTERNATING:
      return _("Alternating");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
limber_band_to_label (LimberBand band)
{
  switch (band)
    {
    case LIMBER_BAND_YELLOW:
      return _("Yellow (light)");
    case LIMBER_BAND_RED:
      return _("Red (medium)");
    case LIMBER_BAND_GREEN:
      return _("Green (heavy)");
    case LIMBER_BAND_BLUE:
      return _("Blue (extra heavy)");
    case LIMBER_BAND_BLACK:
      return _("Black (special heavy)");
    case LIMBER_BAND_SILVER:
      return _("Silver (super heavy)");
    case LIMBER_BAND_GOLD:
      return _("Gold (maximum)");
    default:
      g_return_val_if_reached (NULL);
    }
}
