/* test-motions.c: every exercise's demonstration checked against its instructions, from the
 * figure's computed joint positions; and every still picture drawn and not blank. */
#include "config.h"

#include <math.h>

#include "limber-library.h"
#include "limber-renderer.h"

#define REST_BELOW -0.5   /* cm: resting surfaces may sink this far into a soft mat */
#define REST_ABOVE 2.5    /* cm: and float no higher */
#define MAX_LIFT 3.0

typedef struct
{
  LimberMotion *motion;
  LimberFrame   start;
  LimberFrame   hold;     /* the pose held, or for walks the first step's pose */
} Fixture;

#define P(name) frame->body.point[LIMBER_POINT_ ## name]

static void
sample_keyframe (LimberMotion *motion,
                 guint         keyframe,
                 LimberFrame  *frame)
{
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;

  limber_motion_sample (motion, &timing,
                        limber_motion_get_keyframe_time (motion, &timing, keyframe), frame);
}

static double
lowest (const LimberFrame *frame,
        LimberSegment      segment)
{
  return limber_body_get_segment_lowest (&frame->body, segment);
}

static void
assert_rests_on (const LimberFrame *frame,
                 LimberSegment      segment,
                 double             support,
                 const char        *when)
{
  double height = lowest (frame, segment) - support;

  if (height < REST_BELOW || height > REST_ABOVE)
    g_error ("%s: the %s should rest on its support, but its lowest surface is %.1f cm from it",
             when, limber_segment_get_info (segment)->name, height);
}

static void
assert_rests (const LimberFrame *frame,
              LimberSegment      segment,
              const char        *when)
{
  assert_rests_on (frame, segment, 0, when);
}

static void
assert_foot_flat (const LimberFrame *frame,
                  gboolean           right,
                  double             support,
                  const char        *when)
{
  LimberVec3 heel = right ? P (HEEL_RIGHT) : P (HEEL_LEFT);
  LimberVec3 toe = right ? P (TOE_RIGHT) : P (TOE_LEFT);

  assert_rests_on (frame, right ? LIMBER_SEGMENT_FOOT_RIGHT : LIMBER_SEGMENT_FOOT_LEFT, support,
                   when);
  if (fabs (heel.y - toe.y) > 3)
    g_error ("%s: the %s foot should be flat, but its heel and toe are %.1f cm apart in height",
             when, right ? "right" : "left", fabs (heel.y - toe.y));
}

static double
angle (LimberVec3 a,
       LimberVec3 vertex,
       LimberVec3 b)
{
  return limber_vec3_angle (a, vertex, b);
}

static void
assert_in (double      value,
           double      min,
           double      max,
           const char *what)
{
  if (value < min || value > max)
    g_error ("%s: expected %.1f to %.1f, got %.1f", what, min, max, value);
}

static void
assert_knee_straight (const LimberFrame *frame,
                      gboolean           right,
                      const char        *when)
{
  double a = right ? angle (P (HIP_RIGHT), P (KNEE_RIGHT), P (ANKLE_RIGHT))
                   : angle (P (HIP_LEFT), P (KNEE_LEFT), P (ANKLE_LEFT));

  if (a < 170)
    g_error ("%s: the %s knee should be straight, but the angle at it is %.1f°", when,
             right ? "right" : "left", a);
}

/* A point part of the way along a segment. */
static LimberVec3
along (LimberVec3 from,
       LimberVec3 to,
       double     u)
{
  return (LimberVec3) { from.x + (to.x - from.x) * u, from.y + (to.y - from.y) * u,
                        from.z + (to.z - from.z) * u };
}

static double
distance (LimberVec3 a,
          LimberVec3 b)
{
  return limber_vec3_distance (a, b);
}

static void
assert_lying (const LimberFrame *frame,
              const char        *when)
{
  assert_rests (frame, LIMBER_SEGMENT_THORAX, when);
  assert_rests (frame, LIMBER_SEGMENT_PELVIS, when);
}

/* On one side, resting on the hip and the lower shoulder; the waist is clear of the floor. */
static void
assert_side_lying (const LimberFrame *frame,
                   const char        *when)
{
  assert_rests (frame, LIMBER_SEGMENT_PELVIS, when);
  assert_rests (frame, LIMBER_SEGMENT_SHOULDERS, when);
  g_assert_cmpfloat (lowest (frame, LIMBER_SEGMENT_THORAX), <, 15);
}

/* On the back, knees bent, both feet flat on the floor. */
static void
assert_hook_lying (const LimberFrame *frame,
                   const char        *when)
{
  assert_lying (frame, when);
  assert_foot_flat (frame, TRUE, 0, when);
  assert_foot_flat (frame, FALSE, 0, when);
}

static void
check_bridge (Fixture *f)
{
  const LimberFrame *frame = &f->start;

  assert_hook_lying (frame, "start");

  frame = &f->hold;
  assert_in (angle (P (SHOULDER_RIGHT), P (HIP_RIGHT), P (KNEE_RIGHT)), 170, 190,
             "hold: shoulder, hip and knee in a line (angle at the hip)");
  assert_rests (frame, LIMBER_SEGMENT_THORAX, "hold");
  assert_rests (frame, LIMBER_SEGMENT_FOOT_RIGHT, "hold");
  assert_rests (frame, LIMBER_SEGMENT_FOOT_LEFT, "hold");
  g_assert_cmpfloat (lowest (frame, LIMBER_SEGMENT_PELVIS), >, 10);
}

static void
check_single_leg_bridge (Fixture *f)
{
  const LimberFrame *frame = &f->start;
  LimberVec3 origin = { 0, 0, 0 }, thigh_left, thigh_right;

  assert_hook_lying (frame, "start");

  frame = &f->hold;
  assert_rests (frame, LIMBER_SEGMENT_FOOT_LEFT, "hold");
  assert_rests (frame, LIMBER_SEGMENT_THORAX, "hold");
  assert_in (angle (P (SHOULDER_LEFT), P (HIP_LEFT), P (KNEE_LEFT)), 170, 190,
             "hold: shoulder, hip and knee of the standing leg in a line");
  assert_knee_straight (frame, TRUE, "hold");
  thigh_left = (LimberVec3) { P (KNEE_LEFT).x - P (HIP_LEFT).x, P (KNEE_LEFT).y - P (HIP_LEFT).y,
                              P (KNEE_LEFT).z - P (HIP_LEFT).z };
  thigh_right = (LimberVec3) { P (KNEE_RIGHT).x - P (HIP_RIGHT).x,
                               P (KNEE_RIGHT).y - P (HIP_RIGHT).y,
                               P (KNEE_RIGHT).z - P (HIP_RIGHT).z };
  assert_in (angle (thigh_left, origin, thigh_right), 0, 12, "hold: thighs side by side (°)");
  assert_in (fabs (P (HIP_LEFT).y - P (HIP_RIGHT).y), 0, 3, "hold: pelvis level (cm)");
  /* The lifted foot is off the floor: it is not the bridge. */
  g_assert_cmpfloat (lowest (frame, LIMBER_SEGMENT_FOOT_RIGHT), >, 10);
}

static void
check_posterior_pelvic_tilt (Fixture *f)
{
  for (guint i = 0; i < 2; i++)
    {
      const LimberFrame *frame = i == 0 ? &f->start : &f->hold;
      const char *when = i == 0 ? "start" : "hold";

      assert_hook_lying (frame, when);
      g_assert_cmpfloat (angle (P (HIP_RIGHT), P (KNEE_RIGHT), P (ANKLE_RIGHT)), <, 150);
    }
  assert_in (f->hold.pose.dof[LIMBER_DOF_PELVIS_TILT] - f->start.pose.dof[LIMBER_DOF_PELVIS_TILT],
             5, 20, "hold: posterior tilt of the pelvis (°)");
}

static void
check_straight_leg_raise (Fixture *f)
{
  const LimberFrame *frame = &f->start;

  assert_lying (frame, "start");
  assert_knee_straight (frame, TRUE, "start");
  assert_rests (frame, LIMBER_SEGMENT_THIGH_RIGHT, "start");
  assert_rests (frame, LIMBER_SEGMENT_SHANK_RIGHT, "start");
  g_assert_cmpfloat (angle (P (HIP_LEFT), P (KNEE_LEFT), P (ANKLE_LEFT)), <, 150);
  assert_rests (frame, LIMBER_SEGMENT_FOOT_LEFT, "start");

  frame = &f->hold;
  assert_lying (frame, "hold");
  assert_in (lowest (frame, LIMBER_SEGMENT_FOOT_RIGHT), 25, 35, "hold: right heel's height (cm)");
  assert_knee_straight (frame, TRUE, "hold");
  assert_rests (frame, LIMBER_SEGMENT_FOOT_LEFT, "hold");
}

static void
check_side_lying_hip_abduction (Fixture *f)
{
  const LimberFrame *frame = &f->start;

  assert_side_lying (frame, "start");
  assert_in (angle (P (HIP_LEFT), P (KNEE_LEFT), P (ANKLE_LEFT)), 70, 110,
             "start: bottom knee bent (°)");
  assert_knee_straight (frame, TRUE, "start");
  g_assert_cmpfloat (P (HIP_RIGHT).y, >, P (HIP_LEFT).y + 10);

  frame = &f->hold;
  assert_side_lying (frame, "hold");
  assert_in (P (ANKLE_RIGHT).y - f->start.body.point[LIMBER_POINT_ANKLE_RIGHT].y, 25, 35,
             "hold: top ankle raised (cm)");
  assert_knee_straight (frame, TRUE, "hold");
  assert_in (angle (P (NECK), P (HIP_RIGHT), P (KNEE_RIGHT)), 170, 190,
             "hold: top leg in line with the body (°)");
}

static void
check_prone_hip_extension (Fixture *f)
{
  const LimberFrame *frame = &f->start;

  assert_knee_straight (frame, TRUE, "start");
  assert_knee_straight (frame, FALSE, "start");
  assert_rests (frame, LIMBER_SEGMENT_THIGH_RIGHT, "start");
  assert_rests (frame, LIMBER_SEGMENT_THIGH_LEFT, "start");
  assert_rests (frame, LIMBER_SEGMENT_FOOT_RIGHT, "start");
  assert_rests (frame, LIMBER_SEGMENT_PELVIS, "start");

  frame = &f->hold;
  assert_in (P (ANKLE_RIGHT).y - f->start.body.point[LIMBER_POINT_ANKLE_RIGHT].y, 20, 30,
             "hold: right foot raised (cm)");
  assert_knee_straight (frame, TRUE, "hold");
  assert_rests (frame, LIMBER_SEGMENT_PELVIS, "hold");
  assert_rests (frame, LIMBER_SEGMENT_THIGH_LEFT, "hold");
}

static void
check_supine_hamstring_stretch (Fixture *f)
{
  const LimberFrame *frame = &f->start;
  LimberVec3 grip;

  assert_lying (frame, "start");
  assert_knee_straight (frame, TRUE, "start");
  assert_knee_straight (frame, FALSE, "start");
  assert_rests (frame, LIMBER_SEGMENT_THIGH_RIGHT, "start");

  frame = &f->hold;
  assert_lying (frame, "hold");
  assert_rests (frame, LIMBER_SEGMENT_HEAD, "hold");
  assert_in (angle (P (NECK), P (HIP_RIGHT), P (KNEE_RIGHT)), 80, 100, "hold: hip flexion (°)");
  assert_knee_straight (frame, TRUE, "hold");
  assert_knee_straight (frame, FALSE, "hold");
  assert_rests (frame, LIMBER_SEGMENT_THIGH_LEFT, "hold");
  assert_rests (frame, LIMBER_SEGMENT_SHANK_LEFT, "hold");
  grip = along (P (HIP_RIGHT), P (KNEE_RIGHT), 0.8);
  assert_in (distance (P (HAND_LEFT), grip), 0, 12, "hold: left hand behind the thigh (cm)");
  assert_in (distance (P (HAND_RIGHT), grip), 0, 12, "hold: right hand behind the thigh (cm)");
}

static void
check_supine_piriformis_stretch (Fixture *f)
{
  const LimberFrame *frame = &f->start;

  assert_hook_lying (frame, "start");

  frame = &f->hold;
  assert_lying (frame, "hold");
  assert_rests (frame, LIMBER_SEGMENT_HEAD, "hold");
  assert_in (distance (P (ANKLE_RIGHT), along (P (HIP_LEFT), P (KNEE_LEFT), 0.85)), 0, 13,
             "hold: right ankle on the left thigh, above the knee (cm)");
  g_assert_cmpfloat (f->hold.pose.dof[LIMBER_DOF_HIP_FLEXION_LEFT] -
                     f->start.pose.dof[LIMBER_DOF_HIP_FLEXION_LEFT], >=, 25);
}

static void
check_side_lying_it_band_stretch (Fixture *f)
{
  const LimberFrame *frame = &f->start;

  assert_side_lying (frame, "start");
  g_assert_cmpfloat (angle (P (HIP_LEFT), P (KNEE_LEFT), P (ANKLE_LEFT)), <, 150);
  g_assert_cmpfloat (angle (P (HIP_RIGHT), P (KNEE_RIGHT), P (ANKLE_RIGHT)), <, 90);
  assert_in (distance (P (HAND_RIGHT), P (ANKLE_RIGHT)), 0, 8, "start: hand holds the ankle (cm)");

  frame = &f->hold;
  assert_side_lying (frame, "hold");
  assert_in (MIN (distance (P (TOE_LEFT), P (KNEE_RIGHT)), distance (P (ANKLE_LEFT), P (KNEE_RIGHT))),
             0, 14, "hold: bottom foot on the top knee (cm)");
  g_assert_cmpfloat (P (KNEE_RIGHT).y, <=, f->start.body.point[LIMBER_POINT_KNEE_RIGHT].y - 5);
  assert_in (distance (P (HAND_RIGHT), P (ANKLE_RIGHT)), 0, 8, "hold: hand holds the ankle (cm)");
}

static void
check_half_kneeling_hip_flexor_stretch (Fixture *f)
{
  const LimberVec3 up = { 0, 1, 0 }, origin = { 0, 0, 0 };

  for (guint i = 0; i < 2; i++)
    {
      const LimberFrame *frame = i == 0 ? &f->start : &f->hold;
      const char *when = i == 0 ? "start" : "hold";
      LimberVec3 trunk = { P (NECK).x - P (PELVIS).x, P (NECK).y - P (PELVIS).y,
                           P (NECK).z - P (PELVIS).z };

      /* The kneeling knee rests on the 4 cm pillow. */
      assert_rests_on (frame, LIMBER_SEGMENT_SHANK_RIGHT, 4, when);
      assert_foot_flat (frame, FALSE, 0, when);
      assert_in (angle (trunk, origin, up), 0, 15, "trunk upright (° from vertical)");
      assert_in (fabs (P (KNEE_LEFT).x - P (ANKLE_LEFT).x), 0, 10, "front knee over the ankle (cm)");
    }
  assert_in (f->hold.body.point[LIMBER_POINT_PELVIS].x - f->start.body.point[LIMBER_POINT_PELVIS].x,
             5, 20, "hold: hips moved forward (cm)");
  {
    const LimberFrame *frame = &f->hold;
    double held = angle (P (NECK), P (HIP_RIGHT), P (KNEE_RIGHT));

    frame = &f->start;
    g_assert_cmpfloat (held, >=, 160);
    g_assert_cmpfloat (held, >, angle (P (NECK), P (HIP_RIGHT), P (KNEE_RIGHT)));
  }
}

static void
check_hip_hike (Fixture *f)
{
  const LimberFrame *frame = &f->start;
  double step = limber_motion_get_support_height (f->motion);

  g_assert_cmpfloat_with_epsilon (step, 20, 0.01);
  assert_in (fabs (P (HIP_LEFT).y - P (HIP_RIGHT).y), 0, 1.5, "start: pelvis level (cm)");
  assert_foot_flat (frame, FALSE, step, "start");
  g_assert_cmpfloat (lowest (frame, LIMBER_SEGMENT_FOOT_RIGHT), >, 0);

  frame = &f->hold;
  assert_in (P (HIP_LEFT).y - P (HIP_RIGHT).y, 4, 10, "hold: right side of the pelvis dropped (cm)");
  g_assert_cmpfloat (lowest (frame, LIMBER_SEGMENT_FOOT_RIGHT), <, step);
  assert_foot_flat (frame, FALSE, step, "hold");

  for (guint k = 0; k < limber_motion_get_n_keyframes (f->motion); k++)
    {
      LimberFrame each;

      sample_keyframe (f->motion, k, &each);
      assert_knee_straight (&each, FALSE, "every keyframe");
      assert_rests_on (&each, LIMBER_SEGMENT_FOOT_LEFT, step, "every keyframe");
    }
}

/* Feet planted at keyframes: each foot's successive planted places, and how far it stepped. */
static void
check_steps (LimberMotion *motion,
             gboolean      sideways,
             double        min_step,
             double        max_step)
{
  for (guint right = 0; right < 2; right++)
    {
      LimberPoint ankle = right ? LIMBER_POINT_ANKLE_RIGHT : LIMBER_POINT_ANKLE_LEFT;
      LimberSegment foot = right ? LIMBER_SEGMENT_FOOT_RIGHT : LIMBER_SEGMENT_FOOT_LEFT;
      gboolean have_last = FALSE;
      double last = 0, longest = 0;

      for (guint k = 0; k < limber_motion_get_n_keyframes (motion); k++)
        {
          LimberFrame frame;
          double place, step;

          sample_keyframe (motion, k, &frame);
          if (lowest (&frame, foot) > REST_ABOVE)
            continue;
          place = sideways ? frame.body.point[ankle].z : frame.body.point[ankle].x;
          step = fabs (place - last);
          if (have_last && step >= 1)
            assert_in (step, min_step, max_step, "a step's length (cm)");
          longest = MAX (longest, have_last ? step : 0);
          last = place;
          have_last = TRUE;
        }
      g_assert_cmpfloat (longest, >=, min_step);
    }
}

static void
check_band_walk (Fixture  *f,
                 gboolean  sideways)
{
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  double duration = limber_motion_get_duration (f->motion, &timing), widest = 0;
  const LimberProp *props;
  guint n_props, bands = 0;

  props = limber_motion_get_props (f->motion, &n_props);
  for (guint i = 0; i < n_props; i++)
    if (props[i].kind == LIMBER_PROP_BAND)
      {
        g_assert_cmpint (props[i].point[0], ==, LIMBER_POINT_ANKLE_LEFT);
        g_assert_cmpint (props[i].point[1], ==, LIMBER_POINT_ANKLE_RIGHT);
        bands++;
      }
  g_assert_cmpuint (bands, ==, 1);

  assert_foot_flat (&f->start, TRUE, 0, "start");
  assert_foot_flat (&f->start, FALSE, 0, "start");
  g_assert_cmpfloat (limber_motion_get_default_hold (f->motion), ==, 0);

  /* The loop stays around both ankles: never slack enough to fall, never overstretched; one
   * foot is always on the floor; the knees stay straight. */
  for (double t = 0; t <= duration; t += 0.02)
    {
      LimberFrame frame;
      double apart;

      limber_motion_sample (f->motion, &timing, t, &frame);
      apart = distance (frame.body.point[LIMBER_POINT_ANKLE_LEFT],
                        frame.body.point[LIMBER_POINT_ANKLE_RIGHT]);
      assert_in (apart, 18, 48, "ankles apart, for the band (cm)");
      widest = MAX (widest, sideways ? apart : fabs (frame.body.point[LIMBER_POINT_ANKLE_LEFT].x -
                                                     frame.body.point[LIMBER_POINT_ANKLE_RIGHT].x));
      g_assert_cmpfloat (MIN (lowest (&frame, LIMBER_SEGMENT_FOOT_LEFT),
                              lowest (&frame, LIMBER_SEGMENT_FOOT_RIGHT)), <=, REST_ABOVE);
      assert_knee_straight (&frame, TRUE, "walking");
      assert_knee_straight (&frame, FALSE, "walking");
    }

  if (sideways)
    {
      assert_in (widest, 32, 44, "widest step to the side (cm)");
      check_steps (f->motion, TRUE, 10, 44);
    }
  else
    {
      assert_in (widest, 0, 20, "feet apart front to back (cm)");
      check_steps (f->motion, FALSE, 12.5, 15.5);
    }
}

static void
check_lateral_band_walk (Fixture *f)
{
  check_band_walk (f, TRUE);
}

static void
check_forward_backward_band_walk (Fixture *f)
{
  check_band_walk (f, FALSE);
}

static const struct {
  const char *id;
  void (*check) (Fixture *f);
} checks[] = {
  { "bridge", check_bridge },
  { "forward-backward-band-walk", check_forward_backward_band_walk },
  { "half-kneeling-hip-flexor-stretch", check_half_kneeling_hip_flexor_stretch },
  { "hip-hike", check_hip_hike },
  { "lateral-band-walk", check_lateral_band_walk },
  { "posterior-pelvic-tilt", check_posterior_pelvic_tilt },
  { "prone-hip-extension", check_prone_hip_extension },
  { "side-lying-hip-abduction", check_side_lying_hip_abduction },
  { "side-lying-it-band-stretch", check_side_lying_it_band_stretch },
  { "single-leg-bridge", check_single_leg_bridge },
  { "straight-leg-raise", check_straight_leg_raise },
  { "supine-hamstring-stretch", check_supine_hamstring_stretch },
  { "supine-piriformis-stretch", check_supine_piriformis_stretch },
};

static void
test_pose (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  Fixture f = { 0 };

  f.motion = limber_motion_new_for_id (checks[i].id, &error);
  g_assert_no_error (error);
  limber_motion_sample (f.motion, &timing, 0, &f.start);
  limber_motion_sample (f.motion, &timing, limber_motion_get_end_time (f.motion, &timing), &f.hold);
  checks[i].check (&f);
  g_object_unref (f.motion);
}

/* Every exercise has a demonstration of its own, and nothing goes through the floor. */
static void
test_every_exercise (void)
{
  g_autoptr(LimberLibrary) library = limber_library_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *model = G_LIST_MODEL (library);

  limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (checks));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);
      g_autoptr(LimberMotion) motion = NULL;
      LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
      double duration;
      g_autoptr(GString) poses = g_string_new (NULL);
      LimberFrame frame;

      motion = limber_motion_new_for_id (limber_exercise_get_id (exercise), &error);
      g_assert_no_error (error);
      g_test_message ("%s", limber_motion_get_id (motion));

      for (guint k = 0; k < limber_motion_get_n_keyframes (motion); k++)
        {
          sample_keyframe (motion, k, &frame);
          if (frame.lift > 0.01)
            g_error ("%s: keyframe %u goes %.1f cm through the floor", limber_motion_get_id (motion),
                     k, frame.lift);
          for (guint d = 0; d < LIMBER_N_DOFS; d++)
            g_string_append_printf (poses, "%.0f,", frame.pose.dof[d]);
        }
      /* No two exercises share one demonstration. */
      g_assert_false (g_hash_table_contains (seen, poses->str));
      g_hash_table_add (seen, g_strdup (poses->str));

      duration = limber_motion_get_duration (motion, &timing);
      for (double t = 0; t <= duration; t += 0.02)
        {
          limber_motion_sample (motion, &timing, t, &frame);
          if (frame.lift > MAX_LIFT)
            g_error ("%s at %.2f s: raised %.1f cm to stay above the floor",
                     limber_motion_get_id (motion), t, frame.lift);
        }
    }
}

/* The share of pixels in a rectangle that differ from the background. */
static double
ink (cairo_surface_t *surface,
     int              x0,
     int              width,
     guint32          background)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  guint inked = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = x0; x < x0 + width; x++)
      if ((((const guint32 *) (data + y * stride))[x] & 0xffffff) != background)
        inked++;
  return inked / (double) (width * height);
}

static void
test_stills (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autoptr(LimberMotion) motion = limber_motion_new_for_id (checks[i].id, NULL);
        g_autoptr(LimberRenderer) renderer = limber_renderer_new (motion);
        const LimberFigureStyle *style = limber_figure_style_get (dark);
        guint32 background = (guint32) (style->background.red * 255) << 16 |
                             (guint32) (style->background.green * 255) << 8 |
                             (guint32) (style->background.blue * 255);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 160);
        cairo_t *cr = cairo_create (surface);

        limber_renderer_draw_still (renderer, cr, 480, 160, style);
        cairo_destroy (cr);
        /* Both poses are drawn, each covering a fair part of its half, neither all of it. */
        for (guint half = 0; half < 2; half++)
          {
            double share = ink (surface, half * 240, 240, background);

            if (share < 0.05 || share > 0.8)
              g_error ("%s (%s): the still's %s pose covers %.0f %% of its half", checks[i].id,
                       dark ? "dark" : "light", half ? "end" : "start", share * 100);
          }
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/motions/every-exercise", test_every_exercise);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/limber/motions/pose/%s", checks[i].id);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_pose);
    }
  g_test_add_func ("/limber/motions/stills", test_stills);

  return g_test_run ();
}
