/* test-library.c: the shipped hip library: complete, consistent, linked, at the seed's
 * dosages, and searchable. */
#include "config.h"

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "limber-library.h"

typedef struct
{
  const char   *id;
  LimberExerciseKind kind;
  guint         reps_min;
  guint         reps_max;
  LimberRepUnit unit;
  guint         hold;
  LimberSide    side;
  guint         days_min;
  guint         days_max;
  LimberAmplitude amplitude;
  double        cm;
  double        in;
} SeedDosage;

#define STRETCH(id) \
  { id, LIMBER_EXERCISE_KIND_STRETCH, 3, 3, LIMBER_REP_UNIT_HOLD, 60, LIMBER_SIDE_EACH, 7, 7, \
    LIMBER_AMPLITUDE_NONE, 0, 0 }
#define STRENGTH(id, min, max, unit, hold, side, amplitude, cm, in) \
  { id, LIMBER_EXERCISE_KIND_STRENGTHENING, min, max, unit, hold, side, 3, 4, amplitude, cm, in }

/* The defaults the seed article gives (stretches: 60 s, 3 times, each side, daily;
 * strengthening 3–4 days a week). */
static const SeedDosage seed[] = {
  STRETCH ("supine-hamstring-stretch"),
  STRETCH ("half-kneeling-hip-flexor-stretch"),
  STRETCH ("side-lying-it-band-stretch"),
  STRETCH ("supine-piriformis-stretch"),
  STRENGTH ("bridge", 10, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_NONE, LIMBER_AMPLITUDE_NONE, 0, 0),
  STRENGTH ("single-leg-bridge", 10, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_EACH,
            LIMBER_AMPLITUDE_NONE, 0, 0),
  STRENGTH ("posterior-pelvic-tilt", 10, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_NONE,
            LIMBER_AMPLITUDE_NONE, 0, 0),
  STRENGTH ("straight-leg-raise", 15, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_EACH,
            LIMBER_AMPLITUDE_LIFT, 30, 12),
  STRENGTH ("side-lying-hip-abduction", 15, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_EACH,
            LIMBER_AMPLITUDE_LIFT, 30, 12),
  STRENGTH ("prone-hip-extension", 15, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_EACH,
            LIMBER_AMPLITUDE_LIFT, 25, 10),
  STRENGTH ("lateral-band-walk", 15, 15, LIMBER_REP_UNIT_STEP, 0, LIMBER_SIDE_EACH_DIRECTION,
            LIMBER_AMPLITUDE_STEP_WIDTH, 38, 15),
  STRENGTH ("forward-backward-band-walk", 15, 15, LIMBER_REP_UNIT_STEP, 0,
            LIMBER_SIDE_EACH_DIRECTION, LIMBER_AMPLITUDE_NONE, 0, 0),
  STRENGTH ("hip-hike", 15, 15, LIMBER_REP_UNIT_REP, 3, LIMBER_SIDE_EACH,
            LIMBER_AMPLITUDE_STEP_HEIGHT, 20, 8),
};

static void
test_library_loads (void)
{
  g_autoptr(LimberLibrary) library = load_library ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, G_N_ELEMENTS (seed));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == LIMBER_TYPE_EXERCISE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), G_N_ELEMENTS (seed)));

  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    g_assert_nonnull (limber_library_lookup (library, seed[i].id));
  g_assert_null (limber_library_lookup (library, "no-such-exercise"));
}

/* The source folder and the compiled-in resource hold the same files. */
static void
test_library_resource_matches_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data",
                                                                      "exercises", NULL));
  g_autoptr(LimberLibrary) from_resource = load_library ();
  g_autoptr(LimberLibrary) from_folder = limber_library_new ();
  guint n;

  limber_library_load_directory (from_folder, folder, &error);
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (from_folder));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (from_resource)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) a = g_list_model_get_item (G_LIST_MODEL (from_folder), i);
      g_autoptr(LimberExercise) b = g_list_model_get_item (G_LIST_MODEL (from_resource), i);

      g_assert_cmpstr (limber_exercise_get_id (a), ==, limber_exercise_get_id (b));
    }
  g_assert_cmpuint (limber_library_get_n_guide_sections (from_folder), ==,
                    limber_library_get_n_guide_sections (from_resource));
}

static void
test_library_complete (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);
      const char * const *steps = limber_exercise_get_steps (exercise);
      const char *name = limber_exercise_get_name (exercise);

      g_test_message ("%s", limber_exercise_get_id (exercise));
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);

      g_assert_cmpstr (limber_exercise_get_body_region (exercise), ==, "hip");
      g_assert_cmpuint (g_strv_length ((GStrv) limber_exercise_get_target_muscles (exercise)), >=, 1);
      g_assert_cmpuint (g_strv_length ((GStrv) steps), >=, 3);
      g_assert_cmpuint (g_strv_length ((GStrv) limber_exercise_get_cautions (exercise)), >=, 1);
      g_assert_cmpuint (strlen (limber_exercise_get_purpose (exercise)), >=, 20);
      g_assert_cmpuint (strlen (limber_exercise_get_feel (exercise)), >=, 10);

      /* Plain, correct clinical English: none of the seed's mistranslations, short steps. */
      for (guint s = 0; steps[s] != NULL; s++)
        {
          g_autofree char *lower = g_utf8_strdown (steps[s], -1);

          g_assert_null (strstr (lower, "gymnast"));
          g_assert_null (strstr (lower, "personal computer"));
          g_assert_null (strstr (lower, "tibial ileum"));
          g_assert_null (strstr (lower, "fabric"));
          g_assert_cmpuint (g_utf8_strlen (steps[s], -1), <=, 200);
          g_assert_true (g_unichar_isupper (g_utf8_get_char (steps[s])));
          g_assert_true (g_str_has_suffix (steps[s], "."));
        }
    }
}

static void
test_library_seed_dosages (void)
{
  g_autoptr(LimberLibrary) library = load_library ();

  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      LimberExercise *exercise = limber_library_lookup (library, seed[i].id);
      const LimberDosage *dosage = limber_exercise_get_dosage (exercise);

      g_test_message ("%s", seed[i].id);
      g_assert_cmpint (limber_exercise_get_kind (exercise), ==, seed[i].kind);
      g_assert_cmpuint (dosage->sets, ==, 1);
      g_assert_cmpuint (dosage->reps_min, ==, seed[i].reps_min);
      g_assert_cmpuint (dosage->reps_max, ==, seed[i].reps_max);
      g_assert_cmpint (dosage->rep_unit, ==, seed[i].unit);
      g_assert_cmpuint (dosage->hold_seconds, ==, seed[i].hold);
      g_assert_cmpint (dosage->side, ==, seed[i].side);
      g_assert_cmpuint (dosage->days_per_week_min, ==, seed[i].days_min);
      g_assert_cmpuint (dosage->days_per_week_max, ==, seed[i].days_max);
      g_assert_cmpuint (dosage->times_per_day, ==, 1);
      g_assert_cmpint (dosage->amplitude, ==, seed[i].amplitude);
      g_assert_cmpfloat_with_epsilon (dosage->amplitude_cm, seed[i].cm, 0.01);
      g_assert_cmpfloat_with_epsilon (dosage->amplitude_in, seed[i].in, 0.01);
    }
}

static void
test_library_dosage_lines (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  static const char *lines[][2] = {
    { "supine-hamstring-stretch", "3 × 60 s hold · each side · daily" },
    { "bridge", "10–15 reps · 3 s hold · 3–4 days a week" },
    { "straight-leg-raise", "15 reps · 3 s hold · each side · 3–4 days a week" },
    { "lateral-band-walk", "15 steps · each way · 3–4 days a week" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      LimberExercise *exercise = limber_library_lookup (library, lines[i][0]);
      g_autofree char *line = limber_dosage_format (limber_exercise_get_dosage (exercise));

      g_assert_cmpstr (line, ==, lines[i][1]);
    }
}

static gboolean
strv_contains_text (const char * const *strv,
                    const char         *needle)
{
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (strv[i], -1);

      if (strstr (lower, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Each caution of the seed stands at the exercise it belongs to. */
static void
test_library_cautions (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  static const char *cautions[][2] = {
    { "supine-piriformis-stretch", "sciatic" },
    { "supine-piriformis-stretch", "tingling" },
    { "half-kneeling-hip-flexor-stretch", "pillow" },
    { "hip-hike", "pinch" },
    { "hip-hike", "osteoarthritis" },
    { "bridge", "low back pain" },
    { "single-leg-bridge", "low back pain" },
    { "lateral-band-walk", "taut" },
    { "forward-backward-band-walk", "taut" },
    { "prone-hip-extension", "twist" },
  };
  static const char *modifications[][2] = {
    { "half-kneeling-hip-flexor-stretch", "pillow" },
    { "straight-leg-raise", "ankle weight" },
    { "side-lying-hip-abduction", "ankle weight" },
    { "prone-hip-extension", "ankle weight" },
    { "supine-piriformis-stretch", "loosen" },
    { "hip-hike", "rail" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cautions); i++)
    {
      LimberExercise *exercise = limber_library_lookup (library, cautions[i][0]);

      g_test_message ("%s: %s", cautions[i][0], cautions[i][1]);
      g_assert_true (strv_contains_text (limber_exercise_get_cautions (exercise), cautions[i][1]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (modifications); i++)
    {
      LimberExercise *exercise = limber_library_lookup (library, modifications[i][0]);

      g_test_message ("%s: %s", modifications[i][0], modifications[i][1]);
      g_assert_true (strv_contains_text (limber_exercise_get_modifications (exercise),
                                         modifications[i][1]));
    }

  /* Every stretch warns against pain and bouncing. */
  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      LimberExercise *exercise = limber_library_lookup (library, seed[i].id);

      if (seed[i].kind != LIMBER_EXERCISE_KIND_STRETCH)
        continue;
      g_assert_true (strv_contains_text (limber_exercise_get_cautions (exercise), "bounce"));
      g_assert_true (strv_contains_text (limber_exercise_get_cautions (exercise),
                                         "physical therapist"));
    }
}

/* Progressions and regressions resolve, and each link is stated from both ends. */
static void
test_library_links (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);
      const char * const *progressions = limber_exercise_get_progressions (exercise);
      const char * const *regressions = limber_exercise_get_regressions (exercise);
      const char *id = limber_exercise_get_id (exercise);

      for (guint p = 0; progressions[p] != NULL; p++)
        {
          LimberExercise *harder = limber_library_lookup (library, progressions[p]);

          g_assert_nonnull (harder);
          g_assert_true (g_strv_contains (limber_exercise_get_regressions (harder), id));
        }

      for (guint r = 0; regressions[r] != NULL; r++)
        {
          LimberExercise *easier = limber_library_lookup (library, regressions[r]);

          g_assert_nonnull (easier);
          g_assert_true (g_strv_contains (limber_exercise_get_progressions (easier), id));
        }
    }

  g_assert_true (g_strv_contains (limber_exercise_get_progressions (
                   limber_library_lookup (library, "bridge")), "single-leg-bridge"));
  g_assert_true (g_strv_contains (limber_exercise_get_regressions (
                   limber_library_lookup (library, "bridge")), "posterior-pelvic-tilt"));
}

/* Stretches are listed first, each group by name. */
static void
test_library_order (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(LimberExercise) a = g_list_model_get_item (G_LIST_MODEL (library), i - 1);
      g_autoptr(LimberExercise) b = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_assert_cmpint (limber_exercise_get_kind (a), <=, limber_exercise_get_kind (b));
      if (limber_exercise_get_kind (a) == limber_exercise_get_kind (b))
        g_assert_cmpint (g_utf8_collate (limber_exercise_get_name (a),
                                         limber_exercise_get_name (b)), <, 0);
    }
}

static void
assert_search (LimberLibrary *library,
               const char    *query,
               const char    *expected_id,
               guint          min_hits,
               guint          max_hits)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));
  gboolean found = FALSE;
  guint hits = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (!limber_exercise_matches (exercise, query))
        continue;
      hits++;
      found |= g_str_equal (limber_exercise_get_id (exercise), expected_id);
    }

  g_test_message ("\"%s\": %u hits", query, hits);
  g_assert_true (found);
  g_assert_cmpuint (hits, >=, min_hits);
  g_assert_cmpuint (hits, <=, max_hits);
}

static void
test_library_search (void)
{
  g_autoptr(LimberLibrary) library = load_library ();

  /* by name */
  assert_search (library, "piriformis", "supine-piriformis-stretch", 1, 1);
  assert_search (library, "monster", "lateral-band-walk", 1, 1);
  assert_search (library, "Bridge", "single-leg-bridge", 2, 2);
  /* by muscle */
  assert_search (library, "gluteus medius", "hip-hike", 3, 6);
  assert_search (library, "hamstrings", "supine-hamstring-stretch", 2, 6);
  /* by equipment */
  assert_search (library, "band", "forward-backward-band-walk", 2, 3);
  assert_search (library, "resistance", "lateral-band-walk", 2, 2);
  assert_search (library, "step", "hip-hike", 1, 1);
}

static void
test_library_guidance (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  static const char *ids[] = { "before-you-start", "stretching", "strengthening", "red-flags" };
  const LimberGuideSection *stretching;
  const LimberGuideSection *red_flags;
  const LimberGuideSection *before;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (limber_library_lookup_guide_section (library, ids[i]));

  stretching = limber_library_lookup_guide_section (library, "stretching");
  g_assert_true (strv_contains_text ((const char * const *) stretching->items, "gentle pull"));
  g_assert_true (strv_contains_text ((const char * const *) stretching->items, "bounce"));
  g_assert_true (strv_contains_text ((const char * const *) stretching->items,
                                     "physical therapist"));

  before = limber_library_lookup_guide_section (library, "before-you-start");
  g_assert_true (strv_contains_text ((const char * const *) before->items, "fracture"));

  red_flags = limber_library_lookup_guide_section (library, "red-flags");
  g_assert_true (strv_contains_text ((const char * const *) red_flags->items, "fall"));
  g_assert_true (strv_contains_text ((const char * const *) red_flags->items, "emergency"));
}

/* A broken file anywhere in a folder fails the whole load, naming the file and the field. */
static void
test_library_broken_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-library-XXXXXX", &error);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autofree char *guidance = NULL;
  g_autofree char *exercise = NULL;
  g_autofree char *source = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  folder = g_file_new_for_path (dir);
  guidance = g_build_filename (dir, "guidance.json", NULL);
  exercise = g_build_filename (dir, "bridge.json", NULL);

  source = g_test_build_filename (G_TEST_DIST, "..", "data", "exercises", "guidance.json", NULL);
  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (guidance, contents, -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&source, g_free);

  source = g_test_build_filename (G_TEST_DIST, "..", "data", "exercises", "bridge.json", NULL);
  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);

  /* The bridge links to exercises that are not in this folder. */
  g_file_set_contents (exercise, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_false (limber_library_load_directory (library, folder, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE);
  g_assert_true (g_str_has_prefix (error->message, "bridge.json: "));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_clear_error (&error);

  /* A missing field. */
  g_file_set_contents (exercise, "{\"schema_version\": 1, \"id\": \"bridge\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_false (limber_library_load_directory (library, folder, &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "bridge.json: name: missing");
  g_clear_error (&error);

  g_unlink (exercise);
  g_unlink (guidance);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/library/loads", test_library_loads);
  g_test_add_func ("/limber/library/resource-matches-folder", test_library_resource_matches_folder);
  g_test_add_func ("/limber/library/complete", test_library_complete);
  g_test_add_func ("/limber/library/seed-dosages", test_library_seed_dosages);
  g_test_add_func ("/limber/library/dosage-lines", test_library_dosage_lines);
  g_test_add_func ("/limber/library/cautions", test_library_cautions);
  g_test_add_func ("/limber/library/links", test_library_links);
  g_test_add_func ("/limber/library/order", test_library_order);
  g_test_add_func ("/limber/library/search", test_library_search);
  g_test_add_func ("/limber/library/guidance", test_library_guidance);
  g_test_add_func ("/limber/library/broken-folder", test_library_broken_folder);

  return g_test_run ();
}
