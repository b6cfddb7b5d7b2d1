/* limber-skeleton.c: forward kinematics of the demonstration figure. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>

#include "limber-skeleton.h"

/* Segment lengths for a 170 cm adult, from the fractions of body height H in Winter DA,
 * "Biomechanics and Motor Control of Human Movement", 4th ed., Wiley 2009, fig. 4.1 (after
 * Drillis & Contini 1966): thigh 0.245 H, shank 0.246 H, ankle height 0.039 H, foot length
 * 0.152 H, shoulder height 0.818 H, hip (greater trochanter) 0.530 H, chin 0.870 H, upper arm
 * 0.186 H, forearm 0.146 H, hand 0.108 H, shoulder width 0.259 H. The hip joint centres sit
 * 0.1 H apart, about half of Winter's hip width of 0.191 H. */
#define HEIGHT 170.0
#define THIGH (0.245 * HEIGHT)
#define SHANK (0.246 * HEIGHT)
#define ANKLE_HEIGHT (0.039 * HEIGHT)
#define FOOT (0.152 * HEIGHT)
#define TRUNK ((0.818 - 0.530) * HEIGHT)
#define LUMBAR (0.4 * TRUNK)
#define THORAX (0.6 * TRUNK)
#define NECK_TO_HEAD ((0.935 - 0.818) * HEIGHT)
#define UPPER_ARM (0.186 * HEIGHT)
#define FOREARM (0.146 * HEIGHT)
#define HAND (0.108 * HEIGHT)
/* Drawn to the knuckles: a relaxed hand is shorter than an outstretched one. */
#define HAND_REACH (0.7 * HAND)
#define HALF_SHOULDERS (0.259 * HEIGHT / 2 - 4.0)
#define SHOULDER_DROP 3.0
#define HALF_HIPS (0.05 * HEIGHT)
#define FOOT_RADIUS 2.5
#define HEEL_BACK (0.2 * FOOT)

typedef struct
{
  double m[3][3];
} Mat3;

static const char * const dof_names[LIMBER_N_DOFS] = {
  "pelvis_tilt", "pelvis_obliquity", "pelvis_rotation",
  "trunk_flexion", "trunk_lateral_flexion", "trunk_rotation", "neck_flexion",
  "hip_flexion_left", "hip_abduction_left", "hip_rotation_left", "knee_flexion_left",
  "ankle_dorsiflexion_left", "shoulder_flexion_left", "shoulder_abduction_left",
  "elbow_flexion_left",
  "hip_flexion_right", "hip_abduction_right", "hip_rotation_right", "knee_flexion_right",
  "ankle_dorsiflexion_right", "shoulder_flexion_right", "shoulder_abduction_right",
  "elbow_flexion_right",
};

/* The range of motion a demonstration may use, a little wider than a typical adult's. */
static const double dof_ranges[LIMBER_N_SIDED_DOFS + LIMBER_DOF_HIP_FLEXION_LEFT][2] = {
  { -30, 30 }, { -20, 20 }, { -90, 90 },
  { -40, 120 }, { -40, 40 }, { -60, 60 }, { -40, 80 },
  { -40, 140 }, { -30, 60 }, { -60, 60 }, { 0, 160 }, { -60, 40 }, { -60, 180 }, { -10, 180 },
  { 0, 150 },
};

static const char * const point_names[LIMBER_N_POINTS] = {
  "pelvis", "lumbar", "neck", "head",
  "hip_left", "knee_left", "ankle_left", "heel_left", "toe_left",
  "shoulder_left", "elbow_left", "wrist_left", "hand_left",
  "hip_right", "knee_right", "ankle_right", "heel_right", "toe_right",
  "shoulder_right", "elbow_right", "wrist_right", "hand_right",
};

#define LIMB_SEGMENTS(SIDE, side_name, side) \
  { "thigh_" side_name, LIMBER_POINT_HIP_ ## SIDE, LIMBER_POINT_KNEE_ ## SIDE, 7.5, side }, \
  { "shank_" side_name, LIMBER_POINT_KNEE_ ## SIDE, LIMBER_POINT_ANKLE_ ## SIDE, 5.0, side }, \
  { "foot_" side_name, LIMBER_POINT_HEEL_ ## SIDE, LIMBER_POINT_TOE_ ## SIDE, FOOT_RADIUS, side }, \
  { "upper_arm_" side_name, LIMBER_POINT_SHOULDER_ ## SIDE, LIMBER_POINT_ELBOW_ ## SIDE, 4.5, \
    side }, \
  { "forearm_" side_name, LIMBER_POINT_ELBOW_ ## SIDE, LIMBER_POINT_WRIST_ ## SIDE, 3.5, side }, \
  { "hand_" side_name, LIMBER_POINT_WRIST_ ## SIDE, LIMBER_POINT_HAND_ ## SIDE, 2.5, side }

static const LimberSegmentInfo segments[LIMBER_N_SEGMENTS] = {
  { "lumbar", LIMBER_POINT_PELVIS, LIMBER_POINT_LUMBAR, 11.0, LIMBER_BODY_SIDE_MIDDLE },
  { "thorax", LIMBER_POINT_LUMBAR, LIMBER_POINT_NECK, 11.0, LIMBER_BODY_SIDE_MIDDLE },
  { "neck", LIMBER_POINT_NECK, LIMBER_POINT_HEAD, 5.0, LIMBER_BODY_SIDE_MIDDLE },
  { "head", LIMBER_POINT_HEAD, LIMBER_POINT_HEAD, 10.5, LIMBER_BODY_SIDE_MIDDLE },
  { "pelvis", LIMBER_POINT_HIP_LEFT, LIMBER_POINT_HIP_RIGHT, 11.0, LIMBER_BODY_SIDE_MIDDLE },
  { "shoulders", LIMBER_POINT_SHOULDER_LEFT, LIMBER_POINT_SHOULDER_RIGHT, 6.0,
    LIMBER_BODY_SIDE_MIDDLE },
  LIMB_SEGMENTS (LEFT, "left", LIMBER_BODY_SIDE_LEFT),
  LIMB_SEGMENTS (RIGHT, "right", LIMBER_BODY_SIDE_RIGHT),
};

static gboolean
find_name (const char * const *names,
           guint               n_names,
           const char         *name,
           guint              *out)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
limber_dof_get_name (LimberDof dof)
{
  g_return_val_if_fail (dof < LIMBER_N_DOFS, NULL);
  return dof_names[dof];
}

gboolean
limber_dof_from_name (const char *name,
                      LimberDof  *out)
{
  return find_name (dof_names, LIMBER_N_DOFS, name, (guint *) out);
}

void
limber_dof_get_range (LimberDof  dof,
                      double    *min,
                      double    *max)
{
  g_return_if_fail (dof < LIMBER_N_DOFS);

  if (dof >= LIMBER_DOF_HIP_FLEXION_RIGHT)
    dof -= LIMBER_N_SIDED_DOFS;
  *min = dof_ranges[dof][0];
  *max = dof_ranges[dof][1];
}

const char *
limber_point_get_name (LimberPoint point)
{
  g_return_val_if_fail (point < LIMBER_N_POINTS, NULL);
  return point_names[point];
}

gboolean
limber_point_from_name (const char  *name,
                        LimberPoint *out)
{
  return find_name (point_names, LIMBER_N_POINTS, name, (guint *) out);
}

const LimberSegmentInfo *
limber_segment_get_info (LimberSegment segment)
{
  g_return_val_if_fail (segment < LIMBER_N_SEGMENTS, NULL);
  return &segments[segment];
}

gboolean
limber_segment_from_name (const char    *name,
                          LimberSegment *out)
{
  for (guint i = 0; i < LIMBER_N_SEGMENTS; i++)
    if (g_strcmp0 (name, segments[i].name) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static Mat3
mat3_mul (const Mat3 *a,
          const Mat3 *b)
{
  Mat3 r;

  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      r.m[i][j] = a->m[i][0] * b->m[0][j] + a->m[i][1] * b->m[1][j] + a->m[i][2] * b->m[2][j];
  return r;
}

static LimberVec3
mat3_apply (const Mat3 *a,
            double      x,
            double      y,
            double      z)
{
  return (LimberVec3) {
    a->m[0][0] * x + a->m[0][1] * y + a->m[0][2] * z,
    a->m[1][0] * x + a->m[1][1] * y + a->m[1][2] * z,
    a->m[2][0] * x + a->m[2][1] * y + a->m[2][2] * z,
  };
}

/* Rotation by degrees about the x (0), y (1) or z (2) axis. */
static Mat3
rotation (guint  axis,
          double degrees)
{
  double c = cos (degrees * G_PI / 180.0);
  double s = sin (degrees * G_PI / 180.0);
  guint a = (axis + 1) % 3;
  guint b = (axis + 2) % 3;
  Mat3 r = { { { 0 } } };

  r.m[axis][axis] = 1;
  r.m[a][a] = c;
  r.m[a][b] = -s;
  r.m[b][a] = s;
  r.m[b][b] = c;
  return r;
}

static Mat3
rotate (const Mat3 *frame,
        guint       axis,
        double      degrees)
{
  Mat3 r = rotation (axis, degrees);

  return mat3_mul (frame, &r);
}

static LimberVec3
offset (LimberVec3  origin,
        const Mat3 *frame,
        double      x,
        double      y,
        double      z)
{
  LimberVec3 d = mat3_apply (frame, x, y, z);

  return (LimberVec3) { origin.x + d.x, origin.y + d.y, origin.z + d.z };
}

/* The body's orientation in each starting position: anterior is +x, up +y, right +z in
 * standing, so the side camera sees the right side. */
static Mat3
position_frame (LimberPosition position)
{
  switch (position)
    {
    case LIMBER_POSITION_SUPINE:
      /* Head to the left, face up. */
      return rotation (2, 90);
    case LIMBER_POSITION_PRONE:
      {
        /* Head to the right, face down. */
        Mat3 r = { { { 0, 1, 0 }, { -1, 0, 0 }, { 0, 0, 1 } } };
        return r;
      }
    case LIMBER_POSITION_SIDE_LYING:
      {
        /* On the left side, facing the camera, head to the right. */
        Mat3 r = { { { 0, 1, 0 }, { 0, 0, 1 }, { 1, 0, 0 } } };
        return r;
      }
    case LIMBER_POSITION_HALF_KNEELING:
    case LIMBER_POSITION_STANDING:
    case LIMBER_POSITION_STANDING_ON_STEP:
    default:
      return rotation (1, 0);
    }
}

static void
pose_leg (const LimberPose *pose,
          const Mat3       *pelvis,
          guint             side,
          LimberBody       *body)
{
  double s = side == 0 ? -1.0 : 1.0;
  const double *dof = &pose->dof[LIMBER_DOF_HIP_FLEXION_LEFT + side * LIMBER_N_SIDED_DOFS];
  LimberVec3 *p = &body->point[LIMBER_POINT_HIP_LEFT + side * LIMBER_N_SIDED_POINTS];
  LimberVec3 origin = body->point[LIMBER_POINT_PELVIS];
  Mat3 thigh, shank, foot;

  /* dof: hip flexion, abduction, rotation, knee, ankle; p: hip, knee, ankle, heel, toe. */
  p[0] = offset (origin, pelvis, 0, 0, s * HALF_HIPS);
  thigh = rotate (pelvis, 2, dof[0]);
  thigh = rotate (&thigh, 0, -s * dof[1]);
  thigh = rotate (&thigh, 1, s * dof[2]);
  p[1] = offset (p[0], &thigh, 0, -THIGH, 0);
  shank = rotate (&thigh, 2, -dof[3]);
  p[2] = offset (p[1], &shank, 0, -SHANK, 0);
  foot = rotate (&shank, 2, dof[4]);
  p[3] = offset (p[2], &foot, -HEEL_BACK, -(ANKLE_HEIGHT - FOOT_RADIUS), 0);
  p[4] = offset (p[2], &foot, FOOT - HEEL_BACK, -(ANKLE_HEIGHT - FOOT_RADIUS), 0);
}

static void
pose_arm (const LimberPose *pose,
          const Mat3       *thorax,
          guint             side,
          LimberBody       *body)
{
  double s = side == 0 ? -1.0 : 1.0;
  const double *dof = &pose->dof[LIMBER_DOF_HIP_FLEXION_LEFT + side * LIMBER_N_SIDED_DOFS];
  LimberVec3 *p = &body->point[LIMBER_POINT_HIP_LEFT + side * LIMBER_N_SIDED_POINTS];
  Mat3 upper, fore;

  /* dof[5..7]: shoulder flexion, abduction, elbow; p[5..8]: shoulder, elbow, wrist, hand. */
  p[5] = offset (body->point[LIMBER_POINT_NECK], thorax, 0, -SHOULDER_DROP, s * HALF_SHOULDERS);
  upper = rotate (thorax, 2, dof[5]);
  upper = rotate (&upper, 0, -s * dof[6]);
  p[6] = offset (p[5], &upper, 0, -UPPER_ARM, 0);
  fore = rotate (&upper, 2, dof[7]);
  p[7] = offset (p[6], &fore, 0, -FOREARM, 0);
  p[8] = offset (p[7], &fore, 0, -HAND_REACH, 0);
}

/* Poses the figure with its pelvis at the origin; the caller places it in the scene. */
void
limber_skeleton_pose (const LimberPose *pose,
                      LimberPosition    position,
                      LimberBody       *body)
{
  const double *dof = pose->dof;
  Mat3 pelvis, lumbar, thorax, neck;

  g_return_if_fail (pose != NULL);
  g_return_if_fail (body != NULL);

  pelvis = position_frame (position);
  pelvis = rotate (&pelvis, 1, dof[LIMBER_DOF_PELVIS_ROTATION]);
  pelvis = rotate (&pelvis, 0, -dof[LIMBER_DOF_PELVIS_OBLIQUITY]);
  pelvis = rotate (&pelvis, 2, dof[LIMBER_DOF_PELVIS_TILT]);
  body->point[LIMBER_POINT_PELVIS] = (LimberVec3) { 0, 0, 0 };

  /* The spine bends half in the lumbar and half in the thoracic segment. */
  lumbar = rotate (&pelvis, 1, dof[LIMBER_DOF_TRUNK_ROTATION] / 2);
  lumbar = rotate (&lumbar, 0, dof[LIMBER_DOF_TRUNK_LATERAL_FLEXION] / 2);
  lumbar = rotate (&lumbar, 2, -dof[LIMBER_DOF_TRUNK_FLEXION] / 2);
  body->point[LIMBER_POINT_LUMBAR] = offset (body->point[LIMBER_POINT_PELVIS], &lumbar,
                                             0, LUMBAR, 0);
  thorax = rotate (&lumbar, 1, dof[LIMBER_DOF_TRUNK_ROTATION] / 2);
  thorax = rotate (&thorax, 0, dof[LIMBER_DOF_TRUNK_LATERAL_FLEXION] / 2);
  thorax = rotate (&thorax, 2, -dof[LIMBER_DOF_TRUNK_FLEXION] / 2);
  body->point[LIMBER_POINT_NECK] = offset (body->point[LIMBER_POINT_LUMBAR], &thorax,
                                           0, THORAX, 0);
  neck = rotate (&thorax, 2, -dof[LIMBER_DOF_NECK_FLEXION]);
  body->point[LIMBER_POINT_HEAD] = offset (body->point[LIMBER_POINT_NECK], &neck,
                                           0, NECK_TO_HEAD, 0);

  for (guint side = 0; side < 2; side++)
    {
      pose_leg (pose, &pelvis, side, body);
      pose_arm (pose, &thorax, side, body);
    }
}

void
limber_body_translate (LimberBody *body,
                       LimberVec3  by)
{
  g_return_if_fail (body != NULL);

  for (guint i = 0; i < LIMBER_N_POINTS; i++)
    {
      body->point[i].x += by.x;
      body->point[i].y += by.y;
      body->point[i].z += by.z;
    }
}

/* The height of a segment's lowest surface, counting its thickness. */
double
limber_body_get_segment_lowest (const LimberBody *body,
                                LimberSegment     segment)
{
  const LimberSegmentInfo *info;

  g_return_val_if_fail (body != NULL, 0);
  g_return_val_if_fail (segment < LIMBER_N_SEGMENTS, 0);

  info = &segments[segment];
  return MIN (body->point[info->from].y, body->point[info->to].y) - info->radius;
}

/* The height of the body's lowest surface, as drawn. */
double
limber_body_get_lowest (const LimberBody *body)
{
  double lowest = G_MAXDOUBLE;

  g_return_val_if_fail (body != NULL, 0);

  for (guint i = 0; i < LIMBER_N_SEGMENTS; i++)
    lowest = MIN (lowest, limber_body_get_segment_lowest (body, i));
  return lowest;
}

double
limber_vec3_distance (LimberVec3 a,
                      LimberVec3 b)
{
  return sqrt ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}

/* The angle at vertex between the rays to a and to b, in degrees. */
double
limber_vec3_angle (LimberVec3 a,
                   LimberVec3 vertex,
                   LimberVec3 b)
{
  double ax = a.x - vertex.x, ay = a.y - vertex.y, az = a.z - vertex.z;
  double bx = b.x - vertex.x, by = b.y - vertex.y, bz = b.z - vertex.z;
  double dot = ax * bx + ay * by + az * bz;
  double norm = sqrt ((ax * ax + ay * ay + az * az) * (bx * bx + by * by + bz * bz));

  if (norm == 0)
    return 0;
  return acos (CLAMP (dot / norm, -1.0, 1.0)) * 180.0 / G_PI;
}
