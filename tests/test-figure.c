/* test-figure.c: the skeleton's kinematics, reading motions, and their timing. */
#include "config.h"

#include "limber-json.h"
#include "limber-motion.h"

#define TOLERANCE 0.05

static const char *valid_motion =
  "{"
  "  \"schema_version\": 1, \"id\": \"test-lift\", \"position\": \"supine\","
  "  \"camera\": \"side\", \"anchor\": \"heel_left\", \"props\": [{ \"type\": \"mat\" },"
  "  { \"type\": \"band\", \"points\": [\"ankle_left\", \"ankle_right\"] }],"
  "  \"highlight\": [\"thigh_right\"], \"arrow\": \"heel_right\","
  "  \"keyframes\": ["
  "    { \"phase\": \"start\", \"duration\": 1, \"pose\": { \"knee_flexion_left\": 90,"
  "      \"hip_flexion_left\": 45 } },"
  "    { \"phase\": \"move\", \"duration\": 2, \"ease\": \"linear\","
  "      \"pose\": { \"hip_flexion_right\": 40 } },"
  "    { \"phase\": \"hold\", \"duration\": 3 },"
  "    { \"phase\": \"return\", \"duration\": 2, \"pose\": \"start\" }"
  "  ]"
  "}";

static LimberMotion *
load (const char  *text,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return limber_motion_new_from_bytes (bytes, "test-lift.json", error);
}

static char *
variant (const char *from,
         const char *to)
{
  const char *at = strstr (valid_motion, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - valid_motion), valid_motion, to,
                          at + strlen (from));
}

static void
pose_standing (LimberPose *pose,
               LimberBody *body)
{
  limber_skeleton_pose (pose, LIMBER_POSITION_STANDING, body);
  limber_body_translate (body, (LimberVec3) { 0, -limber_body_get_lowest (body), 0 });
}

static void
test_skeleton_standing (void)
{
  LimberPose pose = { { 0 } };
  LimberBody body;

  pose_standing (&pose, &body);

  /* Winter's fractions of a 170 cm height: hip 0.530 H, shoulder 0.818 H. */
  g_assert_cmpfloat_with_epsilon (body.point[LIMBER_POINT_HIP_RIGHT].y, 0.530 * 170, 1.0);
  g_assert_cmpfloat_with_epsilon (body.point[LIMBER_POINT_SHOULDER_RIGHT].y, 0.818 * 170 - 3, 1.0);
  g_assert_cmpfloat_with_epsilon (limber_vec3_distance (body.point[LIMBER_POINT_HIP_RIGHT],
                                                        body.point[LIMBER_POINT_KNEE_RIGHT]),
                                  0.245 * 170, TOLERANCE);
  /* Feet flat: heel and toe on the floor, toes forward; the right side nearer the camera. */
  g_assert_cmpfloat_with_epsilon (limber_body_get_segment_lowest (&body, LIMBER_SEGMENT_FOOT_RIGHT),
                                  0, TOLERANCE);
  g_assert_cmpfloat_with_epsilon (body.point[LIMBER_POINT_HEEL_RIGHT].y,
                                  body.point[LIMBER_POINT_TOE_RIGHT].y, TOLERANCE);
  g_assert_cmpfloat (body.point[LIMBER_POINT_TOE_RIGHT].x, >, body.point[LIMBER_POINT_HEEL_RIGHT].x);
  g_assert_cmpfloat (body.point[LIMBER_POINT_HIP_RIGHT].z, >, body.point[LIMBER_POINT_HIP_LEFT].z);
  g_assert_cmpfloat_with_epsilon (limber_vec3_angle (body.point[LIMBER_POINT_HIP_RIGHT],
                                                     body.point[LIMBER_POINT_KNEE_RIGHT],
                                                     body.point[LIMBER_POINT_ANKLE_RIGHT]),
                                  180, TOLERANCE);
}

static void
test_skeleton_joints (void)
{
  LimberPose pose = { { 0 } };
  LimberBody body;
  LimberVec3 hip, knee, ankle;

  /* Hip flexion brings the knee forward to hip height. */
  pose.dof[LIMBER_DOF_HIP_FLEXION_RIGHT] = 90;
  limber_skeleton_pose (&pose, LIMBER_POSITION_STANDING, &body);
  hip = body.point[LIMBER_POINT_HIP_RIGHT];
  knee = body.point[LIMBER_POINT_KNEE_RIGHT];
  g_assert_cmpfloat_with_epsilon (knee.y, hip.y, TOLERANCE);
  g_assert_cmpfloat (knee.x, >, hip.x + 40);

  /* Knee flexion takes the ankle behind the knee. */
  pose.dof[LIMBER_DOF_HIP_FLEXION_RIGHT] = 0;
  pose.dof[LIMBER_DOF_KNEE_FLEXION_RIGHT] = 90;
  limber_skeleton_pose (&pose, LIMBER_POSITION_STANDING, &body);
  knee = body.point[LIMBER_POINT_KNEE_RIGHT];
  ankle = body.point[LIMBER_POINT_ANKLE_RIGHT];
  g_assert_cmpfloat_with_epsilon (ankle.y, knee.y, TOLERANCE);
  g_assert_cmpfloat (ankle.x, <, knee.x - 40);

  /* Abduction takes each leg out to its own side. */
  pose = (LimberPose) { { 0 } };
  pose.dof[LIMBER_DOF_HIP_ABDUCTION_RIGHT] = 30;
  pose.dof[LIMBER_DOF_HIP_ABDUCTION_LEFT] = 30;
  limber_skeleton_pose (&pose, LIMBER_POSITION_STANDING, &body);
  g_assert_cmpfloat (body.point[LIMBER_POINT_ANKLE_RIGHT].z, >,
                     body.point[LIMBER_POINT_HIP_RIGHT].z + 30);
  g_assert_cmpfloat (body.point[LIMBER_POINT_ANKLE_LEFT].z, <,
                     body.point[LIMBER_POINT_HIP_LEFT].z - 30);

  /* A raised right side of the pelvis lifts the right hip. */
  pose = (LimberPose) { { 0 } };
  pose.dof[LIMBER_DOF_PELVIS_OBLIQUITY] = 10;
  limber_skeleton_pose (&pose, LIMBER_POSITION_STANDING, &body);
  g_assert_cmpfloat (body.point[LIMBER_POINT_HIP_RIGHT].y, >,
                     body.point[LIMBER_POINT_HIP_LEFT].y + 2);

  /* Trunk flexion brings the neck forward. */
  pose = (LimberPose) { { 0 } };
  pose.dof[LIMBER_DOF_TRUNK_FLEXION] = 90;
  limber_skeleton_pose (&pose, LIMBER_POSITION_STANDING, &body);
  g_assert_cmpfloat (body.point[LIMBER_POINT_NECK].x, >, 30);
}

static void
test_skeleton_positions (void)
{
  LimberPose pose = { { 0 } };
  LimberBody body;

  /* Supine: head to the left of the feet, all at one height. */
  limber_skeleton_pose (&pose, LIMBER_POSITION_SUPINE, &body);
  g_assert_cmpfloat (body.point[LIMBER_POINT_HEAD].x, <, body.point[LIMBER_POINT_ANKLE_RIGHT].x);
  g_assert_cmpfloat_with_epsilon (body.point[LIMBER_POINT_HEAD].y,
                                  body.point[LIMBER_POINT_PELVIS].y, TOLERANCE);
  g_assert_cmpfloat (body.point[LIMBER_POINT_TOE_RIGHT].y, >, body.point[LIMBER_POINT_HEEL_RIGHT].y);

  /* Prone: toes point down. */
  limber_skeleton_pose (&pose, LIMBER_POSITION_PRONE, &body);
  g_assert_cmpfloat (body.point[LIMBER_POINT_TOE_RIGHT].y, <, body.point[LIMBER_POINT_HEEL_RIGHT].y);

  /* Side-lying on the left side: the right hip is on top. */
  limber_skeleton_pose (&pose, LIMBER_POSITION_SIDE_LYING, &body);
  g_assert_cmpfloat (body.point[LIMBER_POINT_HIP_RIGHT].y, >,
                     body.point[LIMBER_POINT_HIP_LEFT].y + 10);
}

static void
test_motion_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberMotion) motion = load (valid_motion, &error);
  guint n_props;
  const LimberProp *props;

  g_assert_no_error (error);
  g_assert_cmpstr (limber_motion_get_id (motion), ==, "test-lift");
  g_assert_cmpint (limber_motion_get_position (motion), ==, LIMBER_POSITION_SUPINE);
  g_assert_cmpint (limber_motion_get_camera (motion), ==, LIMBER_CAMERA_SIDE);
  g_assert_cmpint (limber_motion_get_n_keyframes (motion), ==, 4);
  g_assert_true (limber_motion_highlights (motion, LIMBER_SEGMENT_THIGH_RIGHT));
  g_assert_false (limber_motion_highlights (motion, LIMBER_SEGMENT_THIGH_LEFT));
  g_assert_cmpint (limber_motion_get_arrow_point (motion), ==, LIMBER_POINT_HEEL_RIGHT);
  props = limber_motion_get_props (motion, &n_props);
  g_assert_cmpuint (n_props, ==, 2);
  g_assert_cmpint (props[1].kind, ==, LIMBER_PROP_BAND);
  g_assert_cmpint (props[1].point[1], ==, LIMBER_POINT_ANKLE_RIGHT);
}

static void
test_motion_timing (void)
{
  g_autoptr(LimberMotion) motion = load (valid_motion, NULL);
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  LimberFrame frame;

  g_assert_cmpfloat_with_epsilon (limber_motion_get_duration (motion, &timing), 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (limber_motion_get_default_hold (motion), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (limber_motion_get_phase_start (motion, &timing,
                                                                 LIMBER_PHASE_MOVE), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (limber_motion_get_phase_start (motion, &timing,
                                                                 LIMBER_PHASE_HOLD), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (limber_motion_get_end_time (motion, &timing), 3, 1e-9);

  /* Halfway through a linear move, half the angle. */
  limber_motion_sample (motion, &timing, 2, &frame);
  g_assert_cmpint (frame.phase, ==, LIMBER_PHASE_MOVE);
  g_assert_cmpfloat_with_epsilon (frame.pose.dof[LIMBER_DOF_HIP_FLEXION_RIGHT], 20, 1e-9);

  /* A 60-second hold stretches the hold alone; half speed doubles the rest. */
  timing.hold_seconds = 60;
  g_assert_cmpfloat_with_epsilon (limber_motion_get_duration (motion, &timing), 65, 1e-9);
  limber_motion_sample (motion, &timing, 3 + 45.5, &frame);
  g_assert_cmpint (frame.phase, ==, LIMBER_PHASE_HOLD);
  g_assert_cmpfloat_with_epsilon (frame.phase_duration, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (frame.phase_elapsed, 45.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (frame.pose.dof[LIMBER_DOF_HIP_FLEXION_RIGHT], 40, 1e-9);
  timing.speed = 0.5;
  g_assert_cmpfloat_with_epsilon (limber_motion_get_duration (motion, &timing), 70, 1e-9);

  /* The last instant is the start pose again, so the loop has no jump. */
  timing = LIMBER_MOTION_TIMING_DEFAULT;
  limber_motion_sample (motion, &timing, 8, &frame);
  g_assert_cmpint (frame.phase, ==, LIMBER_PHASE_RETURN);
  g_assert_cmpfloat_with_epsilon (frame.pose.dof[LIMBER_DOF_HIP_FLEXION_RIGHT], 0, 1e-9);
}

/* The anchor stays exactly where it was through the whole movement. */
static void
test_motion_anchor (void)
{
  g_autoptr(LimberMotion) motion = load (valid_motion, NULL);
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  LimberFrame frame;
  LimberVec3 heel;

  limber_motion_sample (motion, &timing, 0, &frame);
  heel = frame.body.point[LIMBER_POINT_HEEL_LEFT];
  g_assert_cmpfloat_with_epsilon (limber_body_get_lowest (&frame.body), 0, 1e-9);
  for (double t = 0; t <= 8; t += 0.1)
    {
      limber_motion_sample (motion, &timing, t, &frame);
      g_assert_cmpfloat_with_epsilon (frame.body.point[LIMBER_POINT_HEEL_LEFT].x, heel.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (frame.body.point[LIMBER_POINT_HEEL_LEFT].z, heel.z, 1e-9);
      g_assert_cmpfloat (limber_body_get_lowest (&frame.body), >=, -1e-9);
    }
}

static void
test_motion_invalid (void)
{
  const struct {
    const char *from, *to, *message;
  } cases[] = {
    { "\"schema_version\": 1", "\"schema_version\": 9", "test-lift.json: schema_version" },
    { "\"camera\": \"side\"", "\"camera\": \"top\"",
      "test-lift.json: camera: expected one of \"side\", \"front\"" },
    { "\"knee_flexion_left\": 90", "\"knee_flexion_left\": 200",
      "test-lift.json: keyframes[0].pose.knee_flexion_left: expected 0" },
    { "\"knee_flexion_left\": 90", "\"knee_bend\": 90",
      "test-lift.json: keyframes[0].pose.knee_bend: not a joint angle of the figure" },
    { "\"knee_flexion_left\": 90", "\"knee_flexion_left\": \"90\"",
      "test-lift.json: keyframes[0].pose.knee_flexion_left: expected a number" },
    { "{ \"phase\": \"hold\", \"duration\": 3 }",
      "{ \"phase\": \"hold\", \"duration\": 3, \"pose\": { \"knee_flexion\": 3 } }",
      "test-lift.json: keyframes[2].pose: a hold keeps the pose before it" },
    { "\"phase\": \"start\"", "\"phase\": \"move\"",
      "test-lift.json: keyframes[0].phase: only the first keyframe is, and must be, \"start\"" },
    { "\"pose\": \"start\"", "\"pose\": { \"hip_flexion_right\": 10 }",
      "the last pose must be the start pose so that the motion loops, but hip_flexion_right" },
    { "\"duration\": 2, \"ease\"", "\"duration\": 0, \"ease\"",
      "test-lift.json: keyframes[1].duration: expected 0.1" },
    { "\"ease\": \"linear\"", "\"ease\": \"bouncy\"", "keyframes[1].ease: expected one of" },
    { "\"arrow\": \"heel_right\"", "\"arrow\": \"elbow\"",
      "test-lift.json: arrow: expected a point of the body such as \"heel_left\", got elbow" },
    { "\"anchor\": \"heel_left\"", "\"anchor\": 3",
      "test-lift.json: anchor: expected text, got a whole number" },
    { "[\"thigh_right\"]", "[\"hamstring\"]",
      "test-lift.json: highlight[0]: expected a segment such as \"thigh_right\", got \"hamstring\"" },
    { "\"points\": [\"ankle_left\", \"ankle_right\"]", "\"points\": [\"ankle_left\"]",
      "test-lift.json: props[1].points: expected 2 points of the body" },
    { "{ \"type\": \"mat\" }", "{ \"type\": \"trampoline\" }",
      "test-lift.json: props[0].type: expected one of" },
    { "\"position\": \"supine\"", "\"position\": \"upside-down\"", "test-lift.json: position" },
    { "\"camera\": \"side\",", "\"camera\": \"side\", \"colour\": 1,",
      "test-lift.json: colour: unknown field" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = variant (cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberMotion) motion = load (text, &error);

      g_test_message ("case %u: %s", i, cases[i].to);
      g_assert_null (motion);
      g_assert_error (error, LIMBER_DATA_ERROR, error->code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].message, error->message);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberMotion) motion = load ("{ \"schema_version\": ", &error);

    g_assert_null (motion);
    g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE);
  }
}

static void
test_motion_unknown_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberMotion) motion = limber_motion_new_for_id ("no-such-exercise", &error);

  g_assert_null (motion);
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "no-such-exercise"));

  g_clear_error (&error);
  g_assert_null (limber_motion_new_for_id ("../exercises/bridge", &error));
  g_assert_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/figure/skeleton-standing", test_skeleton_standing);
  g_test_add_func ("/limber/figure/skeleton-joints", test_skeleton_joints);
  g_test_add_func ("/limber/figure/skeleton-positions", test_skeleton_positions);
  g_test_add_func ("/limber/figure/motion-valid", test_motion_valid);
  g_test_add_func ("/limber/figure/motion-timing", test_motion_timing);
  g_test_add_func ("/limber/figure/motion-anchor", test_motion_anchor);
  g_test_add_func ("/limber/figure/motion-invalid", test_motion_invalid);
  g_test_add_func ("/limber/figure/motion-unknown-id", test_motion_unknown_id);

  return g_test_run ();
}
