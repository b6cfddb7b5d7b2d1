/* limber-figure-types.c: human-readable labels for the phases of a motion. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-figure-types.h"

const char *
limber_phase_to_label (LimberPhase phase)
{
  switch (phase)
    {
    case LIMBER_PHASE_START:
      /* Translators: the first phase of an exercise's demonstration */
      return _("Get ready");
    case LIMBER_PHASE_MOVE:
      return _("Move");
    case LIMBER_PHASE_HOLD:
      return _("Hold");
    case LIMBER_PHASE_RETURN:
      return _("Return");
    default:
      g_return_val_if_reached (NULL);
    }
}
