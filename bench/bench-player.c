/* bench-player.c: what a guided session costs the patient's computer. The player runs full
 * screen at 1920×1080 with the cairo renderer on the real clock for 10 s of a session's reps
 * (the figure moving, holding and returning), and the process's processor time over the wall
 * time must stay under a quarter of one core. Run under Xvfb:
 *   dbus-run-session -- xvfb-run -a -s '-screen 0 1920x1080x24' meson test -C _build --benchmark player */
#include "config.h"

#include <sys/resource.h>

#include "bench-util.h"
#include "limber-player.h"

#define WIDTH 1920
#define HEIGHT 1080
#define WARM_UP_MS 1500
#define MEASURE_MS 10000
#define TARGET_PERCENT 25.0

/* user + system time of the whole process, GStreamer's threads included */
static double
rusage_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static void
frame_cb (GdkFrameClock *clock,
          guint         *frames)
{
  (*frames)++;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Sleeps in the main loop, as the application does, so the loop itself costs nothing extra. */
static void
run_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_cb, loop);
  g_main_loop_run (loop);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const ids[] = { "straight-leg-raise", "bridge" };
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autoptr(LimberProgram) program = limber_program_new ("Benchmark");
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GError) error = NULL;
  LimberPlayer *player;
  GdkFrameClock *clock;
  guint frames = 0;
  double cpu, wall, percent, position;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-player: no display; run under xvfb-run\n");
      return 1;
    }
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if (!limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error))
    {
      g_printerr ("bench-player: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LimberPrescription *p =
        limber_prescription_new_for_exercise (limber_library_lookup (library, ids[i]));

      p->side = LIMBER_PRESCRIBED_SIDE_BOTH;
      p->hold_seconds = 2;
      g_ptr_array_add (program->prescriptions, p);
    }

  player = limber_player_new (NULL, library, program, NULL);
  gtk_window_set_default_size (GTK_WINDOW (player), WIDTH, HEIGHT);
  gtk_window_fullscreen (GTK_WINDOW (player));
  gtk_window_present (GTK_WINDOW (player));
  while (!gtk_widget_get_mapped (GTK_WIDGET (player)))
    g_main_context_iteration (NULL, TRUE);

  /* Past the get-ready, into the reps: the figure moves most of the time. */
  limber_timeline_seek (limber_player_get_timeline (player), 10);
  run_for (WARM_UP_MS);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (player));
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &frames);
  position = limber_timeline_get_position (limber_player_get_timeline (player));
  cpu = rusage_ms ();
  wall = now_ms ();
  run_for (MEASURE_MS);
  cpu = rusage_ms () - cpu;
  wall = now_ms () - wall;
  position = limber_timeline_get_position (limber_player_get_timeline (player)) - position;
  percent = 100 * cpu / wall;

  g_print ("player %d×%d: %.1f %% of one core (%.0f ms processor in %.0f ms), %u frames "
           "(%.1f fps), session moved %.1f s (target under %.0f %%)\n",
           gtk_widget_get_width (GTK_WIDGET (player)), gtk_widget_get_height (GTK_WIDGET (player)),
           percent, cpu, wall, frames, frames * 1000 / wall, position, TARGET_PERCENT);
  bench_report ("guided session, 1920×1080 at 60 fps, cairo: processor", "≤ 25 % of a core",
                percent <= TARGET_PERCENT, "%.1f %%", percent);
  gtk_window_destroy (GTK_WINDOW (player));

  if (position < MEASURE_MS / 1000.0 * 0.9)
    {
      g_printerr ("bench-player: the session did not play on its own clock\n");
      return 1;
    }
  return percent > TARGET_PERCENT ? 1 : 0;
}
