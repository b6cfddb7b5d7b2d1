/* limber-demonstration.h: an exercise's animated demonstration with its controls. */
#pragma once

#include <gtk/gtk.h>

#include "limber-figure-view.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_DEMONSTRATION (limber_demonstration_get_type ())

G_DECLARE_FINAL_TYPE (LimberDemonstration, limber_demonstration, LIMBER, DEMONSTRATION, GtkWidget)

GtkWidget        *limber_demonstration_new             (void);
gboolean          limber_demonstration_show_motion     (LimberDemonstration *self,
                                                        const char          *motion_id,
                                                        double               hold_seconds);
LimberFigureView *limber_demonstration_get_figure_view (LimberDemonstration *self);

G_END_DECLS
