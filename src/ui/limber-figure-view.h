/* limber-figure-view.h: a motion drawn live at display rate, or as its still picture. */
#pragma once

#include <gtk/gtk.h>

#include "limber-motion.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FIGURE_VIEW (limber_figure_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberFigureView, limber_figure_view, LIMBER, FIGURE_VIEW, GtkWidget)

GtkWidget    *limber_figure_view_new              (void);
LimberMotion *limber_figure_view_get_motion       (LimberFigureView *self);
void          limber_figure_view_set_motion       (LimberFigureView *self,
                                                   LimberMotion     *motion);
gboolean      limber_figure_view_get_playing      (LimberFigureView *self);
void          limber_figure_view_set_playing      (LimberFigureView *self,
                                                   gboolean          playing);
double        limber_figure_view_get_speed        (LimberFigureView *self);
void          limber_figure_view_set_speed        (LimberFigureView *self,
                                                   double            speed);
double        limber_figure_view_get_hold_seconds (LimberFigureView *self);
void          limber_figure_view_set_hold_seconds (LimberFigureView *self,
                                                   double            hold_seconds);
double        limber_figure_view_get_time         (LimberFigureView *self);
void          limber_figure_view_set_time         (LimberFigureView *self,
                                                   double            time);
gboolean      limber_figure_view_get_still        (LimberFigureView *self);
const char   *limber_figure_view_get_caption      (LimberFigureView *self);

G_END_DECLS
