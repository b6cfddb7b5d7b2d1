/* limber-dosage.c: loading a dosage from JSON and writing it as one readable line. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-dosage.h"
#include "limber-enum-types.h"

G_DEFINE_BOXED_TYPE (LimberDosage, limber_dosage, limber_dosage_copy, limber_dosage_free)

LimberDosage *
limber_dosage_copy (const LimberDosage *dosage)
{
  g_return_val_if_fail (dosage != NULL, NULL);

  return g_memdup2 (dosage, sizeof *dosage);
}

void
limber_dosage_free (LimberDosage *dosage)
{
  g_free (dosage);
}

static gboolean
load_amplitude (LimberDosage          *dosage,
                JsonObject            *parent,
                const LimberJsonPlace *parent_place,
                GError               **error)
{
  static const char * const members[] = { "what", "cm", "in", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = limber_json_place_format (parent_place, "amplitude");
  LimberJsonPlace place = { parent_place->file, path };
  JsonObject *object;
  int what;

  object = limber_json_get_object (parent, parent_place, "amplitude", TRUE, &local_error);
  if (object == NULL)
    {
      dosage->amplitude = LIMBER_AMPLITUDE_NONE;
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!limber_json_check_members (object, &place, members, error) ||
      !limber_json_get_enum (object, &place, "what", LIMBER_TYPE_AMPLITUDE, &what, error))
    return FALSE;

  if (what == LIMBER_AMPLITUDE_NONE)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: %s.what: expected \"lift\", \"step-width\" or \"step-height\", got \"none\"",
                   place.file, path);
      return FALSE;
    }

  dosage->amplitude = what;
  return limber_json_get_double (object, &place, "cm", 1, LIMBER_DOSAGE_MAX_AMPLITUDE_CM,
                                 &dosage->amplitude_cm, error) &&
         limber_json_get_double (object, &place, "in", 0.5, LIMBER_DOSAGE_MAX_AMPLITUDE_CM / 2.54,
                                 &dosage->amplitude_in, error);
}

gboolean
limber_dosage_load (LimberDosage          *dosage,
                    JsonObject            *object,
                    const LimberJsonPlace *place,
                    GError               **error)
{
  static const char * const members[] = {
    "sets", "reps_min", "reps_max", "rep_unit", "hold_seconds", "side", "days_per_week_min",
    "days_per_week_max", "times_per_day", "amplitude", NULL
  };
  int rep_unit, side;

  g_return_val_if_fail (dosage != NULL, FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  if (!limber_json_check_members (object, place, members, error) ||
      !limber_json_get_uint (object, place, "sets", 1, LIMBER_DOSAGE_MAX_SETS,
                             &dosage->sets, error) ||
      !limber_json_get_uint (object, place, "reps_min", 1, LIMBER_DOSAGE_MAX_REPS,
                             &dosage->reps_min, error) ||
      !limber_json_get_uint (object, place, "reps_max", dosage->reps_min, LIMBER_DOSAGE_MAX_REPS,
                             &dosage->reps_max, error) ||
      !limber_json_get_enum (object, place, "rep_unit", LIMBER_TYPE_REP_UNIT, &rep_unit, error) ||
      !limber_json_get_uint (object, place, "hold_seconds", 0, LIMBER_DOSAGE_MAX_HOLD_SECONDS,
                             &dosage->hold_seconds, error) ||
      !limber_json_get_enum (object, place, "side", LIMBER_TYPE_SIDE, &side, error) ||
      !limber_json_get_uint (object, place, "days_per_week_min", 1, 7,
                             &dosage->days_per_week_min, error) ||
      !limber_json_get_uint (object, place, "days_per_week_max", dosage->days_per_week_min, 7,
                             &dosage->days_per_week_max, error) ||
      !limber_json_get_uint (object, place, "times_per_day", 1, LIMBER_DOSAGE_MAX_TIMES_PER_DAY,
                             &dosage->times_per_day, error))
    return FALSE;

  dosage->rep_unit = rep_unit;
  dosage->side = side;

  if (dosage->rep_unit == LIMBER_REP_UNIT_HOLD && dosage->hold_seconds == 0)
    {
      g_autofree char *field = limber_json_place_format (place, "hold_seconds");
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: %s: a dosage counted in holds needs a hold of at least 1 s, got 0",
                   place->file, field);
      return FALSE;
    }

  return load_amplitude (dosage, object, place, error);
}

static char *
format_count (guint min,
              guint max)
{
  if (min == max)
    return g_strdup_printf ("%u", min);

  /* Translators: a range of counts, as in "10–15 reps" */
  return g_strdup_printf (_("%u–%u"), min, max);
}

/* "3 × 60 s hold", "10–15 reps · 3 s hold", "15 steps", with "2 sets × " in front when needed. */
char *
limber_dosage_format_amount (const LimberDosage *dosage)
{
  g_autofree char *count = NULL;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (dosage != NULL, NULL);

  count = format_count (dosage->reps_min, dosage->reps_max);

  switch (dosage->rep_unit)
    {
    case LIMBER_REP_UNIT_HOLD:
      /* Translators: a stretch held N times for S seconds, as in "3 × 60 s hold" */
      amount = g_strdup_printf (_("%s × %u s hold"), count, dosage->hold_seconds);
      break;

    case LIMBER_REP_UNIT_REP:
      /* Translators: the number of repetitions, as in "10–15 reps" */
      amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s rep", "%s reps",
                                             dosage->reps_max), count);
      if (dosage->hold_seconds > 0)
        {
          /* Translators: repetitions, then how long each is held: "15 reps · 3 s hold" */
          char *with_hold = g_strdup_printf (_("%s · %u s hold"), amount, dosage->hold_seconds);

          g_free (amount);
          amount = with_hold;
        }
      break;

    case LIMBER_REP_UNIT_STEP:
    default:
      /* Translators: the number of steps in a band walk, as in "15 steps" */
      amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s step", "%s steps",
                                             dosage->reps_max), count);
      break;
    }

  if (dosage->sets > 1)
    {
      /* Translators: sets of an amount, as in "3 sets × 10 reps" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u set × %s", "%u sets × %s",
                                           dosage->sets), dosage->sets, amount);
    }

  return g_steal_pointer (&amount);
}

/* "daily", "3–4 days a week", "twice a day, daily". */
char *
limber_dosage_format_frequency (const LimberDosage *dosage)
{
  g_autofree char *days = NULL;

  g_return_val_if_fail (dosage != NULL, NULL);

  if (dosage->days_per_week_min == 7)
    days = g_strdup (_("daily"));
  else if (dosage->days_per_week_min == dosage->days_per_week_max)
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day a week", "%u days a week",
                                         dosage->days_per_week_min),
                            dosage->days_per_week_min);
  else
    /* Translators: how many days a week, as in "3–4 days a week" */
    days = g_strdup_printf (_("%u–%u days a week"), dosage->days_per_week_min,
                            dosage->days_per_week_max);

  if (dosage->times_per_day == 1)
    return g_steal_pointer (&days);

  /* Translators: how often, as in "2 times a day, daily" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time a day, %s", "%u times a day, %s",
                                       dosage->times_per_day), dosage->times_per_day, days);
}

static const char *
side_label (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_EACH:
      return _("each side");
    case LIMBER_SIDE_EACH_DIRECTION:
      return _("each way");
    case LIMBER_SIDE_NONE:
    default:
      return NULL;
    }
}

char *
limber_dosage_format (const LimberDosage *dosage)
{
  g_autofree char *amount = NULL;
  g_autofree char *frequency = NULL;
  const char *side;

  g_return_val_if_fail (dosage != NULL, NULL);

  amount = limber_dosage_format_amount (dosage);
  frequency = limber_dosage_format_frequency (dosage);
  side = side_label (dosage->side);

  if (side != NULL)
    /* Translators: amount · side · frequency, as in "3 × 60 s hold · each side · daily" */
    return g_strdup_printf (_("%s · %s · %s"), amount, side, frequency);

  /* Translators: amount · frequency, as in "10–15 reps · 3 s hold · 3–4 days a week" */
  return g_strdup_printf (_("%s · %s"), amount, frequency);
}

/* "Lift about 30 cm", or "Lift about 12 in" in imperial units. */
char *
limber_dosage_format_amplitude (const LimberDosage *dosage,
                                LimberUnits         units)
{
  g_autofree char *size = NULL;

  g_return_val_if_fail (dosage != NULL, NULL);

  if (dosage->amplitude == LIMBER_AMPLITUDE_NONE)
    return NULL;

  size = units == LIMBER_UNITS_IMPERIAL
         /* Translators: a length in inches, as in "12 in" */
         ? g_strdup_printf (_("%.0f in"), dosage->amplitude_in)
         /* Translators: a length in centimetres, as in "30 cm" */
         : g_strdup_printf (_("%.0f cm"), dosage->amplitude_cm);

  switch (dosage->amplitude)
    {
    case LIMBER_AMPLITUDE_LIFT:
      /* Translators: how high to lift the leg, as in "Lift about 30 cm" */
      return g_strdup_printf (_("Lift about %s"), size);
    case LIMBER_AMPLITUDE_STEP_WIDTH:
      /* Translators: how wide each side step is, as in "Steps about 38 cm wide" */
      return g_strdup_printf (_("Steps about %s wide"), size);
    case LIMBER_AMPLITUDE_STEP_HEIGHT:
      /* Translators: the height of the step, as in "On a step about 20 cm high" */
      return g_strdup_printf (_("On a step about %s high"), size);
    case LIMBER_AMPLITUDE_NONE:
    default:
      return NULL;
    }
}
