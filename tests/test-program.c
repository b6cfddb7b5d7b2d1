/* test-program.c: prescriptions and programs: ranges, session time, advice, history and its
 * changes, progressions, a patient's age, and documents written by someone hostile. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-test-util.h"
#include "limber-patient.h"

static LimberExercise *
exercise (LimberLibrary *library,
          const char    *id)
{
  LimberExercise *found = limber_library_lookup (library, id);

  g_assert_nonnull (found);
  return found;
}

static LimberPrescription *
prescription (LimberLibrary *library,
              const char    *id)
{
  return limber_prescription_new_for_exercise (exercise (library, id));
}

static LimberProgram *
load_hip_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/templates/hip-pain.json", 0,
                                                     &error);
  LimberProgram *template;

  g_assert_no_error (error);
  template = limber_template_load (bytes, "hip-pain.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);

  return template;
}

static void
assert_strv (GStrv               actual,
             const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; actual[i] != NULL; i++)
    g_test_message ("got: %s", actual[i]);

  g_assert_cmpuint (g_strv_length (actual), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

/* ---- 1. Ranges ---- */

static const struct
{
  LimberField  field;
  const char  *label;
  const char  *min;
  const char  *max;
} fields[] = {
  { LIMBER_FIELD_SETS, "Sets", "1", "10" },
  { LIMBER_FIELD_REPS, "Repetitions", "1", "100" },
  { LIMBER_FIELD_HOLD, "Hold", "0", "600" },
  { LIMBER_FIELD_REST, "Rest between sets", "0", "600" },
  { LIMBER_FIELD_TEMPO_UP, "Seconds to move", "1", "10" },
  { LIMBER_FIELD_TEMPO_DOWN, "Seconds to return", "1", "10" },
  { LIMBER_FIELD_TIMES_PER_DAY, "Times a day", "1", "6" },
  { LIMBER_FIELD_DAYS_PER_WEEK, "Days a week", "1", "7" },
  { LIMBER_FIELD_LOAD_KG, "Ankle weight (kg)", "0.5", "10" },
  { LIMBER_FIELD_LOAD_LB, "Ankle weight (lb)", "1", "22" },
};

static void
test_program_field_ranges (void)
{
  g_autoptr(LimberLibrary) library = load_library ();

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIMBER_N_FIELDS);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(LimberPrescription) p = prescription (library, "bridge");
      g_autoptr(GError) error = NULL;
      g_autofree char *message = g_strdup_printf ("%s must be from %s to %s.", fields[i].label,
                                                  fields[i].min, fields[i].max);
      const double refused[] = { NAN, INFINITY, -INFINITY };
      LimberField field = fields[i].field;
      double min, max, step;

      g_test_message ("%s", fields[i].label);
      g_assert_true (field == (LimberField) i);
      g_assert_cmpstr (limber_field_get_label (field), ==, fields[i].label);
      limber_field_get_range (field, &min, &max, &step);
      g_assert_cmpfloat (min, <, max);
      g_assert_cmpfloat (step, >, 0);

      g_assert_true (limber_field_check (field, min, &error));
      g_assert_no_error (error);
      g_assert_true (limber_field_check (field, max, &error));
      g_assert_no_error (error);

      g_assert_false (limber_field_check (field, min - step, &error));
      g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
      g_assert_cmpstr (error->message, ==, message);
      g_clear_error (&error);

      g_assert_false (limber_field_check (field, max + step, &error));
      g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
      g_assert_cmpstr (error->message, ==, message);
      g_clear_error (&error);

      for (guint r = 0; r < G_N_ELEMENTS (refused); r++)
        {
          g_assert_false (limber_field_check (field, refused[r], &error));
          g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
          g_assert_cmpstr (error->message, ==, message);
          g_clear_error (&error);
        }

      /* Set: the value in range is kept; a refused one leaves it as it was. */
      g_assert_true (limber_prescription_set_field (p, field, min, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (limber_prescription_get_field (p, field), ==, min);
      g_assert_true (limber_prescription_set_field (p, field, max, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (limber_prescription_get_field (p, field), ==, max);

      g_assert_false (limber_prescription_set_field (p, field, max + step, &error));
      g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
      g_clear_error (&error);
      g_assert_cmpfloat (limber_prescription_get_field (p, field), ==, max);

      g_assert_false (limber_prescription_set_field (p, field, NAN, &error));
      g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
      g_clear_error (&error);
      g_assert_cmpfloat (limber_prescription_get_field (p, field), ==, max);
    }
}

static void
test_program_field_steps (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberPrescription) p = prescription (library, "prone-hip-extension");
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_field_check (LIMBER_FIELD_LOAD_KG, 2.3, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "Ankle weight (kg) must be a multiple of 0.5.");
  g_clear_error (&error);

  g_assert_false (limber_field_check (LIMBER_FIELD_REST, 7, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "Rest between sets must be a multiple of 5.");
  g_clear_error (&error);

  g_assert_false (limber_field_check (LIMBER_FIELD_SETS, 2.5, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);

  g_assert_true (limber_field_check (LIMBER_FIELD_LOAD_KG, 2.5, NULL));
  g_assert_true (limber_field_check (LIMBER_FIELD_LOAD_LB, 1.5, NULL));
  g_assert_true (limber_field_check (LIMBER_FIELD_REST, 35, NULL));

  /* The weight's unit follows the field it was set through, and a refusal changes neither. */
  g_assert_true (limber_prescription_set_field (p, LIMBER_FIELD_LOAD_KG, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->load_unit, ==, LIMBER_WEIGHT_UNIT_KG);
  g_assert_false (limber_prescription_set_field (p, LIMBER_FIELD_LOAD_LB, 2.3, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (p->load_unit, ==, LIMBER_WEIGHT_UNIT_KG);
  g_assert_cmpfloat (p->load_amount, ==, 2);
  g_assert_true (limber_prescription_set_field (p, LIMBER_FIELD_LOAD_LB, 4.5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->load_unit, ==, LIMBER_WEIGHT_UNIT_LB);
  g_assert_cmpfloat (limber_prescription_get_field (p, LIMBER_FIELD_LOAD_LB), ==, 4.5);

  g_assert_false (limber_prescription_set_field (p, LIMBER_FIELD_REST, 7, &error));
  g_clear_error (&error);
  g_assert_cmpuint (p->rest_seconds, ==, 30);
}

static void
test_program_texts (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberPrescription) p = prescription (library, "bridge");
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = g_strnfill (LIMBER_PRESCRIPTION_MAX_NOTE + 1, 'x');
  g_autofree char *long_modification = g_strnfill (LIMBER_PRESCRIPTION_MAX_MODIFICATION + 1, 'x');
  const char *too_long[] = { "Fine.", long_modification, NULL };
  const char *ok[] = { "Fine.", NULL };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (limber_prescription_set_note (p, "Keep it slow.", &error));
  g_assert_no_error (error);
  g_assert_false (limber_prescription_set_note (p, long_note, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (limber_prescription_set_note (p, "\xff\xfe", &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (p->note, ==, "Keep it slow.");
  long_note[LIMBER_PRESCRIPTION_MAX_NOTE] = '\0';
  g_assert_true (limber_prescription_set_note (p, long_note, NULL));

  g_assert_true (limber_prescription_set_modifications (p, ok, &error));
  g_assert_no_error (error);
  g_assert_false (limber_prescription_set_modifications (p, too_long, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  for (guint i = 0; i <= LIMBER_PRESCRIPTION_MAX_MODIFICATIONS; i++)
    g_ptr_array_add (many, g_strdup_printf ("Modification %u.", i));
  g_ptr_array_add (many, NULL);
  g_assert_false (limber_prescription_set_modifications (p, (const char * const *) many->pdata,
                                                         &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_true (g_strv_equal ((const char * const *) p->modifications, ok));

  g_assert_true (limber_prescription_set_modifications (p, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (p->modifications);
  g_assert_cmpuint (g_strv_length (p->modifications), ==, 0);
}

/* ---- A prescription's JSON ---- */

#define PRESCRIPTION_JSON \
  "{\"id\": \"p1\", \"exercise\": \"bridge\", \"sets\": 2, \"reps\": 10, \"hold_seconds\": 3," \
  " \"rest_seconds\": 30, \"tempo_up\": 2, \"tempo_down\": 2, \"side\": \"none\"," \
  " \"times_per_day\": 1, \"schedule\": \"days-per-week\", \"days_per_week\": 3," \
  " \"load\": {\"kind\": \"band\", \"band\": \"green\"}, \"modifications\": [\"Slowly.\"]," \
  " \"note\": \"\"}"

/* PRESCRIPTION_JSON with @member's value replaced by the JSON text @value. */
static LimberPrescription *
load_prescription_with (const char  *member,
                        const char  *value,
                        GError     **error)
{
  static const LimberJsonPlace place = { "ann.json", "programs[0].exercises[3]" };
  g_autoptr(JsonNode) root = json_from_string (PRESCRIPTION_JSON, NULL);
  JsonObject *object = json_node_get_object (root);

  if (member != NULL)
    {
      g_autoptr(GError) parse_error = NULL;
      JsonNode *node = json_from_string (value, &parse_error);

      g_assert_no_error (parse_error);
      json_object_set_member (object, member, node);
    }

  return limber_prescription_load (object, &place, error);
}

static void
assert_prescription_refused (const char *member,
                             const char *value,
                             int         code,
                             const char *message_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPrescription) p = load_prescription_with (member, value, &error);

  g_test_message ("%s = %.60s", member, value);
  g_assert_null (p);
  g_assert_error (error, LIMBER_DATA_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, message_start));
}

static void
test_program_prescription_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPrescription) p = load_prescription_with (NULL, NULL, &error);
  g_autoptr(LimberPrescription) again = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *long_note = NULL;
  g_autofree char *quoted = NULL;
  static const LimberJsonPlace place = { "ann.json", "programs[0].exercises[3]" };

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->sets, ==, 2);
  g_assert_cmpint (p->load, ==, LIMBER_LOAD_BAND);
  g_assert_cmpint (p->band, ==, LIMBER_BAND_GREEN);

  limber_prescription_save (p, builder);
  saved = json_builder_get_root (builder);
  again = limber_prescription_load (json_node_get_object (saved), &place, &error);
  g_assert_no_error (error);
  g_assert_true (limber_prescription_equal (p, again));

  assert_prescription_refused ("reps", "0", LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].reps: expected 1–100, got 0");
  /* The editor's steps hold in a document too: rest in fives, weights in halves. */
  assert_prescription_refused ("rest_seconds", "7", LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].rest_seconds: Rest between sets must be a multiple of 5.");
  assert_prescription_refused ("load", "{\"kind\": \"ankle-weight\", \"amount\": 2.3, \"unit\": \"kg\"}",
                               LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].load.amount: Ankle weight (kg) must be a multiple of 0.5.");
  assert_prescription_refused ("reps", "101", LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].reps: expected 1–100, got 101");
  assert_prescription_refused ("reps", "4294967306", LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].reps: expected 1–100");
  assert_prescription_refused ("sets", "1.5", LIMBER_DATA_ERROR_TYPE,
                               "ann.json: programs[0].exercises[3].sets: expected a whole number");
  assert_prescription_refused ("side", "\"up\"", LIMBER_DATA_ERROR_VALUE,
                               "ann.json: programs[0].exercises[3].side: expected one of \"none\"");
  assert_prescription_refused ("schedule", "\"weekly\"", LIMBER_DATA_ERROR_VALUE,
                               "ann.json: programs[0].exercises[3].schedule: expected one of");
  assert_prescription_refused ("days_per_week", "8", LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].days_per_week: expected 1–7");
  assert_prescription_refused ("hold_seconds", "601", LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].hold_seconds: expected 0–600");
  assert_prescription_refused ("load",
                               "{\"kind\": \"ankle-weight\", \"amount\": 11, \"unit\": \"kg\"}",
                               LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3].load.amount: "
                               "expected 0.5–10, got 11");
  assert_prescription_refused ("load", "{\"kind\": \"ankle-weight\", \"amount\": 2}",
                               LIMBER_DATA_ERROR_MISSING,
                               "ann.json: programs[0].exercises[3].load.unit: missing");
  assert_prescription_refused ("load", "{\"kind\": \"band\", \"band\": \"pink\"}",
                               LIMBER_DATA_ERROR_VALUE,
                               "ann.json: programs[0].exercises[3].load.band: expected one of");
  assert_prescription_refused ("load", "{\"kind\": \"none\", \"colour\": \"red\"}",
                               LIMBER_DATA_ERROR_UNKNOWN_FIELD,
                               "ann.json: programs[0].exercises[3].load.colour: unknown field");
  assert_prescription_refused ("note", "5", LIMBER_DATA_ERROR_TYPE,
                               "ann.json: programs[0].exercises[3].note: "
                               "expected text, got a whole number");
  assert_prescription_refused ("modifications", "[\"\"]", LIMBER_DATA_ERROR_TYPE,
                               "ann.json: programs[0].exercises[3].modifications[0]: "
                               "expected text");
  assert_prescription_refused ("exercise", "\"\"", LIMBER_DATA_ERROR_VALUE,
                               "ann.json: programs[0].exercises[3].exercise: expected text");
  assert_prescription_refused ("colour", "\"red\"", LIMBER_DATA_ERROR_UNKNOWN_FIELD,
                               "ann.json: programs[0].exercises[3].colour: unknown field");

  long_note = g_strnfill (LIMBER_PRESCRIPTION_MAX_NOTE + 1, 'x');
  quoted = g_strdup_printf ("\"%s\"", long_note);
  assert_prescription_refused ("note", quoted, LIMBER_DATA_ERROR_RANGE,
                               "ann.json: programs[0].exercises[3]: The note is longer than 2000");
}

/* ---- 2. Session time ---- */

static guint
estimate (LimberLibrary        *library,
          const char           *id,
          guint                 sets,
          guint                 reps,
          guint                 hold,
          guint                 tempo,
          guint                 rest,
          LimberPrescribedSide  side)
{
  g_autoptr(LimberPrescription) p = prescription (library, id);

  p->sets = sets;
  p->reps = reps;
  p->hold_seconds = hold;
  p->tempo_up = p->tempo_down = tempo;
  p->rest_seconds = rest;
  p->side = side;

  return limber_prescription_estimate_seconds (p, exercise (library, id));
}

static void
test_program_session_time (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) template = load_hip_template ();
  g_autoptr(LimberProgram) program = limber_program_new ("Two");
  guint sum = 0;

  g_assert_cmpuint (LIMBER_SESSION_GET_READY_SECONDS, ==, 10);

  g_assert_cmpuint (LIMBER_SESSION_SWITCH_SIDES_SECONDS, ==, 10);

  /* 3 × 60 s hold, both sides, 1 set: ready, then 3 reps on each side of 2 + 60 + 2 s, with
   * 10 s to switch sides between; one set has no rest, whatever the rest is set to. */
  g_assert_cmpuint (estimate (library, "supine-hamstring-stretch", 1, 3, 60, 2, 0,
                              LIMBER_PRESCRIBED_SIDE_BOTH), ==, 10 + 3 * 2 * 64 + 10);
  g_assert_cmpuint (estimate (library, "supine-hamstring-stretch", 1, 3, 60, 2, 30,
                              LIMBER_PRESCRIBED_SIDE_BOTH), ==, 10 + 3 * 2 * 64 + 10);
  /* 2 sets × 10 reps, not sided, 3 s hold: one rest between the sets. */
  g_assert_cmpuint (estimate (library, "bridge", 2, 10, 3, 2, 30, LIMBER_PRESCRIBED_SIDE_NONE), ==,
                    180);
  g_assert_cmpuint (180, ==, 10 + 2 * 10 * 7 + 30);
  /* One side only: the same as not sided. */
  g_assert_cmpuint (estimate (library, "straight-leg-raise", 2, 10, 3, 2, 30,
                              LIMBER_PRESCRIBED_SIDE_LEFT), ==, 180);
  /* Both sides, 2 sets: all sets on one side, then the other: a rest between the sets of
   * each side. */
  g_assert_cmpuint (estimate (library, "straight-leg-raise", 2, 10, 3, 2, 30,
                              LIMBER_PRESCRIBED_SIDE_BOTH), ==, 10 + 2 * 10 * 2 * 7 + 2 * 30 + 10);
  /* Alternating, 2 sets: sides swap each rep, so only the rest between the sets. */
  g_assert_cmpuint (estimate (library, "straight-leg-raise", 2, 10, 3, 2, 30,
                              LIMBER_PRESCRIBED_SIDE_ALTERNATING), ==, 10 + 2 * 10 * 2 * 7 + 30);
  /* A band walk goes each way: 2 directions though not sided. */
  g_assert_cmpuint (estimate (library, "lateral-band-walk", 1, 15, 0, 1, 30,
                              LIMBER_PRESCRIBED_SIDE_NONE), ==, 10 + 15 * 2 * 2);
  g_assert_cmpuint (estimate (library, "forward-backward-band-walk", 2, 15, 0, 1, 30,
                              LIMBER_PRESCRIBED_SIDE_NONE), ==, 10 + 2 * 15 * 2 * 2 + 30);
  /* The longest a prescription can be still fits. */
  g_assert_cmpuint (estimate (library, "bridge", 10, 100, 600, 10, 600,
                              LIMBER_PRESCRIBED_SIDE_BOTH), ==, 10 + 10 * 100 * 2 * 620 + 18 * 600 + 10);

  /* A program is the sum of its exercises; one missing from the library counts nothing. */
  g_ptr_array_add (program->prescriptions, prescription (library, "bridge"));
  g_ptr_array_add (program->prescriptions, prescription (library, "supine-piriformis-stretch"));
  g_ptr_array_add (program->prescriptions, limber_prescription_copy (
                     g_ptr_array_index (program->prescriptions, 0)));
  g_free (((LimberPrescription *) g_ptr_array_index (program->prescriptions, 2))->exercise_id);
  ((LimberPrescription *) g_ptr_array_index (program->prescriptions, 2))->exercise_id =
    g_strdup ("retired-exercise");
  g_assert_cmpuint (limber_program_estimate_seconds (program, library), ==,
                    (10 + 10 * 7) + (10 + 3 * 2 * 64 + 10));

  /* The shipped template, by hand from data/templates/hip-pain.json:
   *   4 stretches, 1 × 3 × (2 + 60 + 2) s both sides, 1 set:    4 × (10 + 384 + 10) = 1616
   *   bridge, 10 × (2 + 3 + 2) s, not sided:                        10 + 70        =   80
   *   4 exercises, 15 × (2 + 3 + 2) s both sides, 1 set:        4 × (10 + 210 + 10) =  920
   *   2 band walks, 15 steps × (1 + 0 + 1) s each way:          2 × (10 + 60)       =  140
   */
  for (guint i = 0; i < template->prescriptions->len; i++)
    {
      LimberPrescription *p = g_ptr_array_index (template->prescriptions, i);

      sum += limber_prescription_estimate_seconds (p, exercise (library, p->exercise_id));
    }
  g_assert_cmpuint (limber_program_estimate_seconds (template, library), ==,
                    1616 + 80 + 920 + 140);
  g_assert_cmpuint (limber_program_estimate_seconds (template, library), ==, sum);
}

/* ---- 3. Advice ---- */

static void
test_program_warnings (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Strength");
  g_autoptr(LimberProgram) template = load_hip_template ();
  g_autoptr(LimberProgram) single = limber_program_new ("Long");
  g_autoptr(LimberProgram) stretch = limber_program_new ("Stretch");
  g_auto(GStrv) warnings = NULL;
  const char *nine[] = {
    "9 exercises: patients keep up with a program of 8 or fewer more easily.", NULL
  };
  const char *long_session[] = {
    "A session takes about 46 minutes, more than the 45 advised.", NULL
  };
  const char *short_hold[] = {
    "Supine hamstring stretch is held 14 s: a stretch works best held at least 15 s.", NULL
  };
  const char *none[] = { NULL };
  LimberPrescription *p;

  for (guint i = 0; i < LIMBER_PROGRAM_ADVISED_EXERCISES; i++)
    g_ptr_array_add (program->prescriptions, prescription (library, "bridge"));
  warnings = limber_program_get_warnings (program, library);
  assert_strv (warnings, none);
  g_clear_pointer (&warnings, g_strfreev);

  g_ptr_array_add (program->prescriptions, prescription (library, "bridge"));
  warnings = limber_program_get_warnings (program, library);
  assert_strv (warnings, nine);
  g_clear_pointer (&warnings, g_strfreev);

  /* 45 minutes exactly is fine; a second more is not: 10 + 10 × (2 + 265 + 2) = 2700 s. */
  p = prescription (library, "bridge");
  p->hold_seconds = 265;
  g_ptr_array_add (single->prescriptions, p);
  g_assert_cmpuint (limber_program_estimate_seconds (single, library), ==, 45 * 60);
  warnings = limber_program_get_warnings (single, library);
  assert_strv (warnings, none);
  g_clear_pointer (&warnings, g_strfreev);
  p->hold_seconds = 266;
  warnings = limber_program_get_warnings (single, library);
  assert_strv (warnings, long_session);
  g_clear_pointer (&warnings, g_strfreev);

  /* A stretch held less than 15 s is named; strengthening holds are short by design. */
  p = prescription (library, "supine-hamstring-stretch");
  p->hold_seconds = 14;
  g_ptr_array_add (stretch->prescriptions, p);
  g_ptr_array_add (stretch->prescriptions, prescription (library, "hip-hike"));
  p = g_ptr_array_index (stretch->prescriptions, 1);
  g_assert_cmpuint (p->hold_seconds, ==, 3);
  p = g_ptr_array_index (stretch->prescriptions, 0);
  warnings = limber_program_get_warnings (stretch, library);
  assert_strv (warnings, short_hold);
  g_clear_pointer (&warnings, g_strfreev);
  p->hold_seconds = 15;
  warnings = limber_program_get_warnings (stretch, library);
  assert_strv (warnings, none);
  g_clear_pointer (&warnings, g_strfreev);

  /* The shipped template has more exercises than advised (11), in a session of 46 minutes
   * (2756 s, with 10 s to switch sides in each of its 8 "both sides" exercises). */
  {
    const char *expected[] = {
      "11 exercises: patients keep up with a program of 8 or fewer more easily.",
      "A session takes about 46 minutes, more than the 45 advised.",
      NULL
    };

    warnings = limber_program_get_warnings (template, library);
    assert_strv (warnings, expected);
  }
}

static void
test_program_check_exercises (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) template = load_hip_template ();
  g_autoptr(GError) error = NULL;
  LimberPrescription *p;

  g_assert_true (limber_program_check_exercises (template, library, "hip-pain.json", &error));
  g_assert_no_error (error);

  p = g_ptr_array_index (template->prescriptions, 3);
  g_free (p->exercise_id);
  p->exercise_id = g_strdup ("retired-exercise");
  g_assert_false (limber_program_check_exercises (template, library, "hip-pain.json", &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "hip-pain.json"));
  g_assert_nonnull (strstr (error->message, "retired-exercise"));
}

/* ---- 4. History ---- */

static void
assert_version (GPtrArray  *version,
                const char *first_exercise,
                guint       first_reps)
{
  LimberPrescription *p;

  g_assert_nonnull (version);
  p = g_ptr_array_index (version, 0);
  g_assert_cmpstr (p->exercise_id, ==, first_exercise);
  g_assert_cmpuint (p->reps, ==, first_reps);
}

static void
test_program_history (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Hip");
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 1, 5, 9, 30, 0);
  g_autoptr(GDateTime) t1 = g_date_time_add_days (t0, 14);
  g_autoptr(GDateTime) t2 = g_date_time_add_days (t0, 28);
  g_autoptr(GDateTime) before_t0 = g_date_time_add_seconds (t0, -1);
  g_autoptr(GDateTime) after_t0 = g_date_time_add_seconds (t0, 1);
  GPtrArray *old;
  g_autoptr(GPtrArray) reordered = NULL;
  g_auto(GStrv) lines = NULL;
  LimberPrescription *bridge, *tilt, *raise, *hamstring;
  LimberProgramVersion *version;
  const char *expected[] = {
    "Bridge: reps 10 → 15",
    "Posterior pelvic tilt changed to Bridge",
    "Added Hip hike",
    "Removed Supine straight leg raise",
    NULL
  };
  const char *none[] = { NULL };
  guint position;

  bridge = prescription (library, "bridge");
  tilt = prescription (library, "posterior-pelvic-tilt");
  raise = prescription (library, "straight-leg-raise");
  hamstring = prescription (library, "supine-hamstring-stretch");
  g_ptr_array_add (program->prescriptions, bridge);
  g_ptr_array_add (program->prescriptions, tilt);
  g_ptr_array_add (program->prescriptions, raise);
  g_ptr_array_add (program->prescriptions, hamstring);

  /* Not saved yet: no version at any time. */
  g_assert_true (limber_program_has_changes (program));
  g_assert_null (limber_program_get_version_at (program, t2));

  g_assert_true (limber_program_commit (program, t0));
  g_assert_false (limber_program_has_changes (program));
  g_assert_cmpuint (program->history->len, ==, 0);
  g_assert_false (limber_program_commit (program, t1));
  g_assert_cmpuint (program->history->len, ==, 0);
  g_assert_true (g_date_time_equal (program->saved, t0));

  /* The visit: reps up, an exercise added, one removed, one moved on, one reordered. */
  g_assert_cmpuint (bridge->reps, ==, 10);
  bridge->reps = 15;
  g_ptr_array_add (program->prescriptions, prescription (library, "hip-hike"));
  g_assert_true (limber_program_find (program, raise->id, &position) == raise);
  g_assert_cmpuint (position, ==, 2);
  g_ptr_array_remove_index (program->prescriptions, position);
  limber_prescription_switch_exercise (tilt, exercise (library, "posterior-pelvic-tilt"),
                                       exercise (library, "bridge"));
  g_assert_true (limber_program_find (program, hamstring->id, &position) == hamstring);
  g_ptr_array_insert (program->prescriptions, 0,
                      g_ptr_array_steal_index (program->prescriptions, position));
  g_assert_null (limber_program_find (program, "no-such-id", NULL));
  g_assert_true (limber_program_has_changes (program));

  g_assert_true (limber_program_commit (program, t1));
  g_assert_cmpuint (program->history->len, ==, 1);
  version = g_ptr_array_index (program->history, 0);
  g_assert_true (g_date_time_equal (version->saved, t0));
  g_assert_cmpstr (version->name, ==, "Hip");
  g_assert_true (g_date_time_equal (program->saved, t1));

  g_assert_null (limber_program_get_version_at (program, before_t0));
  old = limber_program_get_version_at (program, after_t0);
  g_assert_true (old == version->prescriptions);
  g_assert_cmpuint (old->len, ==, 4);
  assert_version (old, "bridge", 10);
  assert_version (limber_program_get_version_at (program, t0), "bridge", 10);
  assert_version (limber_program_get_version_at (program, t1), "supine-hamstring-stretch", 3);
  assert_version (limber_program_get_version_at (program, t2), "supine-hamstring-stretch", 3);

  lines = limber_program_describe_changes (old, program->prescriptions, library);
  assert_strv (lines, expected);
  g_clear_pointer (&lines, g_strfreev);

  /* No change, no line; only the order changed, no line either. */
  lines = limber_program_describe_changes (old, old, library);
  assert_strv (lines, none);
  g_clear_pointer (&lines, g_strfreev);
  reordered = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_prescription_free);
  for (guint i = 0; i < old->len; i++)
    g_ptr_array_add (reordered, limber_prescription_copy (g_ptr_array_index (old, i)));
  g_ptr_array_add (reordered, g_ptr_array_steal_index (reordered, 0));
  lines = limber_program_describe_changes (old, reordered, library);
  assert_strv (lines, none);
  g_clear_pointer (&lines, g_strfreev);

  /* A commit without a change keeps no version; a rename is a change. */
  g_assert_false (limber_program_commit (program, t2));
  g_assert_cmpuint (program->history->len, ==, 1);
  g_free (program->name);
  program->name = g_strdup ("Hip, weeks 3–4");
  g_assert_true (limber_program_has_changes (program));
  g_assert_true (limber_program_commit (program, t2));
  g_assert_cmpuint (program->history->len, ==, 2);
  g_assert_cmpstr (((LimberProgramVersion *) g_ptr_array_index (program->history, 1))->name, ==,
                   "Hip");
}

static void
test_program_describe_dosage (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(GPtrArray) before =
    g_ptr_array_new_with_free_func ((GDestroyNotify) limber_prescription_free);
  g_autoptr(GPtrArray) after =
    g_ptr_array_new_with_free_func ((GDestroyNotify) limber_prescription_free);
  g_auto(GStrv) lines = NULL;
  const char *mods[] = { "Lift your hips only part of the way.", NULL };
  LimberPrescription *then, *now, *moved;
  const char *expected[] = {
    "Bridge: sets 1 → 2; reps 10 → 12; hold 3 s → 5 s; rest 30 s → 60 s; move 2 s → 3 s; "
    "return 2 s → 3 s; side Not sided → Left; how often 3 days a week → 2 times a day, daily; "
    "load none → Red (medium) band; modifications changed; note changed",
    "Bridge changed to Single-leg bridge",
    "Single-leg bridge: side Not sided → Both sides",
    NULL
  };

  then = prescription (library, "bridge");
  g_ptr_array_add (before, then);
  now = limber_prescription_copy (then);
  g_ptr_array_add (after, now);
  now->sets = 2;
  now->reps = 12;
  now->hold_seconds = 5;
  now->rest_seconds = 60;
  now->tempo_up = now->tempo_down = 3;
  now->side = LIMBER_PRESCRIBED_SIDE_LEFT;
  now->times_per_day = 2;
  now->schedule = LIMBER_SCHEDULE_DAILY;
  now->load = LIMBER_LOAD_BAND;
  now->band = LIMBER_BAND_RED;
  g_assert_true (limber_prescription_set_modifications (now, mods, NULL));
  g_assert_true (limber_prescription_set_note (now, "Go slower.", NULL));

  moved = prescription (library, "bridge");
  g_ptr_array_add (before, moved);
  moved = limber_prescription_copy (moved);
  g_ptr_array_add (after, moved);
  limber_prescription_switch_exercise (moved, exercise (library, "bridge"),
                                       exercise (library, "single-leg-bridge"));

  lines = limber_program_describe_changes (before, after, library);
  assert_strv (lines, expected);
}

static GDateTime *
local_at (GDateTime *day,
          int        days,
          int        hour,
          int        minute)
{
  g_autoptr(GDateTime) moved = g_date_time_add_days (day, days);

  return g_date_time_new_local (g_date_time_get_year (moved), g_date_time_get_month (moved),
                                g_date_time_get_day_of_month (moved), hour, minute, 0);
}

static void
assert_end_of_day (GDateTime *end,
                   GDateTime *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (end);

  g_assert_cmpint (g_date_time_get_year (local), ==, g_date_time_get_year (day));
  g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (day));
  g_assert_cmpint (g_date_time_get_hour (local), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 59);
  g_assert_cmpint (g_date_time_get_second (local), ==, 59);
}

static void
test_program_visit_dates (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Hip");
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 10, 12, 0, 0);
  g_autoptr(GDateTime) early = local_at (now, -5, 0, 1);
  g_autoptr(GDateTime) morning = local_at (now, -5, 9, 0);
  g_autoptr(GDateTime) evening = local_at (now, -5, 17, 30);
  g_autoptr(GDateTime) later = local_at (now, -2, 10, 0);
  g_autoptr(GDateTime) today = local_at (now, 0, 8, 0);
  g_autoptr(GPtrArray) days = NULL;
  GDateTime *saves[] = { early, morning, evening, later, today };
  LimberPrescription *p = prescription (library, "bridge");

  g_ptr_array_add (program->prescriptions, p);

  days = limber_program_list_visit_dates (program, now);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (saves); i++)
    {
      p->reps = 10 + i;
      g_assert_true (limber_program_commit (program, saves[i]));
    }
  g_assert_cmpuint (program->history->len, ==, 4);

  /* One per earlier day, newest first; today is not a visit yet. */
  days = limber_program_list_visit_dates (program, now);
  g_assert_cmpuint (days->len, ==, 2);
  assert_end_of_day (g_ptr_array_index (days, 0), later);
  assert_end_of_day (g_ptr_array_index (days, 1), evening);

  /* Each is the state the patient left that day with: the day's last save. */
  assert_version (limber_program_get_version_at (program, g_ptr_array_index (days, 0)),
                  "bridge", 13);
  assert_version (limber_program_get_version_at (program, g_ptr_array_index (days, 1)),
                  "bridge", 12);
  g_clear_pointer (&days, g_ptr_array_unref);

  /* The next day, today's save becomes a visit. */
  {
    g_autoptr(GDateTime) tomorrow = local_at (now, 1, 9, 0);

    days = limber_program_list_visit_dates (program, tomorrow);
    g_assert_cmpuint (days->len, ==, 3);
    assert_end_of_day (g_ptr_array_index (days, 0), today);
    assert_version (limber_program_get_version_at (program, g_ptr_array_index (days, 0)), "bridge",
                    14);
  }
}

/* ---- 5. Progressions ---- */

static void
test_program_switch_exercise (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberPrescription) p = prescription (library, "bridge");
  g_autoptr(LimberPrescription) walk = prescription (library, "lateral-band-walk");
  g_autofree char *id = g_strdup (p->id);
  const char *chosen[] = {
    "To make it harder, lift one foot a little, then the other, while you hold the bridge.",
    "Keep a pillow under your head.",
    NULL
  };
  const char *kept[] = { "Keep a pillow under your head.", NULL };

  g_assert_cmpstr (limber_exercise_get_progressions (exercise (library, "bridge"))[0], ==,
                   "single-leg-bridge");

  p->sets = 3;
  p->reps = 12;
  p->hold_seconds = 5;
  p->rest_seconds = 45;
  p->tempo_up = 3;
  p->tempo_down = 4;
  p->times_per_day = 2;
  p->schedule = LIMBER_SCHEDULE_DAYS_PER_WEEK;
  p->days_per_week = 4;
  p->load = LIMBER_LOAD_ANKLE_WEIGHT;
  p->load_amount = 1.5;
  g_assert_true (limber_prescription_set_modifications (p, chosen, NULL));
  g_assert_true (limber_prescription_set_note (p, "Squeeze at the top.", NULL));

  /* To its progression: the same count of reps, so everything carries over but the side
   * (the progression is done one side at a time) and the bridge's own modifications. */
  limber_prescription_switch_exercise (p, exercise (library, "bridge"),
                                       exercise (library, "single-leg-bridge"));
  g_assert_cmpstr (p->id, ==, id);
  g_assert_cmpstr (p->exercise_id, ==, "single-leg-bridge");
  g_assert_cmpuint (p->sets, ==, 3);
  g_assert_cmpuint (p->reps, ==, 12);
  g_assert_cmpuint (p->hold_seconds, ==, 5);
  g_assert_cmpuint (p->rest_seconds, ==, 45);
  g_assert_cmpuint (p->tempo_up, ==, 3);
  g_assert_cmpuint (p->tempo_down, ==, 4);
  g_assert_cmpuint (p->times_per_day, ==, 2);
  g_assert_cmpint (p->schedule, ==, LIMBER_SCHEDULE_DAYS_PER_WEEK);
  g_assert_cmpuint (p->days_per_week, ==, 4);
  g_assert_cmpint (p->load, ==, LIMBER_LOAD_ANKLE_WEIGHT);
  g_assert_cmpfloat (p->load_amount, ==, 1.5);
  g_assert_cmpstr (p->note, ==, "Squeeze at the top.");
  g_assert_true (g_strv_equal ((const char * const *) p->modifications, kept));
  g_assert_cmpint (p->side, ==, LIMBER_PRESCRIBED_SIDE_BOTH);

  /* A chosen side stays when both are done one side at a time. */
  p->side = LIMBER_PRESCRIBED_SIDE_LEFT;
  limber_prescription_switch_exercise (p, exercise (library, "single-leg-bridge"),
                                       exercise (library, "straight-leg-raise"));
  g_assert_cmpint (p->side, ==, LIMBER_PRESCRIBED_SIDE_LEFT);
  g_assert_cmpuint (p->reps, ==, 12);

  /* Back to the bridge, not sided. */
  limber_prescription_switch_exercise (p, exercise (library, "straight-leg-raise"),
                                       exercise (library, "bridge"));
  g_assert_cmpint (p->side, ==, LIMBER_PRESCRIBED_SIDE_NONE);

  /* To an exercise counted another way (holds, not reps): reps and hold start again from
   * the new exercise's dosage; the rest still carries over. */
  limber_prescription_switch_exercise (p, exercise (library, "bridge"),
                                       exercise (library, "supine-hamstring-stretch"));
  g_assert_cmpuint (p->reps, ==, 3);
  g_assert_cmpuint (p->hold_seconds, ==, 60);
  g_assert_cmpuint (p->sets, ==, 3);
  g_assert_cmpuint (p->rest_seconds, ==, 45);
  g_assert_cmpuint (p->tempo_up, ==, 3);
  g_assert_cmpuint (p->tempo_down, ==, 4);
  g_assert_cmpuint (p->times_per_day, ==, 2);
  g_assert_cmpuint (p->days_per_week, ==, 4);
  g_assert_cmpstr (p->note, ==, "Squeeze at the top.");
  g_assert_true (g_strv_equal ((const char * const *) p->modifications, kept));

  /* Steps to reps. */
  walk->reps = 20;
  limber_prescription_switch_exercise (walk, exercise (library, "lateral-band-walk"),
                                       exercise (library, "hip-hike"));
  g_assert_cmpuint (walk->reps, ==, 15);
  g_assert_cmpuint (walk->hold_seconds, ==, 3);
  g_assert_cmpuint (walk->tempo_up, ==, 1);
  g_assert_cmpint (walk->side, ==, LIMBER_PRESCRIBED_SIDE_BOTH);
}

/* ---- Templates ---- */

static void
test_program_template (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) template = load_hip_template ();
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberProgram) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_assert_cmpstr (template->id, ==, "hip-pain");
  g_assert_cmpstr (template->name, ==, "Hip pain: stretching and strengthening");
  g_assert_cmpuint (template->prescriptions->len, ==, 11);
  g_assert_cmpuint (template->history->len, ==, 0);

  program = limber_program_new_from_template (template, "Ann's hip program");
  g_assert_cmpstr (program->name, ==, "Ann's hip program");
  g_assert_cmpstr (program->id, !=, template->id);
  g_assert_null (program->saved);
  g_assert_true (limber_program_has_changes (program));
  g_assert_cmpuint (program->prescriptions->len, ==, 11);
  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      LimberPrescription *a = g_ptr_array_index (template->prescriptions, i);
      LimberPrescription *b = g_ptr_array_index (program->prescriptions, i);
      g_autoptr(LimberPrescription) same_id = limber_prescription_copy (b);

      g_assert_cmpstr (a->id, !=, b->id);
      g_free (same_id->id);
      same_id->id = g_strdup (a->id);
      g_assert_true (limber_prescription_equal (a, same_id));
    }

  data = limber_template_to_data (template, &length);
  g_assert_cmpuint (strlen (data), ==, length);
  g_assert_true (g_str_has_suffix (data, "}\n"));
  bytes = g_bytes_new_take (data, length);
  again = limber_template_load (bytes, "again.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, template->id);
  g_assert_cmpstr (again->name, ==, template->name);
  for (guint i = 0; i < template->prescriptions->len; i++)
    g_assert_true (limber_prescription_equal (g_ptr_array_index (template->prescriptions, i),
                                              g_ptr_array_index (again->prescriptions, i)));
}

/* The example the format's README points to: it loads, names only library exercises, and
 * is written back as the same JSON. */
static void
test_program_example_document (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "store",
                                                 "example-patient.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberPatient) patient = NULL;
  gsize length, written_length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, length);
  patient = limber_patient_load (bytes, "example-patient.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (patient);

  g_assert_nonnull (limber_patient_get_active_program (patient));
  g_assert_false (limber_patient_has_changes (patient));
  for (guint i = 0; i < patient->programs->len; i++)
    {
      LimberProgram *program = g_ptr_array_index (patient->programs, i);

      g_assert_true (limber_program_check_exercises (program, library, "example-patient.json",
                                                     &error));
      g_assert_no_error (error);
    }

  /* The same JSON, whatever the spacing. */
  written = limber_patient_to_data (patient, &written_length);
  g_assert_cmpuint (strlen (written), ==, written_length);
  {
    g_autoptr(JsonNode) original = json_from_string (contents, &error);
    g_autoptr(JsonNode) again = NULL;

    g_assert_no_error (error);
    again = json_from_string (written, &error);
    g_assert_no_error (error);
    g_assert_true (json_node_equal (original, again));
  }
}

/* ---- 6. Age ---- */

static void
test_program_age (void)
{
  g_autoptr(LimberPatient) patient = limber_patient_new ("Ann Lee");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) birth = g_date_new_dmy (21, G_DATE_MARCH, 1956);
  g_autoptr(GDate) eve = g_date_new_dmy (20, G_DATE_MARCH, 2026);
  g_autoptr(GDate) birthday = g_date_new_dmy (21, G_DATE_MARCH, 2026);
  g_autoptr(GDate) leap = g_date_new_dmy (29, G_DATE_FEBRUARY, 2000);
  g_autoptr(GDate) feb28 = g_date_new_dmy (28, G_DATE_FEBRUARY, 2001);
  g_autoptr(GDate) march1 = g_date_new_dmy (1, G_DATE_MARCH, 2001);
  g_autoptr(GDate) told = g_date_new_dmy (1, G_DATE_JUNE, 2024);
  g_autoptr(GDate) two_years = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr(GDate) day_before = g_date_new_dmy (31, G_DATE_MAY, 2026);
  g_autoptr(GDate) future = g_date_new_dmy (22, G_DATE_MARCH, 2026);
  g_autoptr(GDate) too_old = g_date_new_dmy (1, G_DATE_MARCH, 1900);
  g_autoptr(GDate) real_today = g_date_new ();
  g_autoptr(GDate) real_told = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *about = NULL;

  g_assert_cmpint (limber_patient_get_age (patient, birthday), ==, -1);
  g_assert_null (limber_patient_format_age (patient, birthday));

  g_assert_true (limber_patient_set_birth_date (patient, birth, birthday, &error));
  g_assert_no_error (error);
  g_assert_cmpint (limber_patient_get_age (patient, eve), ==, 69);
  g_assert_cmpint (limber_patient_get_age (patient, birthday), ==, 70);
  formatted = limber_patient_format_age (patient, birthday);
  g_assert_cmpstr (formatted, ==, "70 years");

  g_assert_true (limber_patient_set_birth_date (patient, leap, march1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (limber_patient_get_age (patient, feb28), ==, 0);
  g_assert_cmpint (limber_patient_get_age (patient, march1), ==, 1);

  /* The future, or more than 120 years ago: refused, and the date stays as it was. */
  g_assert_false (limber_patient_set_birth_date (patient, future, birthday, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (limber_patient_set_birth_date (patient, too_old, birthday, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (g_date_compare (patient->birth_date, leap), ==, 0);

  /* 120 years is counted to the day, not by the calendar year. */
  {
    g_autoptr(GDate) new_year = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
    g_autoptr(GDate) eve_1905 = g_date_new_dmy (31, G_DATE_DECEMBER, 1905);

    g_assert_true (limber_patient_set_birth_date (patient, eve_1905, new_year, &error));
    g_assert_no_error (error);
    g_assert_cmpint (limber_patient_get_age (patient, new_year), ==, 120);
    g_assert_true (limber_patient_set_birth_date (patient, leap, march1, NULL));
  }

  /* An age told: it grows with the years since. */
  g_assert_true (limber_patient_set_age (patient, 70, told, &error));
  g_assert_no_error (error);
  g_assert_null (patient->birth_date);
  g_assert_cmpint (limber_patient_get_age (patient, told), ==, 70);
  g_assert_cmpint (limber_patient_get_age (patient, day_before), ==, 71);
  g_assert_cmpint (limber_patient_get_age (patient, two_years), ==, 72);
  about = limber_patient_format_age (patient, two_years);
  g_assert_cmpstr (about, ==, "About 72 years");

  g_assert_false (limber_patient_set_age (patient, LIMBER_PATIENT_MAX_AGE + 1, told, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (limber_patient_get_age (patient, two_years), ==, 72);

  /* Told 70 two years ago today. */
  g_date_set_time_t (real_today, time (NULL));
  real_told = g_date_copy (real_today);
  g_date_subtract_years (real_told, 2);
  g_assert_true (limber_patient_set_age (patient, 70, real_told, NULL));
  g_assert_cmpint (limber_patient_get_age (patient, real_today), ==, 72);

  /* A birth date replaces the age told; none at all clears both. */
  g_assert_true (limber_patient_set_birth_date (patient, birth, birthday, NULL));
  g_assert_cmpuint (patient->age, ==, 0);
  g_assert_null (patient->age_recorded);
  g_assert_true (limber_patient_set_birth_date (patient, NULL, birthday, NULL));
  g_assert_cmpint (limber_patient_get_age (patient, birthday), ==, -1);
}

static void
test_program_patient_texts (void)
{
  g_autoptr(LimberPatient) patient = limber_patient_new ("Ann Lee");
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (LIMBER_PATIENT_MAX_NAME, 'a');
  g_autofree char *too_long = g_strnfill (LIMBER_PATIENT_MAX_NAME + 1, 'a');

  g_assert_true (limber_patient_set_name (patient, "  Ann  Lee \n", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (patient->name, ==, "Ann  Lee");
  g_assert_false (limber_patient_set_name (patient, "   ", &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_false (limber_patient_set_name (patient, too_long, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpstr (patient->name, ==, "Ann  Lee");
  g_assert_true (limber_patient_set_name (patient, longest, NULL));

  g_assert_true (limber_patient_set_text (patient, &patient->notes, "", NULL));
  g_assert_cmpstr (patient->notes, ==, "");
  g_assert_false (limber_patient_set_text (patient, &patient->condition, too_long, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_true (limber_patient_set_text (patient, &patient->notes, too_long, NULL));
}

/* ---- 7. Hostile documents ---- */

#define PLACEHOLDER "@@VALUE@@"

/* A real patient's document: two programs, one with a history. */
static char *
base_document (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberPatient) patient = limber_patient_new ("Ann Lee");
  g_autoptr(GDate) told = g_date_new_dmy (1, G_DATE_JUNE, 2024);
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  g_autoptr(GDateTime) t1 = g_date_time_new_utc (2026, 1, 19, 9, 0, 0);
  LimberProgram *program = limber_program_new ("Hip");
  LimberPrescription *first = prescription (library, "bridge");
  LimberPrescription *second = prescription (library, "supine-hamstring-stretch");

  g_free (first->id);
  first->id = g_strdup ("first");
  g_free (second->id);
  second->id = g_strdup ("second");
  g_ptr_array_add (program->prescriptions, first);
  g_ptr_array_add (program->prescriptions, second);
  g_ptr_array_add (patient->programs, program);
  g_ptr_array_add (patient->programs, limber_program_new ("Empty"));
  g_free (program->id);
  program->id = g_strdup ("hip");
  patient->active_program = g_strdup ("hip");
  g_assert_true (limber_patient_set_age (patient, 70, told, NULL));

  limber_patient_commit (patient, t0);
  first->reps = 12;
  limber_patient_commit (patient, t1);
  g_assert_cmpuint (program->history->len, ==, 1);

  return limber_patient_to_data (patient, NULL);
}

/* The base document with the member at @path ("programs[0].exercises[1].note") set to the
 * raw JSON text @value, untouched by any generator, or removed when @value is NULL. */
static char *
document_with (const char *base,
               const char *path,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (base, &error);
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  g_autoptr(GString) text = NULL;
  g_autofree char *generated = NULL;
  JsonObject *object;
  guint n = g_strv_length (parts);

  g_assert_no_error (error);
  object = json_node_get_object (root);

  for (guint i = 0; i + 1 < n; i++)
    {
      char *bracket = strchr (parts[i], '[');
      JsonNode *node;

      if (bracket != NULL)
        {
          *bracket = '\0';
          node = json_array_get_element (json_object_get_array_member (object, parts[i]),
                                         atoi (bracket + 1));
        }
      else
        node = json_object_get_member (object, parts[i]);

      g_assert_nonnull (node);
      object = json_node_get_object (node);
    }

  if (value == NULL)
    {
      g_assert_true (json_object_has_member (object, parts[n - 1]));
      json_object_remove_member (object, parts[n - 1]);
      return json_to_string (root, TRUE);
    }

  json_object_set_string_member (object, parts[n - 1], PLACEHOLDER);
  generated = json_to_string (root, TRUE);
  text = g_string_new (generated);
  g_assert_cmpint (g_string_replace (text, "\"" PLACEHOLDER "\"", value, 0), ==, 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_document_refused (const char *document,
                         const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPatient) patient = limber_patient_load (bytes, "hostile.json", &error);

  g_assert_null (patient);
  g_assert_nonnull (error);
  g_test_message ("%.200s", error->message);
  g_assert_true (error->domain == LIMBER_DATA_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "hostile.json: "));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, expected));
}

static void
assert_member_refused (const char *base,
                       const char *path,
                       const char *value,
                       const char *expected)
{
  g_autofree char *document = document_with (base, path, value);

  g_test_message ("%s = %.60s", path, value != NULL ? value : "(removed)");
  assert_document_refused (document, expected);
}

static char *
nested (const char *open,
        const char *close,
        guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);

  return g_string_free (text, FALSE);
}

static void
test_program_hostile_documents (void)
{
  g_autofree char *base = base_document ();
  g_autoptr(GBytes) base_bytes = g_bytes_new (base, strlen (base));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPatient) patient = limber_patient_load (base_bytes, "ann.json", &error);
  g_autofree char *deep_array = nested ("[", "]", 1000000);
  g_autofree char *deep_object = nested ("{\"a\":", "}", 100000);
  g_autofree char *long_name = NULL;
  g_autofree char *max_name = NULL;
  g_autofree char *exercise = NULL;
  g_autoptr(GString) forty = g_string_new ("[");
  g_autoptr(GString) forty_one = NULL;
  char *long_text;

  /* The base document itself loads. */
  g_assert_no_error (error);
  g_assert_nonnull (patient);
  g_assert_cmpstr (patient->active_program, ==, "hip");

  /* Deeply nested */
  assert_member_refused (base, "sessions", deep_array, "sessions: nested more than 64 levels deep");
  assert_member_refused (base, "notes", deep_object, "notes: nested more than 64 levels deep");
  assert_member_refused (base, "programs[0].exercises[0].load", deep_object,
                         "programs: nested more than 64 levels deep");
  {
    /* A little nesting is only a wrong type. */
    g_autofree char *shallow = nested ("[", "]", 40);

    assert_member_refused (base, "programs[0].exercises[0].note", shallow,
                           "programs[0].exercises[0].note: expected text, got an array");
  }

  /* Huge numbers */
  assert_member_refused (base, "age", "1e400", "age: expected a whole number 0–120");
  assert_member_refused (base, "age", "99999999999999999999999", "age: a whole number of more than 18 digits");
  assert_member_refused (base, "age", "121", "age: expected 0–120, got 121");
  assert_member_refused (base, "programs[0].exercises[0].reps", "4294967306",
                         "programs[0].exercises[0].reps: expected 1–100, got 4294967306");
  assert_member_refused (base, "programs[0].exercises[0].sets", "-1",
                         "programs[0].exercises[0].sets: expected 1–10, got -1");
  assert_member_refused (base, "programs[0].exercises[0].load",
                         "{\"kind\": \"ankle-weight\", \"amount\": 1e400, \"unit\": \"kg\"}",
                         "programs[0].exercises[0].load.amount: expected 0.5–10");
  assert_member_refused (base, "schema_version", "18446744073709551617", "schema_version");
  assert_member_refused (base, "schema_version", "2", "schema_version");
  assert_member_refused (base, "programs[0].history[0].exercises[0].reps", "0",
                         "programs[0].history[0].exercises[0].reps: expected 1–100, got 0");

  /* Wrong types */
  assert_member_refused (base, "archived", "\"yes\"",
                         "archived: expected true or false, got a string");
  assert_member_refused (base, "programs", "{}", "programs: expected a list, got an object");
  assert_member_refused (base, "programs", "[1]", "programs[0]: expected an object");
  assert_member_refused (base, "programs[0].exercises", "[1]",
                         "programs[0].exercises[0]: expected an object");
  assert_member_refused (base, "programs[0].history", "\"none\"",
                         "programs[0].history: expected a list");
  assert_member_refused (base, "programs[0].history", "[[]]",
                         "programs[0].history[0]: expected an object");
  assert_member_refused (base, "programs[0].created", "\"yesterday\"",
                         "programs[0].created: expected a date and time");
  /* Written back in UTC with four digits, these could not be read again (found by fuzzing). */
  assert_member_refused (base, "created", "\"0973-11-26T05:17:54Z\"",
                         "created: expected a date and time");
  assert_member_refused (base, "programs[0].saved", "\"9999-12-31T23:00:00-02:00\"",
                         "programs[0].saved: expected a date and time");
  /* json-glib decodes these into bytes that are not UTF-8, or leaks (found by fuzzing). */
  assert_member_refused (base, "programs[0].exercises[1].note", "\"a\\ud800b\"",
                         "an unpaired surrogate escape");
  assert_member_refused (base, "programs[0].exercises[1].note", "\"\\ud800\\ud800\"",
                         "an unpaired surrogate escape");
  assert_member_refused (base, "programs[0].exercises[1].note", "\"\\udc00\"",
                         "an unpaired surrogate escape");
  assert_member_refused (base, "programs[0].exercises[1].note", "\"\\ud8h\\ud8i\"",
                         "line 54: an escape JSON has not");
  assert_member_refused (base, "programs[0].exercises[1].note", "\"\\x41\"",
                         "an escape JSON has not");
  {
    /* A pair is a character; an escaped backslash before "ud800" is text. */
    g_autofree char *document = document_with (base, "programs[0].exercises[1].note",
                                               "\"\\ud83d\\ude00 \\\\ud800\"");
    g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberPatient) patient = limber_patient_load (bytes, "pair.json", &error);
    LimberProgram *program;

    g_assert_no_error (error);
    program = g_ptr_array_index (patient->programs, 0);
    g_assert_cmpstr (((LimberPrescription *) g_ptr_array_index (program->prescriptions, 1))->note,
                     ==, "\U0001F600 \\ud800");
  }
  assert_member_refused (base, "age_recorded", "20240601",
                         "age_recorded: expected text, got a whole number");
  assert_member_refused (base, "age_recorded", "\"2024-02-30\"", "age_recorded: expected a date");
  assert_member_refused (base, "sessions", "{}", "sessions: expected a list");
  assert_member_refused (base, "id", "[]", "id: expected text, got an array");
  assert_member_refused (base, "id", "\"../../outside\"", "id: expected an id without");
  assert_member_refused (base, "id", "\".hidden\"", "id: expected an id without");
  assert_member_refused (base, "programs[1].id", "\"a/b\"",
                         "programs[1].id: expected an id without");
  assert_member_refused (base, "name", "\"   \"", "name: expected text, got an empty string");
  assert_member_refused (base, "programs[0].exercises[0].modifications", "[true]",
                         "programs[0].exercises[0].modifications[0]: expected text");
  assert_member_refused (base, "programs[0].exercises[0].load", "null",
                         "programs[0].exercises[0].load: expected an object, got null");
  assert_member_refused (base, "programs[0].exercises[1].note", "5",
                         "programs[0].exercises[1].note: expected text, got a whole number");
  assert_member_refused (base, "programs[0].exercises[1].note", "null",
                         "programs[0].exercises[1].note: expected text, got null");
  assert_member_refused (base, "condition", "{\"text\": \"hip\"}",
                         "condition: expected text, got an object");
  assert_member_refused (base, "hacker", "true", "hacker: unknown field");
  assert_member_refused (base, "created", NULL, "created: missing");
  assert_member_refused (base, "programs[0].saved", NULL, "programs[0].saved: missing");
  assert_document_refused ("[]", "expected a JSON object at the top");
  assert_document_refused ("\"Ann\"", "expected a JSON object at the top");
  assert_document_refused ("{\"schema_version\": 1} trailing", "not valid JSON");
  assert_document_refused ("", "empty");
  assert_document_refused ("{\"a\\ud800b\": 1}", "line 1: an unpaired surrogate escape");

  /* Too many exercises in a program: 40 are fine, 41 are not. */
  {
    g_autoptr(JsonNode) root = json_from_string (base, NULL);
    JsonObject *object = json_array_get_object_element (
      json_object_get_array_member (
        json_array_get_object_element (
          json_object_get_array_member (json_node_get_object (root), "programs"), 0),
        "exercises"), 0);
    JsonNode *node = json_node_init_object (json_node_alloc (), object);

    exercise = json_to_string (node, FALSE);
    json_node_unref (node);
  }
  for (guint i = 0; i < LIMBER_PROGRAM_MAX_EXERCISES; i++)
    {
      g_autoptr(GString) item = g_string_new (exercise);

      g_assert_cmpint (g_string_replace (item, "\"first\"", "\"p0000\"", 1), ==, 1);
      g_snprintf (strstr (item->str, "p0000"), 6, "p%04u", i);
      item->str[strlen (item->str)] = '"';
      g_string_append_printf (forty, "%s%s", i > 0 ? ", " : "", item->str);
    }
  forty_one = g_string_new (forty->str);
  g_string_append (forty, "]");
  g_string_append_printf (forty_one, ", %s]", exercise);
  {
    g_autofree char *document = document_with (base, "programs[0].exercises", forty->str);
    g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
    g_autoptr(LimberPatient) loaded = limber_patient_load (bytes, "forty.json", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (limber_patient_get_program (loaded, "hip")->prescriptions->len, ==, 40);
  }
  assert_member_refused (base, "programs[0].exercises", forty_one->str,
                         "programs[0].exercises: expected at most 40 exercises, got 41");

  /* The same id twice in one program */
  assert_member_refused (base, "programs[0].exercises[1].id", "\"first\"",
                         "programs[0].exercises[1].id: “first” is used twice in this program");

  /* An active program that is not there */
  assert_member_refused (base, "active_program", "\"no-such-program\"",
                         "active_program: no program has the id “no-such-program”");
  assert_member_refused (base, "active_program", "\"\"", "active_program: expected text");

  /* Text too long */
  long_text = g_strnfill (LIMBER_PATIENT_MAX_NAME + 1, 'a');
  long_name = g_strdup_printf ("\"%s\"", long_text);
  long_text[LIMBER_PATIENT_MAX_NAME] = '\0';
  max_name = g_strdup_printf ("\"%s\"", long_text);
  g_free (long_text);
  assert_member_refused (base, "name", long_name, "name: expected at most 200 characters");
  assert_member_refused (base, "condition", long_name,
                         "condition: expected at most 200 characters");
  assert_member_refused (base, "programs[1].name", long_name,
                         "programs[1].name: expected at most 200 characters");
  {
    g_autofree char *document = document_with (base, "name", max_name);
    g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
    g_autoptr(LimberPatient) loaded = limber_patient_load (bytes, "longest.json", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (loaded->name), ==, LIMBER_PATIENT_MAX_NAME);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/program/field-ranges", test_program_field_ranges);
  g_test_add_func ("/limber/program/field-steps", test_program_field_steps);
  g_test_add_func ("/limber/program/texts", test_program_texts);
  g_test_add_func ("/limber/program/prescription-json", test_program_prescription_json);
  g_test_add_func ("/limber/program/session-time", test_program_session_time);
  g_test_add_func ("/limber/program/warnings", test_program_warnings);
  g_test_add_func ("/limber/program/check-exercises", test_program_check_exercises);
  g_test_add_func ("/limber/program/history", test_program_history);
  g_test_add_func ("/limber/program/describe-dosage", test_program_describe_dosage);
  g_test_add_func ("/limber/program/visit-dates", test_program_visit_dates);
  g_test_add_func ("/limber/program/switch-exercise", test_program_switch_exercise);
  g_test_add_func ("/limber/program/template", test_program_template);
  g_test_add_func ("/limber/program/example-document", test_program_example_document);
  g_test_add_func ("/limber/program/age", test_program_age);
  g_test_add_func ("/limber/program/patient-texts", test_program_patient_texts);
  g_test_add_func ("/limber/program/hostile-documents", test_program_hostile_documents);

  return g_test_run ();
}
