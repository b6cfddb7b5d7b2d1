/* limber-handout.c: the handout object: breaks the blocks the parts build into pages without
 * splitting an exercise's card, and replays their items on any cairo surface, so the PDF file
 * and the print job draw the same pages. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "limber-handout-private.h"

G_DEFINE_FINAL_TYPE (LimberHandout, limber_handout, G_TYPE_OBJECT)

/* ---- Paper ---- */

/* The locale's paper: glibc knows it from LC_PAPER; Letter is 216 × 279 mm. */
LimberPaper
limber_paper_from_locale (void)
{
/* _NL_PAPER_WIDTH is an enum constant, not a macro: glibc is what tells it is there. */
#ifdef __GLIBC__
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

/* ---- Layout and pages ---- */

static void
layout_blocks (LimberHandout *self)
{
  GPtrArray *prescriptions = self->content->program->prescriptions;
  double width = self->page_width - 2 * MARGIN;
  double content_h = self->page_height - TOP_MARGIN - FOOTER_SPACE;

  g_ptr_array_set_size (self->blocks, 0);
  handout_make_fonts (self);
  self->dosage_label_w = 0;

  g_ptr_array_add (self->blocks, handout_build_header (self, width));
  for (guint i = 0; i < prescriptions->len; i++)
    {
      const LimberPrescription *p = g_ptr_array_index (prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (self->library, p->exercise_id);

      /* Callers check the program against the library first (limber_program_check_exercises);
       * an exercise it lacks is left out rather than drawn from nothing. */
      if (exercise != NULL)
        g_ptr_array_add (self->blocks, handout_build_card (self, width, i + 1, p, exercise));
    }
  g_ptr_array_add (self->blocks, handout_build_safety (self, width));
  handout_build_diary (self, width, content_h);
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

typedef struct
{
  double top, bottom;
} Line;

/* Every line of the block's text that reaches between from and limit, in block coordinates. */
static GArray *
lines_between (Block  *block,
               double  from,
               double  limit)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));

  for (guint i = 0; i < block->items->len; i++)
    {
      const Item *item = &g_array_index (block->items, Item, i);
      PangoLayoutIter *iter;

      if (item->kind != ITEM_TEXT || item->y >= limit || item->y + item->h <= from)
        continue;
      iter = pango_layout_get_iter (item->layout);
      do
        {
          PangoRectangle rect;
          Line line;

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          line.top = item->y + (double) rect.y / PANGO_SCALE;
          line.bottom = line.top + (double) rect.height / PANGO_SCALE;
          g_array_append_val (lines, line);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return lines;
}

static gboolean
crosses_a_line (GArray *lines,
                double  y)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->top < y - 0.01 && line->bottom > y + 0.01)
        return TRUE;
    }
  return FALSE;
}

/* When no break point fits (a card taller than a small page), the lowest cut above the limit
 * that goes through no line of text: at a line's end, or failing that at a line's top or the
 * limit itself; -1 when there is none, and the cut must go through a line. */
static double
clean_cut (Block  *block,
           double  from,
           double  limit)
{
  g_autoptr(GArray) lines = lines_between (block, from, limit);

  for (guint pass = 0; pass < 2; pass++)
    {
      double best = pass == 1 && !crosses_a_line (lines, limit) ? limit : -1;

      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);
          double cut = pass == 0 ? line->bottom : line->top;

          if (cut > from + 1 && cut <= limit && cut > best && !crosses_a_line (lines, cut))
            best = cut;
        }
      if (best > 0)
        return best;
    }
  return -1;
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

  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), 0);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  layout_blocks (self);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      gboolean page_empty = y <= top;
      double gap;

      if (block->new_page && !page_empty)
        {
          page++;
          y = top;
          page_empty = TRUE;
        }
      gap = page_empty ? 0 : BLOCK_GAP;

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

          if (!page_empty)
            page++;
          while (from < block->height)
            {
              /* A cut that would leave only the card's bottom edge for the next page is no cut. */
              double limit = MIN (from + content_h, block->height - 14);
              double to = block->height <= from + content_h
                          ? block->height : last_break_before (block, from, limit);

              if (to < 0)
                to = clean_cut (block, from, limit);
              if (to < 0)
                to = limit;
              place (self, block, from, to, top, page);
              y = top + (to - from);
              from = to;
              if (from < block->height)
                page++;
            }
        }
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
      double scale = MIN (item->w / self->logo_svg_width, item->h / self->logo_svg_height);

      /* Drawn once, at load, into a recording: replayed here as the same vector paths. */
      cairo_translate (cr, item->x, item->y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, self->logo_svg, 0, 0);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}

/* Text on a page that shows only from..to of its block: the lines inside, and no others, so
 * a line at a cut is on one page only, not hidden but still there on the other. */
static void
draw_text (cairo_t    *cr,
           const Item *item,
           double      from,
           double      to)
{
  PangoLayoutIter *iter;

  set_color (cr, item->stroke);
  if (item->y >= from - 0.01 && item->y + item->h <= to + 0.01)
    {
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      return;
    }

  iter = pango_layout_get_iter (item->layout);
  do
    {
      PangoRectangle rect;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      top = item->y + (double) rect.y / PANGO_SCALE;
      bottom = top + (double) rect.height / PANGO_SCALE;
      if (top >= from - 0.01 && bottom <= to + 0.01)
        {
          cairo_move_to (cr, item->x + (double) rect.x / PANGO_SCALE,
                         item->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_item (LimberHandout *self,
           cairo_t       *cr,
           const Item    *item,
           double         from,
           double         to)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      draw_text (cr, item, from, to);
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
        double tw = handout_layout_width (item->layout), th = handout_layout_height (item->layout);
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
  g_autofree char *day = handout_format_day (self->date);
  /* The name is isolated (U+2068…U+2069), so a right-to-left name never pulls the date's
   * digits into its run. */
  g_autofree char *name = g_strdup_printf ("\u2068%s\u2069", self->content->patient_name);
  /* Translators: the handout's footer, as in "Zoë Ødegård · 26 November 2026" */
  g_autofree char *left = g_strdup_printf (_("%s · %s"), name, day);
  /* Translators: the page number in the handout's footer */
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) right_layout = handout_make_layout (self, right, FONT_SMALL, 0, 0);
  g_autoptr(PangoLayout) left_layout = NULL;
  double right_w = handout_layout_width (right_layout);

  left_layout = handout_make_layout (self, left, FONT_SMALL, width - right_w - 20, 0);
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
      double slack_top, slack_bottom;

      if (placement->page != page)
        continue;

      /* A slice of a block shows only its own lines: clipped at its cuts, with room for the
       * card's border at the block's own top and bottom. */
      slack_top = placement->from == 0 ? 2 : 0;
      slack_bottom = placement->to >= placement->block->height ? 2 : 0;
      cairo_save (cr);
      cairo_rectangle (cr, 0, placement->y - slack_top, self->page_width,
                       placement->to - placement->from + slack_top + slack_bottom);
      cairo_clip (cr);
      cairo_translate (cr, MARGIN, placement->y - placement->from);
      for (guint j = 0; j < placement->block->items->len; j++)
        {
          const Item *item = &g_array_index (placement->block->items, Item, j);

          /* What lies wholly on another page is not drawn here, not even hidden. */
          if (item->y + item->h < placement->from - 2 || item->y > placement->to + 2)
            continue;
          draw_item (self, cr, item, placement->from, placement->to);
        }
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

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("the PDF needs a file name"));
      return FALSE;
    }
  if (!(pdf = limber_handout_to_pdf (self, paper, error)))
    return FALSE;

  /* Written beside the target and renamed over it: a failure leaves an earlier file whole. */
  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                                FALSE, G_FILE_CREATE_NONE, NULL, NULL, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* GIO's own message does not always name the file ("Target file is not a regular file"). */
      if (error != NULL && *error != NULL && strstr ((*error)->message, name) == NULL)
        g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return TRUE;
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
          cairo_image_surface_get_width (surface) < 1 ||
          cairo_image_surface_get_height (surface) < 1)
        {
          const char *reason = cairo_status_to_string (cairo_surface_status (surface));

          /* Translators: %s is the reason, from the picture library */
          self->logo_problem = g_strdup_printf (_("The clinic logo is not a readable PNG picture "
                                                  "(%s)."), reason);
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

      g_autoptr(RsvgHandle) handle = rsvg_handle_new_from_data (data, size, &error);
      gboolean drawn;
      cairo_t *cr;

      if (handle == NULL ||
          !rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h) || w <= 0 || h <= 0)
        {
          /* An SVG without a size of its own takes its view box's shape. */
          gboolean has_width, has_height, has_viewbox = FALSE;
          RsvgLength width, height;
          RsvgRectangle viewbox = { 0 };

          if (handle != NULL)
            rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &width, &has_height,
                                                  &height, &has_viewbox, &viewbox);
          if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
            {
              /* Translators: %s is the reason, from the picture library */
              self->logo_problem = g_strdup_printf (_("The clinic logo is not a readable SVG "
                                                      "picture (%s)."),
                                                    error != NULL ? error->message
                                                                  : _("it has no size"));
              return;
            }
          w = viewbox.width;
          h = viewbox.height;
        }

      /* Drawn once here: a picture librsvg gives up on is left out, not half drawn on every
       * page with the drawing state it left behind. */
      self->logo_svg = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                       &(cairo_rectangle_t) { 0, 0, w, h });
      cr = cairo_create (self->logo_svg);
      drawn = rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, w, h }, &error);
      if (!drawn || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        {
          self->logo_problem = g_strdup_printf (_("The clinic logo is not a readable SVG "
                                                  "picture (%s)."),
                                                error != NULL
                                                ? error->message
                                                : cairo_status_to_string (cairo_status (cr)));
          g_clear_pointer (&self->logo_svg, cairo_surface_destroy);
        }
      cairo_destroy (cr);
      self->logo_svg_width = w;
      self->logo_svg_height = h;
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
  g_clear_pointer (&self->logo_svg, cairo_surface_destroy);
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

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) handout_block_free);
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
