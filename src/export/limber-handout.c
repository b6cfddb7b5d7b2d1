/* limber-handout.c: lays the handout out as blocks of drawing items (text, boxes, figures),
 * breaks the blocks into pages without splitting an exercise's card, and replays the items on
 * any cairo surface: the PDF file and the print job draw the same pages. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "limber-handout.h"
#include "limber-renderer.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define MARGIN 36.0       /* left and right */
#define TOP_MARGIN 30.0
#define FOOTER_SPACE 40.0 /* the footer's text ends 6 mm above the paper's edge */
#define BLOCK_GAP 12.0
#define CARD_PAD 10.0
#define DIARY_DAYS 14

typedef struct
{
  double red, green, blue;
} Color;

static const Color ink = { 0.10, 0.10, 0.10 };
static const Color muted = { 0.30, 0.30, 0.30 };
static const Color rule = { 0.55, 0.55, 0.55 };
static const Color shade = { 0.95, 0.95, 0.94 };
static const Color accent = { 0.11, 0.34, 0.63 };
static const Color white = { 1, 1, 1 };
static const Color warning = { 0.96, 0.80, 0.18 };

typedef enum
{
  ITEM_TEXT,
  ITEM_BOX,
  ITEM_LINE,
  ITEM_BADGE,
  ITEM_WARNING,
  ITEM_FIGURE,
  ITEM_LOGO,
} ItemKind;

typedef struct
{
  ItemKind        kind;
  double          x, y, w, h;
  PangoLayout    *layout;     /* TEXT, BADGE */
  LimberRenderer *renderer;   /* FIGURE */
  gboolean        stacked;    /* FIGURE: start pose above the end pose */
  const Color    *fill;       /* BOX, BADGE */
  const Color    *stroke;     /* TEXT colour; BOX, LINE stroke */
  double          line_width;
  double          radius;
} Item;

/* A run of the handout that is placed as one: a card, the header, the safety box. A block
 * taller than a page may break only at its break points (between lines and paragraphs). */
typedef struct
{
  GArray   *items;
  GArray   *breaks;
  double    height;
  gboolean  new_page;
  char     *outline;
} Block;

typedef struct
{
  Block *block;
  double from, to;   /* the slice of the block */
  double y;          /* where the slice starts on its page */
  guint  page;
} Placement;

typedef enum
{
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_BODY_ITALIC,
  FONT_SMALL,
  FONT_HEADING,
  FONT_NAME,
  FONT_TITLE,
  N_FONTS,
} FontRole;

struct _LimberHandout
{
  GObject                parent_instance;

  LimberLibrary         *library;
  LimberProgramFile     *content;
  GDateTime             *date;
  gboolean               large_print;

  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];

  cairo_surface_t       *logo_png;
  RsvgHandle            *logo_svg;
  double                 logo_aspect;
  char                  *logo_problem;

  double                 page_width, page_height;
  GPtrArray             *blocks;      /* Block */
  GArray                *placements;  /* Placement, in page order */
  double                 dosage_label_w;
  guint                  n_pages;
};

G_DEFINE_FINAL_TYPE (LimberHandout, limber_handout, G_TYPE_OBJECT)

/* ---- Paper ---- */

/* The locale's paper: glibc knows it from LC_PAPER; Letter is 216 × 279 mm. */
LimberPaper
limber_paper_from_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
  int height = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

  if (width == 216 && height == 279)
    return LIMBER_PAPER_LETTER;
#endif
  return LIMBER_PAPER_A4;
}

gboolean
limber_paper_from_string (const char  *name,
                          LimberPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = LIMBER_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = LIMBER_PAPER_LETTER;
  else if (name[0] == '\0' || g_ascii_strcasecmp (name, "automatic") == 0)
    *paper = limber_paper_from_locale ();
  else
    return FALSE;
  return TRUE;
}

void
limber_paper_get_size (LimberPaper  paper,
                       double      *width,
                       double      *height)
{
  if (paper == LIMBER_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

/* ---- Blocks and items ---- */

static void
item_clear (Item *item)
{
  g_clear_object (&item->layout);
  g_clear_object (&item->renderer);
}

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (block->items, (GDestroyNotify) item_clear);
  block->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  return block;
}

static void
block_free (Block *block)
{
  g_array_unref (block->items);
  g_array_unref (block->breaks);
  g_free (block->outline);
  g_free (block);
}

static Item *
block_add (Block    *block,
           ItemKind  kind,
           double    x,
           double    y,
           double    w,
           double    h)
{
  Item item = { kind, x, y, w, h };

  g_array_append_val (block->items, item);
  return &g_array_index (block->items, Item, block->items->len - 1);
}

static void
block_add_break (Block  *block,
                 double  y)
{
  g_array_append_val (block->breaks, y);
}

/* Moves src's items into dst, dy lower. */
static void
block_take (Block  *dst,
            Block  *src,
            double  dy)
{
  for (guint i = 0; i < src->items->len; i++)
    {
      Item *item = &g_array_index (src->items, Item, i);
      Item moved = *item;

      moved.y += dy;
      g_array_append_val (dst->items, moved);
      item->layout = NULL;
      item->renderer = NULL;
    }
  block_free (src);
}

/* ---- Text ---- */

static double
font_size (LimberHandout *self,
           FontRole       role)
{
  static const double sizes[N_FONTS] = { 12, 12, 12, 10, 14, 16, 22 };

  return sizes[role] * (self->large_print ? LIMBER_HANDOUT_LARGE_BODY_SIZE / LIMBER_HANDOUT_BODY_SIZE
                                          : 1.0);
}

static void
make_fonts (LimberHandout *self)
{
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i], font_size (self, i) * PANGO_SCALE);
    }
  pango_font_description_set_weight (self->fonts[FONT_BODY_BOLD], PANGO_WEIGHT_BOLD);
  pango_font_description_set_style (self->fonts[FONT_BODY_ITALIC], PANGO_STYLE_ITALIC);
  pango_font_description_set_weight (self->fonts[FONT_HEADING], PANGO_WEIGHT_BOLD);
  pango_font_description_set_weight (self->fonts[FONT_NAME], PANGO_WEIGHT_BOLD);
  pango_font_description_set_weight (self->fonts[FONT_TITLE], PANGO_WEIGHT_BOLD);
}

/* Text a person wrote is never markup: bold_chars of it, from the start, are set in bold. */
static PangoLayout *
make_layout (LimberHandout *self,
             const char    *text,
             FontRole       role,
             double         width,
             gsize          bold_bytes)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[role]);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  if (bold_bytes > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = bold_bytes;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Adds text at x, y and returns its height; every line end becomes a place a page may break. */
static double
add_text_full (LimberHandout *self,
               Block         *block,
               double         x,
               double         y,
               double         width,
               const char    *text,
               FontRole       role,
               const Color   *color,
               gsize          bold_bytes,
               gboolean       breakable)
{
  PangoLayout *layout = make_layout (self, text, role, width, bold_bytes);
  double height = layout_height (layout);
  Item *item = block_add (block, ITEM_TEXT, x, y, width, height);

  item->layout = layout;
  item->stroke = color;

  if (breakable)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);

      do
        {
          PangoRectangle rect;

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          block_add_break (block, y + (double) (rect.y + rect.height) / PANGO_SCALE);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return height;
}

static double
add_text (LimberHandout *self,
          Block         *block,
          double         x,
          double         y,
          double         width,
          const char    *text,
          FontRole       role,
          const Color   *color)
{
  return add_text_full (self, block, x, y, width, text, role, color, 0, TRUE);
}

/* "Label: text", the label in bold. */
static double
add_labelled (LimberHandout *self,
              Block         *block,
              double         x,
              double         y,
              double         width,
              const char    *label,
              const char    *text)
{
  /* Translators: a label and its text on the handout, as in "Note from your therapist: …" */
  g_autofree char *joined = g_strdup_printf (_("%s: %s"), label, text);

  return add_text_full (self, block, x, y, width, joined, FONT_BODY, &ink,
                        strlen (label) + 1, TRUE);
}

/* A bulleted item; returns its height. */
static double
add_bullet (LimberHandout *self,
            Block         *block,
            double         x,
            double         y,
            double         width,
            const char    *text)
{
  double indent = font_size (self, FONT_BODY) * 1.1;

  add_text_full (self, block, x, y, indent, "•", FONT_BODY, &ink, 0, FALSE);
  return add_text (self, block, x + indent, y, width - indent, text, FONT_BODY, &ink);
}

static void
add_warning_mark (LimberHandout *self,
                  Block         *block,
                  double         x,
                  double         y)
{
  double size = font_size (self, FONT_BODY) * 1.15;

  block_add (block, ITEM_WARNING, x, y, size, size);
}

/* ---- The header ---- */

static char *
format_day (GDateTime *date)
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

/* A muted label, a tab, and its value in bold, wrapping under the value: one line of text,
 * so a reader copying or searching the PDF finds "Hold 60 seconds" as it is read. */
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
  g_autofree char *text = g_strconcat (label, " \t", value, NULL);
  PangoLayout *layout = make_layout (self, text, FONT_BODY, width, 0);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                            (int) (label_w * PANGO_SCALE));
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr;
  Item *item;

  attr = pango_attr_foreground_new (muted.red * 65535, muted.green * 65535, muted.blue * 65535);
  attr->end_index = strlen (label);
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = strlen (label) + 2;
  pango_attr_list_insert (attrs, attr);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (layout, (int) (-label_w * PANGO_SCALE));

  item = block_add (block, ITEM_TEXT, x, y, width, layout_height (layout));
  item->layout = layout;
  item->stroke = &ink;
  return item->h;
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
  double label_w = font_size (self, FONT_BODY) * (self->large_print ? 6.2 : 6.8);

  return add_label_value (self, block, x, y, width, label_w, label, value);
}

static Block *
build_header (LimberHandout *self,
              double         width)
{
  const LimberClinic *clinic = self->content->clinic;
  Block *block = block_new ();
  double y = 0, text_x = 0, text_y = 0, logo_h = 0, row, left_h, right_h, half;
  g_autofree char *day = format_day (self->date);
  g_autofree char *minutes = NULL;
  g_autofree char *amount = NULL;
  guint n = self->content->program->prescriptions->len;
  gboolean has_clinic;

  if (self->logo_png != NULL || self->logo_svg != NULL)
    {
      logo_h = self->large_print ? 64 : 52;
      block_add (block, ITEM_LOGO, 0, 0, MIN (logo_h * self->logo_aspect, 180), logo_h);
      text_x = MIN (logo_h * self->logo_aspect, 180) + 14;
    }

  if (clinic->name[0] != '\0')
    text_y += add_text (self, block, text_x, text_y, width - text_x, clinic->name, FONT_HEADING,
                        &ink);
  if (clinic->address[0] != '\0')
    text_y += add_text (self, block, text_x, text_y, width - text_x, clinic->address, FONT_BODY,
                        &ink);
  if (clinic->phone[0] != '\0')
    {
      /* Translators: the clinic's phone number on the handout */
      g_autofree char *phone = g_strdup_printf (_("Phone: %s"), clinic->phone);

      text_y += add_text (self, block, text_x, text_y, width - text_x, phone, FONT_BODY, &ink);
    }

  has_clinic = logo_h > 0 || text_y > 0;
  if (has_clinic)
    {
      y = MAX (logo_h, text_y) + 10;
      block_add (block, ITEM_LINE, 0, y, width, 0)->stroke = &rule;
      y += 12;
    }

  y += add_text (self, block, 0, y, width, _("Your home exercise program"), FONT_TITLE, &ink) + 8;

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

static char *
capitalize (char *text)
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
  g_autofree char *values[6] = { NULL };
  double pad = 6, label_w, top = y;
  guint box;

  /* The widest label sets the column, measured once a layout. */
  if (self->dosage_label_w == 0)
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autoptr(PangoLayout) label = make_layout (self, labels[i], FONT_BODY, 0, 0);

        self->dosage_label_w = MAX (self->dosage_label_w, layout_width (label) + 2 * pad + 4);
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
  values[4] = capitalize (limber_prescription_format_frequency (p));
  values[5] = limber_prescription_format_load (p);
  if (values[5] == NULL)
    values[5] = g_strdup (_("None"));

  box = block->items->len;
  block_add (block, ITEM_BOX, x, y, width, 0)->fill = &shade;
  y += pad;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      y += add_label_value (self, block, x + pad, y, width - 2 * pad, label_w - pad, labels[i],
                            values[i]) + 2;
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
  height = MIN (height, width * (stacked ? 0.85 : 1.1));

  item = block_add (block, ITEM_FIGURE, x, y, width, height);
  item->renderer = renderer;
  item->stacked = stacked;
  item->stroke = &rule;
  return height;
}

/* Each caution with a warning mark; returns their height. */
static double
add_cautions (LimberHandout      *self,
              Block              *block,
              double              x,
              double              y,
              double              width,
              const char * const *cautions)
{
  double mark = font_size (self, FONT_BODY) * 1.15 + 8, top = y;

  for (guint i = 0; cautions != NULL && cautions[i] != NULL; i++)
    {
      add_warning_mark (self, block, x, y + 1);
      y += add_text (self, block, x + mark, y, width - mark, cautions[i], FONT_BODY, &ink) + 3;
    }
  return y - top;
}

static Block *
build_card (LimberHandout            *self,
            double                    width,
            guint                     number,
            const LimberPrescription *p,
            LimberExercise           *exercise)
{
  Block *block = block_new ();
  double inner_x = CARD_PAD, inner_w = width - 2 * CARD_PAD;
  double badge = font_size (self, FONT_NAME) * 1.6, name_h, y = CARD_PAD;
  double figure_w = round (inner_w * (self->large_print ? 0.42 : 0.34));
  double figure_h, left_h, steps_x, steps_w, steps_y, number_w;
  const char * const *steps = limber_exercise_get_steps (exercise);
  const char * const *cautions = limber_exercise_get_cautions (exercise);
  g_autofree char *badge_text = g_strdup_printf ("%u", number);
  gboolean cautions_beside;
  Block *beside, *across;
  double beside_h, across_h;
  Item *item;

  block_add (block, ITEM_BOX, 0, 0, width, 0)->stroke = &rule;

  item = block_add (block, ITEM_BADGE, inner_x, y, badge, badge);
  item->layout = make_layout (self, badge_text, FONT_BODY_BOLD, 0, 0);
  item->fill = &accent;
  item = block_add (block, ITEM_TEXT, inner_x + badge + 10, y, inner_w - badge - 10, 0);
  item->layout = make_layout (self, limber_exercise_get_name (exercise), FONT_NAME,
                              inner_w - badge - 10, 0);
  item->stroke = &ink;
  name_h = item->h = layout_height (item->layout);
  /* A one-line name sits level with the badge. */
  item->y += MAX (0, (badge - name_h) / 2);
  y += MAX (badge, name_h) + 8;

  /* The pictures and the dosage on the left, the steps beside them. */
  figure_h = add_figure (self, block, inner_x, y, figure_w, limber_exercise_get_id (exercise));
  left_h = figure_h + (figure_h > 0 ? 8 : 0);
  left_h += add_dosage_table (self, block, inner_x, y + left_h, figure_w, p, exercise);
  steps_x = inner_x + figure_w + 14;
  steps_w = inner_x + inner_w - steps_x;
  number_w = font_size (self, FONT_BODY) * 1.6;
  steps_y = y;
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *step_number = g_strdup_printf ("%u.", i + 1);

      add_text_full (self, block, steps_x, steps_y, number_w, step_number, FONT_BODY_BOLD, &ink,
                     0, FALSE);
      steps_y += add_text_full (self, block, steps_x + number_w, steps_y, steps_w - number_w,
                                steps[i], FONT_BODY, &ink, 0, FALSE) + 2;
    }
  if (limber_exercise_get_feel (exercise) != NULL)
    steps_y += add_text_full (self, block, steps_x, steps_y + 2, steps_w,
                              limber_exercise_get_feel (exercise), FONT_BODY_ITALIC, &ink, 0,
                              FALSE) + 2;
  /* The cautions go under the steps when the pictures leave room there, else across the card. */
  beside = block_new ();
  across = block_new ();
  beside_h = add_cautions (self, beside, steps_x, 0, steps_w, cautions);
  across_h = add_cautions (self, across, inner_x, 0, inner_w, cautions);
  cautions_beside = beside_h > 0 &&
                    MAX (y + left_h, steps_y + 8 + beside_h) <= MAX (y + left_h, steps_y) + across_h;
  if (cautions_beside)
    {
      block_take (block, beside, steps_y + 8);
      steps_y += 8 + beside_h;
      block_free (across);
    }
  else
    block_free (beside);
  y = MAX (y + left_h, steps_y) + 10;
  block_add_break (block, y);

  for (guint i = 0; p->modifications != NULL && p->modifications[i] != NULL; i++)
    {
      if (i == 0)
        y += add_text (self, block, inner_x, y, inner_w, _("Changes for you"), FONT_BODY_BOLD,
                       &ink) + 2;
      y += add_bullet (self, block, inner_x, y, inner_w, p->modifications[i]) + 4;
    }
  if (p->modifications != NULL && p->modifications[0] != NULL)
    y += 6;

  if (p->note != NULL && p->note[0] != '\0')
    y += add_labelled (self, block, inner_x, y, inner_w, _("Note from your therapist"),
                       p->note) + 10;

  if (!cautions_beside)
    {
      /* Their lines are places where a card taller than a page may break. */
      for (guint i = 0; i < across->breaks->len; i++)
        block_add_break (block, y + g_array_index (across->breaks, double, i));
      block_take (block, across, y);
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

static Block *
build_safety (LimberHandout *self,
              double         width)
{
  const LimberClinic *clinic = self->content->clinic;
  const LimberGuideSection *red_flags;
  Block *block = block_new ();
  double pad = 14, x = pad, w = width - 2 * pad, y = pad, mark;
  g_autofree char *call = NULL;
  Item *box;

  /* The first item, under everything; its height is known at the end. */
  box = block_add (block, ITEM_BOX, 0, 0, width, 0);
  box->fill = &shade;
  box->stroke = &ink;
  box->line_width = 1.5;
  box->radius = 6;

  mark = font_size (self, FONT_HEADING) * 1.15 + 8;
  add_warning_mark (self, block, x, y + 2);
  y += add_text (self, block, x + mark, y, w - mark, _("Exercise safely"), FONT_HEADING, &ink)
       + 6;

  y += add_bullet (self, block, x, y, w,
                   _("Move slowly and smoothly. Never bounce or pull hard.")) + 4;
  y += add_bullet (self, block, x, y, w, _("Breathe normally. Do not hold your breath.")) + 4;
  y += add_bullet (self, block, x, y, w,
                   _("Rate your pain from 0 (no pain) to 10 (the worst pain you can imagine). "
                     "0–3 is fine: carry on. 4–5 is okay if it settles by the next morning; if "
                     "it does not, do less next time. 6 or more is too much: stop that exercise."))
       + 4;
  if (clinic->phone[0] != '\0')
    /* Translators: %s is the clinic's phone number */
    call = g_strdup_printf (_("Call the clinic on %s if an exercise hurts at 6 or more, if the "
                              "pain does not settle by the next morning, or if you are not sure "
                              "how to do an exercise."), clinic->phone);
  else
    call = g_strdup (_("Tell your physical therapist if an exercise hurts at 6 or more, if the "
                       "pain does not settle by the next morning, or if you are not sure how to "
                       "do an exercise."));
  y += add_text_full (self, block, x, y, w, call, FONT_BODY_BOLD, &ink, 0, TRUE) + 8;

  red_flags = limber_library_lookup_guide_section (self->library, "red-flags");
  if (red_flags != NULL)
    {
      y += add_text (self, block, x, y, w, red_flags->title, FONT_BODY_BOLD, &ink) + 4;
      for (guint i = 0; red_flags->items[i] != NULL; i++)
        y += add_bullet (self, block, x, y, w, red_flags->items[i]) + 3;
    }

  block->height = y + pad - 3;
  g_array_index (block->items, Item, 0).h = block->height;
  block->outline = g_strdup (_("Exercise safely"));
  return block;
}

/* ---- The diary: a tick box per exercise and day for two weeks, a pain box per day ---- */

typedef struct
{
  double name_w;
  double day_w;
  double box;
} DiaryGrid;

static void
add_cell_lines (Block           *block,
                const DiaryGrid *grid,
                double           width,
                double           y,
                double           height)
{
  block_add (block, ITEM_LINE, 0, y + height, width, 0)->stroke = &rule;
  for (guint day = 0; day <= DIARY_DAYS; day++)
    {
      Item *line = block_add (block, ITEM_LINE, grid->name_w + day * grid->day_w, y, 0, height);

      line->stroke = &rule;
      line->line_width = day == 7 ? 1.5 : 0.75;
    }
}

static Block *
build_diary_head (LimberHandout   *self,
                  const DiaryGrid *grid,
                  double           width)
{
  Block *block = block_new ();
  double y = 0, h;

  h = add_text (self, block, 0, y, grid->name_w - 6, "", FONT_BODY, &ink);
  for (guint week = 0; week < 2; week++)
    {
      /* Translators: a column heading of the exercise diary */
      g_autofree char *label = g_strdup_printf (_("Week %u"), week + 1);
      PangoLayout *layout = make_layout (self, label, FONT_BODY_BOLD, 7 * grid->day_w, 0);
      Item *item;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      h = layout_height (layout);
      item = block_add (block, ITEM_TEXT, grid->name_w + week * 7 * grid->day_w, y,
                        7 * grid->day_w, h);
      item->layout = layout;
      item->stroke = &ink;
    }
  y += h + 4;
  block_add (block, ITEM_LINE, 0, y, width, 0)->stroke = &rule;

  h = 0;
  add_text_full (self, block, 4, y + 3, grid->name_w - 8, _("Day"), FONT_BODY, &muted, 0, FALSE);
  for (guint day = 0; day < DIARY_DAYS; day++)
    {
      g_autofree char *label = g_strdup_printf ("%u", day + 1);
      PangoLayout *layout = make_layout (self, label, FONT_BODY, grid->day_w, 0);
      Item *item;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      h = layout_height (layout);
      item = block_add (block, ITEM_TEXT, grid->name_w + day * grid->day_w, y + 3, grid->day_w, h);
      item->layout = layout;
      item->stroke = &muted;
    }
  add_cell_lines (block, grid, width, y, h + 6);
  y += h + 6;

  /* An empty row for the patient to write the dates in. */
  h = add_text_full (self, block, 4, y + 4, grid->name_w - 8, _("Date"), FONT_BODY, &muted, 0,
                     FALSE) + 8;
  h = MAX (h, grid->box * 2);
  add_cell_lines (block, grid, width, y, h);
  y += h;

  block->height = y;
  return block;
}

static Block *
build_diary_row (LimberHandout            *self,
                 const DiaryGrid          *grid,
                 double                    width,
                 guint                    number,
                 const LimberPrescription *p,
                 LimberExercise           *exercise)
{
  Block *block = block_new ();
  g_autofree char *name = g_strdup_printf (_("%u. %s"), number, limber_exercise_get_name (exercise));
  g_autofree char *often = capitalize (limber_prescription_format_frequency (p));
  double h;

  h = add_text_full (self, block, 4, 4, grid->name_w - 8, name, FONT_BODY_BOLD, &ink, 0, FALSE);
  h += add_text_full (self, block, 4, 4 + h, grid->name_w - 8, often, FONT_BODY, &muted, 0, FALSE);
  h = MAX (h + 8, grid->box + 12);

  for (guint day = 0; day < DIARY_DAYS; day++)
    {
      Item *box = block_add (block, ITEM_BOX,
                             grid->name_w + day * grid->day_w + (grid->day_w - grid->box) / 2,
                             (h - grid->box) / 2, grid->box, grid->box);

      box->stroke = &ink;
      box->line_width = 1;
    }
  add_cell_lines (block, grid, width, 0, h);
  block->height = h;
  return block;
}

static Block *
build_diary_pain (LimberHandout   *self,
                  const DiaryGrid *grid,
                  double           width)
{
  Block *block = block_new ();
  double h, y;

  h = add_text_full (self, block, 4, 4, grid->name_w - 8, _("Worst pain today\n(0–10)"),
                     FONT_BODY_BOLD, &ink, 0, FALSE) + 8;
  h = MAX (h, grid->box * 2.4);
  for (guint day = 0; day < DIARY_DAYS; day++)
    {
      Item *cell = block_add (block, ITEM_BOX, grid->name_w + day * grid->day_w + 1.5, 1.5,
                              grid->day_w - 3, h - 3);

      cell->fill = &shade;
    }
  add_cell_lines (block, grid, width, 0, h);
  y = h + 10;
  y += add_text (self, block, 0, y, width,
                 _("Pain: 0–3 is fine, carry on. 4–5 is okay if it settles by the next morning. "
                   "6 or more: stop that exercise and tell your physical therapist."),
                 FONT_BODY, &ink) + 4;
  y += add_text (self, block, 0, y, width, _("Bring this sheet to your next visit."), FONT_BODY,
                 &ink);
  block->height = y;
  return block;
}

/* The diary starts on a page of its own and repeats its heading on every page it fills. */
static void
build_diary (LimberHandout *self,
             double         width,
             double         page_h)
{
  GPtrArray *prescriptions = self->content->program->prescriptions;
  DiaryGrid grid;
  Block *page = NULL;
  double y = 0;
  guint next = 0, rows = 0;

  grid.name_w = self->large_print ? 170 : 150;
  grid.day_w = (width - grid.name_w) / DIARY_DAYS;
  grid.box = self->large_print ? 15 : 13;

  while (next <= prescriptions->len)
    {
      Block *row;

      if (page == NULL)
        {
          Block *head;

          page = block_new ();
          page->new_page = TRUE;
          y = 0;
          if (next == 0)
            {
              y += add_text (self, page, 0, y, width, _("Exercise diary"), FONT_TITLE, &ink) + 6;
              y += add_text (self, page, 0, y, width,
                             _("Tick a box on each day you do the exercise. Each evening, write "
                               "your worst pain of the day, from 0 (no pain) to 10 (the worst pain "
                               "you can imagine), in the bottom row."), FONT_BODY, &ink) + 12;
              page->outline = g_strdup (_("Exercise diary"));
            }
          block_add (page, ITEM_LINE, 0, y, width, 0)->stroke = &rule;
          head = build_diary_head (self, &grid, width);
          y += head->height;
          block_take (page, head, y - head->height);
          rows = 0;
        }

      if (next < prescriptions->len)
        {
          const LimberPrescription *p = g_ptr_array_index (prescriptions, next);
          LimberExercise *exercise = limber_library_lookup (self->library, p->exercise_id);

          row = build_diary_row (self, &grid, width, next + 1, p, exercise);
        }
      else
        row = build_diary_pain (self, &grid, width);

      if (y + row->height > page_h && rows > 0)
        {
          /* This page is full: close it; the next repeats the heading. */
          block_free (row);
          page->height = y;
          g_ptr_array_add (self->blocks, page);
          page = NULL;
          continue;
        }

      y += row->height;
      block_take (page, row, y - row->height);
      rows++;
      next++;
    }
  page->height = y;
  g_ptr_array_add (self->blocks, page);
}

/* ---- Layout and pages ---- */

static void
layout_blocks (LimberHandout *self)
{
  GPtrArray *prescriptions = self->content->program->prescriptions;
  double width = self->page_width - 2 * MARGIN;
  double content_h = self->page_height - TOP_MARGIN - FOOTER_SPACE;

  g_ptr_array_set_size (self->blocks, 0);
  make_fonts (self);
  self->dosage_label_w = 0;

  g_ptr_array_add (self->blocks, build_header (self, width));
  for (guint i = 0; i < prescriptions->len; i++)
    {
      const LimberPrescription *p = g_ptr_array_index (prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (self->library, p->exercise_id);

      g_assert (exercise != NULL);
      g_ptr_array_add (self->blocks, build_card (self, width, i + 1, p, exercise));
    }
  g_ptr_array_add (self->blocks, build_safety (self, width));
  build_diary (self, width, content_h);
}

static double
last_break_before (Block  *block,
                   double  from,
                   double  limit)
{
  double best = -1;

  for (guint i = 0; i < block->breaks->len; i++)
    {
      double at = g_array_index (block->breaks, double, i);

      if (at > from + 1 && at <= limit && at > best)
        best = at;
    }
  return best;
}

static void
place (LimberHandout *self,
       Block         *block,
       double         from,
       double         to,
       double         y,
       guint          page)
{
  Placement placement = { block, from, to, y, page };

  g_array_append_val (self->placements, placement);
}

/* Lays the handout out for pages of this size (in points) and returns how many there are. */
guint
limber_handout_paginate (LimberHandout *self,
                         double         page_width,
                         double         page_height)
{
  double top = TOP_MARGIN, bottom = page_height - FOOTER_SPACE;
  double content_h = bottom - top, y = top;
  guint page = 0;
  gboolean empty = TRUE;

  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), 0);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  layout_blocks (self);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double gap = empty ? 0 : BLOCK_GAP;

      if (block->new_page && !empty)
        {
          page++;
          y = top;
          gap = 0;
        }

      if (y + gap + block->height <= bottom)
        {
          place (self, block, 0, block->height, y + gap, page);
          y += gap + block->height;
        }
      else if (block->height <= content_h)
        {
          place (self, block, 0, block->height, top, ++page);
          y = top + block->height;
        }
      else
        {
          /* Taller than a page (a very long note): it starts a page and breaks between lines. */
          double from = 0;

          if (!empty)
            page++;
          while (from < block->height)
            {
              double to = block->height <= from + content_h
                          ? block->height : last_break_before (block, from, from + content_h);

              if (to < 0)
                to = from + content_h;
              place (self, block, from, to, top, page);
              y = top + (to - from);
              from = to;
              if (from < block->height)
                page++;
            }
        }
      empty = FALSE;
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_warning (cairo_t    *cr,
              const Item *item)
{
  double s = item->w, x = item->x, y = item->y;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x + s / 2, y);
  cairo_line_to (cr, x + s, y + s * 0.9);
  cairo_line_to (cr, x, y + s * 0.9);
  cairo_close_path (cr);
  set_color (cr, &warning);
  cairo_fill_preserve (cr);
  set_color (cr, &ink);
  cairo_set_line_width (cr, s * 0.08);
  cairo_stroke (cr);
  /* The exclamation mark, drawn, so it never depends on a font. */
  cairo_set_line_width (cr, s * 0.11);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x + s / 2, y + s * 0.32);
  cairo_line_to (cr, x + s / 2, y + s * 0.58);
  cairo_stroke (cr);
  cairo_arc (cr, x + s / 2, y + s * 0.74, s * 0.06, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_logo (LimberHandout *self,
           cairo_t       *cr,
           const Item    *item)
{
  cairo_save (cr);
  if (self->logo_png != NULL)
    {
      double w = cairo_image_surface_get_width (self->logo_png);
      double h = cairo_image_surface_get_height (self->logo_png);
      double scale = MIN (item->w / w, item->h / h);

      cairo_translate (cr, item->x, item->y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, self->logo_png, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else if (self->logo_svg != NULL)
    {
      RsvgRectangle viewport = { item->x, item->y, item->w, item->h };

      rsvg_handle_render_document (self->logo_svg, cr, &viewport, NULL);
    }
  cairo_restore (cr);
}

static void
draw_item (LimberHandout *self,
           cairo_t       *cr,
           const Item    *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      set_color (cr, item->stroke);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      break;

    case ITEM_BOX:
      rounded_rect (cr, item->x, item->y, item->w, item->h, item->radius);
      if (item->fill != NULL)
        {
          set_color (cr, item->fill);
          cairo_fill_preserve (cr);
        }
      if (item->stroke != NULL)
        {
          set_color (cr, item->stroke);
          cairo_set_line_width (cr, item->line_width > 0 ? item->line_width : 1);
          cairo_stroke_preserve (cr);
        }
      cairo_new_path (cr);
      break;

    case ITEM_LINE:
      set_color (cr, item->stroke);
      cairo_set_line_width (cr, item->line_width > 0 ? item->line_width : 0.75);
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->w, item->y + item->h);
      cairo_stroke (cr);
      break;

    case ITEM_BADGE:
      {
        double tw = layout_width (item->layout), th = layout_height (item->layout);
        int text_w;

        cairo_arc (cr, item->x + item->w / 2, item->y + item->h / 2, item->w / 2, 0, 2 * G_PI);
        set_color (cr, item->fill);
        cairo_fill (cr);
        pango_layout_get_pixel_size (item->layout, &text_w, NULL);
        set_color (cr, &white);
        cairo_move_to (cr, item->x + (item->w - tw) / 2, item->y + (item->h - th) / 2);
        pango_cairo_show_layout (cr, item->layout);
      }
      break;

    case ITEM_WARNING:
      draw_warning (cr, item);
      break;

    case ITEM_FIGURE:
      cairo_save (cr);
      cairo_translate (cr, item->x, item->y);
      limber_renderer_draw_poses (item->renderer, cr, item->w, item->h, item->stacked,
                                  limber_figure_style_get (FALSE));
      cairo_restore (cr);
      rounded_rect (cr, item->x, item->y, item->w, item->h, 4);
      set_color (cr, item->stroke);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      break;

    case ITEM_LOGO:
      draw_logo (self, cr, item);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (LimberHandout *self,
             cairo_t       *cr,
             guint          page)
{
  double width = self->page_width - 2 * MARGIN;
  double y = self->page_height - FOOTER_SPACE + 10;
  g_autofree char *day = format_day (self->date);
  /* The name is isolated (U+2068…U+2069), so a right-to-left name never pulls the date's
   * digits into its run. */
  g_autofree char *name = g_strdup_printf ("\u2068%s\u2069", self->content->patient_name);
  /* Translators: the handout's footer, as in "Zoë Ødegård · 26 November 2026" */
  g_autofree char *left = g_strdup_printf (_("%s · %s"), name, day);
  /* Translators: the page number in the handout's footer */
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) right_layout = make_layout (self, right, FONT_SMALL, 0, 0);
  g_autoptr(PangoLayout) left_layout = NULL;
  double right_w = layout_width (right_layout);

  left_layout = make_layout (self, left, FONT_SMALL, width - right_w - 20, 0);
  /* A name in a right-to-left script keeps the footer's order: name, then date. */
  pango_layout_set_auto_dir (left_layout, FALSE);
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left_layout, -1);

  /* No rule: 10 points of white space part it from a card that fills the page. */
  cairo_save (cr);
  set_color (cr, &muted);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, MARGIN + width - right_w, y);
  pango_cairo_show_layout (cr, right_layout);
  cairo_restore (cr);
}

/* Draws one page, in points from the paper's top left corner. */
void
limber_handout_draw_page (LimberHandout *self,
                          cairo_t       *cr,
                          guint          page)
{
  g_return_if_fail (LIMBER_IS_HANDOUT (self));
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);

      if (placement->page != page)
        continue;

      cairo_save (cr);
      /* A slice of a block shows only its own lines. */
      cairo_rectangle (cr, 0, placement->y - 2, self->page_width,
                       placement->to - placement->from + 4);
      cairo_clip (cr);
      cairo_translate (cr, MARGIN, placement->y - placement->from);
      for (guint j = 0; j < placement->block->items->len; j++)
        draw_item (self, cr, &g_array_index (placement->block->items, Item, j));
      cairo_restore (cr);
    }

  draw_footer (self, cr, page);
}

/* ---- The PDF ---- */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
limber_handout_to_pdf (LimberHandout  *self,
                       LimberPaper     paper,
                       GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *created = NULL;
  const LimberClinic *clinic;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), NULL);

  clinic = self->content->clinic;
  limber_paper_get_size (paper, &width, &height);
  limber_handout_paginate (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);

  /* Translators: the PDF's title, as in "Home exercise program: Hip pain – Zoë Ødegård" */
  title = g_strdup_printf (_("Home exercise program: %s – %s"), self->content->program->name,
                           self->content->patient_name);
  /* Translators: the PDF's subject */
  subject = g_strdup_printf (_("Exercises, dosages and cautions for %s"),
                             self->content->patient_name);
  local = g_date_time_to_local (self->date);
  created = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  clinic->name[0] != '\0' ? clinic->name : clinic->therapist);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Limber " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      limber_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  /* One outline entry per exercise, where its card begins. */
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      g_autofree char *link = NULL;

      if (placement->block->outline == NULL || placement->from > 0)
        continue;
      link = g_strdup_printf ("page=%u pos=[%g %g]", placement->page + 1, MARGIN, placement->y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, placement->block->outline,
                                     link, 0);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not make the PDF (%s)",
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
limber_handout_write_pdf (LimberHandout  *self,
                          LimberPaper     paper,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(pdf = limber_handout_to_pdf (self, paper, error)))
    return FALSE;

  /* Written beside the target and renamed over it: a failure leaves an earlier file whole. */
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                                  FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* ---- The object ---- */

typedef struct
{
  const guchar *data;
  gsize         left;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* A logo that cannot be drawn leaves the header without it, and says why. */
static void
load_logo (LimberHandout *self)
{
  GBytes *logo = self->content->clinic->logo;
  g_autoptr(GError) error = NULL;
  const char *type;

  if (logo == NULL)
    return;

  type = limber_logo_get_media_type (logo);
  if (g_strcmp0 (type, "image/png") == 0)
    {
      Reader reader;
      cairo_surface_t *surface;

      reader.data = g_bytes_get_data (logo, &reader.left);
      surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
          cairo_image_surface_get_width (surface) < 1 || cairo_image_surface_get_height (surface) < 1)
        {
          self->logo_problem = g_strdup_printf (_("The clinic logo is not a readable PNG picture (%s)."),
                                                cairo_status_to_string (cairo_surface_status (surface)));
          cairo_surface_destroy (surface);
          return;
        }
      self->logo_png = surface;
      self->logo_aspect = (double) cairo_image_surface_get_width (surface) /
                          cairo_image_surface_get_height (surface);
    }
  else if (g_strcmp0 (type, "image/svg+xml") == 0)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (logo, &size);
      double w = 0, h = 0;

      self->logo_svg = rsvg_handle_new_from_data (data, size, &error);
      if (self->logo_svg == NULL ||
          !rsvg_handle_get_intrinsic_size_in_pixels (self->logo_svg, &w, &h) || w <= 0 || h <= 0)
        {
          /* An SVG without a size of its own takes its view box's shape. */
          gboolean has_width, has_height, has_viewbox = FALSE;
          RsvgLength width, height;
          RsvgRectangle viewbox = { 0 };

          if (self->logo_svg != NULL)
            rsvg_handle_get_intrinsic_dimensions (self->logo_svg, &has_width, &width, &has_height,
                                                  &height, &has_viewbox, &viewbox);
          if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
            {
              self->logo_problem = g_strdup_printf (_("The clinic logo is not a readable SVG picture (%s)."),
                                                    error != NULL ? error->message
                                                                  : _("it has no size"));
              g_clear_object (&self->logo_svg);
              return;
            }
          w = viewbox.width;
          h = viewbox.height;
        }
      self->logo_aspect = w / h;
    }
  else
    self->logo_problem = g_strdup (_("The clinic logo is neither a PNG nor an SVG picture."));
}

static void
limber_handout_finalize (GObject *object)
{
  LimberHandout *self = (LimberHandout *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->content, limber_program_file_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->context);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->logo_png, cairo_surface_destroy);
  g_clear_object (&self->logo_svg);
  g_free (self->logo_problem);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (limber_handout_parent_class)->finalize (object);
}

static void
limber_handout_class_init (LimberHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_handout_finalize;
}

static void
limber_handout_init (LimberHandout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Print layout: unhinted metrics, so a line breaks in the same place on every surface. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
}

LimberHandout *
limber_handout_new (LimberLibrary           *library,
                    const LimberProgramFile *content)
{
  LimberHandout *self;

  g_return_val_if_fail (LIMBER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_HANDOUT, NULL);
  self->library = g_object_ref (library);
  self->content = limber_program_file_new (content->patient_name, content->program,
                                           content->clinic, content->exported);
  self->content->large_print = content->large_print;
  self->large_print = content->large_print;
  self->date = g_date_time_new_now_local ();
  load_logo (self);
  return self;
}

void
limber_handout_set_large_print (LimberHandout *self,
                                gboolean       large_print)
{
  g_return_if_fail (LIMBER_IS_HANDOUT (self));
  self->large_print = !!large_print;
}

void
limber_handout_set_date (LimberHandout *self,
                         GDateTime     *date)
{
  g_return_if_fail (LIMBER_IS_HANDOUT (self));
  g_return_if_fail (date != NULL);
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_ref (date);
}

const char *
limber_handout_get_logo_problem (LimberHandout *self)
{
  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), NULL);
  return self->logo_problem;
}
