/* limber-figure-probe.c: a motion author's tool. Prints the figure's points at every
 * keyframe and renders frames, straight from a motion file, so a pose can be checked
 * against its instructions without rebuilding Limber. */
#include "config.h"

#include <stdlib.h>

#include "limber-renderer.h"

static void
print_frame (LimberMotion      *motion,
             guint              keyframe,
             double             t,
             const LimberFrame *frame)
{
  g_print ("keyframe %u (%s) at %.2f s, lowest %.1f cm\n", keyframe,
           limber_phase_to_label (limber_motion_get_keyframe_phase (motion, keyframe)), t,
           limber_body_get_lowest (&frame->body));
  g_print ("  point               x       y       z\n");
  for (guint p = 0; p < LIMBER_N_POINTS; p++)
    g_print ("  %-15s %7.1f %7.1f %7.1f\n", limber_point_get_name (p),
             frame->body.point[p].x, frame->body.point[p].y, frame->body.point[p].z);
  g_print ("  segment         lowest surface\n");
  for (guint s = 0; s < LIMBER_N_SEGMENTS; s++)
    g_print ("  %-15s %7.1f\n", limber_segment_get_info (s)->name,
             limber_body_get_segment_lowest (&frame->body, s));
}

static gboolean
write_png (LimberRenderer    *renderer,
           const LimberFrame *frame,
           int                width,
           int                height,
           gboolean           dark,
           const char        *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (frame != NULL)
    limber_renderer_draw_frame (renderer, cr, width, height, frame, limber_figure_style_get (dark));
  else
    limber_renderer_draw_still (renderer, cr, width, height, limber_figure_style_get (dark));
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("MOTION.json");
  g_autoptr(LimberMotion) motion = NULL;
  g_autoptr(LimberRenderer) renderer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *times = NULL;
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  int width = 640, height = 400;
  gboolean dark = FALSE, quiet = FALSE;
  double max_lift = 0;
  GOptionEntry entries[] = {
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &prefix, "Write PREFIX-<time>.png and PREFIX-still.png",
      "PREFIX" },
    { "times", 0, 0, G_OPTION_ARG_STRING, &times, "Comma-separated times to render (s)", "T,…" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Picture width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Picture height", "PX" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not print the points", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                         : "usage: limber-figure-probe MOTION.json");
      return 2;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
    g_autofree char *name = g_file_get_basename (file);

    if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
        !(motion = limber_motion_new_from_bytes (bytes, name, &error)))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }
  renderer = limber_renderer_new (motion);

  for (guint k = 0; k < limber_motion_get_n_keyframes (motion); k++)
    {
      double t = limber_motion_get_keyframe_time (motion, &timing, k);
      LimberFrame frame;

      limber_motion_sample (motion, &timing, t, &frame);
      if (!quiet)
        print_frame (motion, k, t, &frame);
    }
  for (double t = 0; t <= limber_motion_get_duration (motion, &timing); t += 0.02)
    {
      LimberFrame frame;

      limber_motion_sample (motion, &timing, t, &frame);
      max_lift = MAX (max_lift, frame.lift);
    }
  g_print ("duration %.2f s, end pose at %.2f s, largest lift between keyframes %.1f cm\n",
           limber_motion_get_duration (motion, &timing),
           limber_motion_get_end_time (motion, &timing), max_lift);

  if (prefix != NULL)
    {
      g_auto(GStrv) list = g_strsplit (times != NULL ? times : "", ",", -1);
      g_autofree char *still = g_strconcat (prefix, "-still.png", NULL);

      for (guint i = 0; list[i] != NULL && *list[i] != '\0'; i++)
        {
          g_autofree char *path = g_strdup_printf ("%s-%s.png", prefix, list[i]);
          LimberFrame frame;

          limber_motion_sample (motion, &timing, g_ascii_strtod (list[i], NULL), &frame);
          if (!write_png (renderer, &frame, width, height, dark, path))
            return 1;
        }
      if (!write_png (renderer, NULL, width * 2, height, dark, still))
        return 1;
    }
  return 0;
}
