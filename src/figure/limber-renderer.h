/* limber-renderer.h: draws a motion's figure and props with cairo, at any size. */
#pragma once

#include <cairo.h>

#include "limber-motion.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} LimberColor;

typedef struct
{
  LimberColor background;
  LimberColor floor;
  LimberColor floor_line;
  LimberColor body_fill;
  LimberColor body_outline;
  LimberColor far_fill;
  LimberColor far_outline;
  LimberColor accent_fill;
  LimberColor accent_outline;
  LimberColor mat_fill;
  LimberColor mat_outline;
  LimberColor prop_fill;
  LimberColor prop_outline;
  LimberColor band;
  LimberColor arrow;
} LimberFigureStyle;

const LimberFigureStyle *limber_figure_style_get (gboolean dark);

#define LIMBER_TYPE_RENDERER (limber_renderer_get_type ())

G_DECLARE_FINAL_TYPE (LimberRenderer, limber_renderer, LIMBER, RENDERER, GObject)

LimberRenderer *limber_renderer_new            (LimberMotion            *motion);
LimberMotion   *limber_renderer_get_motion     (LimberRenderer          *self);
double          limber_renderer_get_aspect     (LimberRenderer          *self);
void            limber_renderer_draw_frame     (LimberRenderer          *self,
                                                cairo_t                 *cr,
                                                double                   width,
                                                double                   height,
                                                const LimberFrame       *frame,
                                                const LimberFigureStyle *style);
void            limber_renderer_draw_still     (LimberRenderer          *self,
                                                cairo_t                 *cr,
                                                double                   width,
                                                double                   height,
                                                const LimberFigureStyle *style);
void            limber_renderer_draw_poses     (LimberRenderer          *self,
                                                cairo_t                 *cr,
                                                double                   width,
                                                double                   height,
                                                gboolean                 stacked,
                                                const LimberFigureStyle *style);
gboolean        limber_renderer_export_still   (LimberMotion            *motion,
                                                const char              *path,
                                                GError                 **error);

G_END_DECLS
