/* test-dosage.c: the dosage line a therapist and a patient read. */
#include "config.h"

#include "limber-dosage.h"

static LimberDosage
dosage (guint         sets,
        guint         reps_min,
        guint         reps_max,
        LimberRepUnit unit,
        guint         hold,
        LimberSide    side,
        guint         days_min,
        guint         days_max,
        guint         times)
{
  return (LimberDosage) { sets, reps_min, reps_max, unit, hold, side, days_min, days_max, times,
                          LIMBER_AMPLITUDE_NONE, 0, 0 };
}

static void
assert_line (LimberDosage dosage,
             const char  *expected)
{
  g_autofree char *line = limber_dosage_format (&dosage);

  g_assert_cmpstr (line, ==, expected);
}

static void
test_dosage_format (void)
{
  assert_line (dosage (1, 3, 3, LIMBER_REP_UNIT_HOLD, 60, LIMBER_SIDE_EACH, 7, 7, 1),
               "3 × 60 s hold · each side · daily");
  assert_line (dosage (1, 10, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_NONE, 3, 4, 1),
               "10–15 reps · 3 s hold · 3–4 days a week");
  assert_line (dosage (1, 15, 15, LIMBER_REP_UNIT_REP, 0, LIMBER_SIDE_EACH, 5, 5, 1),
               "15 reps · each side · 5 days a week");
  assert_line (dosage (1, 1, 1, LIMBER_REP_UNIT_REP, 0, LIMBER_SIDE_NONE, 1, 1, 1),
               "1 rep · 1 day a week");
  assert_line (dosage (1, 15, 15, LIMBER_REP_UNIT_STEP, 0, LIMBER_SIDE_EACH_DIRECTION, 3, 4, 1),
               "15 steps · each way · 3–4 days a week");
  assert_line (dosage (3, 10, 10, LIMBER_REP_UNIT_REP, 0, LIMBER_SIDE_NONE, 7, 7, 2),
               "3 sets × 10 reps · 2 times a day, daily");
}

static void
test_dosage_amplitude (void)
{
  LimberDosage d = dosage (1, 15, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_EACH, 3, 4, 1);
  g_autofree char *none = limber_dosage_format_amplitude (&d, LIMBER_UNITS_METRIC);
  g_autofree char *lift = NULL;
  g_autofree char *step = NULL;

  g_assert_null (none);

  d.amplitude = LIMBER_AMPLITUDE_LIFT;
  d.amplitude_cm = 30;
  d.amplitude_in = 12;
  lift = limber_dosage_format_amplitude (&d, LIMBER_UNITS_METRIC);
  g_assert_cmpstr (lift, ==, "Lift about 30 cm");
  g_free (lift);
  lift = limber_dosage_format_amplitude (&d, LIMBER_UNITS_IMPERIAL);
  g_assert_cmpstr (lift, ==, "Lift about 12 in");

  d.amplitude = LIMBER_AMPLITUDE_STEP_HEIGHT;
  d.amplitude_cm = 20;
  d.amplitude_in = 8;
  step = limber_dosage_format_amplitude (&d, LIMBER_UNITS_IMPERIAL);
  g_assert_cmpstr (step, ==, "On a step about 8 in high");
}

static void
test_dosage_copy (void)
{
  LimberDosage d = dosage (2, 8, 12, LIMBER_REP_UNIT_REP, 5, LIMBER_SIDE_EACH, 3, 3, 1);
  g_autoptr(LimberDosage) copy = limber_dosage_copy (&d);

  g_assert_cmpmem (copy, sizeof *copy, &d, sizeof d);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/dosage/format", test_dosage_format);
  g_test_add_func ("/limber/dosage/amplitude", test_dosage_amplitude);
  g_test_add_func ("/limber/dosage/copy", test_dosage_copy);

  return g_test_run ();
}
