/* limber-handout-diary.c: the handout's exercise diary, a tick box per exercise and day for
 * two weeks and a pain box per day, on pages of its own that repeat its heading. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-handout-private.h"

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
  handout_block_add (block, ITEM_LINE, 0, y + height, width, 0)->stroke = &rule;
  for (guint day = 0; day <= DIARY_DAYS; day++)
    {
      double x = grid->name_w + day * grid->day_w;
      Item *line = handout_block_add (block, ITEM_LINE, x, y, 0, height);

      line->stroke = &rule;
      line->line_width = day == 7 ? 1.5 : 0.75;
    }
}

static Block *
build_diary_head (LimberHandout   *self,
                  const DiaryGrid *grid,
                  double           width)
{
  Block *block = handout_block_new ();
  double y = 0, h;

  h = handout_add_text (self, block, 0, y, grid->name_w - 6, "", FONT_BODY, &ink);
  for (guint week = 0; week < 2; week++)
    {
      /* Translators: a column heading of the exercise diary */
      g_autofree char *label = g_strdup_printf (_("Week %u"), week + 1);
      PangoLayout *layout = handout_make_layout (self, label, FONT_BODY_BOLD, 7 * grid->day_w, 0);
      Item *item;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      h = handout_layout_height (layout);
      item = handout_block_add (block, ITEM_TEXT, grid->name_w + week * 7 * grid->day_w, y,
                                7 * grid->day_w, h);
      item->layout = layout;
      item->stroke = &ink;
    }
  y += h + 4;
  handout_block_add (block, ITEM_LINE, 0, y, width, 0)->stroke = &rule;

  h = 0;
  handout_add_text_full (self, block, 4, y + 3, grid->name_w - 8, _("Day"), FONT_BODY, &muted, 0,
                         FALSE);
  for (guint day = 0; day < DIARY_DAYS; day++)
    {
      g_autofree char *label = g_strdup_printf ("%u", day + 1);
      PangoLayout *layout = handout_make_layout (self, label, FONT_BODY, -1, 0);
      double text_w = handout_layout_width (layout);
      Item *item;

      /* A day's number never wraps: on paper too narrow for it, it takes the footer's size. */
      if (text_w > grid->day_w - 2)
        {
          g_object_unref (layout);
          layout = handout_make_layout (self, label, FONT_SMALL, -1, 0);
          text_w = handout_layout_width (layout);
        }
      h = handout_layout_height (layout);
      item = handout_block_add (block, ITEM_TEXT,
                                grid->name_w + day * grid->day_w + (grid->day_w - text_w) / 2,
                                y + 3, text_w, h);
      item->layout = layout;
      item->stroke = &muted;
    }
  add_cell_lines (block, grid, width, y, h + 6);
  y += h + 6;

  /* An empty row for the patient to write the dates in. */
  h = handout_add_text_full (self, block, 4, y + 4, grid->name_w - 8, _("Date"), FONT_BODY,
                             &muted, 0, FALSE) + 8;
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
  Block *block = handout_block_new ();
  g_autofree char *name = g_strdup_printf (_("%u. %s"), number,
                                           limber_exercise_get_name (exercise));
  g_autofree char *often = handout_capitalize (limber_prescription_format_frequency (p));
  double h;

  h = handout_add_text_full (self, block, 4, 4, grid->name_w - 8, name, FONT_BODY_BOLD, &ink, 0,
                             FALSE);
  h += handout_add_text_full (self, block, 4, 4 + h, grid->name_w - 8, often, FONT_BODY, &muted,
                              0, FALSE);
  h = MAX (h + 8, grid->box + 12);

  for (guint day = 0; day < DIARY_DAYS; day++)
    {
      double x = grid->name_w + day * grid->day_w + (grid->day_w - grid->box) / 2;
      Item *box = handout_block_add (block, ITEM_BOX, x, (h - grid->box) / 2, grid->box,
                                     grid->box);

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
  Block *block = handout_block_new ();
  double h, y;

  h = handout_add_text_full (self, block, 4, 4, grid->name_w - 8, _("Worst pain today\n(0–10)"),
                             FONT_BODY_BOLD, &ink, 0, FALSE) + 8;
  h = MAX (h, grid->box * 2.4);
  for (guint day = 0; day < DIARY_DAYS; day++)
    {
      Item *cell = handout_block_add (block, ITEM_BOX, grid->name_w + day * grid->day_w + 1.5, 1.5,
                                      grid->day_w - 3, h - 3);

      cell->fill = &shade;
    }
  add_cell_lines (block, grid, width, 0, h);
  y = h + 10;
  y += handout_add_text (self, block, 0, y, width,
                         _("Pain: 0–3 is fine, carry on. 4–5 is okay if it settles by the "
                           "next morning. 6 or more: stop that exercise and tell your physical "
                           "therapist."),
                         FONT_BODY, &ink) + 4;
  y += handout_add_text (self, block, 0, y, width, _("Bring this sheet to your next visit."),
                         FONT_BODY, &ink);
  block->height = y;
  return block;
}

/* The diary starts on a page of its own and repeats its heading on every page it fills. */
void
handout_build_diary (LimberHandout *self,
                     double         width,
                     double         page_h)
{
  GPtrArray *prescriptions = self->content->program->prescriptions;
  DiaryGrid grid;
  Block *page = NULL;
  double y = 0;
  guint next = 0, rows = 0;

  /* On small paper the names wrap more, so the days keep room for "14". */
  grid.name_w = MIN (self->large_print ? 170 : 150, width * 0.28);
  grid.day_w = (width - grid.name_w) / DIARY_DAYS;
  grid.box = MIN (self->large_print ? 15 : 13, grid.day_w - 5);

  while (next <= prescriptions->len)
    {
      Block *row;

      if (page == NULL)
        {
          Block *head;

          page = handout_block_new ();
          page->new_page = TRUE;
          y = 0;
          if (next == 0)
            {
              y += handout_add_text (self, page, 0, y, width, _("Exercise diary"), FONT_TITLE,
                                     &ink) + 6;
              y += handout_add_text (self, page, 0, y, width,
                                     _("Tick a box on each day you do the exercise. Each evening, "
                                       "write your worst pain of the day, from 0 (no pain) to 10 "
                                       "(the worst pain you can imagine), in the bottom row."),
                                     FONT_BODY, &ink) + 12;
              page->outline = g_strdup (_("Exercise diary"));
            }
          handout_block_add (page, ITEM_LINE, 0, y, width, 0)->stroke = &rule;
          head = build_diary_head (self, &grid, width);
          y += head->height;
          handout_block_take (page, head, y - head->height);
          rows = 0;
        }

      if (next < prescriptions->len)
        {
          const LimberPrescription *p = g_ptr_array_index (prescriptions, next);
          LimberExercise *exercise = limber_library_lookup (self->library, p->exercise_id);

          if (exercise == NULL)
            {
              next++;
              continue;
            }
          row = build_diary_row (self, &grid, width, next + 1, p, exercise);
        }
      else
        row = build_diary_pain (self, &grid, width);

      if (y + row->height > page_h && rows > 0)
        {
          /* This page is full: close it; the next repeats the heading. */
          handout_block_free (row);
          page->height = y;
          g_ptr_array_add (self->blocks, page);
          page = NULL;
          continue;
        }

      y += row->height;
      handout_block_take (page, row, y - row->height);
      rows++;
      next++;
    }
  page->height = y;
  g_ptr_array_add (self->blocks, page);
}
