/* fuzz-motion.c: a demonstration's motion file, and the frames the player draws from it. */

#include "config.h"

#include "fuzz-common.h"
#include "limber-motion.h"

static void
sample (LimberMotion             *motion,
        const LimberMotionTiming *timing)
{
  double end = limber_motion_get_end_time (motion, timing);
  LimberFrame frame;

  limber_motion_get_duration (motion, timing);
  for (guint i = 0; i < limber_motion_get_n_keyframes (motion); i++)
    limber_motion_get_keyframe_time (motion, timing, i);
  for (int i = -1; i <= 8; i++)
    limber_motion_sample (motion, timing, end * i / 7, &frame);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberMotion) motion = NULL;
  g_autoptr(GError) error = NULL;
  guint n_props;

  motion = limber_motion_new_from_bytes (bytes, FUZZ_FILE, &error);
  fuzz_check_result (motion, error, FUZZ_FILE);
  if (motion == NULL)
    return 0;

  limber_motion_get_props (motion, &n_props);
  sample (motion, &LIMBER_MOTION_TIMING_DEFAULT);
  sample (motion, &(LimberMotionTiming) { 600, 0.5 });
  sample (motion, &(LimberMotionTiming) { 0, 2 });
  return 0;
}
