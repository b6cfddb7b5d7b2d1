/* limber-handout-parts.c: the handout's header, its exercise cards and its safety box, each
 * built as one block. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-handout-private.h"

/* ---- The header ---- */

char *
handout_format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: the handout's date, as in "26 November 2026"; see g_date_time_format () */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static char *
format_minutes (guint seconds)
{
  guint minutes = MAX (1, (seconds + 30) / 60);

  /* Translators: how long one session takes, as in "about 25 minutes a session" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u minute a session",
                                       "about %u minutes a session", minutes), minutes);
}

/* A muted label and its value in bold: "Hold 60 seconds", read in that order. */
static double
add_label_value (LimberHandout *self,
                 Block         *block,
                 double         x,
                 double         y,
                 double         width,
                 double         label_w,
                 const char    *label,
                 const char    *value)
{
  return handout_add_hanging (self, block, x, y, width, label_w, label, &muted, FALSE, value, TRUE,
                              FALSE);
}

static double
add_detail (LimberHandout *self,
            Block         *block,
            double         x,
            double         y,
            double         width,
            const char    *label,
            const char    *value)
{
  double label_w = handout_font_size (self, FONT_BODY) * (self->large_print ? 6.2 : 6.8);

  return add_label_value (self, block, x, y, width, label_w, label, value);
}

Block *
handout_build_header (LimberHandout *self,
                      double         width)
{
  const LimberClinic *clinic = self->content->clinic;
  Block *block = handout_block_new ();
  double y = 0, text_x = 0, text_y = 0, logo_h = 0, row, left_h, right_h, half;
  g_autofree char *day = handout_format_day (self->date);
  g_autofree char *minutes = NULL;
  g_autofree char *amount = NULL;
  guint n = self->content->program->prescriptions->len;
  gboolean has_clinic;

  if (self->logo_png != NULL || self->logo_svg != NULL)
    {
      logo_h = self->large_print ? 64 : 52;
      handout_block_add (block, ITEM_LOGO, 0, 0, MIN (logo_h * self->logo_aspect, 180), logo_h);
      text_x = MIN (logo_h * self->logo_aspect, 180) + 14;
    }

  if (clinic->name[0] != '\0')
    text_y += handout_add_text (self, block, text_x, text_y, width - text_x, clinic->name,
                                FONT_HEADING, &ink);
  if (clinic->address[0] != '\0')
    text_y += handout_add_text (self, block, text_x, text_y, width - text_x, clinic->address,
                                FONT_BODY, &ink);
  if (clinic->phone[0] != '\0')
    {
      /* Translators: the clinic's phone number on the handout */
      g_autofree char *phone = g_strdup_printf (_("Phone: %s"), clinic->phone);

      text_y += handout_add_text (self, block, text_x, text_y, width - text_x, phone, FONT_BODY,
                                  &ink);
    }

  has_clinic = logo_h > 0 || text_y > 0;
  if (has_clinic)
    {
      y = MAX (logo_h, text_y) + 10;
      handout_block_add (block, ITEM_LINE, 0, y, width, 0)->stroke = &rule;
      y += 12;
    }

  y += handout_add_text (self, block, 0, y, width, _("Your home exercise program"), FONT_TITLE,
                         &ink) + 8;

  amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u exercise", "%u exercises", n), n);
  minutes = format_minutes (limber_program_estimate_seconds (self->content->program,
                                                             self->library));

  /* Two columns of details, or one in large print. */
  half = self->large_print ? width : (width - 16) / 2;
  row = add_detail (self, block, 0, y, half, _("Patient"), self->content->patient_name);
  if (!self->large_print)
    row = MAX (row, add_detail (self, block, half + 16, y, half, _("Date"), day));
  y += row + 4;
  left_h = add_detail (self, block, 0, y, half, _("Program"), self->content->program->name);
  if (self->large_print)
    {
      y += left_h + 4;
      y += add_detail (self, block, 0, y, half, _("Date"), day) + 4;
      left_h = 0;
    }
  right_h = 0;
  if (clinic->therapist[0] != '\0')
    {
      if (self->large_print)
        y += add_detail (self, block, 0, y, half, _("Therapist"), clinic->therapist) + 4;
      else
        right_h = add_detail (self, block, half + 16, y, half, _("Therapist"), clinic->therapist);
    }
  y += MAX (left_h, right_h) + (left_h > 0 || right_h > 0 ? 4 : 0);
  {
    /* Translators: the program's size and time, as in "8 exercises, about 25 minutes a session" */
    g_autofree char *size = g_strdup_printf (_("%s, %s"), amount, minutes);

    y += add_detail (self, block, 0, y, width, _("Each session"), size);
  }

  block->height = y;
  return block;
}

/* ---- Exercise cards ---- */

static char *
format_count (const LimberPrescription *p,
              LimberExercise           *exercise)
{
  const LimberDosage *dosage = limber_exercise_get_dosage (exercise);
  const char *unit;

  switch (dosage->rep_unit)
    {
    case LIMBER_REP_UNIT_STEP:
      unit = g_dngettext (GETTEXT_PACKAGE, "step", "steps", p->reps);
      break;
    case LIMBER_REP_UNIT_HOLD:
      unit = g_dngettext (GETTEXT_PACKAGE, "time", "times", p->reps);
      break;
    case LIMBER_REP_UNIT_REP:
    default:
      unit = g_dngettext (GETTEXT_PACKAGE, "rep", "reps", p->reps);
      break;
    }
  /* Translators: sets × repetitions on the handout, as in "2 × 10 reps" */
  return g_strdup_printf (_("%u × %u %s"), p->sets, p->reps, unit);
}

static char *
format_seconds (guint seconds)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", seconds),
                          seconds);
}

static const char *
side_text (LimberPrescribedSide side)
{
  switch (side)
    {
    case LIMBER_PRESCRIBED_SIDE_LEFT:
      return _("Left side");
    case LIMBER_PRESCRIBED_SIDE_RIGHT:
      return _("Right side");
    case LIMBER_PRESCRIBED_SIDE_BOTH:
      return _("Each side");
    case LIMBER_PRESCRIBED_SIDE_ALTERNATING:
      return _("Sides in turn");
    case LIMBER_PRESCRIBED_SIDE_NONE:
    default:
      return "—";
    }
}

char *
handout_capitalize (char *text)
{
  g_autofree char *first = NULL;
  char *rest;

  if (text == NULL || text[0] == '\0')
    return text;
  rest = g_utf8_next_char (text);
  first = g_utf8_strup (text, rest - text);
  rest = g_strconcat (first, rest, NULL);
  g_free (text);
  return rest;
}

/* The dosage as a shaded table of label and value rows, under the figure. */
static double
add_dosage_table (LimberHandout            *self,
                  Block                    *block,
                  double                    x,
                  double                    y,
                  double                    width,
                  const LimberPrescription *p,
                  LimberExercise           *exercise)
{
  const char *labels[6] = {
    _("Sets × reps"), _("Hold"), _("Rest"), _("Side"), _("How often"), _("Load"),
  };
  char *values[6];
  double pad = 6, label_w, top = y;
  guint box;

  /* The widest label sets the column, measured once a layout. */
  if (self->dosage_label_w == 0)
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autoptr(PangoLayout) label = handout_make_layout (self, labels[i], FONT_BODY, 0, 0);

        self->dosage_label_w = MAX (self->dosage_label_w,
                                    handout_layout_width (label) + 2 * pad + 4);
      }
  label_w = MIN (self->dosage_label_w, width * 0.5);

  values[0] = format_count (p, exercise);
  values[1] = p->hold_seconds > 0 ? format_seconds (p->hold_seconds) : g_strdup ("—");
  if (p->sets > 1 && p->rest_seconds > 0)
    /* Translators: the rest on the handout, as in "30 seconds between sets" */
    values[2] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second between sets",
                                              "%u seconds between sets", p->rest_seconds),
                                 p->rest_seconds);
  else
    values[2] = g_strdup ("—");
  values[3] = g_strdup (side_text (p->side));
  values[4] = handout_capitalize (limber_prescription_format_frequency (p));
  values[5] = limber_prescription_format_load (p);
  if (values[5] == NULL)
    values[5] = g_strdup (_("None"));

  box = block->items->len;
  handout_block_add (block, ITEM_BOX, x, y, width, 0)->fill = &shade;
  y += pad;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      y += add_label_value (self, block, x + pad, y, width - 2 * pad, label_w - pad, labels[i],
                            values[i]) + 2;
      g_free (values[i]);
    }
  y += pad - 2;

  g_array_index (block->items, Item, box).h = y - top;
  g_array_index (block->items, Item, box).radius = 4;
  return y - top;
}

static double
add_figure (LimberHandout *self,
            Block         *block,
            double         x,
            double         y,
            double         width,
            double         max_height,
            const char    *exercise_id)
{
  g_autoptr(LimberMotion) motion = limber_motion_new_for_id (exercise_id, NULL);
  LimberRenderer *renderer;
  double aspect, height;
  gboolean stacked;
  Item *item;

  if (motion == NULL)
    return 0;

  renderer = limber_renderer_new (motion);
  aspect = limber_renderer_get_aspect (renderer);
  /* A figure lying down is wide: its two poses read better one above the other. */
  stacked = aspect > 1.2;
  height = stacked ? 2 * width / aspect : width / 2 / aspect;
  /* Kept short enough for two cards to share a page; the figure is drawn to fit. */
  height = MIN (MIN (height, width * (stacked ? 0.85 : 1.1)), max_height);

  item = handout_block_add (block, ITEM_FIGURE, x, y, width, height);
  item->renderer = renderer;
  item->stacked = stacked;
  item->stroke = &rule;
  return height;
}

/* Narrower than this (in points, inside the card), a card is one column. */
#define NARROW_CARD 360

/* Each caution with a warning mark; returns their height. */
static double
add_cautions (LimberHandout      *self,
              Block              *block,
              double              x,
              double              y,
              double              width,
              const char * const *cautions)
{
  double mark = handout_font_size (self, FONT_BODY) * 1.15 + 8, top = y;

  for (guint i = 0; cautions != NULL && cautions[i] != NULL; i++)
    {
      handout_add_warning_mark (self, block, x, y + 1);
      y += handout_add_text (self, block, x + mark, y, width - mark, cautions[i], FONT_BODY,
                             &ink) + 3;
    }
  return y - top;
}

Block *
handout_build_card (LimberHandout            *self,
                    double                    width,
                    guint                     number,
                    const LimberPrescription *p,
                    LimberExercise           *exercise)
{
  Block *block = handout_block_new ();
  double inner_x = CARD_PAD, inner_w = width - 2 * CARD_PAD;
  double badge = handout_font_size (self, FONT_NAME) * 1.6, name_h, y = CARD_PAD;
  double figure_w = round (inner_w * (self->large_print ? 0.42 : 0.34));
  gboolean narrow = inner_w < NARROW_CARD;
  double figure_h, left_h, steps_x, steps_w, steps_y, number_w;
  const char * const *steps = limber_exercise_get_steps (exercise);
  const char * const *cautions = limber_exercise_get_cautions (exercise);
  g_autofree char *badge_text = g_strdup_printf ("%u", number);
  gboolean cautions_beside;
  Block *beside, *across;
  double beside_h, across_h;
  Item *item;

  handout_block_add (block, ITEM_BOX, 0, 0, width, 0)->stroke = &rule;

  item = handout_block_add (block, ITEM_BADGE, inner_x, y, badge, badge);
  item->layout = handout_make_layout (self, badge_text, FONT_BODY_BOLD, 0, 0);
  item->fill = &accent;
  item = handout_block_add (block, ITEM_TEXT, inner_x + badge + 10, y, inner_w - badge - 10, 0);
  item->layout = handout_make_layout (self, limber_exercise_get_name (exercise), FONT_NAME,
                                      inner_w - badge - 10, 0);
  item->stroke = &ink;
  name_h = item->h = handout_layout_height (item->layout);
  /* A one-line name sits level with the badge. */
  item->y += MAX (0, (badge - name_h) / 2);
  y += MAX (badge, name_h) + 8;

  if (narrow)
    {
      /* On narrow paper, one column: the pictures, the dosage, then the steps, so that a card
       * too tall for the page can break between any two lines. */
      figure_h = add_figure (self, block, inner_x, y, inner_w, inner_w * 0.6,
                             limber_exercise_get_id (exercise));
      if (figure_h > 0)
        {
          y += figure_h + 8;
          handout_block_add_break (block, y);
        }
      y += add_dosage_table (self, block, inner_x, y, inner_w, p, exercise) + 10;
      handout_block_add_break (block, y);
      left_h = 0;
      steps_x = inner_x;
    }
  else
    {
      /* The pictures and the dosage on the left, the steps beside them. */
      figure_h = add_figure (self, block, inner_x, y, figure_w, G_MAXDOUBLE,
                             limber_exercise_get_id (exercise));
      left_h = figure_h + (figure_h > 0 ? 8 : 0);
      left_h += add_dosage_table (self, block, inner_x, y + left_h, figure_w, p, exercise);
      steps_x = inner_x + figure_w + 14;
    }
  steps_w = inner_x + inner_w - steps_x;
  number_w = handout_font_size (self, FONT_BODY) * 1.6;
  steps_y = y;
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *step_number = g_strdup_printf ("%u.", i + 1);

      steps_y += handout_add_hanging (self, block, steps_x, steps_y, steps_w, number_w,
                                      step_number, &ink, TRUE, steps[i], FALSE, narrow) + 2;
    }
  if (limber_exercise_get_feel (exercise) != NULL)
    steps_y += handout_add_text_full (self, block, steps_x, steps_y + 2, steps_w,
                                      limber_exercise_get_feel (exercise), FONT_BODY_ITALIC,
                                      &ink, 0, narrow) + 2;
  /* The cautions go under the steps when the pictures leave room there, else across the card. */
  beside = handout_block_new ();
  across = handout_block_new ();
  beside_h = add_cautions (self, beside, steps_x, 0, steps_w, cautions);
  across_h = add_cautions (self, across, inner_x, 0, inner_w, cautions);
  cautions_beside = beside_h > 0 && MAX (y + left_h, steps_y + 8 + beside_h) <=
                                    MAX (y + left_h, steps_y) + across_h;
  if (cautions_beside)
    {
      handout_block_take (block, beside, steps_y + 8);
      steps_y += 8 + beside_h;
      handout_block_free (across);
    }
  else
    handout_block_free (beside);
  y = MAX (y + left_h, steps_y) + 10;
  handout_block_add_break (block, y);

  for (guint i = 0; p->modifications != NULL && p->modifications[i] != NULL; i++)
    {
      if (i == 0)
        y += handout_add_text (self, block, inner_x, y, inner_w, _("Changes for you"),
                               FONT_BODY_BOLD, &ink) + 2;
      y += handout_add_bullet (self, block, inner_x, y, inner_w, p->modifications[i]) + 4;
    }
  if (p->modifications != NULL && p->modifications[0] != NULL)
    y += 6;

  if (p->note != NULL && p->note[0] != '\0')
    y += handout_add_labelled (self, block, inner_x, y, inner_w, _("Note from your therapist"),
                               p->note) + 10;

  if (!cautions_beside)
    {
      /* Their lines are places where a card taller than a page may break. */
      for (guint i = 0; i < across->breaks->len; i++)
        handout_block_add_break (block, y + g_array_index (across->breaks, double, i));
      handout_block_take (block, across, y);
      y += across_h;
    }

  block->height = y + CARD_PAD;
  g_array_index (block->items, Item, 0).h = block->height;
  g_array_index (block->items, Item, 0).radius = 6;
  /* Translators: an exercise in the PDF's outline, as in "3. Bridge" */
  block->outline = g_strdup_printf (_("%u. %s"), number, limber_exercise_get_name (exercise));
  return block;
}

/* ---- The safety box ---- */

Block *
handout_build_safety (LimberHandout *self,
                      double         width)
{
  const LimberClinic *clinic = self->content->clinic;
  const LimberGuideSection *red_flags;
  Block *block = handout_block_new ();
  double pad = 14, x = pad, w = width - 2 * pad, y = pad, mark;
  g_autofree char *call = NULL;
  Item *box;

  /* The first item, under everything; its height is known at the end. */
  box = handout_block_add (block, ITEM_BOX, 0, 0, width, 0);
  box->fill = &shade;
  box->stroke = &ink;
  box->line_width = 1.5;
  box->radius = 6;

  mark = handout_font_size (self, FONT_HEADING) * 1.15 + 8;
  handout_add_warning_mark (self, block, x, y + 2);
  y += handout_add_text (self, block, x + mark, y, w - mark, _("Exercise safely"), FONT_HEADING,
                         &ink) + 6;

  y += handout_add_bullet (self, block, x, y, w,
                           _("Move slowly and smoothly. Never bounce or pull hard.")) + 4;
  y += handout_add_bullet (self, block, x, y, w,
                           _("Breathe normally. Do not hold your breath.")) + 4;
  y += handout_add_bullet (self, block, x, y, w,
                           _("Rate your pain from 0 (no pain) to 10 (the worst pain you can "
                             "imagine). 0–3 is fine: carry on. 4–5 is okay if it settles by the "
                             "next morning; if it does not, do less next time. 6 or more is too "
                             "much: stop that exercise.")) + 4;
  if (clinic->phone[0] != '\0')
    /* Translators: %s is the clinic's phone number */
    call = g_strdup_printf (_("Call the clinic on %s if an exercise hurts at 6 or more, if the "
                              "pain does not settle by the next morning, or if you are not sure "
                              "how to do an exercise."), clinic->phone);
  else
    call = g_strdup (_("Tell your physical therapist if an exercise hurts at 6 or more, if the "
                       "pain does not settle by the next morning, or if you are not sure how to "
                       "do an exercise."));
  y += handout_add_text_full (self, block, x, y, w, call, FONT_BODY_BOLD, &ink, 0, TRUE) + 8;

  red_flags = limber_library_lookup_guide_section (self->library, "red-flags");
  if (red_flags != NULL)
    {
      y += handout_add_text (self, block, x, y, w, red_flags->title, FONT_BODY_BOLD, &ink) + 4;
      for (guint i = 0; red_flags->items[i] != NULL; i++)
        y += handout_add_bullet (self, block, x, y, w, red_flags->items[i]) + 3;
    }

  block->height = y + pad - 3;
  g_array_index (block->items, Item, 0).h = block->height;
  block->outline = g_strdup (_("Exercise safely"));
  return block;
}
