/* test-player.c: the guided session window on a fake clock: what it says at known moments,
 * pausing, skipping, the log after each exercise answered by clicking, the cues in the order
 * of the steps, and the session it leaves for the caller to save. */
#include "config.h"

#include <gst/gst.h>
#include <string.h>

#include "core-test-util.h"
#include "limber-player-private.h"
#include "ui-test-util.h"

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

typedef struct
{
  LimberLibrary *library;
  LimberProgram *program;
  LimberPlayer  *player;
  GArray        *cues;      /* LimberCue, as the player asked for them */
  guint          n_logged;
} Fixture;

static void
cue_cb (LimberPlayer *player,
        guint         cue,
        Fixture      *fixture)
{
  g_array_append_val (fixture->cues, cue);
}

static void
logged_cb (LimberPlayer  *player,
           LimberSession *session,
           Fixture       *fixture)
{
  g_assert_true (session == limber_player_get_session (player));
  fixture->n_logged++;
}

static LimberPrescription *
prescription (LimberLibrary        *library,
              const char           *id,
              LimberPrescribedSide  side,
              guint                 sets,
              guint                 reps,
              guint                 hold,
              guint                 rest)
{
  LimberPrescription *p = limber_prescription_new_for_exercise (limber_library_lookup (library, id));

  p->side = side;
  p->sets = sets;
  p->reps = reps;
  p->hold_seconds = hold;
  p->rest_seconds = rest;
  p->tempo_up = 1;
  p->tempo_down = 1;
  return p;
}

/* Straight leg raise on both sides, 1 × 2 with a 2 s hold: get ready 0–10, left 10–18,
 * switch sides 18–28, right 28–36. Bridge, 2 × 1 with a 1 s hold and a 3 s rest: get ready
 * 36–46, 46–49, rest 49–52, 52–55. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GstElement) sink = gst_object_ref_sink (gst_element_factory_make ("fakesink", NULL));
  g_autoptr(LimberCues) cues = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  fixture->library = load_library ();
  fixture->program = limber_program_new ("Test session");
  g_ptr_array_add (fixture->program->prescriptions,
                   prescription (fixture->library, "straight-leg-raise",
                                 LIMBER_PRESCRIBED_SIDE_BOTH, 1, 2, 2, 0));
  g_ptr_array_add (fixture->program->prescriptions,
                   prescription (fixture->library, "bridge", LIMBER_PRESCRIBED_SIDE_NONE,
                                 2, 1, 1, 3));
  fixture->cues = g_array_new (FALSE, FALSE, sizeof (guint));

  fixture->player = limber_player_new (NULL, fixture->library, fixture->program, NULL);
  g_object_ref_sink (fixture->player);
  fake_now = 1000 * G_USEC_PER_SEC;
  limber_player_set_clock (fixture->player, fake_clock, NULL);
  cues = limber_cues_new (g_steal_pointer (&sink), &error);
  g_assert_no_error (error);
  limber_player_set_cues (fixture->player, cues);
  g_signal_connect (fixture->player, "cue", G_CALLBACK (cue_cb), fixture);
  g_signal_connect (fixture->player, "logged", G_CALLBACK (logged_cb), fixture);

  gtk_window_present (GTK_WINDOW (fixture->player));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->player)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->player));
  g_clear_object (&fixture->player);
  drain ();
  g_clear_pointer (&fixture->program, limber_program_free);
  g_clear_object (&fixture->library);
  g_clear_pointer (&fixture->cues, g_array_unref);
}

static double
position (Fixture *fixture)
{
  return limber_timeline_get_position (limber_player_get_timeline (fixture->player));
}

/* Lets the session play on to @seconds from its start, a quarter second at a time. */
static void
run_to (Fixture *fixture,
        double   seconds)
{
  while (position (fixture) < seconds - 1e-9 &&
         limber_timeline_get_playing (limber_player_get_timeline (fixture->player)))
    {
      fake_now += MIN (0.25, seconds - position (fixture)) * G_USEC_PER_SEC;
      limber_player_update (fixture->player);
      drain ();
    }
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->player), LIMBER_TYPE_PLAYER, name);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  GtkWidget *label = child (fixture, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static const char *
page (Fixture *fixture)
{
  GtkWidget *pages = child (fixture, "pages");

  return gtk_stack_get_visible_child_name (GTK_STACK (pages));
}

static GtkWidget *
button (Fixture    *fixture,
        const char *label)
{
  GtkWidget *found = find_titled (GTK_WIDGET (fixture->player), GTK_TYPE_TOGGLE_BUTTON, label);

  if (found == NULL)
    found = find_titled (GTK_WIDGET (fixture->player), GTK_TYPE_BUTTON, label);
  g_assert_nonnull (found);
  return found;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->player), action, NULL));
  drain ();
}

static const char *
exercise_name (Fixture    *fixture,
               const char *id)
{
  return limber_exercise_get_name (limber_library_lookup (fixture->library, id));
}

static void
assert_cues (Fixture         *fixture,
             const LimberCue *expected,
             guint            n_expected)
{
  g_assert_cmpuint (fixture->cues->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (fixture->cues, guint, i), ==, expected[i]);
}

/* A whole session: the words at known moments, Space and Right, both log panels answered by
 * clicking, and the complete page with what was logged. */
static void
test_player_session (Fixture       *fixture,
                     gconstpointer  data)
{
  static const LimberCue expected[] = {
    LIMBER_CUE_NEXT,
    LIMBER_CUE_START, LIMBER_CUE_HOLD, LIMBER_CUE_RELAX,
    LIMBER_CUE_START, LIMBER_CUE_HOLD, LIMBER_CUE_RELAX,
    LIMBER_CUE_REST,
    LIMBER_CUE_START, LIMBER_CUE_HOLD,
    LIMBER_CUE_NEXT,
    LIMBER_CUE_START, LIMBER_CUE_HOLD, LIMBER_CUE_RELAX, LIMBER_CUE_REST,
    LIMBER_CUE_START, LIMBER_CUE_HOLD, LIMBER_CUE_RELAX,
  };
  LimberTimeline *timeline = limber_player_get_timeline (fixture->player);
  LimberSession *session = limber_player_get_session (fixture->player);
  const LimberSessionEntry *entry;
  g_autofree char *next = g_strdup_printf ("Next: %s", exercise_name (fixture, "bridge"));
  g_autofree char *question = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpstr (page (fixture), ==, "session");
  g_assert_true (limber_timeline_get_playing (timeline));
  g_assert_cmpstr (label_text (fixture, "name_label"), ==,
                   exercise_name (fixture, "straight-leg-raise"));
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Get ready");
  g_assert_cmpstr (label_text (fixture, "countdown_label"), ==, "10");
  g_assert_cmpstr (label_text (fixture, "next_label"), ==, "Next: Right side");

  run_to (fixture, 3.5);
  g_assert_cmpstr (label_text (fixture, "countdown_label"), ==, "7");

  /* The second rep's hold, on the left. */
  run_to (fixture, 15.5);
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Hold");
  g_assert_cmpstr (label_text (fixture, "countdown_label"), ==, "2");
  g_assert_cmpstr (label_text (fixture, "status_label"), ==,
                   "Set\u00a01\u00a0of\u00a01 · Rep\u00a02\u00a0of\u00a02 · Left\u00a0side");
  g_assert_cmpstr (label_text (fixture, "time_left_label"), ==, "0:40 left");

  /* Space pauses: the countdown stands still while time passes. */
  activate (fixture, "player.play-pause");
  g_assert_false (limber_timeline_get_playing (timeline));
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Paused");
  fake_now += 5 * G_USEC_PER_SEC;
  limber_player_update (fixture->player);
  drain ();
  g_assert_cmpstr (label_text (fixture, "countdown_label"), ==, "2");
  g_assert_cmpfloat_with_epsilon (position (fixture), 15.5, 1e-6);
  activate (fixture, "player.play-pause");
  g_assert_true (limber_timeline_get_playing (timeline));

  /* Time to turn to the other side, then the right side's first rep. */
  run_to (fixture, 19.5);
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Switch sides");
  g_assert_cmpstr (label_text (fixture, "countdown_label"), ==, "9");
  g_assert_cmpstr (label_text (fixture, "next_label"), ==, next);
  run_to (fixture, 29.5);
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Hold");
  g_assert_cmpstr (label_text (fixture, "status_label"), ==,
                   "Set\u00a01\u00a0of\u00a01 · Rep\u00a01\u00a0of\u00a02 · Right\u00a0side");

  /* Right skips to the next exercise, by way of the log. */
  activate (fixture, "player.skip-forward");
  g_assert_cmpstr (page (fixture), ==, "log");
  g_assert_false (limber_timeline_get_playing (timeline));
  question = g_strdup_printf ("How did %s go?", exercise_name (fixture, "straight-leg-raise"));
  g_assert_cmpstr (label_text (fixture, "log_title"), ==, question);
  g_assert_false (gtk_widget_get_sensitive (button (fixture, "_Continue")));
  click (button (fixture, "_Done"));
  g_assert_false (gtk_widget_get_sensitive (button (fixture, "_Continue")));
  click (button (fixture, "2"));
  g_assert_cmpstr (label_text (fixture, "pain_meaning_label"), ==, "Fine: carry on.");
  g_assert_cmpuint (fixture->n_logged, ==, 0);
  click (button (fixture, "_Continue"));
  g_assert_cmpuint (fixture->n_logged, ==, 1);
  g_assert_cmpuint (session->entries->len, ==, 1);

  g_assert_cmpstr (page (fixture), ==, "session");
  g_assert_true (limber_timeline_get_playing (timeline));
  g_assert_cmpstr (label_text (fixture, "name_label"), ==, exercise_name (fixture, "bridge"));
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Get ready");
  g_assert_cmpstr (label_text (fixture, "next_label"), ==, "Next: Rest 3 s");

  run_to (fixture, 50);
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Rest");
  g_assert_cmpstr (label_text (fixture, "next_label"), ==, "Last exercise");
  g_assert_cmpstr (label_text (fixture, "status_label"), ==, "Set\u00a01\u00a0of\u00a02 · Rep\u00a01\u00a0of\u00a01");

  /* The end of the last exercise asks about it too. */
  run_to (fixture, 55);
  limber_player_update (fixture->player);
  drain ();
  g_assert_cmpstr (page (fixture), ==, "log");
  click (button (fixture, "S_kipped"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "pain_box")));
  g_assert_true (gtk_widget_get_sensitive (button (fixture, "_Continue")));
  click (button (fixture, "_Partly"));
  g_assert_false (gtk_widget_get_sensitive (button (fixture, "_Continue")));
  click (button (fixture, "7"));
  g_assert_nonnull (strstr (label_text (fixture, "pain_meaning_label"),
                            "stop this exercise and tell your physical therapist"));
  click (button (fixture, "_Continue"));

  g_assert_cmpstr (page (fixture), ==, "complete");
  g_assert_cmpuint (fixture->n_logged, ==, 3);  /* the last exercise, then the end */
  g_assert_nonnull (session->finished);
  g_assert_cmpint (g_date_time_compare (session->finished, session->started), >=, 0);
  g_assert_cmpuint (session->entries->len, ==, 2);
  entry = g_ptr_array_index (session->entries, 0);
  g_assert_cmpstr (entry->exercise_id, ==, "straight-leg-raise");
  g_assert_cmpstr (entry->prescription_id, ==,
                   ((LimberPrescription *) g_ptr_array_index (fixture->program->prescriptions, 0))->id);
  g_assert_cmpint (entry->outcome, ==, LIMBER_OUTCOME_DONE);
  g_assert_cmpint (entry->pain, ==, 2);
  entry = g_ptr_array_index (session->entries, 1);
  g_assert_cmpstr (entry->exercise_id, ==, "bridge");
  g_assert_cmpint (entry->outcome, ==, LIMBER_OUTCOME_PARTLY);
  g_assert_cmpint (entry->pain, ==, 7);
  collect_all (GTK_WIDGET (fixture->player), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==,
                   "Partly · pain 7 of 10");

  assert_cues (fixture, expected, G_N_ELEMENTS (expected));

  /* Closing after the end logs nothing more. */
  gtk_window_close (GTK_WINDOW (fixture->player));
  drain ();
  g_assert_cmpuint (fixture->n_logged, ==, 3);
}

/* Skipped carries no pain; going back plays no cue; closing early keeps the session,
 * unfinished. */
static void
test_player_skip_and_close (Fixture       *fixture,
                            gconstpointer  data)
{
  static const LimberCue expected[] = { LIMBER_CUE_NEXT, LIMBER_CUE_START, LIMBER_CUE_HOLD };
  LimberSession *session = limber_player_get_session (fixture->player);
  const LimberSessionEntry *entry;

  run_to (fixture, 12);
  assert_cues (fixture, expected, G_N_ELEMENTS (expected));
  activate (fixture, "player.skip-back");
  g_assert_cmpfloat (position (fixture), ==, 0);
  g_assert_cmpstr (label_text (fixture, "step_label"), ==, "Get ready");
  assert_cues (fixture, expected, G_N_ELEMENTS (expected));

  /* Repeat goes back to the get-ready too, silently. */
  run_to (fixture, 10.5);
  activate (fixture, "player.repeat");
  g_assert_cmpfloat (position (fixture), ==, 0);
  g_assert_cmpuint (fixture->cues->len, ==, 4);

  activate (fixture, "player.skip-forward");
  g_assert_cmpstr (page (fixture), ==, "log");
  /* The session's keys are off while the log asks. */
  activate (fixture, "player.skip-forward");
  activate (fixture, "player.play-pause");
  g_assert_cmpstr (page (fixture), ==, "log");
  g_assert_false (limber_timeline_get_playing (limber_player_get_timeline (fixture->player)));
  click (button (fixture, "S_kipped"));
  click (button (fixture, "_Continue"));
  g_assert_cmpuint (session->entries->len, ==, 1);
  entry = g_ptr_array_index (session->entries, 0);
  g_assert_cmpint (entry->outcome, ==, LIMBER_OUTCOME_SKIPPED);
  g_assert_cmpint (entry->pain, ==, LIMBER_PAIN_NONE);
  g_assert_cmpuint (fixture->n_logged, ==, 1);

  /* Esc, not full screen, closes the session. */
  activate (fixture, "player.escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->player)));
  g_assert_cmpuint (fixture->n_logged, ==, 2);
  g_assert_null (session->finished);
  g_assert_cmpuint (session->entries->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  gst_init (&argc, &argv);

  g_test_add ("/limber/player/session", Fixture, NULL,
              fixture_set_up, test_player_session, fixture_tear_down);
  g_test_add ("/limber/player/skip-and-close", Fixture, NULL,
              fixture_set_up, test_player_skip_and_close, fixture_tear_down);

  return g_test_run ();
}
