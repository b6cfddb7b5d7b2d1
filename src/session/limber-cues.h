/* limber-cues.h: the guided session's sounds: short generated tones, one for each moment a
 * patient should hear without looking (start, hold, relax, rest, next exercise). */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_CUE_START,  /* start moving: two rising notes */
  LIMBER_CUE_HOLD,   /* hold still: one steady note */
  LIMBER_CUE_RELAX,  /* let go: two falling notes */
  LIMBER_CUE_REST,   /* rest: one low, soft note */
  LIMBER_CUE_NEXT,   /* the next exercise: a rising three-note chime */
  LIMBER_N_CUES,
} LimberCue;

#define LIMBER_CUE_RATE 44100

gint16     *limber_cue_render        (LimberCue    cue,
                                      guint        rate,
                                      gsize       *n_samples);

#define LIMBER_TYPE_CUES (limber_cues_get_type ())

G_DECLARE_FINAL_TYPE (LimberCues, limber_cues, LIMBER, CUES, GObject)

LimberCues *limber_cues_new          (GstElement  *sink,
                                      GError     **error);
void        limber_cues_set_volume   (LimberCues  *self,
                                      double       volume);
double      limber_cues_get_volume   (LimberCues  *self);
void        limber_cues_set_muted    (LimberCues  *self,
                                      gboolean     muted);
gboolean    limber_cues_get_muted    (LimberCues  *self);
gboolean    limber_cues_play         (LimberCues  *self,
                                      LimberCue    cue,
                                      GError     **error);
GstElement *limber_cues_get_pipeline (LimberCues  *self);

G_END_DECLS
