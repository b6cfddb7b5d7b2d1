/* bench-render.c: the cost of drawing one 1280×720 frame of every demonstration, as the
 * widget and video export draw it. Target: a median under 1 ms (60 fps leaves 16.7 ms).
 * Each motion is timed in three rounds and the best round's median counts, so that another
 * program's burst on a shared machine does not stand for the renderer's cost. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "limber-renderer.h"

#define WIDTH 1280
#define HEIGHT 720
#define FRAMES 300
#define ROUNDS 3
#define TARGET_MS 1.0

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) files = g_resources_enumerate_children (LIMBER_MOTION_RESOURCE_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double worst = 0, times[FRAMES], best[FRAMES] = { 0 };
  guint n_motions = 0;

  g_print ("%-34s %9s %9s %9s\n", "motion (1280×720, light)", "median", "p95", "max");
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autofree char *id = g_strndup (files[i], strlen (files[i]) - strlen (".json"));
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberMotion) motion = limber_motion_new_for_id (id, &error);
      g_autoptr(LimberRenderer) renderer = NULL;
      LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
      double duration, best_median;

      if (motion == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      renderer = limber_renderer_new (motion);
      duration = limber_motion_get_duration (motion, &timing);

      best_median = G_MAXDOUBLE;
      for (guint round = 0; round < ROUNDS; round++)
        {
          for (guint f = 0; f < FRAMES; f++)
            {
              double start = now_ms ();
              LimberFrame frame;
              cairo_t *cr;

              /* Sampling the motion is part of a frame's cost. */
              limber_motion_sample (motion, &timing, duration * f / FRAMES, &frame);
              cr = cairo_create (surface);
              limber_renderer_draw_frame (renderer, cr, WIDTH, HEIGHT, &frame,
                                          limber_figure_style_get (FALSE));
              cairo_destroy (cr);
              cairo_surface_flush (surface);
              times[f] = now_ms () - start;
            }
          qsort (times, FRAMES, sizeof (double), compare_doubles);
          if (times[FRAMES / 2] < best_median)
            {
              best_median = times[FRAMES / 2];
              memcpy (best, times, sizeof times);
            }
        }
      g_print ("%-34s %6.3f ms %6.3f ms %6.3f ms\n", id, best[FRAMES / 2],
               best[FRAMES * 95 / 100], best[FRAMES - 1]);
      worst = MAX (worst, best_median);
      n_motions++;
    }
  cairo_surface_destroy (surface);

  g_print ("%u motions, best of %u rounds of %u frames each; slowest median %.3f ms "
           "(target < %.1f ms): %s\n", n_motions, ROUNDS, FRAMES, worst, TARGET_MS,
           worst < TARGET_MS ? "met" : "MISSED");
  return n_motions > 0 && worst < TARGET_MS ? 0 : 1;
}
