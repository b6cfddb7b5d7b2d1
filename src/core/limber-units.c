/* limber-units.c: the units a person reads, from the "units" setting or the locale. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>

#include "limber-units.h"

/* glibc tells the measurement system of LC_MEASUREMENT: 1 metric, 2 US customary. */
LimberUnits
limber_units_from_locale (void)
{
#ifdef _NL_MEASUREMENT_MEASUREMENT
  const char *measurement = nl_langinfo (_NL_MEASUREMENT_MEASUREMENT);

  if (measurement != NULL && measurement[0] == 2)
    return LIMBER_UNITS_IMPERIAL;
#endif

  return LIMBER_UNITS_METRIC;
}

/* The setting holds "metric", "imperial", or "" for the locale's. */
LimberUnits
limber_units_from_setting (const char *value)
{
  if (g_strcmp0 (value, "metric") == 0)
    return LIMBER_UNITS_METRIC;

  if (g_strcmp0 (value, "imperial") == 0)
    return LIMBER_UNITS_IMPERIAL;

  return limber_units_from_locale ();
}

const char *
limber_units_to_setting (LimberUnits units)
{
  return units == LIMBER_UNITS_IMPERIAL ? "imperial" : "metric";
}
