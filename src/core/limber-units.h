/* limber-units.h: metric or imperial, for the heights and loads a person reads. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_UNITS_METRIC,
  LIMBER_UNITS_IMPERIAL,
} LimberUnits;

#define LIMBER_KG_PER_LB 0.45359237

LimberUnits  limber_units_from_locale  (void);
LimberUnits  limber_units_from_setting (const char *value);
const char  *limber_units_to_setting   (LimberUnits units);

G_END_DECLS
