/* test-exercise.c: loading one exercise, and the errors that name the file and the field. */
#include "config.h"

#include "limber-exercise.h"
#include "limber-json.h"

static const char *valid_exercise =
  "{"
  "  \"schema_version\": 1, \"id\": \"test-bridge\", \"name\": \"Test bridge\","
  "  \"kind\": \"strengthening\", \"body_region\": \"hip\", \"position\": \"supine\","
  "  \"target_muscles\": [\"Gluteus maximus\", \"Hamstrings\"], \"equipment\": [],"
  "  \"purpose\": \"Strengthens the hip.\", \"steps\": [\"Lie down.\", \"Lift.\"],"
  "  \"feel\": \"Your buttocks working.\","
  "  \"dosage\": { \"sets\": 1, \"reps_min\": 10, \"reps_max\": 15,"
  "    \"rep_unit\": \"rep\", \"hold_seconds\": 3, \"side\": \"none\", \"days_per_week_min\": 3,"
  "    \"days_per_week_max\": 4, \"times_per_day\": 1,"
  "    \"amplitude\": { \"what\": \"lift\", \"cm\": 30, \"in\": 12 } },"
  "  \"cautions\": [\"Stop if it hurts.\"], \"modifications\": [\"Smaller lift.\"],"
  "  \"progressions\": [\"single-leg-bridge\"], \"regressions\": []"
  "}";

static LimberExercise *
load (const char  *text,
      const char  *file,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  root = limber_json_parse_object (bytes, file, &parser, error);
  if (root == NULL)
    return NULL;

  return limber_exercise_new_from_json (root, file, error);
}

/* Replaces the first occurrence of @from in the valid exercise by @to. */
static char *
variant (const char *from,
         const char *to)
{
  const char *at = strstr (valid_exercise, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - valid_exercise), valid_exercise, to,
                          at + strlen (from));
}

static void
test_exercise_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberExercise) exercise = load (valid_exercise, "test-bridge.json", &error);
  const LimberDosage *dosage;

  g_assert_no_error (error);
  g_assert_cmpstr (limber_exercise_get_id (exercise), ==, "test-bridge");
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Test bridge");
  g_assert_cmpint (limber_exercise_get_kind (exercise), ==, LIMBER_EXERCISE_KIND_STRENGTHENING);
  g_assert_cmpint (limber_exercise_get_position (exercise), ==, LIMBER_POSITION_SUPINE);
  g_assert_cmpuint (g_strv_length ((GStrv) limber_exercise_get_steps (exercise)), ==, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) limber_exercise_get_equipment (exercise)), ==, 0);
  g_assert_cmpstr (limber_exercise_get_progressions (exercise)[0], ==, "single-leg-bridge");

  dosage = limber_exercise_get_dosage (exercise);
  g_assert_cmpuint (dosage->reps_min, ==, 10);
  g_assert_cmpuint (dosage->reps_max, ==, 15);
  g_assert_cmpuint (dosage->hold_seconds, ==, 3);
  g_assert_cmpint (dosage->amplitude, ==, LIMBER_AMPLITUDE_LIFT);
  g_assert_cmpfloat (dosage->amplitude_cm, ==, 30);
}

typedef struct
{
  const char *from;
  const char *to;
  int         code;
  const char *message;
} BadCase;

static void
test_exercise_errors (void)
{
  static const BadCase cases[] = {
    { "\"name\": \"Test bridge\",", "", LIMBER_DATA_ERROR_MISSING, "test-bridge.json: name: missing" },
    { "\"name\": \"Test bridge\"", "\"name\": 7", LIMBER_DATA_ERROR_TYPE,
      "test-bridge.json: name: expected text, got a whole number" },
    { "\"name\": \"Test bridge\"", "\"name\": \"  \"", LIMBER_DATA_ERROR_VALUE,
      "test-bridge.json: name: expected text, got an empty string" },
    { "\"hold_seconds\": 3", "\"hold_seconds\": -4", LIMBER_DATA_ERROR_RANGE,
      "test-bridge.json: dosage.hold_seconds: expected 0–600, got -4" },
    { "\"hold_seconds\": 3", "\"hold_seconds\": 2.5", LIMBER_DATA_ERROR_TYPE,
      "test-bridge.json: dosage.hold_seconds: expected a whole number 0–600, got a decimal number" },
    { "\"reps_max\": 15", "\"reps_max\": 5", LIMBER_DATA_ERROR_RANGE,
      "test-bridge.json: dosage.reps_max: expected 10–100, got 5" },
    { "\"kind\": \"strengthening\"", "\"kind\": \"cardio\"", LIMBER_DATA_ERROR_VALUE,
      "test-bridge.json: kind: expected one of \"stretch\", \"strengthening\", got \"cardio\"" },
    { "\"steps\": [\"Lie down.\", \"Lift.\"]", "\"steps\": [\"Lie down.\"]", LIMBER_DATA_ERROR_RANGE,
      "test-bridge.json: steps: expected at least 2 items, got 1" },
    { "\"steps\": [\"Lie down.\", \"Lift.\"]", "\"steps\": [\"Lie down.\", null]", LIMBER_DATA_ERROR_TYPE,
      "test-bridge.json: steps[1]: expected text, got null" },
    { "\"cautions\": [\"Stop if it hurts.\"]", "\"cautions\": []", LIMBER_DATA_ERROR_RANGE,
      "test-bridge.json: cautions: expected at least 1 item, got 0" },
    { "\"feel\"", "\"feeling\"", LIMBER_DATA_ERROR_UNKNOWN_FIELD,
      "test-bridge.json: feeling: unknown field" },
    { "\"cm\": 30", "\"cm\": 0", LIMBER_DATA_ERROR_RANGE,
      "test-bridge.json: dosage.amplitude.cm: expected 1–200, got 0" },
    { "\"what\": \"lift\"", "\"what\": \"none\"", LIMBER_DATA_ERROR_VALUE,
      "test-bridge.json: dosage.amplitude.what: expected \"lift\", \"step-width\" or \"step-height\", got \"none\"" },
    { "\"rep_unit\": \"rep\", \"hold_seconds\": 3", "\"rep_unit\": \"hold\", \"hold_seconds\": 0",
      LIMBER_DATA_ERROR_RANGE,
      "test-bridge.json: dosage.hold_seconds: a dosage counted in holds needs a hold of at least 1 s, got 0" },
    { "\"schema_version\": 1", "\"schema_version\": 2", LIMBER_DATA_ERROR_VERSION,
      "test-bridge.json: schema_version: this version of Limber reads version 1, got 2" },
    { "\"id\": \"test-bridge\"", "\"id\": \"other\"", LIMBER_DATA_ERROR_VALUE,
      "test-bridge.json: id: expected lower-case letters, digits and hyphens matching the file name, got \"other\"" },
    { "\"progressions\": [\"single-leg-bridge\"]", "\"progressions\": [\"Single Leg\"]",
      LIMBER_DATA_ERROR_VALUE,
      "test-bridge.json: progressions[0]: expected an exercise id (lower-case letters, digits and hyphens), got \"Single Leg\"" },
    { "\"dosage\": {", "\"dosage\": 3, \"x\": {", LIMBER_DATA_ERROR_UNKNOWN_FIELD,
      "test-bridge.json: x: unknown field" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = variant (cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberExercise) exercise = load (text, "test-bridge.json", &error);

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_null (exercise);
      g_assert_error (error, LIMBER_DATA_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_exercise_not_json (void)
{
  static const struct { const char *text; int code; const char *prefix; } cases[] = {
    { "", LIMBER_DATA_ERROR_PARSE, "broken.json: the file is empty" },
    { "{ \"id\": ", LIMBER_DATA_ERROR_PARSE, "broken.json: not valid JSON: " },
    { "[1, 2]", LIMBER_DATA_ERROR_TYPE,
      "broken.json: expected a JSON object at the top, got an array" },
    { "\"text\"", LIMBER_DATA_ERROR_TYPE,
      "broken.json: expected a JSON object at the top, got a string" },
    /* json-glib alone would take the second value (found by fuzzing). */
    { "{}\n{\"id\": 1}", LIMBER_DATA_ERROR_PARSE,
      "broken.json: not valid JSON: line 2: more follows the end of the document" },
    { "\"a\\\"{\" [] ", LIMBER_DATA_ERROR_PARSE,
      "broken.json: not valid JSON: line 1: more follows the end of the document" },
    { "5{}", LIMBER_DATA_ERROR_PARSE,
      "broken.json: not valid JSON: line 1: more follows the end of the document" },
    { "{/1{/}{}", LIMBER_DATA_ERROR_PARSE,
      "broken.json: not valid JSON: line 1: a character JSON has not outside text" },
    { "{\"id\": 1 /* one */}", LIMBER_DATA_ERROR_PARSE,
      "broken.json: not valid JSON: line 1: a character JSON has not outside text" },
    { "tru\ne", LIMBER_DATA_ERROR_PARSE, "broken.json: not valid JSON: " },
    { "'a'", LIMBER_DATA_ERROR_PARSE,
      "broken.json: not valid JSON: line 1: a character JSON has not outside text" },
    { "{\"id\": \"\xff\xfe\"}", LIMBER_DATA_ERROR_PARSE,
      "broken.json: the file is not valid UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberExercise) exercise = load (cases[i].text, "broken.json", &error);

      g_assert_null (exercise);
      g_assert_error (error, LIMBER_DATA_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
    }
}

static void
test_exercise_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberExercise) exercise = load (valid_exercise, "test-bridge.json", &error);

  g_assert_no_error (error);
  g_assert_true (limber_exercise_matches (exercise, NULL));
  g_assert_true (limber_exercise_matches (exercise, ""));
  g_assert_true (limber_exercise_matches (exercise, "bridge"));
  g_assert_true (limber_exercise_matches (exercise, "BRI"));
  g_assert_true (limber_exercise_matches (exercise, "glute"));
  g_assert_true (limber_exercise_matches (exercise, "hamstrings test"));
  g_assert_false (limber_exercise_matches (exercise, "ridge"));
  g_assert_false (limber_exercise_matches (exercise, "band"));
  g_assert_false (limber_exercise_matches (exercise, "bridge band"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/exercise/valid", test_exercise_valid);
  g_test_add_func ("/limber/exercise/errors", test_exercise_errors);
  g_test_add_func ("/limber/exercise/not-json", test_exercise_not_json);
  g_test_add_func ("/limber/exercise/search", test_exercise_search);

  return g_test_run ();
}
