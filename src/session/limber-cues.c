/* limber-cues.c: the cues are sine notes with soft edges, made here and played through one
 * GStreamer pipeline (appsrc ! audioconvert ! audioresample ! volume ! sink). Nothing is
 * fetched or spoken: every sound is generated. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>

#include "limber-cues.h"

typedef struct
{
  double frequency;  /* Hz */
  guint  ms;
} Note;

typedef struct
{
  const Note *notes;
  guint       n_notes;
  double      loudness;  /* of full scale */
} Tune;

/* C5, E5, G5 and A3: notes a patient tells apart without a musical ear. */
static const Note start_notes[] = { { 523.25, 110 }, { 783.99, 170 } };
static const Note hold_notes[] = { { 659.25, 260 } };
static const Note relax_notes[] = { { 783.99, 110 }, { 523.25, 200 } };
static const Note rest_notes[] = { { 220.00, 420 } };
static const Note next_notes[] = { { 523.25, 110 }, { 659.25, 110 }, { 783.99, 220 } };

static const Tune tunes[LIMBER_N_CUES] = {
  [LIMBER_CUE_START] = { start_notes, G_N_ELEMENTS (start_notes), 0.35 },
  [LIMBER_CUE_HOLD] = { hold_notes, G_N_ELEMENTS (hold_notes), 0.35 },
  [LIMBER_CUE_RELAX] = { relax_notes, G_N_ELEMENTS (relax_notes), 0.35 },
  [LIMBER_CUE_REST] = { rest_notes, G_N_ELEMENTS (rest_notes), 0.28 },
  [LIMBER_CUE_NEXT] = { next_notes, G_N_ELEMENTS (next_notes), 0.35 },
};

#define ATTACK_MS 8
#define RELEASE_MS 40
#define GAP_MS 30

/* The cue as 16-bit mono samples: each note rises over 8 ms and fades over 40 ms, so no note
 * clicks, with 30 ms of quiet between notes. */
gint16 *
limber_cue_render (LimberCue  cue,
                   guint      rate,
                   gsize     *n_samples)
{
  const Tune *tune;
  gsize total = 0, at = 0;
  gint16 *samples;

  g_return_val_if_fail (cue < LIMBER_N_CUES, NULL);
  g_return_val_if_fail (rate >= 8000, NULL);
  g_return_val_if_fail (n_samples != NULL, NULL);

  tune = &tunes[cue];
  for (guint i = 0; i < tune->n_notes; i++)
    total += (gsize) rate * (tune->notes[i].ms + (i + 1 < tune->n_notes ? GAP_MS : 0)) / 1000;

  samples = g_new0 (gint16, total);
  for (guint i = 0; i < tune->n_notes; i++)
    {
      gsize length = (gsize) rate * tune->notes[i].ms / 1000;
      gsize attack = (gsize) rate * ATTACK_MS / 1000, release = (gsize) rate * RELEASE_MS / 1000;

      for (gsize k = 0; k < length; k++)
        {
          double envelope = 1;

          if (k < attack)
            envelope = (double) k / attack;
          else if (k + release > length)
            envelope = (double) (length - k) / release;
          samples[at + k] = (gint16) (32767 * tune->loudness * envelope *
                                      sin (2 * G_PI * tune->notes[i].frequency * k / rate));
        }
      at += length + (i + 1 < tune->n_notes ? (gsize) rate * GAP_MS / 1000 : 0);
    }

  *n_samples = total;
  return samples;
}

struct _LimberCues
{
  GObject     parent_instance;

  GstElement *pipeline;
  GstElement *source;
  GstElement *volume;
  gboolean    muted;
  double      level;
};

G_DEFINE_FINAL_TYPE (LimberCues, limber_cues, G_TYPE_OBJECT)

static GstElement *
make_element (const char  *factory,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                 /* Translators: %s is a GStreamer element, such as "audioconvert" */
                 _("The sounds cannot be played: GStreamer’s “%s” is missing"), factory);
  return element;
}

/* Plays into @sink (for tests, a fakesink), or the desktop's sound output when NULL. */
LimberCues *
limber_cues_new (GstElement  *sink,
                 GError     **error)
{
  static const char * const factories[] = { "appsrc", "audioconvert", "audioresample", "volume" };
  g_autoptr(LimberCues) self = g_object_new (LIMBER_TYPE_CUES, NULL);
  g_autoptr(GstCaps) caps = NULL;
  GstElement *elements[G_N_ELEMENTS (factories)];

  g_return_val_if_fail (sink == NULL || GST_IS_ELEMENT (sink), NULL);

  if (sink == NULL && !(sink = make_element ("autoaudiosink", error)))
    return NULL;
  self->pipeline = gst_pipeline_new ("limber-cues");
  gst_bin_add (GST_BIN (self->pipeline), sink);
  for (guint i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      if (!(elements[i] = make_element (factories[i], error)))
        return NULL;
      gst_bin_add (GST_BIN (self->pipeline), elements[i]);
    }
  self->source = elements[0];
  self->volume = elements[3];

  caps = gst_caps_new_simple ("audio/x-raw", "format", G_TYPE_STRING, "S16LE",
                              "layout", G_TYPE_STRING, "interleaved",
                              "rate", G_TYPE_INT, LIMBER_CUE_RATE, "channels", G_TYPE_INT, 1,
                              NULL);
  g_object_set (self->source, "caps", caps, "format", GST_FORMAT_TIME, NULL);
  if (!gst_element_link_many (elements[0], elements[1], elements[2], elements[3], sink, NULL))
    {
      g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION,
                   _("The sounds cannot be played: the sound output takes no plain audio"));
      return NULL;
    }
  limber_cues_set_volume (self, 1);
  return g_steal_pointer (&self);
}

void
limber_cues_set_volume (LimberCues *self,
                        double      volume)
{
  g_return_if_fail (LIMBER_IS_CUES (self));

  self->level = CLAMP (volume, 0, 1);
  if (self->volume != NULL)
    g_object_set (self->volume, "volume", self->level, NULL);
}

double
limber_cues_get_volume (LimberCues *self)
{
  g_return_val_if_fail (LIMBER_IS_CUES (self), 0);
  return self->level;
}

void
limber_cues_set_muted (LimberCues *self,
                       gboolean    muted)
{
  g_return_if_fail (LIMBER_IS_CUES (self));
  self->muted = !!muted;
}

gboolean
limber_cues_get_muted (LimberCues *self)
{
  g_return_val_if_fail (LIMBER_IS_CUES (self), FALSE);
  return self->muted;
}

/* Plays a cue from its start, cutting off one still sounding. Muted, it plays nothing. */
gboolean
limber_cues_play (LimberCues  *self,
                  LimberCue    cue,
                  GError     **error)
{
  gsize n_samples;
  gint16 *samples;
  GstBuffer *buffer;

  g_return_val_if_fail (LIMBER_IS_CUES (self), FALSE);
  g_return_val_if_fail (cue < LIMBER_N_CUES, FALSE);

  if (self->muted)
    return TRUE;

  samples = limber_cue_render (cue, LIMBER_CUE_RATE, &n_samples);
  buffer = gst_buffer_new_wrapped (samples, n_samples * sizeof (gint16));
  GST_BUFFER_PTS (buffer) = 0;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_samples, GST_SECOND, LIMBER_CUE_RATE);

  /* From the top each time: stopped, then primed with this cue and its end, then played. */
  if (gst_element_set_state (self->pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE ||
      gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
    {
      gst_buffer_unref (buffer);
      g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_STATE_CHANGE,
                   _("The sounds cannot be played: the sound output did not start"));
      return FALSE;
    }
  gst_app_src_push_buffer (GST_APP_SRC (self->source), buffer);
  gst_app_src_end_of_stream (GST_APP_SRC (self->source));
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_STATE_CHANGE,
                   _("The sounds cannot be played: the sound output did not start"));
      return FALSE;
    }
  return TRUE;
}

GstElement *
limber_cues_get_pipeline (LimberCues *self)
{
  g_return_val_if_fail (LIMBER_IS_CUES (self), NULL);
  return self->pipeline;
}

static void
limber_cues_dispose (GObject *object)
{
  LimberCues *self = (LimberCues *)object;

  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  gst_clear_object (&self->pipeline);

  G_OBJECT_CLASS (limber_cues_parent_class)->dispose (object);
}

static void
limber_cues_class_init (LimberCuesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_cues_dispose;
}

static void
limber_cues_init (LimberCues *self)
{
}
