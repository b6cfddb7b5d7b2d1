/* limber-player.c: plays a program as a guided session. The timeline owns the time; a tick
 * callback reads it, drives the figure and the labels (each set only when its text changes),
 * plays a cue when a step begins, and stops after every exercise to ask how it went. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "limber-figure-view.h"
#include "limber-player-private.h"
#include "limber-video-view.h"
#include "limber-video.h"

#define NONE G_MAXUINT
#define N_PAIN (LIMBER_PAIN_MAX + 1)

/* Widths at which the type steps down, so a 360 px phone and a television both fit. */
#define SMALL_WIDTH 600
#define LARGE_WIDTH 1400
#define LARGE_HEIGHT 860

typedef enum
{
  SIZE_SMALL,
  SIZE_MEDIUM,
  SIZE_LARGE,
} SizeClass;

struct _LimberPlayer
{
  AdwWindow            parent_instance;

  LimberLibrary       *library;
  LimberProgram       *program;
  GSettings           *settings;
  LimberTimeline      *timeline;
  LimberSession       *session;
  LimberCues          *cues;
  gboolean             cues_failed;

  guint                tick_id;
  guint                current_exercise;  /* on show; NONE between exercises */
  guint                last_step;         /* the step a cue was last decided for */
  guint                logging_exercise;  /* asked about in the log panel, or NONE */
  int                  countdown_shown;
  int                  time_left_shown;
  gboolean             started;
  gboolean             complete;
  SizeClass            size_class;
  double               phase_starts[4];   /* move, hold, return, end of the motion on show */

  GtkToggleButton     *pain_buttons[N_PAIN];

  AdwWindowTitle      *window_title;
  GtkToggleButton     *steps_button;
  GtkWidget           *fullscreen_button;
  GtkStack            *pages;
  AdwFlap             *flap;
  GtkBox              *steps_list;
  GtkWidget           *cautions_box;
  GtkBox              *cautions_list;
  GtkLabel            *name_label;
  GtkBox              *main_box;
  GtkStack            *demonstration_stack;
  LimberFigureView    *figure_view;
  GtkLabel            *step_label;
  GtkLabel            *countdown_label;
  GtkLabel            *status_label;
  GtkLabel            *next_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *time_left_label;
  GtkButton           *play_button;
  GtkWidget           *repeat_button;
  GtkWidget           *repeat_icon_button;
  GtkWidget           *session_box;
  GtkWidget           *controls;
  GtkLabel            *note_label;
  char                *sound_note;    /* said once: the session goes on without sound */
  char                *video_note;    /* why this exercise's clinic video is not shown */
  GFile               *video_folder;  /* the store's, for clinic videos; NULL for none */
  LimberVideoView     *video_view;
  GtkLabel            *log_title;
  GtkOrientable       *outcome_box;
  GtkToggleButton     *done_button;
  GtkToggleButton     *partly_button;
  GtkToggleButton     *skipped_button;
  GtkWidget           *pain_box;
  GtkFlowBox          *pain_flow;
  GtkLabel            *pain_meaning_label;
  GtkWidget           *continue_button;
  GtkListBox          *summary_list;
  GtkWidget           *close_button;
};

enum {
  LOGGED,
  CUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberPlayer, limber_player, ADW_TYPE_WINDOW)

static void update_ticking (LimberPlayer *self);

/* Setting a label's text relayouts it: big labels are only touched when their words change. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static LimberExercise *
get_exercise (LimberPlayer *self,
              guint         index)
{
  const LimberPrescription *p = g_ptr_array_index (self->program->prescriptions, index);

  return limber_library_lookup (self->library, p->exercise_id);
}

static const char *
step_to_label (LimberStepKind kind)
{
  switch (kind)
    {
    case LIMBER_STEP_GET_READY:
      return _("Get ready");
    case LIMBER_STEP_MOVE:
      /* Translators: the step of a rep where the patient moves into position */
      return _("Move");
    case LIMBER_STEP_HOLD:
      return _("Hold");
    case LIMBER_STEP_RETURN:
      /* Translators: the step of a rep where the patient moves back to the start */
      return _("Return");
    case LIMBER_STEP_REST:
      return _("Rest");
    case LIMBER_STEP_SWITCH_SIDES:
      /* Translators: between the left side's sets and the right side's */
      return _("Switch sides");
    default:
      g_assert_not_reached ();
    }
}

static const char *
side_to_label (LimberSessionSide side)
{
  switch (side)
    {
    case LIMBER_SESSION_SIDE_LEFT:
      return _("Left side");
    case LIMBER_SESSION_SIDE_RIGHT:
      return _("Right side");
    case LIMBER_SESSION_SIDE_ONE_WAY:
      /* Translators: a walk done one way, then the other */
      return _("One way");
    case LIMBER_SESSION_SIDE_OTHER_WAY:
      return _("Other way");
    case LIMBER_SESSION_SIDE_NONE:
    default:
      return NULL;
    }
}

static LimberCue
step_to_cue (LimberStepKind kind)
{
  switch (kind)
    {
    case LIMBER_STEP_MOVE:
      return LIMBER_CUE_START;
    case LIMBER_STEP_HOLD:
      return LIMBER_CUE_HOLD;
    case LIMBER_STEP_RETURN:
      return LIMBER_CUE_RELAX;
    case LIMBER_STEP_REST:
    case LIMBER_STEP_SWITCH_SIDES:
      return LIMBER_CUE_REST;
    case LIMBER_STEP_GET_READY:
    default:
      return LIMBER_CUE_NEXT;
    }
}

/* @part with its spaces made unbreakable, so a narrow window wraps only between parts. */
static char *
unbroken (const char *part)
{
  g_auto(GStrv) words = g_strsplit (part, " ", -1);

  return g_strjoinv ("\u00a0", words);
}

/* "Set 2 of 3 · Rep 7 of 15 · Left side" */
static char *
format_status (const LimberStep *step)
{
  /* Translators: the first number is the set being done, the second how many there are */
  g_autofree char *set = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Set %u of %u",
                                                       "Set %u of %u", step->n_sets),
                                          step->set, step->n_sets);
  /* Translators: the first number is the repetition being done, the second how many */
  g_autofree char *rep = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rep %u of %u",
                                                       "Rep %u of %u", step->n_reps),
                                          step->rep, step->n_reps);
  g_autofree char *side = side_to_label (step->side) != NULL ? unbroken (side_to_label (step->side))
                                                              : NULL;
  g_autofree char *set_part = unbroken (set);
  g_autofree char *rep_part = unbroken (rep);

  if (side != NULL)
    /* Translators: the set, the rep and the side, as in "Set 2 of 3 · Rep 7 of 15 · Left side" */
    return g_strdup_printf (_("%s · %s · %s"), set_part, rep_part, side);
  /* Translators: the set and the rep, as in "Set 2 of 3 · Rep 7 of 15" */
  return g_strdup_printf (_("%s · %s"), set_part, rep_part);
}

/* What comes after the current run of reps: a rest, another exercise, or the end. */
static char *
format_next (LimberPlayer *self,
             guint         index)
{
  guint n = limber_timeline_get_n_steps (self->timeline);

  for (guint i = index + 1; i < n; i++)
    {
      const LimberStep *step = limber_timeline_get_step (self->timeline, i);

      if (step->kind == LIMBER_STEP_REST)
        {
          guint seconds = (guint) step->duration;

          /* Translators: the rest that comes next; %u is seconds */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next: Rest %u s",
                                               "Next: Rest %u s", seconds), seconds);
        }
      if (step->kind == LIMBER_STEP_SWITCH_SIDES)
        /* Translators: what comes after the left side's sets */
        return g_strdup (_("Next: Right side"));
      if (step->kind == LIMBER_STEP_GET_READY)
        /* Translators: %s is the name of the exercise that comes next */
        return g_strdup_printf (_("Next: %s"),
                                limber_exercise_get_name (get_exercise (self, step->exercise)));
    }
  return g_strdup (_("Last exercise"));
}

/* The motion's instant for a step: the move and return phases stretched over the prescribed
 * tempo, the hold pose held, the start pose while getting ready or resting. */
static double
figure_time (LimberPlayer     *self,
             const LimberStep *step,
             double            elapsed)
{
  double u = step->duration > 0 ? CLAMP (elapsed / step->duration, 0, 1) : 1;
  double move = self->phase_starts[0], hold = self->phase_starts[1];
  double back = self->phase_starts[2], end = self->phase_starts[3];

  switch (step->kind)
    {
    case LIMBER_STEP_MOVE:
      return move + (hold - move) * u;
    case LIMBER_STEP_HOLD:
      return hold;
    case LIMBER_STEP_RETURN:
      /* Just short of the end, which is the start again. */
      return back + (end - back) * MIN (u, 0.999);
    case LIMBER_STEP_GET_READY:
    case LIMBER_STEP_REST:
    case LIMBER_STEP_SWITCH_SIDES:
    default:
      return 0;
    }
}

static void
load_motion (LimberPlayer   *self,
             LimberExercise *exercise)
{
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  g_autoptr(LimberMotion) motion = NULL;
  g_autoptr(GError) error = NULL;
  double end;

  motion = limber_motion_new_for_id (limber_exercise_get_id (exercise), &error);
  if (motion == NULL)
    g_message ("No demonstration for %s: %s", limber_exercise_get_id (exercise), error->message);
  limber_figure_view_set_motion (self->figure_view, motion);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->demonstration_stack), "custom") != 0)
    gtk_stack_set_visible_child_name (self->demonstration_stack,
                                      motion != NULL ? "figure" : "none");
  if (motion == NULL)
    return;

  /* A motion without a hold or a return phase holds, or returns, at its turning point. */
  end = limber_motion_get_duration (motion, &timing);
  self->phase_starts[0] = MAX (limber_motion_get_phase_start (motion, &timing,
                                                              LIMBER_PHASE_MOVE), 0);
  self->phase_starts[2] = limber_motion_get_phase_start (motion, &timing, LIMBER_PHASE_RETURN);
  if (self->phase_starts[2] < 0)
    self->phase_starts[2] = end;
  self->phase_starts[1] = limber_motion_get_phase_start (motion, &timing, LIMBER_PHASE_HOLD);
  if (self->phase_starts[1] < 0)
    self->phase_starts[1] = self->phase_starts[2];
  self->phase_starts[3] = end;
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
numbered_line (const char *number,
               const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *marker = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (marker, number[0] == '\0' || g_ascii_isdigit (number[0])
                                    ? "step-number" : "list-bullet");
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void load_video (LimberPlayer *self,
                        guint         index);

static void
show_exercise (LimberPlayer *self,
               guint         index)
{
  LimberExercise *exercise = get_exercise (self, index);
  const char * const *steps = limber_exercise_get_steps (exercise);
  const char * const *cautions = limber_exercise_get_cautions (exercise);
  gboolean any_caution = FALSE;

  self->current_exercise = index;
  set_text (self->name_label, limber_exercise_get_name (exercise));
  load_motion (self, exercise);
  load_video (self, index);

  remove_children (self->steps_list);
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_box_append (self->steps_list, numbered_line (number, steps[i]));
    }
  remove_children (self->cautions_list);
  for (guint i = 0; cautions != NULL && cautions[i] != NULL; i++)
    {
      gtk_box_append (self->cautions_list, numbered_line ("•", cautions[i]));
      any_caution = TRUE;
    }
  gtk_widget_set_visible (self->cautions_box, any_caution);
}

/* The figure again, keeping the video view for the next exercise that has a video. */
static void
show_figure (LimberPlayer *self)
{
  gtk_stack_set_visible_child_name (self->demonstration_stack,
                                    limber_figure_view_get_motion (self->figure_view) != NULL
                                    ? "figure" : "none");
}

static void
update_note (LimberPlayer *self)
{
  g_autofree char *text = NULL;

  if (self->sound_note != NULL && self->video_note != NULL)
    text = g_strdup_printf ("%s\n%s", self->video_note, self->sound_note);
  else
    text = g_strdup (self->video_note != NULL ? self->video_note : self->sound_note);

  gtk_label_set_label (self->note_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text != NULL);
}

static void
show_note (LimberPlayer *self,
           const char   *text)
{
  /* Said once: the session goes on without sound. */
  if (self->sound_note != NULL)
    return;
  g_message ("%s", text);
  self->sound_note = g_strdup (text);
  update_note (self);
}

/* GStreamer could not play the clinic's video: the figure, which follows the session, and
 * the reason. */
static void
video_message_cb (LimberPlayer *self)
{
  const char *message = limber_video_view_get_message (self->video_view);

  if (message == NULL || message[0] == '\0' || limber_video_view_get_showing_video (self->video_view))
    return;

  g_free (self->video_note);
  self->video_note = g_strdup (message);
  show_figure (self);
  update_note (self);
}

/* The prescription's own video, else the clinic's for the exercise, else the figure. A video
 * that is missing or cannot be played is said in a line; the figure takes its place. */
static void
load_video (LimberPlayer *self,
            guint         index)
{
  const LimberPrescription *p = g_ptr_array_index (self->program->prescriptions, index);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  g_clear_pointer (&self->video_note, g_free);
  if (self->video_folder != NULL &&
      (name = limber_video_choose (self->video_folder, p->video, p->exercise_id, &error)) != NULL)
    file = limber_video_resolve (self->video_folder, name, &error);

  if (file == NULL)
    {
      if (error != NULL)
        {
          /* Translators: %s says why, naming the video */
          self->video_note = g_strdup_printf (_("The clinic’s video is not shown: %s"),
                                              error->message);
          g_message ("%s", self->video_note);
        }
      if (self->video_view != NULL)
        limber_video_view_set_video (self->video_view, NULL);
      show_figure (self);
      update_note (self);
      return;
    }

  if (self->video_view == NULL)
    {
      self->video_view = LIMBER_VIDEO_VIEW (limber_video_view_new ());
      g_signal_connect_object (self->video_view, "notify::message",
                               G_CALLBACK (video_message_cb), self, G_CONNECT_SWAPPED);
      limber_player_set_demonstration (self, GTK_WIDGET (self->video_view));
    }
  else
    gtk_stack_set_visible_child (self->demonstration_stack, GTK_WIDGET (self->video_view));

  limber_video_view_set_video (self->video_view, file);
  update_note (self);
  video_message_cb (self);
}

static void
apply_cue_settings (LimberPlayer *self)
{
  if (self->cues == NULL || self->settings == NULL)
    return;
  limber_cues_set_volume (self->cues, g_settings_get_double (self->settings, "cue-volume"));
  limber_cues_set_muted (self->cues, g_settings_get_boolean (self->settings, "cues-muted"));
}

/* The sound output is opened at the first cue; if it cannot be, the session goes on silent. */
static void
play_cue (LimberPlayer *self,
          LimberCue     cue)
{
  g_autoptr(GError) error = NULL;

  g_signal_emit (self, signals[CUE], 0, (guint) cue);
  if (self->cues_failed)
    return;
  if (self->cues == NULL && gst_init_check (NULL, NULL, &error))
    {
      self->cues = limber_cues_new (NULL, &error);
      apply_cue_settings (self);
    }
  if (self->cues == NULL || !limber_cues_play (self->cues, cue, &error))
    {
      g_autofree char *note = NULL;

      self->cues_failed = TRUE;
      g_assert (error != NULL);
      /* Translators: %s says why, as in "The sounds cannot be played: …" */
      note = g_strdup_printf (_("The session goes on without sound. %s"), error->message);
      show_note (self, note);
    }
}

static void
update_play_button (LimberPlayer *self)
{
  gboolean playing = limber_timeline_get_playing (self->timeline);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (Space)") : _("Play (Space)"));
  /* An icon button is named for screen readers by what it does now. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"), -1);
}

/* The session's and the keys' actions work on the session page only. */
static void
update_actions (LimberPlayer *self)
{
  gboolean session = g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "session") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.play-pause", session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.skip-back", session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.skip-forward", session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.repeat", session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps_button), session);
}

static void
show_page (LimberPlayer *self,
           const char   *name)
{
  gtk_stack_set_visible_child_name (self->pages, name);
  update_actions (self);
}

static void
start_log (LimberPlayer *self,
           guint         exercise)
{
  g_autofree char *title = NULL;

  limber_timeline_pause (self->timeline);
  update_ticking (self);
  update_play_button (self);
  self->logging_exercise = exercise;

  /* Translators: %s is an exercise's name */
  title = g_strdup_printf (_("How did %s go?"),
                           limber_exercise_get_name (get_exercise (self, exercise)));
  gtk_label_set_label (self->log_title, title);
  gtk_toggle_button_set_active (self->done_button, FALSE);
  gtk_toggle_button_set_active (self->partly_button, FALSE);
  gtk_toggle_button_set_active (self->skipped_button, FALSE);
  for (guint i = 0; i < N_PAIN; i++)
    gtk_toggle_button_set_active (self->pain_buttons[i], FALSE);
  gtk_label_set_label (self->pain_meaning_label, "");
  gtk_widget_set_sensitive (self->continue_button, FALSE);
  show_page (self, "log");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static int
get_pain (LimberPlayer *self)
{
  for (guint i = 0; i < N_PAIN; i++)
    if (gtk_toggle_button_get_active (self->pain_buttons[i]))
      return i;
  return LIMBER_PAIN_NONE;
}

static gboolean
get_outcome (LimberPlayer  *self,
             LimberOutcome *outcome)
{
  if (gtk_toggle_button_get_active (self->done_button))
    *outcome = LIMBER_OUTCOME_DONE;
  else if (gtk_toggle_button_get_active (self->partly_button))
    *outcome = LIMBER_OUTCOME_PARTLY;
  else if (gtk_toggle_button_get_active (self->skipped_button))
    *outcome = LIMBER_OUTCOME_SKIPPED;
  else
    return FALSE;
  return TRUE;
}

/* Pain is asked unless the exercise was skipped; Continue waits for both answers. */
static void
answer_changed_cb (LimberPlayer *self)
{
  LimberOutcome outcome;
  gboolean answered = get_outcome (self, &outcome);
  gboolean skipped = answered && outcome == LIMBER_OUTCOME_SKIPPED;
  int pain = get_pain (self);

  gtk_widget_set_visible (self->pain_box, !skipped);
  gtk_label_set_label (self->pain_meaning_label, limber_pain_describe (pain));
  if (pain >= LIMBER_PAIN_STOP)
    gtk_widget_add_css_class (GTK_WIDGET (self->pain_meaning_label), "stop");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pain_meaning_label), "stop");
  gtk_widget_set_sensitive (self->continue_button,
                            answered && (skipped || pain != LIMBER_PAIN_NONE));
}

static void
add_summary_row (LimberPlayer             *self,
                 const LimberSessionEntry *entry)
{
  LimberExercise *exercise = limber_library_lookup (self->library, entry->exercise_id);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 exercise != NULL ? limber_exercise_get_name (exercise)
                                                  : entry->exercise_id);
  if (entry->pain == LIMBER_PAIN_NONE)
    subtitle = g_strdup (limber_outcome_to_label (entry->outcome));
  else
    /* Translators: how an exercise went, then the pain, as in "Partly · pain 7 of 10" */
    subtitle = g_strdup_printf (_("%s · pain %d of 10"),
                                limber_outcome_to_label (entry->outcome), entry->pain);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->summary_list, row);
}

static void
finish_session (LimberPlayer *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  limber_timeline_pause (self->timeline);
  update_ticking (self);
  self->complete = TRUE;
  limber_session_finish (self->session, now);
  for (guint i = 0; i < self->session->entries->len; i++)
    add_summary_row (self, g_ptr_array_index (self->session->entries, i));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_list), self->session->entries->len > 0);
  show_page (self, "complete");
  gtk_widget_grab_focus (self->close_button);
  g_signal_emit (self, signals[LOGGED], 0, self->session);
}

static void
continue_clicked_cb (LimberPlayer *self)
{
  const LimberPrescription *p;
  LimberOutcome outcome;
  int pain = get_pain (self);

  if (self->logging_exercise == NONE || !get_outcome (self, &outcome))
    return;

  p = g_ptr_array_index (self->program->prescriptions, self->logging_exercise);
  limber_session_log (self->session, p->id, p->exercise_id, outcome,
                      outcome == LIMBER_OUTCOME_SKIPPED ? LIMBER_PAIN_NONE : pain);
  self->logging_exercise = NONE;
  self->current_exercise = NONE;
  g_signal_emit (self, signals[LOGGED], 0, self->session);

  if (limber_timeline_is_finished (self->timeline))
    {
      finish_session (self);
      return;
    }
  show_page (self, "session");
  limber_timeline_play (self->timeline);
  update_play_button (self);
  limber_player_update (self);
  update_ticking (self);
}

static void
step_changed (LimberPlayer     *self,
              guint             index,
              const LimberStep *step)
{
  g_autofree char *status = format_status (step);
  g_autofree char *next = format_next (self, index);

  set_text (self->status_label, status);
  set_text (self->next_label, next);
}

/* Reads the timeline and shows it: called on every frame while playing, and after every
 * command. */
void
limber_player_update (LimberPlayer *self)
{
  const LimberStep *step;
  double position, remaining, total;
  gboolean finished;
  guint index;
  int countdown, time_left;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (self->logging_exercise != NONE || self->complete)
    return;
  if (limber_timeline_get_n_steps (self->timeline) == 0)
    {
      finish_session (self);
      return;
    }

  position = limber_timeline_get_position (self->timeline);
  finished = limber_timeline_is_finished (self->timeline);
  index = limber_timeline_find_step (self->timeline, position);
  step = limber_timeline_get_step (self->timeline, index);

  /* Leaving an exercise forwards, by time or by skipping, asks how it went. */
  if (self->current_exercise != NONE &&
      (finished || step->exercise > self->current_exercise))
    {
      start_log (self, self->current_exercise);
      return;
    }
  if (step->exercise != self->current_exercise)
    show_exercise (self, step->exercise);

  if (index != self->last_step)
    {
      /* A cue for a step reached by playing on, never for one sought backwards. */
      if (limber_timeline_get_playing (self->timeline) &&
          (self->last_step == NONE || index > self->last_step))
        play_cue (self, step_to_cue (step->kind));
      self->last_step = index;
      step_changed (self, index, step);
    }

  set_text (self->step_label, limber_timeline_get_playing (self->timeline)
                              ? step_to_label (step->kind) : _("Paused"));
  remaining = MAX (step->start + step->duration - position, 0);
  countdown = (int) ceil (remaining - 1e-6);
  if (countdown != self->countdown_shown)
    {
      g_autofree char *text = g_strdup_printf ("%d", countdown);

      self->countdown_shown = countdown;
      gtk_label_set_label (self->countdown_label, text);
    }

  limber_figure_view_set_time (self->figure_view,
                               figure_time (self, step, step->duration - remaining));

  total = limber_timeline_get_total (self->timeline);
  time_left = (int) ceil (total - position - 1e-6);
  if (time_left != self->time_left_shown)
    {
      g_autofree char *text = NULL;

      self->time_left_shown = time_left;
      /* Translators: minutes and seconds left of the whole session */
      text = g_strdup_printf (_("%d:%02d left"), time_left / 60, time_left % 60);
      gtk_label_set_label (self->time_left_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? position / total : 1);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  limber_player_update (LIMBER_PLAYER (widget));
  return G_SOURCE_CONTINUE;
}

/* Frames are asked for only while the session plays. */
static void
update_ticking (LimberPlayer *self)
{
  gboolean tick = limber_timeline_get_playing (self->timeline) && !self->complete &&
                  self->logging_exercise == NONE;

  if (tick && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  else if (!tick && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
after_command (LimberPlayer *self)
{
  update_play_button (self);
  limber_player_update (self);
  update_ticking (self);
}

static void
play_pause_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberPlayer *self = LIMBER_PLAYER (widget);

  if (limber_timeline_get_playing (self->timeline))
    limber_timeline_pause (self->timeline);
  else
    limber_timeline_play (self->timeline);
  after_command (self);
}

static void
skip_back_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberPlayer *self = LIMBER_PLAYER (widget);

  limber_timeline_skip_back (self->timeline);
  after_command (self);
}

static void
skip_forward_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberPlayer *self = LIMBER_PLAYER (widget);

  limber_timeline_skip_forward (self->timeline);
  after_command (self);
}

static void
repeat_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LimberPlayer *self = LIMBER_PLAYER (widget);
  const LimberStep *step = limber_timeline_get_current (self->timeline, NULL);

  if (step != NULL)
    limber_timeline_repeat_exercise (self->timeline, step->exercise);
  after_command (self);
}

static void
fullscreen_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

/* Esc leaves full screen first, as video players do; otherwise it closes the session. */
static void
escape_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_close (GTK_WINDOW (widget));
}

static void
fullscreened_cb (LimberPlayer *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  gtk_button_set_icon_name (GTK_BUTTON (self->fullscreen_button),
                            fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (self->fullscreen_button,
                               fullscreen ? _("Leave Full Screen (Esc)")
                                          : _("Full Screen (F11)"));
}

/* What was logged is kept when the patient leaves early: the caller saves it as it is. */
static gboolean
limber_player_close_request (GtkWindow *window)
{
  LimberPlayer *self = LIMBER_PLAYER (window);

  limber_timeline_pause (self->timeline);
  update_ticking (self);
  if (!self->complete)
    g_signal_emit (self, signals[LOGGED], 0, self->session);
  if (GTK_WINDOW_CLASS (limber_player_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (limber_player_parent_class)->close_request (window);
  return FALSE;
}

/* The type steps down with the window's size (libadwaita 1.2 has no breakpoints). */
static void
apply_size_class (LimberPlayer *self,
                  int           width,
                  int           height)
{
  static const char * const classes[] = { "small", "medium", "large" };
  SizeClass size = width < SMALL_WIDTH ? SIZE_SMALL
                   : width >= LARGE_WIDTH && height >= LARGE_HEIGHT ? SIZE_LARGE
                   : SIZE_MEDIUM;
  GtkOrientation orientation;

  if (size == self->size_class)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self), classes[self->size_class]);
  gtk_widget_add_css_class (GTK_WIDGET (self), classes[size]);
  self->size_class = size;
  /* At phone width the figure goes above the countdown, the answers one under another, and
   * "Repeat Exercise" becomes an icon. */
  orientation = size == SIZE_SMALL ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box), orientation);
  gtk_orientable_set_orientation (self->outcome_box, orientation);
  gtk_widget_set_visible (self->repeat_button, size != SIZE_SMALL);
  gtk_widget_set_visible (self->repeat_icon_button, size == SIZE_SMALL);
  gtk_widget_set_margin_start (self->session_box, size == SIZE_SMALL ? 12 : 24);
  gtk_widget_set_margin_end (self->session_box, size == SIZE_SMALL ? 12 : 24);
  gtk_box_set_spacing (GTK_BOX (self->controls), size == SIZE_SMALL ? 12 : 18);
}

static void
limber_player_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  apply_size_class (LIMBER_PLAYER (widget), width, height);
  GTK_WIDGET_CLASS (limber_player_parent_class)->size_allocate (widget, width, height, baseline);
}

/* The session starts when it is first shown, so that nothing is missed before. */
static void
limber_player_map (GtkWidget *widget)
{
  LimberPlayer *self = LIMBER_PLAYER (widget);

  GTK_WIDGET_CLASS (limber_player_parent_class)->map (widget);
  if (self->started)
    return;
  self->started = TRUE;
  limber_timeline_play (self->timeline);
  after_command (self);
}

static void
limber_player_dispose (GObject *object)
{
  LimberPlayer *self = LIMBER_PLAYER (object);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  /* The video view goes with the template; what it says on its way is no longer wanted. */
  if (self->video_view != NULL)
    g_signal_handlers_disconnect_by_data (self->video_view, self);
  self->video_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PLAYER);
  g_clear_object (&self->cues);
  g_clear_object (&self->timeline);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->video_folder);
  g_clear_pointer (&self->sound_note, g_free);
  g_clear_pointer (&self->video_note, g_free);

  G_OBJECT_CLASS (limber_player_parent_class)->dispose (object);
}

static void
limber_player_finalize (GObject *object)
{
  LimberPlayer *self = LIMBER_PLAYER (object);

  g_clear_pointer (&self->program, limber_program_free);
  g_clear_pointer (&self->session, limber_session_free);

  G_OBJECT_CLASS (limber_player_parent_class)->finalize (object);
}

static void
limber_player_class_init (LimberPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_player_dispose;
  object_class->finalize = limber_player_finalize;
  widget_class->size_allocate = limber_player_size_allocate;
  widget_class->map = limber_player_map;
  window_class->close_request = limber_player_close_request;

  /* After each exercise is logged, at the end, and when the window closes early: cheap to
   * handle, as the caller saves the patient's document each time. */
  signals[LOGGED] = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* A cue is due (played, unless muted or there is no sound output). */
  signals[CUE] = g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (LIMBER_TYPE_FIGURE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-player.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, steps_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, pages);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, flap);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, steps_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, cautions_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, main_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, demonstration_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, figure_view);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, step_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, status_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, play_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, repeat_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, repeat_icon_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, session_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, controls);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, note_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, log_title);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, done_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, partly_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, skipped_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, pain_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, pain_flow);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, pain_meaning_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, continue_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, summary_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayer, close_button);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);

  gtk_widget_class_install_action (widget_class, "player.play-pause", NULL, play_pause_cb);
  gtk_widget_class_install_action (widget_class, "player.skip-back", NULL, skip_back_cb);
  gtk_widget_class_install_action (widget_class, "player.skip-forward", NULL, skip_forward_cb);
  gtk_widget_class_install_action (widget_class, "player.repeat", NULL, repeat_cb);
  gtk_widget_class_install_action (widget_class, "player.fullscreen", NULL, fullscreen_cb);
  gtk_widget_class_install_action (widget_class, "player.escape", NULL, escape_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "player.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "player.escape", NULL);
}

/* Space and the arrows are taken before a focused button sees them, so that Space always
 * pauses; on the log page their actions are off and the keys reach the answers. */
static void
add_session_keys (LimberPlayer *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_space, "player.play-pause" },
    { GDK_KEY_Left, "player.skip-back" },
    { GDK_KEY_Right, "player.skip-forward" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
limber_player_init (LimberPlayer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current_exercise = NONE;
  self->last_step = NONE;
  self->logging_exercise = NONE;
  self->countdown_shown = -1;
  self->time_left_shown = -1;
  self->size_class = SIZE_MEDIUM;
  gtk_widget_add_css_class (GTK_WIDGET (self), "medium");

  for (guint i = 0; i < N_PAIN; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      gtk_widget_add_css_class (button, "player-pain");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->pain_buttons[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (answer_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->pain_flow, button);
      self->pain_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  g_signal_connect_object (self->done_button, "toggled", G_CALLBACK (answer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->partly_button, "toggled", G_CALLBACK (answer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skipped_button, "toggled", G_CALLBACK (answer_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->steps_button, "active", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
  add_session_keys (self);
}

/* Plays @program from the start. @settings (may be NULL) gives the cues' volume and mute. */
LimberPlayer *
limber_player_new (GtkWindow           *transient_for,
                   LimberLibrary       *library,
                   const LimberProgram *program,
                   GSettings           *settings)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  LimberPlayer *self;

  g_return_val_if_fail (transient_for == NULL || GTK_IS_WINDOW (transient_for), NULL);
  g_return_val_if_fail (LIMBER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_PLAYER, "transient-for", transient_for, NULL);
  self->library = g_object_ref (library);
  self->program = limber_program_copy (program);
  self->timeline = limber_timeline_new (self->program, library);
  self->session = limber_session_new (self->program->id, now);
  adw_window_title_set_title (self->window_title, self->program->name);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::cue-volume",
                               G_CALLBACK (apply_cue_settings), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::cues-muted",
                               G_CALLBACK (apply_cue_settings), self, G_CONNECT_SWAPPED);
    }

  update_actions (self);
  return self;
}

/* For tests: the session runs on @clock from where it is. */
void
limber_player_set_clock (LimberPlayer    *self,
                         LimberClockFunc  clock,
                         gpointer         user_data)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));
  limber_timeline_set_clock (self->timeline, clock, user_data);
}

LimberTimeline *
limber_player_get_timeline (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  return self->timeline;
}

/* The session being logged; it stays the player's. */
LimberSession *
limber_player_get_session (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  return self->session;
}

/* Shows @widget (a clinic's video, say) in place of the animated figure; NULL brings the
 * figure back. The widget can follow the session through limber_player_get_timeline(). */
void
limber_player_set_demonstration (LimberPlayer *self,
                                 GtkWidget    *widget)
{
  GtkWidget *old;

  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if ((old = gtk_stack_get_child_by_name (self->demonstration_stack, "custom")) != NULL)
    gtk_stack_remove (self->demonstration_stack, old);
  if (widget != NULL)
    {
      gtk_stack_add_named (self->demonstration_stack, widget, "custom");
      gtk_stack_set_visible_child_name (self->demonstration_stack, "custom");
    }
  else
    gtk_stack_set_visible_child_name (self->demonstration_stack,
                                      limber_figure_view_get_motion (self->figure_view) != NULL
                                      ? "figure" : "none");
}

/* Plays the clinic's videos from the store folder @folder, where exercises have them. Set
 * before the window is shown; NULL (the default) always shows the figure. */
void
limber_player_set_video_folder (LimberPlayer *self,
                                GFile        *folder)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->video_folder, folder);
  if (self->current_exercise != NONE)
    load_video (self, self->current_exercise);
}

/* For tests: cues into a fake sound output instead of the desktop's. */
void
limber_player_set_cues (LimberPlayer *self,
                        LimberCues   *cues)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (cues == NULL || LIMBER_IS_CUES (cues));

  g_set_object (&self->cues, cues);
  self->cues_failed = FALSE;
  apply_cue_settings (self);
}
