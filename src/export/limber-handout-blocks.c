/* limber-handout-blocks.c: the handout's drawing items and blocks, and the text helpers that
 * lay text out once, in points, with unhinted metrics. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-handout-private.h"

/* ---- Blocks and items ---- */

static void
item_clear (Item *item)
{
  g_clear_object (&item->layout);
  g_clear_object (&item->renderer);
}

Block *
handout_block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (block->items, (GDestroyNotify) item_clear);
  block->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  return block;
}

void
handout_block_free (Block *block)
{
  g_array_unref (block->items);
  g_array_unref (block->breaks);
  g_free (block->outline);
  g_free (block);
}

Item *
handout_block_add (Block    *block,
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

void
handout_block_add_break (Block  *block,
                         double  y)
{
  g_array_append_val (block->breaks, y);
}

/* Moves src's items into dst, dy lower. */
void
handout_block_take (Block  *dst,
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
  handout_block_free (src);
}

/* ---- Text ---- */

double
handout_font_size (LimberHandout *self,
                   FontRole       role)
{
  static const double sizes[N_FONTS] = { 12, 12, 12, 10, 14, 16, 22 };

  double scale = self->large_print ? LIMBER_HANDOUT_LARGE_BODY_SIZE / LIMBER_HANDOUT_BODY_SIZE
                                    : 1.0;

  return sizes[role] * scale;
}

void
handout_make_fonts (LimberHandout *self)
{
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i], handout_font_size (self, i) * PANGO_SCALE);
    }
  pango_font_description_set_weight (self->fonts[FONT_BODY_BOLD], PANGO_WEIGHT_BOLD);
  pango_font_description_set_style (self->fonts[FONT_BODY_ITALIC], PANGO_STYLE_ITALIC);
  pango_font_description_set_weight (self->fonts[FONT_HEADING], PANGO_WEIGHT_BOLD);
  pango_font_description_set_weight (self->fonts[FONT_NAME], PANGO_WEIGHT_BOLD);
  pango_font_description_set_weight (self->fonts[FONT_TITLE], PANGO_WEIGHT_BOLD);
}

/* Text a person wrote is never markup: bold_chars of it, from the start, are set in bold. */
PangoLayout *
handout_make_layout (LimberHandout *self,
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

double
handout_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
handout_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Adds text at x, y and returns its height; every line end becomes a place a page may break. */
/* Places a laid-out text at x, y and returns its height; when breakable, every line end becomes
 * a place a page may break. */
static double
add_layout (Block       *block,
            double       x,
            double       y,
            double       width,
            PangoLayout *layout,
            const Color *color,
            gboolean     breakable)
{
  double height = handout_layout_height (layout);
  Item *item = handout_block_add (block, ITEM_TEXT, x, y, width, height);

  item->layout = layout;
  item->stroke = color;

  if (breakable)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);

      do
        {
          PangoRectangle rect;

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          handout_block_add_break (block, y + (double) (rect.y + rect.height) / PANGO_SCALE);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return height;
}

double
handout_add_text_full (LimberHandout *self,
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
  return add_layout (block, x, y, width, handout_make_layout (self, text, role, width, bold_bytes),
                     color, breakable);
}

/* A head ("3.", "•", "Hold"), a tab, and the text, which wraps under itself: one run of text,
 * so a reader copying or searching the PDF meets them in the order they are read. */
double
handout_add_hanging (LimberHandout *self,
                     Block         *block,
                     double         x,
                     double         y,
                     double         width,
                     double         indent,
                     const char    *head,
                     const Color   *head_color,
                     gboolean       head_bold,
                     const char    *text,
                     gboolean       text_bold,
                     gboolean       breakable)
{
  g_autofree char *joined = g_strconcat (head, " \t", text, NULL);
  PangoLayout *layout = handout_make_layout (self, joined, FONT_BODY, width, 0);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                            (int) (indent * PANGO_SCALE));
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr;
  guint head_end = strlen (head);

  attr = pango_attr_foreground_new (head_color->red * 65535, head_color->green * 65535,
                                    head_color->blue * 65535);
  attr->end_index = head_end;
  pango_attr_list_insert (attrs, attr);
  if (head_bold)
    {
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->end_index = head_end;
      pango_attr_list_insert (attrs, attr);
    }
  if (text_bold)
    {
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = head_end + 2;
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (layout, (int) (-indent * PANGO_SCALE));

  return add_layout (block, x, y, width, layout, &ink, breakable);
}

double
handout_add_text (LimberHandout *self,
                  Block         *block,
                  double         x,
                  double         y,
                  double         width,
                  const char    *text,
                  FontRole       role,
                  const Color   *color)
{
  return handout_add_text_full (self, block, x, y, width, text, role, color, 0, TRUE);
}

/* "Label: text", the label in bold. */
double
handout_add_labelled (LimberHandout *self,
                      Block         *block,
                      double         x,
                      double         y,
                      double         width,
                      const char    *label,
                      const char    *text)
{
  /* Translators: a label and its text on the handout, as in "Note from your therapist: …" */
  g_autofree char *joined = g_strdup_printf (_("%s: %s"), label, text);

  return handout_add_text_full (self, block, x, y, width, joined, FONT_BODY, &ink,
                                strlen (label) + 1, TRUE);
}

/* A bulleted item; returns its height. */
double
handout_add_bullet (LimberHandout *self,
                    Block         *block,
                    double         x,
                    double         y,
                    double         width,
                    const char    *text)
{
  double indent = handout_font_size (self, FONT_BODY) * 1.1;

  return handout_add_hanging (self, block, x, y, width, indent, "•", &ink, FALSE, text, FALSE,
                              TRUE);
}

void
handout_add_warning_mark (LimberHandout *self,
                          Block         *block,
                          double         x,
                          double         y)
{
  double size = handout_font_size (self, FONT_BODY) * 1.15;

  handout_block_add (block, ITEM_WARNING, x, y, size, size);
}
