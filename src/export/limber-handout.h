/* limber-handout.h: the printed program a patient takes home, laid out once in points and
 * drawn into a PDF file or onto the pages of a print job. */
#pragma once

#include <cairo.h>

#include "limber-library.h"
#include "limber-program-file.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_PAPER_A4,
  LIMBER_PAPER_LETTER,
} LimberPaper;

/* Body text in points; the large print is for patients who read small print with trouble. */
#define LIMBER_HANDOUT_BODY_SIZE 12.0
#define LIMBER_HANDOUT_LARGE_BODY_SIZE 16.0

#define LIMBER_TYPE_HANDOUT (limber_handout_get_type ())

G_DECLARE_FINAL_TYPE (LimberHandout, limber_handout, LIMBER, HANDOUT, GObject)

LimberPaper    limber_paper_from_locale        (void);
gboolean       limber_paper_from_string        (const char              *name,
                                                LimberPaper             *paper);
void           limber_paper_get_size           (LimberPaper              paper,
                                                double                  *width,
                                                double                  *height);

LimberHandout *limber_handout_new              (LimberLibrary           *library,
                                                const LimberProgramFile *content);
void           limber_handout_set_large_print  (LimberHandout           *self,
                                                gboolean                 large_print);
void           limber_handout_set_date         (LimberHandout           *self,
                                                GDateTime               *date);
const char    *limber_handout_get_logo_problem (LimberHandout           *self);
guint          limber_handout_paginate         (LimberHandout           *self,
                                                double                   page_width,
                                                double                   page_height);
void           limber_handout_draw_page        (LimberHandout           *self,
                                                cairo_t                 *cr,
                                                guint                    page);
GBytes        *limber_handout_to_pdf           (LimberHandout           *self,
                                                LimberPaper              paper,
                                                GError                 **error);
gboolean       limber_handout_write_pdf        (LimberHandout           *self,
                                                LimberPaper              paper,
                                                const char              *path,
                                                GError                 **error);

G_END_DECLS
