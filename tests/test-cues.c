/* test-cues.c: the session's sounds: each cue's notes at their pitch and length, with no click
 * at either end, every cue unlike the others, and each played whole through GStreamer into a
 * fake sound output, again and again; muted, nothing is played. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "limber-cues.h"

typedef struct
{
  double frequency;
  guint  ms;
} Note;

static const Note expected_notes[LIMBER_N_CUES][3] = {
  [LIMBER_CUE_START] = { { 523.25, 110 }, { 783.99, 170 } },
  [LIMBER_CUE_HOLD] = { { 659.25, 260 } },
  [LIMBER_CUE_RELAX] = { { 783.99, 110 }, { 523.25, 200 } },
  [LIMBER_CUE_REST] = { { 220.00, 420 } },
  [LIMBER_CUE_NEXT] = { { 523.25, 110 }, { 659.25, 110 }, { 783.99, 220 } },
};

/* The pitch of a stretch of samples, from how often it crosses zero. */
static double
pitch (const gint16 *samples,
       gsize         n,
       guint         rate)
{
  guint crossings = 0;

  for (gsize i = 1; i < n; i++)
    if ((samples[i - 1] < 0) != (samples[i] < 0))
      crossings++;
  return crossings / 2.0 * rate / n;
}

static void
test_render (void)
{
  for (guint cue = 0; cue < LIMBER_N_CUES; cue++)
    {
      gsize n, at = 0, expected_n = 0;
      g_autofree gint16 *samples = limber_cue_render (cue, LIMBER_CUE_RATE, &n);
      gint peak = 0;
      guint n_notes = 0;

      while (n_notes < 3 && expected_notes[cue][n_notes].ms > 0)
        n_notes++;
      for (guint i = 0; i < n_notes; i++)
        expected_n += (gsize) LIMBER_CUE_RATE *
                      (expected_notes[cue][i].ms + (i + 1 < n_notes ? 30 : 0)) / 1000;
      g_assert_cmpuint (n, ==, expected_n);

      for (gsize i = 0; i < n; i++)
        peak = MAX (peak, ABS (samples[i]));
      /* Loud enough to hear, never clipped; soft at both ends, so nothing clicks. */
      g_assert_cmpint (peak, >, 32767 / 5);
      g_assert_cmpint (peak, <, 32767 / 2);
      g_assert_cmpint (ABS (samples[0]), <, 100);
      g_assert_cmpint (ABS (samples[n - 1]), <, 2000);

      for (guint i = 0; i < n_notes; i++)
        {
          gsize length = (gsize) LIMBER_CUE_RATE * expected_notes[cue][i].ms / 1000;
          double heard = pitch (samples + at + length / 4, length / 2, LIMBER_CUE_RATE);

          g_test_message ("cue %u note %u: %.1f Hz", cue, i, heard);
          g_assert_cmpfloat (fabs (heard - expected_notes[cue][i].frequency), <,
                             0.03 * expected_notes[cue][i].frequency);
          at += length + (i + 1 < n_notes ? (gsize) LIMBER_CUE_RATE * 30 / 1000 : 0);
        }
    }
}

/* No two cues sound alike: each differs in its notes or their order. */
static void
test_distinct (void)
{
  for (guint a = 0; a < LIMBER_N_CUES; a++)
    for (guint b = a + 1; b < LIMBER_N_CUES; b++)
      {
        gsize na, nb;
        g_autofree gint16 *sa = limber_cue_render (a, LIMBER_CUE_RATE, &na);
        g_autofree gint16 *sb = limber_cue_render (b, LIMBER_CUE_RATE, &nb);

        g_assert_true (na != nb || memcmp (sa, sb, na * sizeof (gint16)) != 0);
      }
}

static guint64 bytes_heard;

static void
handoff_cb (GstElement *sink,
            GstBuffer  *buffer,
            GstPad     *pad,
            gpointer    user_data)
{
  bytes_heard += gst_buffer_get_size (buffer);
}

static gboolean
wait_for_end (GstElement   *pipeline,
              GstClockTime  timeout)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_timed_pop_filtered (bus, timeout,
                                                              GST_MESSAGE_EOS | GST_MESSAGE_ERROR);

  if (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &error, NULL);
      g_test_message ("GStreamer: %s", error->message);
    }
  return message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS;
}

static void
test_play (void)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr(LimberCues) cues = NULL;
  g_autoptr(GError) error = NULL;
  double volume;

  g_assert_nonnull (sink);
  g_object_set (sink, "signal-handoffs", TRUE, "sync", FALSE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (handoff_cb), NULL);
  cues = limber_cues_new (sink, &error);
  g_assert_no_error (error);

  /* Every cue, twice over: each played whole, from its start. */
  for (guint round = 0; round < 2; round++)
    for (guint cue = 0; cue < LIMBER_N_CUES; cue++)
      {
        gsize n;
        g_autofree gint16 *samples = limber_cue_render (cue, LIMBER_CUE_RATE, &n);

        bytes_heard = 0;
        g_assert_true (limber_cues_play (cues, cue, &error));
        g_assert_no_error (error);
        g_assert_true (wait_for_end (limber_cues_get_pipeline (cues), 5 * GST_SECOND));
        g_assert_cmpuint (bytes_heard, ==, n * sizeof (gint16));
      }

  limber_cues_set_volume (cues, 0.5);
  {
    GstBin *bin = GST_BIN (limber_cues_get_pipeline (cues));
    g_autoptr(GstIterator) iter = gst_bin_iterate_elements (bin);
    GValue item = G_VALUE_INIT;
    gboolean found = FALSE;

    while (gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
      {
        GstElement *element = g_value_get_object (&item);
        GstElementFactory *factory = gst_element_get_factory (element);

        if (g_str_equal (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)), "volume"))
          {
            g_object_get (element, "volume", &volume, NULL);
            found = TRUE;
          }
        g_value_reset (&item);
      }
    g_value_unset (&item);
    g_assert_true (found);
    g_assert_cmpfloat (volume, ==, 0.5);
  }
  limber_cues_set_volume (cues, 7);
  g_assert_cmpfloat (limber_cues_get_volume (cues), ==, 1);

  /* Muted: nothing reaches the output. */
  limber_cues_set_muted (cues, TRUE);
  bytes_heard = 0;
  g_assert_true (limber_cues_play (cues, LIMBER_CUE_NEXT, &error));
  g_assert_no_error (error);
  g_assert_false (wait_for_end (limber_cues_get_pipeline (cues), GST_SECOND / 2));
  g_assert_cmpuint (bytes_heard, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/cues/render", test_render);
  g_test_add_func ("/limber/cues/distinct", test_distinct);
  g_test_add_func ("/limber/cues/play", test_play);

  return g_test_run ();
}
