/* test-timeline.c: the guided session's timeline on a fake clock: its total is the program
 * overview's estimate, its steps come in the order the patient does them on each kind of side,
 * and pausing, skipping and repeating move it as a patient expects. */
#include "config.h"

#include "core-test-util.h"
#include "limber-timeline.h"

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
advance (double seconds)
{
  fake_now += (gint64) (seconds * G_USEC_PER_SEC);
}

static LimberPrescription *
prescription (LimberLibrary *library,
              const char    *id)
{
  LimberExercise *exercise = limber_library_lookup (library, id);

  g_assert_nonnull (exercise);
  return limber_prescription_new_for_exercise (exercise);
}

static LimberTimeline *
timeline_on_fake_clock (LimberProgram *program,
                        LimberLibrary *library)
{
  LimberTimeline *timeline = limber_timeline_new (program, library);

  fake_now = 1000 * G_USEC_PER_SEC;
  limber_timeline_set_clock (timeline, fake_clock, NULL);
  return timeline;
}

/* Every exercise, every side, with and without holds, rests and several sets: the session lasts
 * exactly what the program overview said it would. */
static void
test_total_is_estimate (void)
{
  static const LimberPrescribedSide sides[] = {
    LIMBER_PRESCRIBED_SIDE_NONE, LIMBER_PRESCRIBED_SIDE_LEFT, LIMBER_PRESCRIBED_SIDE_RIGHT,
    LIMBER_PRESCRIBED_SIDE_BOTH, LIMBER_PRESCRIBED_SIDE_ALTERNATING,
  };
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Everything");
  g_autoptr(LimberTimeline) timeline = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      for (guint sets = 1; sets <= 3; sets += 2)
        {
          g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library), i);
          LimberPrescription *p = limber_prescription_new_for_exercise (exercise);
          g_autoptr(LimberProgram) one = limber_program_new ("One");
          g_autoptr(LimberTimeline) single = NULL;

          p->side = sides[s];
          p->sets = sets;
          p->hold_seconds = (i + s) % 2 == 0 ? 0 : 5;
          p->rest_seconds = s % 2 == 0 ? 0 : 45;
          g_ptr_array_add (one->prescriptions, limber_prescription_copy (p));
          g_ptr_array_add (program->prescriptions, p);

          single = limber_timeline_new (one, library);
          g_assert_cmpfloat (limber_timeline_get_total (single), ==,
                             limber_program_estimate_seconds (one, library));
        }

  /* And a prescription whose exercise this library lacks takes no time in either. */
  {
    LimberPrescription *unknown = prescription (library, "bridge");

    g_free (unknown->exercise_id);
    unknown->exercise_id = g_strdup ("knee-to-wall");
    g_ptr_array_add (program->prescriptions, unknown);
  }

  timeline = limber_timeline_new (program, library);
  g_assert_cmpfloat (limber_timeline_get_total (timeline), ==,
                     limber_program_estimate_seconds (program, library));
  g_assert_cmpfloat (limber_timeline_get_exercise_start (timeline,
                                                      program->prescriptions->len - 1), ==, -1);

  /* Steps follow one another without a gap. */
  for (guint i = 1; i < limber_timeline_get_n_steps (timeline); i++)
    {
      const LimberStep *before = limber_timeline_get_step (timeline, i - 1);
      const LimberStep *step = limber_timeline_get_step (timeline, i);

      g_assert_cmpfloat (before->start + before->duration, ==, step->start);
      g_assert_cmpfloat (step->duration, >, 0);
    }
}

typedef struct
{
  LimberStepKind    kind;
  guint             set, rep;
  LimberSessionSide side;
  double            duration;
} Expected;

static void
assert_steps (LimberTimeline *timeline,
              const Expected *expected,
              guint           n)
{
  g_assert_cmpuint (limber_timeline_get_n_steps (timeline), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const LimberStep *step = limber_timeline_get_step (timeline, i);

      g_test_message ("step %u: kind %d set %u rep %u side %d %.0f s", i, step->kind, step->set,
                      step->rep, step->side, step->duration);
      g_assert_cmpint (step->kind, ==, expected[i].kind);
      g_assert_cmpuint (step->set, ==, expected[i].set);
      g_assert_cmpuint (step->rep, ==, expected[i].rep);
      g_assert_cmpint (step->side, ==, expected[i].side);
      g_assert_cmpfloat (step->duration, ==, expected[i].duration);
    }
}

#define L LIMBER_SESSION_SIDE_LEFT
#define R LIMBER_SESSION_SIDE_RIGHT
#define N LIMBER_SESSION_SIDE_NONE
#define READY LIMBER_STEP_GET_READY
#define MOVE LIMBER_STEP_MOVE
#define HOLD LIMBER_STEP_HOLD
#define BACK LIMBER_STEP_RETURN
#define REST LIMBER_STEP_REST
#define SWITCH LIMBER_STEP_SWITCH_SIDES

/* Both sides: every set on the left, resting between its sets, time to switch sides, then the
 * same on the right. */
static void
test_order_both_sides (void)
{
  static const Expected expected[] = {
    { READY, 1, 1, N, 10 },
    { MOVE, 1, 1, L, 2 }, { HOLD, 1, 1, L, 3 }, { BACK, 1, 1, L, 1 },
    { MOVE, 1, 2, L, 2 }, { HOLD, 1, 2, L, 3 }, { BACK, 1, 2, L, 1 },
    { REST, 1, 2, L, 30 },
    { MOVE, 2, 1, L, 2 }, { HOLD, 2, 1, L, 3 }, { BACK, 2, 1, L, 1 },
    { MOVE, 2, 2, L, 2 }, { HOLD, 2, 2, L, 3 }, { BACK, 2, 2, L, 1 },
    { SWITCH, 1, 1, R, 10 },
    { MOVE, 1, 1, R, 2 }, { HOLD, 1, 1, R, 3 }, { BACK, 1, 1, R, 1 },
    { MOVE, 1, 2, R, 2 }, { HOLD, 1, 2, R, 3 }, { BACK, 1, 2, R, 1 },
    { REST, 1, 2, R, 30 },
    { MOVE, 2, 1, R, 2 }, { HOLD, 2, 1, R, 3 }, { BACK, 2, 1, R, 1 },
    { MOVE, 2, 2, R, 2 }, { HOLD, 2, 2, R, 3 }, { BACK, 2, 2, R, 1 },
  };
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Both");
  g_autoptr(LimberTimeline) timeline = NULL;
  LimberPrescription *p = prescription (library, "straight-leg-raise");

  p->side = LIMBER_PRESCRIBED_SIDE_BOTH;
  p->sets = 2;
  p->reps = 2;
  p->hold_seconds = 3;
  p->tempo_up = 2;
  p->tempo_down = 1;
  p->rest_seconds = 30;
  g_ptr_array_add (program->prescriptions, p);

  timeline = limber_timeline_new (program, library);
  assert_steps (timeline, expected, G_N_ELEMENTS (expected));
  g_assert_cmpfloat (limber_timeline_get_total (timeline), ==, 10 + 8 * 6 + 2 * 30 + 10);
}

/* Alternating: left then right in every rep; one rest between sets. A hold of 0 s is no step. */
static void
test_order_alternating (void)
{
  static const Expected expected[] = {
    { READY, 1, 1, N, 10 },
    { MOVE, 1, 1, L, 2 }, { BACK, 1, 1, L, 2 }, { MOVE, 1, 1, R, 2 }, { BACK, 1, 1, R, 2 },
    { REST, 1, 1, N, 20 },
    { MOVE, 2, 1, L, 2 }, { BACK, 2, 1, L, 2 }, { MOVE, 2, 1, R, 2 }, { BACK, 2, 1, R, 2 },
  };
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Alternating");
  g_autoptr(LimberTimeline) timeline = NULL;
  LimberPrescription *p = prescription (library, "hip-hike");

  p->side = LIMBER_PRESCRIBED_SIDE_ALTERNATING;
  p->sets = 2;
  p->reps = 1;
  p->hold_seconds = 0;
  p->tempo_up = p->tempo_down = 2;
  p->rest_seconds = 20;
  g_ptr_array_add (program->prescriptions, p);

  timeline = limber_timeline_new (program, library);
  assert_steps (timeline, expected, G_N_ELEMENTS (expected));
}

/* A band walk "each way": a set's steps one way, then the other; the left and right sides of
 * a one-sided prescription are named. */
static void
test_order_each_way (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Walks");
  g_autoptr(LimberTimeline) timeline = NULL;
  LimberPrescription *walk = prescription (library, "lateral-band-walk");
  LimberPrescription *left = prescription (library, "bridge");
  guint ways[3] = { 0 };

  walk->side = LIMBER_PRESCRIBED_SIDE_NONE;
  walk->sets = 2;
  walk->reps = 3;
  walk->hold_seconds = 0;
  walk->rest_seconds = 30;
  left->side = LIMBER_PRESCRIBED_SIDE_LEFT;
  left->sets = 1;
  g_ptr_array_add (program->prescriptions, walk);
  g_ptr_array_add (program->prescriptions, left);

  timeline = limber_timeline_new (program, library);
  for (guint i = 0; i < limber_timeline_get_n_steps (timeline); i++)
    {
      const LimberStep *step = limber_timeline_get_step (timeline, i);

      if (step->exercise == 0 && step->kind == MOVE)
        {
          /* Within a set, every step one way comes before any the other way. */
          if (step->side == LIMBER_SESSION_SIDE_ONE_WAY)
            g_assert_cmpuint (ways[2], ==, (step->set - 1) * 3);
          ways[step->side == LIMBER_SESSION_SIDE_ONE_WAY ? 1 : 2]++;
        }
      if (step->exercise == 1 && step->kind != READY)
        g_assert_cmpint (step->side, ==, L);
      if (step->exercise == 1 && step->kind == READY)
        g_assert_cmpint (step->side, ==, L);
    }
  g_assert_cmpuint (ways[1], ==, 6);
  g_assert_cmpuint (ways[2], ==, 6);
  g_assert_cmpfloat (limber_timeline_get_total (timeline), ==,
                     limber_program_estimate_seconds (program, library));
}

/* The countdown and the current step follow the clock; a pause stops both. */
static void
test_clock_and_pause (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Hold");
  g_autoptr(LimberTimeline) timeline = NULL;
  LimberPrescription *p = prescription (library, "supine-hamstring-stretch");
  const LimberStep *step;
  double remaining;

  p->side = LIMBER_PRESCRIBED_SIDE_LEFT;
  p->sets = 1;
  p->reps = 2;
  p->hold_seconds = 60;
  p->tempo_up = 2;
  p->tempo_down = 2;
  g_ptr_array_add (program->prescriptions, p);
  timeline = timeline_on_fake_clock (program, library);

  g_assert_false (limber_timeline_get_playing (timeline));
  advance (30);
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, 0);

  limber_timeline_play (timeline);
  step = limber_timeline_get_current (timeline, &remaining);
  g_assert_cmpint (step->kind, ==, READY);
  g_assert_cmpfloat (remaining, ==, 10);

  advance (10 + 2 + 15);
  step = limber_timeline_get_current (timeline, &remaining);
  g_assert_cmpint (step->kind, ==, HOLD);
  g_assert_cmpuint (step->rep, ==, 1);
  g_assert_cmpfloat_with_epsilon (remaining, 45, 1e-9);

  limber_timeline_pause (timeline);
  advance (600);
  step = limber_timeline_get_current (timeline, &remaining);
  g_assert_cmpint (step->kind, ==, HOLD);
  g_assert_cmpfloat_with_epsilon (remaining, 45, 1e-9);

  limber_timeline_play (timeline);
  advance (45 + 2);
  step = limber_timeline_get_current (timeline, &remaining);
  g_assert_cmpint (step->kind, ==, MOVE);
  g_assert_cmpuint (step->rep, ==, 2);

  advance (1000);
  g_assert_true (limber_timeline_is_finished (timeline));
  g_assert_false (limber_timeline_get_playing (timeline));
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, 10 + 2 * 64);
}

/* Skip forward goes to the next exercise's get-ready; back goes to this one's start, or to the
 * one before within its first 2 s; an exercise can be done again. */
static void
test_skip_and_repeat (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgram) program = limber_program_new ("Three");
  g_autoptr(LimberTimeline) timeline = NULL;
  double second, third;

  g_ptr_array_add (program->prescriptions, prescription (library, "bridge"));
  g_ptr_array_add (program->prescriptions, prescription (library, "hip-hike"));
  g_ptr_array_add (program->prescriptions, prescription (library, "straight-leg-raise"));
  timeline = timeline_on_fake_clock (program, library);
  second = limber_timeline_get_exercise_start (timeline, 1);
  third = limber_timeline_get_exercise_start (timeline, 2);
  g_assert_cmpfloat (second, >, 0);
  g_assert_cmpfloat (third, >, second);

  limber_timeline_play (timeline);
  advance (25);
  limber_timeline_skip_forward (timeline);
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, second);
  g_assert_true (limber_timeline_get_playing (timeline));

  /* Just begun: back goes to the exercise before. */
  advance (1);
  limber_timeline_skip_back (timeline);
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, 0);

  /* Well into it: back goes to its own start. */
  limber_timeline_seek (timeline, second + 30);
  limber_timeline_skip_back (timeline);
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, second);

  limber_timeline_seek (timeline, third + 5);
  limber_timeline_skip_forward (timeline);
  g_assert_true (limber_timeline_is_finished (timeline));
  limber_timeline_skip_back (timeline);
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, third);

  limber_timeline_seek (timeline, third + 40);
  limber_timeline_repeat_exercise (timeline, 0);
  g_assert_cmpfloat (limber_timeline_get_position (timeline), ==, 0);
  g_assert_cmpuint (limber_timeline_get_current (timeline, NULL)->exercise, ==, 0);
}

/* The shipped template's 45 minutes run through on the fake clock in steps of a frame, each
 * step met in order and none skipped. */
static void
test_whole_session (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/templates/hip-pain.json",
                                                     0, &error);
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberTimeline) timeline = NULL;
  guint last = 0, frames = 0;

  g_assert_no_error (error);
  program = limber_template_load (bytes, "hip-pain.json", &error);
  g_assert_no_error (error);
  timeline = timeline_on_fake_clock (program, library);
  g_assert_cmpfloat (limber_timeline_get_total (timeline), ==, 2756);

  limber_timeline_play (timeline);
  while (!limber_timeline_is_finished (timeline))
    {
      guint index;

      fake_now += G_USEC_PER_SEC / 60;
      frames++;
      index = limber_timeline_find_step (timeline, limber_timeline_get_position (timeline));
      g_assert_true (index == last || index == last + 1);
      last = index;
    }
  g_assert_cmpuint (last, ==, limber_timeline_get_n_steps (timeline) - 1);
  /* 2,756 s in frames of 16,666 µs, the last one reaching past the end. */
  g_assert_cmpuint (frames, ==, (2756 * (gint64) G_USEC_PER_SEC + G_USEC_PER_SEC / 60 - 1) /
                                (G_USEC_PER_SEC / 60));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/timeline/total-is-estimate", test_total_is_estimate);
  g_test_add_func ("/limber/timeline/order-both-sides", test_order_both_sides);
  g_test_add_func ("/limber/timeline/order-alternating", test_order_alternating);
  g_test_add_func ("/limber/timeline/order-each-way", test_order_each_way);
  g_test_add_func ("/limber/timeline/clock-and-pause", test_clock_and_pause);
  g_test_add_func ("/limber/timeline/skip-and-repeat", test_skip_and_repeat);
  g_test_add_func ("/limber/timeline/whole-session", test_whole_session);

  return g_test_run ();
}
