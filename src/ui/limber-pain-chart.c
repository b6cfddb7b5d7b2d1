/* limber-pain-chart.c: see limber-pain-chart.h. Drawn with cairo: a few dozen points. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-pain-chart.h"
#include "limber-session-log.h"

#define CHART_WIDTH 132
#define CHART_HEIGHT 40
#define DOT_RADIUS 2.5

struct _LimberPainChart
{
  GtkWidget  parent_instance;

  GArray    *points;   /* LimberPainPoint, oldest first */
  gint64     from;
  gint64     until;
};

G_DEFINE_FINAL_TYPE (LimberPainChart, limber_pain_chart, GTK_TYPE_WIDGET)

static void
band (cairo_t       *cr,
      const GdkRGBA *color,
      double         alpha,
      double         width,
      double         height,
      int            low,
      int            high)
{
  double top = height * (1.0 - (double) high / LIMBER_PAIN_MAX);
  double bottom = height * (1.0 - (double) low / LIMBER_PAIN_MAX);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
  cairo_rectangle (cr, 0, top, width, bottom - top);
  cairo_fill (cr);
}

static void
limber_pain_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LimberPainChart *self = LIMBER_PAIN_CHART (widget);
  /* Adwaita's warning and error colours, which read on light and dark backgrounds alike. */
  static const GdkRGBA warning = { 0.90, 0.65, 0.04, 1.0 };
  static const GdkRGBA danger = { 0.88, 0.11, 0.14, 1.0 };
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double inner = height - 2 * DOT_RADIUS;
  double span = MAX (1, self->until - self->from);
  GdkRGBA color;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, 0, DOT_RADIUS);
  band (cr, &warning, 0.16, width, inner, LIMBER_PAIN_FINE_MAX + 0.5, LIMBER_PAIN_STOP - 0.5);
  band (cr, &danger, 0.14, width, inner, LIMBER_PAIN_STOP - 0.5, LIMBER_PAIN_MAX);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, inner + 0.5);
  cairo_line_to (cr, width, inner + 0.5);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      const LimberPainPoint *point = &g_array_index (self->points, LimberPainPoint, i);
      double x = DOT_RADIUS + (width - 2 * DOT_RADIUS) * CLAMP ((point->time - self->from) / span, 0, 1);
      double y = inner * (1.0 - (double) point->pain / LIMBER_PAIN_MAX);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const LimberPainPoint *point = &g_array_index (self->points, LimberPainPoint, i);
      double x = DOT_RADIUS + (width - 2 * DOT_RADIUS) * CLAMP ((point->time - self->from) / span, 0, 1);
      double y = inner * (1.0 - (double) point->pain / LIMBER_PAIN_MAX);
      const GdkRGBA *dot = point->pain >= LIMBER_PAIN_STOP ? &danger : &color;

      cairo_set_source_rgba (cr, dot->red, dot->green, dot->blue, 1);
      cairo_arc (cr, x, y, i + 1 == self->points->len ? DOT_RADIUS + 1 : DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
limber_pain_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? CHART_WIDTH : CHART_HEIGHT;
}

static void
limber_pain_chart_finalize (GObject *object)
{
  LimberPainChart *self = LIMBER_PAIN_CHART (object);

  g_array_unref (self->points);

  G_OBJECT_CLASS (limber_pain_chart_parent_class)->finalize (object);
}

static void
limber_pain_chart_class_init (LimberPainChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = limber_pain_chart_finalize;
  widget_class->snapshot = limber_pain_chart_snapshot;
  widget_class->measure = limber_pain_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "pain-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_pain_chart_init (LimberPainChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (LimberPainPoint));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
limber_pain_chart_new (void)
{
  return g_object_new (LIMBER_TYPE_PAIN_CHART, NULL);
}

/* Shows @points between the times @from and @until (seconds since 1970), and says them in
 * words to screen readers. */
void
limber_pain_chart_set_points (LimberPainChart *self,
                              GArray          *points,
                              gint64           from,
                              gint64           until)
{
  g_autoptr(GString) said = g_string_new (NULL);

  g_return_if_fail (LIMBER_IS_PAIN_CHART (self));

  g_array_set_size (self->points, 0);
  g_array_append_vals (self->points, points->data, points->len);
  self->from = from;
  self->until = until;

  for (guint i = 0; i < points->len; i++)
    g_string_append_printf (said, "%s%d", i > 0 ? ", " : "",
                            g_array_index (points, LimberPainPoint, i).pain);
  {
    /* Translators: %s is a list of pain ratings from 0 to 10, oldest first */
    g_autofree char *description = g_strdup_printf (_("Pain ratings, oldest first: %s"), said->str);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    description, -1);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
limber_pain_chart_get_n_points (LimberPainChart *self)
{
  return self->points->len;
}
