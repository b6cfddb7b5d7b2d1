/* test-handout.c: the printed program, read back with poppler as a patient's PDF viewer would:
 * every card whole on one page, page counts, metadata, outline, fonts, names in three scripts,
 * large print, no blank page; and `.limber` program files, good and hostile. */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "core-test-util.h"
#include "limber-handout.h"

#define FOOTER_HEIGHT 36.0

/* poppler-glib 22.12 and Pango 1.50 declare no autoptr for these. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PangoContext, g_object_unref)

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 11, 26, 10, 0, 0);
}

static LimberProgramFile *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples",
                                                 "hip-pain-starter.limber", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LimberProgramFile *content;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  content = limber_program_file_load (bytes, path, &error);
  g_assert_no_error (error);
  return content;
}

/* A program of n exercises, going round the library. */
static LimberProgramFile *
make_program (LimberLibrary *library,
              guint          n,
              const char    *patient)
{
  g_autoptr(LimberProgram) program = limber_program_new ("Hip and knee");
  g_autoptr(LimberClinic) clinic = limber_clinic_new ();
  g_autoptr(GDateTime) date = fixed_date ();
  guint n_exercises = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (library),
                                                                  i % n_exercises);

      g_ptr_array_add (program->prescriptions, limber_prescription_new_for_exercise (exercise));
    }

  g_free (clinic->name);
  clinic->name = g_strdup ("Riverside Physical Therapy");
  g_free (clinic->address);
  clinic->address = g_strdup ("12 Mill Lane\nOxford OX1 2AB");
  g_free (clinic->phone);
  clinic->phone = g_strdup ("01865 555 010");
  g_free (clinic->therapist);
  clinic->therapist = g_strdup ("Anna Berg, PT");
  return limber_program_file_new (patient, program, clinic, date);
}

static GBytes *
make_pdf_bytes (LimberLibrary     *library,
                LimberProgramFile *content,
                gboolean           large_print,
                LimberPaper        paper)
{
  g_autoptr(LimberHandout) handout = limber_handout_new (library, content);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  limber_handout_set_date (handout, date);
  limber_handout_set_large_print (handout, large_print);
  pdf = limber_handout_to_pdf (handout, paper, &error);
  g_assert_no_error (error);
  return pdf;
}

static PopplerDocument *
make_pdf (LimberLibrary     *library,
          LimberProgramFile *content,
          gboolean           large_print,
          LimberPaper        paper)
{
  g_autoptr(GBytes) pdf = make_pdf_bytes (library, content, large_print, paper);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A small PNG logo, made the way an image editor would save one. */
static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 30);
  GByteArray *bytes = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* Text with every run of white space made one space (none after a hyphen that ended a line),
 * as a reader searches it. */
static char *
flatten (const char *text)
{
  GString *flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      /* Poppler wraps right-to-left runs in embedding marks (U+202A–U+202E), and the footer
       * isolates the name (U+2066–U+2069); a reader's search ignores them. */
      if ((guchar) p[0] == 0xe2 &&
          (((guchar) p[1] == 0x80 && (guchar) p[2] >= 0xaa && (guchar) p[2] <= 0xae) ||
           ((guchar) p[1] == 0x81 && (guchar) p[2] >= 0xa6 && (guchar) p[2] <= 0xa9)))
        {
          p += 2;
          continue;
        }
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          /* "shoulder-" at a line's end and "width" on the next are one word, as are "13–" and
           * "15" (a range's dash, right after a character). */
          if (space && flat->len > 0 && flat->str[flat->len - 1] != '-' &&
              !(flat->len > 3 && g_str_has_suffix (flat->str, "–") &&
                flat->str[flat->len - 4] != ' '))
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_c (flat, *p);
        }
    }
  return g_string_free (flat, FALSE);
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);

  return flatten (text);
}

/* Each page's text as pdftotext reads it, in logical order (poppler-glib gives right-to-left
 * text in the order it is drawn). */
static GPtrArray *
pdftotext_pages (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-handout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);

  pages = g_strsplit (out, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i][0] != '\0')
      g_ptr_array_add (texts, flatten (pages[i]));
  return texts;
}

static GPtrArray *
all_page_texts (PopplerDocument *document)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    g_ptr_array_add (texts, page_text (document, i));
  return texts;
}

/* The pages whose text holds this string. */
static guint
count_pages_with (GPtrArray  *texts,
                  const char *needle,
                  int        *last)
{
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      {
        n++;
        if (last != NULL)
          *last = i;
      }
  return n;
}

/* Every card's text on one page, the one its first step is on. */
static void
assert_cards_whole (LimberLibrary     *library,
                    LimberProgramFile *content,
                    PopplerDocument   *document)
{
  g_autoptr(GPtrArray) texts = all_page_texts (document);

  for (guint i = 0; i < content->program->prescriptions->len; i++)
    {
      LimberPrescription *p = g_ptr_array_index (content->program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (library, p->exercise_id);
      const char * const *steps = limber_exercise_get_steps (exercise);
      const char * const *cautions = limber_exercise_get_cautions (exercise);
      g_autofree char *first = g_strdup_printf ("1. %s", steps[0]);
      g_autofree char *frequency = limber_prescription_format_frequency (p);
      const char *card_text = NULL;
      int page = -1;

      /* The name is also in the diary; the card is where the name and first step meet. The
       * same exercise twice has the same card text, so each such page is checked whole. */
      g_assert_cmpuint (count_pages_with (texts, first, &page), >=, 1);
      for (guint k = 0; k < texts->len; k++)
        {
          const char *text = g_ptr_array_index (texts, k);

          /* Two band walks begin with the same step. */
          if (strstr (text, first) == NULL ||
              strstr (text, limber_exercise_get_name (exercise)) == NULL)
            continue;
          card_text = text;
          for (guint s = 0; steps[s] != NULL; s++)
            {
              if (strstr (card_text, steps[s]) == NULL)
                g_test_message ("page %u lacks “%s”: %s", k + 1, steps[s], card_text);
              g_assert_nonnull (strstr (card_text, steps[s]));
            }
          for (guint c = 0; cautions != NULL && cautions[c] != NULL; c++)
            g_assert_nonnull (strstr (card_text, cautions[c]));
          if (limber_exercise_get_feel (exercise) != NULL)
            g_assert_nonnull (strstr (card_text, limber_exercise_get_feel (exercise)));
          g_assert_nonnull (strstr (card_text, "Sets × reps"));
          g_assert_nonnull (strstr (card_text, "How often"));
          /* "Daily" on the card, "daily" in the prescription's own words. */
          g_assert_nonnull (strcasestr (card_text, frequency));
          for (guint m = 0; p->modifications != NULL && p->modifications[m] != NULL; m++)
            g_assert_nonnull (strstr (card_text, p->modifications[m]));
          if (p->note[0] != '\0')
            g_assert_nonnull (strstr (card_text, p->note));
        }
      g_assert_nonnull (card_text);
    }
}

static void
test_cards_whole (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = load_example ();

  for (guint large = 0; large < 2; large++)
    {
      g_autoptr(PopplerDocument) document = make_pdf (library, content, large, LIMBER_PAPER_A4);

      assert_cards_whole (library, content, document);
    }
}

/* The therapist's own modifications and note show on the card. */
static void
test_tailoring (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = make_program (library, 3, "Ravi Kumar");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  LimberPrescription *p = g_ptr_array_index (content->program->prescriptions, 1);
  const char *mods[] = { "Use a folded towel under your head.", NULL };
  g_autoptr(GError) error = NULL;

  limber_prescription_set_modifications (p, mods, &error);
  g_assert_no_error (error);
  limber_prescription_set_note (p, "Start with the left leg, which is stiffer.", &error);
  g_assert_no_error (error);
  p->sets = 2;
  p->rest_seconds = 45;
  p->side = LIMBER_PRESCRIBED_SIDE_LEFT;
  p->load = LIMBER_LOAD_ANKLE_WEIGHT;
  p->load_amount = 1.5;
  p->load_unit = LIMBER_WEIGHT_UNIT_KG;

  document = make_pdf (library, content, FALSE, LIMBER_PAPER_A4);
  assert_cards_whole (library, content, document);
  texts = all_page_texts (document);
  g_assert_cmpuint (count_pages_with (texts, "Changes for you: • Use a folded towel", NULL) +
                    count_pages_with (texts, "Changes for you • Use a folded towel", NULL), ==, 1);
  g_assert_cmpuint (count_pages_with (texts, "Note from your therapist: Start with the left leg",
                                      NULL), ==, 1);
  g_assert_cmpuint (count_pages_with (texts, "45 seconds between sets", NULL), ==, 1);
  g_assert_cmpuint (count_pages_with (texts, "Left side", NULL), ==, 1);
  g_assert_cmpuint (count_pages_with (texts, "1.5 kg ankle weight", NULL), ==, 1);
  /* The header and the safety box carry the clinic. */
  g_assert_cmpuint (count_pages_with (texts,
                                     "Riverside Physical Therapy 12 Mill Lane Oxford OX1 2AB "
                                             "Phone: 01865 555 010", NULL), ==, 1);
  /* Labels and values sit in aligned columns, which a PDF reader extracts apart. */
  g_assert_nonnull (strstr (g_ptr_array_index (texts, 0), "Therapist"));
  g_assert_cmpuint (count_pages_with (texts, "Anna Berg, PT", NULL), ==, 1);
  g_assert_cmpuint (count_pages_with (texts, "Call the clinic on 01865 555 010", NULL), ==, 1);
}

/* A card taller than a page (a long note in large print) still prints every line. */
static void
test_long_card (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = make_program (library, 2, "Ravi Kumar");
  LimberPrescription *p = g_ptr_array_index (content->program->prescriptions, 0);
  g_autoptr(GPtrArray) mods = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (mods, g_strdup_printf ("Change %u: move through a smaller range of motion "
                                            "and stop well before it hurts.", i + 1));
  g_ptr_array_add (mods, NULL);
  limber_prescription_set_modifications (p, (const char * const *) mods->pdata, &error);
  g_assert_no_error (error);
  for (guint i = 1; note->len < 1900; i++)
    g_string_append_printf (note, "Sentence %u of the note. ", i);
  limber_prescription_set_note (p, note->str, &error);
  g_assert_no_error (error);

  document = make_pdf (library, content, TRUE, LIMBER_PAPER_A4);
  texts = all_page_texts (document);
  for (guint i = 0; i < texts->len; i++)
    {
      g_string_append (all, g_ptr_array_index (texts, i));
      g_string_append_c (all, ' ');
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *change = g_strdup_printf ("Change %u: move through", i + 1);

      g_assert_nonnull (strstr (all->str, change));
    }
  /* Each sentence of the note is there once: no line lost at a page break, none doubled. */
  for (guint i = 1; i < 70; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Sentence %u of the note.", i);
      const char *found = strstr (all->str, sentence);

      if (strstr (note->str, sentence) == NULL)
        break;
      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, sentence));
    }
}

/* Whether the text's words stand in the page words in order, each within a few words of the
 * last: a line lost at a cut would break the run. (A step cut across two pages may have the
 * next page's other column read in between, so the run may have gaps.) */
static gboolean
words_in_order (GStrv       words,
                const char *text)
{
  g_auto(GStrv) wanted = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  for (guint start = 0; start < n; start++)
    {
      guint at = start, k = 0;

      if (g_strcmp0 (words[start], wanted[0]) != 0)
        continue;
      for (k = 1; wanted[k] != NULL; k++)
        {
          guint limit = MIN (n, at + 60);

          for (at = at + 1; at < limit && g_strcmp0 (words[at], wanted[k]) != 0; at++)
            ;
          if (at >= limit)
            break;
        }
      if (wanted[k] == NULL)
        return TRUE;
    }
  return FALSE;
}

/* The handout on pages smaller than a card (A5, A6 and A5 landscape in large print, as a print
 * dialog may pick): cards break between lines, never through one, lose nothing, and no page is
 * blank. */
static void
check_small_paper (double width,
                   double height)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = load_example ();
  g_autoptr(LimberHandout) handout = limber_handout_new (library, content);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GRegex) footer = g_regex_new ("Example Patient · 26 November 2026|Page \\d+ of \\d+",
                                          0, 0, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  limber_handout_set_date (handout, date);
  limber_handout_set_large_print (handout, TRUE);
  n_pages = limber_handout_paginate (handout, width, height);
  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      limber_handout_draw_page (handout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  pdf = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  document = poppler_document_new_from_bytes (pdf, NULL, NULL);
  g_assert_nonnull (document);

  /* The pages' text read in order, without their footers; and no line of text reaches past
   * the page's body, as a line cut through would (TOP_MARGIN 30 pt, FOOTER_SPACE 40 pt). */
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects, body_chars = 0;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects; r++)
        if (rects[r].y1 < height - 32 && rects[r].y2 - rects[r].y1 > 0.1)
          {
            g_assert_cmpfloat (rects[r].y1, >=, 30 - 1);
            g_assert_cmpfloat (rects[r].y2, <=, height - 40 + 1);
            body_chars++;
          }
      if (body_chars == 0)
        g_test_message ("%.0f × %.0f: page %d of %u has no text", width, height, i + 1, n_pages);
      g_assert_cmpuint (body_chars, >, 0);

      g_autofree char *text = page_text (document, i);
      g_autofree char *body = g_regex_replace_literal (footer, text, -1, 0, "", 0, NULL);

      g_string_append (all, body);
      g_string_append_c (all, ' ');
    }
  {
    /* Step numbers go too: at the top of a page that starts mid-step, poppler reads the column
     * of numbers before the text beside it. */
    g_autoptr(GRegex) numbers = g_regex_new ("(^| )[0-9]+\\.(?= )", 0, 0, NULL);
    g_autofree char *flat_numbered = flatten (all->str);
    g_autofree char *flat = g_regex_replace_literal (numbers, flat_numbered, -1, 0, "", 0, NULL);
    g_auto(GStrv) words = g_strsplit (flat, " ", -1);

    for (guint i = 0; i < content->program->prescriptions->len; i++)
      {
        LimberPrescription *p = g_ptr_array_index (content->program->prescriptions, i);
        LimberExercise *exercise = limber_library_lookup (library, p->exercise_id);
        const char * const *steps = limber_exercise_get_steps (exercise);
        const char * const *cautions = limber_exercise_get_cautions (exercise);

        for (guint k = 0; steps[k] != NULL; k++)
          {
            if (!words_in_order (words, steps[k]))
              g_test_message ("missing or cut: %s", steps[k]);
            g_assert_true (words_in_order (words, steps[k]));
          }
        for (guint k = 0; cautions[k] != NULL; k++)
          g_assert_true (words_in_order (words, cautions[k]));
      }
  }
}

static void
test_small_paper (void)
{
  check_small_paper (419.53, 595.28);
  check_small_paper (297.64, 419.53);
  /* A5 turned sideways: cards keep two columns and cut where neither column has a line. */
  check_small_paper (595.28, 419.53);
}

static guint
page_count (LimberLibrary *library,
            guint          n,
            gboolean       large_print)
{
  g_autoptr(LimberProgramFile) content = make_program (library, n, "Ravi Kumar");
  g_autoptr(PopplerDocument) document = make_pdf (library, content, large_print, LIMBER_PAPER_A4);

  assert_cards_whole (library, content, document);
  return poppler_document_get_n_pages (document);
}

/* A card takes a third to a page; the safety box and the diary add one or two pages. */
static void
test_page_counts (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  guint one = page_count (library, 1, FALSE);
  guint eight = page_count (library, 8, FALSE);
  guint twenty = page_count (library, 20, FALSE);
  guint twenty_large = page_count (library, 20, TRUE);

  g_test_message ("pages: 1 → %u, 8 → %u, 20 → %u, 20 in large print → %u", one, eight, twenty,
                  twenty_large);
  g_assert_cmpuint (one, >=, 2);
  g_assert_cmpuint (one, <=, 3);
  g_assert_cmpuint (eight, >=, 5);
  g_assert_cmpuint (eight, <=, 8);
  g_assert_cmpuint (twenty, >=, 10);
  g_assert_cmpuint (twenty, <=, 18);
  g_assert_cmpuint (twenty_large, >, twenty);
  g_assert_cmpuint (twenty_large, <=, 26);
}

static void
collect_outline (PopplerDocument  *document,
                 PopplerIndexIter *iter,
                 GPtrArray        *titles,
                 GArray           *pages)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;

      if (action->type == POPPLER_ACTION_GOTO_DEST)
        {
          PopplerDest *dest = action->goto_dest.dest;
          int page;

          if (dest->type == POPPLER_DEST_NAMED)
            {
              PopplerDest *found = poppler_document_find_dest (document, dest->named_dest);

              page = found->page_num;
              poppler_dest_free (found);
            }
          else
            page = dest->page_num;
          g_ptr_array_add (titles, g_strdup (action->any.title));
          g_array_append_val (pages, page);
        }
      poppler_action_free (action);
      if ((child = poppler_index_iter_get_child (iter)) != NULL)
        {
          collect_outline (document, child, titles, pages);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static void
test_metadata_and_outline (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = make_program (library, 8, "Zoë Ødegård");
  g_autoptr(PopplerDocument) document = make_pdf (library, content, FALSE, LIMBER_PAPER_A4);
  g_autoptr(GPtrArray) texts = all_page_texts (document);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autofree char *subject = poppler_document_get_subject (document);
  g_autofree char *creator = poppler_document_get_creator (document);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (document);
  PopplerIndexIter *iter;

  g_assert_cmpstr (title, ==, "Home exercise program: Hip and knee – Zoë Ødegård");
  g_assert_cmpstr (author, ==, "Riverside Physical Therapy");
  g_assert_cmpstr (subject, ==, "Exercises, dosages and cautions for Zoë Ødegård");
  g_assert_true (g_str_has_prefix (creator, "Limber "));
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_to_unix (created), ==, 1795687200);

  iter = poppler_index_iter_new (document);
  g_assert_nonnull (iter);
  collect_outline (document, iter, titles, pages);
  poppler_index_iter_free (iter);

  /* One entry per exercise, in order, each on the page its card is on; then the safety box and
   * the diary. */
  g_assert_cmpuint (titles->len, ==, 8 + 2);
  for (guint i = 0; i < 8; i++)
    {
      LimberPrescription *p = g_ptr_array_index (content->program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (library, p->exercise_id);
      g_autofree char *expected = g_strdup_printf ("%u. %s", i + 1,
                                                   limber_exercise_get_name (exercise));
      g_autofree char *card = g_strdup_printf ("1. %s", limber_exercise_get_steps (exercise)[0]);
      int page = g_array_index (pages, int, i);

      g_assert_cmpstr (g_ptr_array_index (titles, i), ==, expected);
      g_assert_cmpint (page, >=, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (texts, page - 1), card));
    }
  g_assert_cmpstr (g_ptr_array_index (titles, 8), ==, "Exercise safely");
  g_assert_cmpstr (g_ptr_array_index (titles, 9), ==, "Exercise diary");
}

static void
test_fonts_embedded (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = make_program (library, 3, "王小明");
  g_autoptr(PopplerDocument) document = make_pdf (library, content, FALSE, LIMBER_PAPER_A4);
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  while (poppler_font_info_scan (info, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_test_message ("font %s", poppler_fonts_iter_get_name (iter));
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          n++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n, >=, 2);
}

/* The font set shows every letter of the name: no missing-glyph boxes. */
static void
assert_font_covers (const char *text)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(PangoContext) context = pango_font_map_create_context (map);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, "
                                                                     "sans-serif 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  pango_font_description_free (font);
}

static void
test_names (void)
{
  static const char * const names[] = { "Zoë Ødegård", "محمد", "王小明" };
  g_autoptr(LimberLibrary) library = load_library ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LimberProgramFile) content = make_program (library, 2, names[i]);
      g_autoptr(GBytes) pdf = make_pdf_bytes (library, content, FALSE, LIMBER_PAPER_A4);
      g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, NULL);
      g_autoptr(GPtrArray) texts = pdftotext_pages (pdf);
      g_autofree char *footer = g_strdup_printf ("%s · 26 November 2026", names[i]);
      g_autofree char *title = poppler_document_get_title (document);

      assert_font_covers (names[i]);
      g_assert_nonnull (strstr (g_ptr_array_index (texts, 0), "Patient"));
      /* The footer names the patient on every page. */
      g_assert_cmpuint (count_pages_with (texts, names[i], NULL), ==, texts->len);
      g_assert_true (strstr (title, names[i]) != NULL);
      /* pdftotext counts the neutral "·" into a right-to-left name's run; the footer is drawn
       * name first all the same (looked at), so that case checks the name and the date. */
      if (i == 1)
        g_assert_cmpuint (count_pages_with (texts, "26 November 2026", NULL), ==, texts->len);
      else
        g_assert_cmpuint (count_pages_with (texts, footer, NULL), ==, texts->len);
    }
}

/* The smallest and largest type on a page, leaving out the footer. */
static void
type_sizes (PopplerDocument *document,
            int              index,
            double          *min_size,
            double          *footer_size)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GList *attributes = poppler_page_get_text_attributes (page);
  double width, height;
  guint n_rects;
  glong n_chars = g_utf8_strlen (text, -1);

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  *min_size = G_MAXDOUBLE;
  *footer_size = 0;
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      for (int i = a->start_index; i <= a->end_index && i < (int) n_rects && i < n_chars; i++)
        {
          gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, i));

          if (g_unichar_isspace (c))
            continue;
          if (rects[i].y1 > height - FOOTER_HEIGHT)
            *footer_size = MAX (*footer_size, a->font_size);
          else
            *min_size = MIN (*min_size, a->font_size);
        }
    }
  poppler_page_free_text_attributes (attributes);
}

static void
test_large_print (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = load_example ();
  g_autoptr(PopplerDocument) normal = make_pdf (library, content, FALSE, LIMBER_PAPER_A4);
  g_autoptr(PopplerDocument) large = make_pdf (library, content, TRUE, LIMBER_PAPER_A4);
  double min_size, footer;

  for (int i = 0; i < poppler_document_get_n_pages (normal); i++)
    {
      type_sizes (normal, i, &min_size, &footer);
      g_assert_cmpfloat (min_size, >=, LIMBER_HANDOUT_BODY_SIZE - 0.01);
      g_assert_cmpfloat (min_size, <, LIMBER_HANDOUT_LARGE_BODY_SIZE);
      g_assert_cmpfloat (footer, >=, 9.99);
    }
  for (int i = 0; i < poppler_document_get_n_pages (large); i++)
    {
      type_sizes (large, i, &min_size, &footer);
      g_assert_cmpfloat (min_size, >=, LIMBER_HANDOUT_LARGE_BODY_SIZE - 0.01);
      g_assert_cmpfloat (footer, >=, 13);
    }
  g_assert_cmpint (poppler_document_get_n_pages (large), >, poppler_document_get_n_pages (normal));
}

/* Each page has ink above its footer: no page is blank. */
static void
test_no_blank_page (void)
{
  g_autoptr(LimberLibrary) library = load_library ();

  for (guint n = 1; n <= 20; n += 19)
    for (guint large = 0; large < 2; large++)
      {
        g_autoptr(LimberProgramFile) content = make_program (library, n, "Ravi Kumar");
        g_autoptr(PopplerDocument) document = make_pdf (library, content, large,
                                                        n == 1 ? LIMBER_PAPER_LETTER
                                                               : LIMBER_PAPER_A4);

        for (int i = 0; i < poppler_document_get_n_pages (document); i++)
          {
            g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
            double width, height, scale = 0.5;
            cairo_surface_t *surface;
            cairo_t *cr;
            guint dark = 0, body_rows;
            int stride;
            guchar *data;

            poppler_page_get_size (page, &width, &height);
            if (n == 1)
              {
                g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
                g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
              }
            else
              g_assert_cmpfloat_with_epsilon (width, 595.3, 0.5);

            surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale,
                                                  height * scale);
            cr = cairo_create (surface);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_paint (cr);
            cairo_scale (cr, scale, scale);
            poppler_page_render_for_printing (page, cr);
            cairo_destroy (cr);
            cairo_surface_flush (surface);

            data = cairo_image_surface_get_data (surface);
            stride = cairo_image_surface_get_stride (surface);
            body_rows = (height - FOOTER_HEIGHT) * scale;
            for (guint y = 0; y < body_rows; y++)
              for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
                {
                  guint32 pixel = ((guint32 *) (data + y * stride))[x];

                  if (((pixel >> 16) & 0xff) < 128 && ((pixel >> 8) & 0xff) < 128)
                    dark++;
                }
            cairo_surface_destroy (surface);
            g_test_message ("%u exercises, page %d: %u dark pixels", n, i + 1, dark);
            /* A blank page has none; two lines of text have about 500. */
            g_assert_cmpuint (dark, >, 500);
          }
      }
}

/* ---- Program files ---- */

static void
test_program_file_round_trip (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = make_program (library, 4, "Zoë Ødegård");
  g_autoptr(LimberProgramFile) again = NULL;
  g_autoptr(GBytes) logo = make_png ();
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  content->large_print = TRUE;
  limber_clinic_set_logo (content->clinic, logo, "logo.png", &error);
  g_assert_no_error (error);
  first = limber_program_file_to_data (content, &length);
  data = g_bytes_new (first, length);
  again = limber_program_file_load (data, "zoe.limber", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (again->patient_name, ==, "Zoë Ødegård");
  g_assert_true (again->large_print);
  g_assert_cmpstr (again->clinic->address, ==, "12 Mill Lane\nOxford OX1 2AB");
  g_assert_true (g_bytes_equal (again->clinic->logo, logo));
  g_assert_cmpuint (again->program->prescriptions->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (limber_prescription_equal (content->program->prescriptions->pdata[i],
                                              again->program->prescriptions->pdata[i]));
  second = limber_program_file_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);
  g_assert_true (limber_program_check_exercises (again->program, library, "zoe.limber", &error));
  g_assert_no_error (error);
}

/* The shipped example is the seed's program at the seed's dosages: the shipped template. */
static void
test_example_file (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/templates/hip-pain.json", 0,
                                                     &error);
  g_autoptr(LimberProgram) template = NULL;

  g_assert_no_error (error);
  template = limber_template_load (bytes, "hip-pain.json", &error);
  g_assert_no_error (error);
  g_assert_true (limber_program_check_exercises (content->program, library, "example", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (content->program->prescriptions->len, ==, template->prescriptions->len);
  for (guint i = 0; i < template->prescriptions->len; i++)
    g_assert_true (limber_prescription_equal (content->program->prescriptions->pdata[i],
                                              template->prescriptions->pdata[i]));
}

static void
test_program_file_hostile (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "", "bad.limber" },
    { "[]", "expected a JSON object" },
    { "{\"schema_version\": 2, \"kind\": \"program\"}", "reads version 1, got 2" },
    { "{\"schema_version\": 1, \"kind\": \"template\"}", "kind: expected \"program\"" },
    { "{\"schema_version\": 1, \"kind\": \"program\", \"exported\": \"2026-11-26T09:00:00Z\", "
      "\"patient\": {\"name\": \"A\", \"large_print\": false}, \"clinic\": {}, "
      "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": []}, \"extra\": 1}",
      "extra" },
    { "{\"schema_version\": 1, \"kind\": \"program\", \"exported\": \"2026-11-26T09:00:00Z\", "
      "\"patient\": {\"name\": \"A\", \"large_print\": \"yes\"}, \"clinic\": {}, "
      "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": []}}",
      "patient.large_print: expected true or false" },
    { "{\"schema_version\": 1, \"kind\": \"program\", \"exported\": \"2026-11-26T09:00:00Z\", "
      "\"patient\": {\"name\": \"A\", \"large_print\": false}, \"clinic\": {\"logo\": \"a$b=\"}, "
      "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": []}}",
      "clinic.logo: expected base64 text" },
    { "{\"schema_version\": 1, \"kind\": \"program\", \"exported\": \"2026-11-26T09:00:00Z\", "
      "\"patient\": {\"name\": \"A\", \"large_print\": false}, "
      "\"clinic\": {\"logo\": \"aGVsbG8=\"}, "
      "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": []}}",
      "neither a PNG nor an SVG" },
    { "{\"schema_version\": 1, \"kind\": \"program\", \"exported\": \"2026-11-26T09:00:00Z\", "
      "\"patient\": {\"name\": \"A\", \"large_print\": false}, \"clinic\": {}, "
      "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": [{\"id\": \"x\"}]}}",
      "program.exercises[0]" },
    { "{\"schema_version\": 1, \"kind\": \"program\", \"exported\": \"yesterday\", "
      "\"patient\": {\"name\": \"A\", \"large_print\": false}, \"clinic\": {}, "
      "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": []}}",
      "exported" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberProgramFile) content = limber_program_file_load (bytes, "bad.limber", &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (content);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "bad.limber"));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* An unknown exercise in a file made by a newer library is named, not dropped. */
static void
test_program_file_unknown_exercise (void)
{
  g_autoptr(LimberLibrary) library = load_library ();
  g_autoptr(LimberProgramFile) content = make_program (library, 2, "A");
  LimberPrescription *p = g_ptr_array_index (content->program->prescriptions, 1);
  g_autoptr(GError) error = NULL;

  g_free (p->exercise_id);
  p->exercise_id = g_strdup ("knee-to-wall");
  g_assert_false (limber_program_check_exercises (content->program, library, "a.limber", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "knee-to-wall"));
}

static void
test_logo (void)
{
  static const char svg[] =
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 20'>"
    "<rect width='40' height='20' fill='#1c71d8'/></svg>";
  g_autoptr(LimberLibrary) library = load_library ();

  for (guint kind = 0; kind < 3; kind++)
    {
      g_autoptr(LimberProgramFile) content = make_program (library, 1, "A");
      g_autoptr(LimberHandout) handout = NULL;
      g_autoptr(GBytes) logo = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;

      g_autoptr(GBytes) png = make_png ();

      if (kind == 0)
        logo = g_bytes_ref (png);
      else if (kind == 1)
        logo = g_bytes_new_static (svg, strlen (svg));
      else
        /* A PNG cut short after its header. */
        logo = g_bytes_new_from_bytes (png, 0, 40);
      limber_clinic_set_logo (content->clinic, logo, "logo", &error);
      g_assert_no_error (error);

      handout = limber_handout_new (library, content);
      pdf = limber_handout_to_pdf (handout, LIMBER_PAPER_A4, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pdf);
      if (kind < 2)
        g_assert_null (limber_handout_get_logo_problem (handout));
      else
        g_assert_nonnull (strstr (limber_handout_get_logo_problem (handout), "PNG"));
    }
}

/* Logos that would take seconds and hundreds of megabytes to draw are refused by what they are;
 * base64 broken into lines, as the base64 tool writes it, is read. */
static void
test_logo_limits (void)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GByteArray) huge = g_byte_array_new ();
  g_autoptr(GString) bomb = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' "
                                           "xmlns:xlink='http://www.w3.org/1999/xlink'>"
                                           "<rect id='a0' width='1' height='1'/>");
  g_autoptr(GBytes) huge_bytes = NULL;
  g_autoptr(GBytes) bomb_bytes = NULL;
  g_autoptr(LimberClinic) clinic = limber_clinic_new ();
  g_autoptr(GError) error = NULL;

  g_byte_array_append (huge, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  *(guint32 *) (gpointer) (huge->data + 16) = GUINT32_TO_BE (16000);
  *(guint32 *) (gpointer) (huge->data + 20) = GUINT32_TO_BE (16000);
  huge_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&huge));
  g_assert_false (limber_clinic_set_logo (clinic, huge_bytes, "huge.png", &error));
  g_assert_nonnull (strstr (error->message, "huge.png: the logo is 16000 × 16000 pixels"));
  g_clear_error (&error);

  for (guint level = 1; level < 8; level++)
    {
      g_string_append_printf (bomb, "<g id='a%u'>", level);
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (bomb, "<use xlink:href='#a%u'/>", level - 1);
      g_string_append (bomb, "</g>");
    }
  g_string_append (bomb, "</svg>");
  bomb_bytes = g_bytes_new (bomb->str, bomb->len);
  g_assert_false (limber_clinic_set_logo (clinic, bomb_bytes, "bomb.svg", &error));
  g_assert_nonnull (strstr (error->message, "<use>"));
  g_clear_error (&error);

  /* The same with a namespace prefix, and as a deep chain of pairs, counts the same. */
  {
    g_autoptr(GString) deep = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' "
                                            "xmlns:s='http://www.w3.org/2000/svg' "
                                            "xmlns:xlink='http://www.w3.org/1999/xlink'>"
                                            "<rect id='b0' width='1' height='1'/>");
    g_autoptr(GBytes) deep_bytes = NULL;

    for (guint level = 1; level < 25; level++)
      g_string_append_printf (deep, "<g id='b%u'><s:use xlink:href='#b%u'/>"
                              "<s:use xlink:href='#b%u'/></g>", level, level - 1, level - 1);
    g_string_append (deep, "</svg>");
    deep_bytes = g_bytes_new (deep->str, deep->len);
    g_assert_false (limber_clinic_set_logo (clinic, deep_bytes, "deep.svg", &error));
    g_assert_nonnull (strstr (error->message, "<use>"));
    g_clear_error (&error);
  }
  g_assert_null (clinic->logo);

  /* Wrapped base64 in a program file is read. */
  {
    g_autofree char *encoded = g_base64_encode (g_bytes_get_data (png, NULL),
                                                g_bytes_get_size (png));
    g_autoptr(GString) wrapped = g_string_new (NULL);
    g_autofree char *json = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(LimberProgramFile) content = NULL;

    for (gsize i = 0; encoded[i] != '\0'; i++)
      {
        g_string_append_c (wrapped, encoded[i]);
        if (i % 76 == 75)
          g_string_append (wrapped, "\\n");
      }
    json = g_strdup_printf ("{\"schema_version\": 1, \"kind\": \"program\", "
                            "\"exported\": \"2026-11-26T09:00:00Z\", "
                            "\"patient\": {\"name\": \"A\", \"large_print\": false}, "
                            "\"clinic\": {\"logo\": \"%s\"}, "
                            "\"program\": {\"id\": \"p\", \"name\": \"P\", \"exercises\": []}}",
                            wrapped->str);
    bytes = g_bytes_new (json, strlen (json));
    content = limber_program_file_load (bytes, "wrapped.limber", &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (content->clinic->logo, png));
  }
}

static void
test_suggest_name (void)
{
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *name = limber_program_file_suggest_name ("Zoë Ødegård", "Hip/knee: week 2",
                                                            date, ".pdf");
  g_autofree char *hidden = limber_program_file_suggest_name ("..x", "P", NULL, ".limber");

  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *unsafe = limber_program_file_suggest_name ("A*B?\"C<D>|E\\F", "į", NULL, ".pdf");
  g_autofree char *shortened = NULL;

  g_assert_cmpstr (name, ==, "Zoë Ødegård – Hip-knee- week 2 – 2026-11-26.pdf");
  g_assert_cmpstr (hidden, ==, "x – P.limber");
  /* Characters Windows shares refuse become "-"; "į" (U+012F) is kept whole. */
  g_assert_cmpstr (unsafe, ==, "A-B--C-D--E-F – į.pdf");
  {
    g_autofree char *controls = limber_program_file_suggest_name ("C1\xc2\x85next\u202eRLO",
                                                                  "فرزانه\u200cها", NULL, ".pdf");

    /* A C1 control and a direction override go; the joiner a Persian name needs stays. */
    g_assert_cmpstr (controls, ==, "C1-next-RLO – فرزانه\u200cها.pdf");
  }

  /* 200-character names make a name well under the 255 bytes a file system allows. */
  for (guint i = 0; i < 200; i++)
    g_string_append (long_name, "ø");
  shortened = limber_program_file_suggest_name (long_name->str, long_name->str, date, ".pdf");
  g_assert_true (g_utf8_validate (shortened, -1, NULL));
  g_assert_cmpuint (strlen (shortened), <=, 255);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/handout/cards-whole", test_cards_whole);
  g_test_add_func ("/limber/handout/tailoring", test_tailoring);
  g_test_add_func ("/limber/handout/long-card", test_long_card);
  g_test_add_func ("/limber/handout/page-counts", test_page_counts);
  g_test_add_func ("/limber/handout/small-paper", test_small_paper);
  g_test_add_func ("/limber/handout/metadata-and-outline", test_metadata_and_outline);
  g_test_add_func ("/limber/handout/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/limber/handout/names", test_names);
  g_test_add_func ("/limber/handout/large-print", test_large_print);
  g_test_add_func ("/limber/handout/no-blank-page", test_no_blank_page);
  g_test_add_func ("/limber/handout/logo", test_logo);
  g_test_add_func ("/limber/handout/suggest-name", test_suggest_name);
  g_test_add_func ("/limber/handout/logo-limits", test_logo_limits);
  g_test_add_func ("/limber/program-file/round-trip", test_program_file_round_trip);
  g_test_add_func ("/limber/program-file/example", test_example_file);
  g_test_add_func ("/limber/program-file/hostile", test_program_file_hostile);
  g_test_add_func ("/limber/program-file/unknown-exercise", test_program_file_unknown_exercise);

  return g_test_run ();
}
