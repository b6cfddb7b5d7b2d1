/* limber-pain-chart.h: a small chart of one exercise's pain ratings over the last weeks, on
 * the 0–10 scale with the "acceptable" and "stop" bands shaded. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PAIN_CHART (limber_pain_chart_get_type ())

G_DECLARE_FINAL_TYPE (LimberPainChart, limber_pain_chart, LIMBER, PAIN_CHART, GtkWidget)

GtkWidget *limber_pain_chart_new        (void);
void       limber_pain_chart_set_points (LimberPainChart *self,
                                         GArray          *points,
                                         gint64           from,
                                         gint64           until);
guint      limber_pain_chart_get_n_points (LimberPainChart *self);

G_END_DECLS
