/* limber-handout-private.h: the handout's internals, shared by its layout files: drawing
 * items gathered into blocks, the text helpers, and the builders of each part. */
#pragma once

#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "limber-handout.h"
#include "limber-renderer.h"

G_BEGIN_DECLS

/* librsvg 2.54 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

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
  cairo_surface_t       *logo_svg;     /* a recording of the SVG, drawn once */
  double                 logo_svg_width, logo_svg_height;
  double                 logo_aspect;
  char                  *logo_problem;

  double                 page_width, page_height;
  GPtrArray             *blocks;      /* Block */
  GArray                *placements;  /* Placement, in page order */
  double                 dosage_label_w;
  guint                  n_pages;
};

/* Blocks and text (limber-handout-blocks.c) */
Block       *handout_block_new        (void);
void         handout_block_free       (Block         *block);
Item        *handout_block_add        (Block         *block,
                                       ItemKind       kind,
                                       double         x,
                                       double         y,
                                       double         w,
                                       double         h);
void         handout_block_add_break  (Block         *block,
                                       double         y);
void         handout_block_take       (Block         *dst,
                                       Block         *src,
                                       double         dy);
double       handout_font_size        (LimberHandout *self,
                                       FontRole       role);
void         handout_make_fonts       (LimberHandout *self);
PangoLayout *handout_make_layout      (LimberHandout *self,
                                       const char    *text,
                                       FontRole       role,
                                       double         width,
                                       gsize          bold_bytes);
double       handout_layout_height    (PangoLayout   *layout);
double       handout_layout_width     (PangoLayout   *layout);
double       handout_add_text_full    (LimberHandout *self,
                                       Block         *block,
                                       double         x,
                                       double         y,
                                       double         width,
                                       const char    *text,
                                       FontRole       role,
                                       const Color   *color,
                                       gsize          bold_bytes,
                                       gboolean       breakable);
double       handout_add_hanging      (LimberHandout *self,
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
                                       gboolean       breakable);
double       handout_add_text         (LimberHandout *self,
                                       Block         *block,
                                       double         x,
                                       double         y,
                                       double         width,
                                       const char    *text,
                                       FontRole       role,
                                       const Color   *color);
double       handout_add_labelled     (LimberHandout *self,
                                       Block         *block,
                                       double         x,
                                       double         y,
                                       double         width,
                                       const char    *label,
                                       const char    *text);
double       handout_add_bullet       (LimberHandout *self,
                                       Block         *block,
                                       double         x,
                                       double         y,
                                       double         width,
                                       const char    *text);
void         handout_add_warning_mark (LimberHandout *self,
                                       Block         *block,
                                       double         x,
                                       double         y);

/* The parts (limber-handout-parts.c, limber-handout-diary.c) */
char        *handout_format_day       (GDateTime     *date);
char        *handout_capitalize       (char          *text);
Block       *handout_build_header     (LimberHandout *self,
                                       double         width);
Block       *handout_build_card       (LimberHandout            *self,
                                       double                    width,
                                       guint                     number,
                                       const LimberPrescription *p,
                                       LimberExercise           *exercise);
Block       *handout_build_safety     (LimberHandout *self,
                                       double         width);
void         handout_build_diary      (LimberHandout *self,
                                       double         width,
                                       double         page_h);

G_END_DECLS
