/* limber-skeleton.h: the demonstration figure's 3-D skeleton, posed by clinical joint angles. */
#pragma once

#include <glib.h>

#include "limber-types.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, z;
} LimberVec3;

/* Degrees of freedom, in degrees. Positive is flexion, abduction, internal rotation,
 * dorsiflexion, posterior pelvic tilt, a raised right side of the pelvis, lateral flexion
 * towards the right, and rotation that turns the front of the body towards its left. */
typedef enum
{
  LIMBER_DOF_PELVIS_TILT,
  LIMBER_DOF_PELVIS_OBLIQUITY,
  LIMBER_DOF_PELVIS_ROTATION,
  LIMBER_DOF_TRUNK_FLEXION,
  LIMBER_DOF_TRUNK_LATERAL_FLEXION,
  LIMBER_DOF_TRUNK_ROTATION,
  LIMBER_DOF_NECK_FLEXION,
  LIMBER_DOF_HIP_FLEXION_LEFT,
  LIMBER_DOF_HIP_ABDUCTION_LEFT,
  LIMBER_DOF_HIP_ROTATION_LEFT,
  LIMBER_DOF_KNEE_FLEXION_LEFT,
  LIMBER_DOF_ANKLE_DORSIFLEXION_LEFT,
  LIMBER_DOF_SHOULDER_FLEXION_LEFT,
  LIMBER_DOF_SHOULDER_ABDUCTION_LEFT,
  LIMBER_DOF_ELBOW_FLEXION_LEFT,
  LIMBER_DOF_HIP_FLEXION_RIGHT,
  LIMBER_DOF_HIP_ABDUCTION_RIGHT,
  LIMBER_DOF_HIP_ROTATION_RIGHT,
  LIMBER_DOF_KNEE_FLEXION_RIGHT,
  LIMBER_DOF_ANKLE_DORSIFLEXION_RIGHT,
  LIMBER_DOF_SHOULDER_FLEXION_RIGHT,
  LIMBER_DOF_SHOULDER_ABDUCTION_RIGHT,
  LIMBER_DOF_ELBOW_FLEXION_RIGHT,
  LIMBER_N_DOFS
} LimberDof;

/* The sided degrees of freedom, added to LIMBER_DOF_HIP_FLEXION_LEFT or _RIGHT. */
#define LIMBER_N_SIDED_DOFS (LIMBER_DOF_HIP_FLEXION_RIGHT - LIMBER_DOF_HIP_FLEXION_LEFT)

typedef struct
{
  double dof[LIMBER_N_DOFS];
} LimberPose;

/* Points of the body, on the centre lines of its segments: heel and toe lie a foot's
 * thickness above the sole. */
typedef enum
{
  LIMBER_POINT_PELVIS,
  LIMBER_POINT_LUMBAR,
  LIMBER_POINT_NECK,
  LIMBER_POINT_HEAD,
  LIMBER_POINT_HIP_LEFT,
  LIMBER_POINT_KNEE_LEFT,
  LIMBER_POINT_ANKLE_LEFT,
  LIMBER_POINT_HEEL_LEFT,
  LIMBER_POINT_TOE_LEFT,
  LIMBER_POINT_SHOULDER_LEFT,
  LIMBER_POINT_ELBOW_LEFT,
  LIMBER_POINT_WRIST_LEFT,
  LIMBER_POINT_HAND_LEFT,
  LIMBER_POINT_HIP_RIGHT,
  LIMBER_POINT_KNEE_RIGHT,
  LIMBER_POINT_ANKLE_RIGHT,
  LIMBER_POINT_HEEL_RIGHT,
  LIMBER_POINT_TOE_RIGHT,
  LIMBER_POINT_SHOULDER_RIGHT,
  LIMBER_POINT_ELBOW_RIGHT,
  LIMBER_POINT_WRIST_RIGHT,
  LIMBER_POINT_HAND_RIGHT,
  LIMBER_N_POINTS
} LimberPoint;

#define LIMBER_N_SIDED_POINTS (LIMBER_POINT_HIP_RIGHT - LIMBER_POINT_HIP_LEFT)

typedef enum
{
  LIMBER_SEGMENT_LUMBAR,
  LIMBER_SEGMENT_THORAX,
  LIMBER_SEGMENT_NECK,
  LIMBER_SEGMENT_HEAD,
  LIMBER_SEGMENT_PELVIS,
  LIMBER_SEGMENT_SHOULDERS,
  LIMBER_SEGMENT_THIGH_LEFT,
  LIMBER_SEGMENT_SHANK_LEFT,
  LIMBER_SEGMENT_FOOT_LEFT,
  LIMBER_SEGMENT_UPPER_ARM_LEFT,
  LIMBER_SEGMENT_FOREARM_LEFT,
  LIMBER_SEGMENT_HAND_LEFT,
  LIMBER_SEGMENT_THIGH_RIGHT,
  LIMBER_SEGMENT_SHANK_RIGHT,
  LIMBER_SEGMENT_FOOT_RIGHT,
  LIMBER_SEGMENT_UPPER_ARM_RIGHT,
  LIMBER_SEGMENT_FOREARM_RIGHT,
  LIMBER_SEGMENT_HAND_RIGHT,
  LIMBER_N_SEGMENTS
} LimberSegment;

typedef enum
{
  LIMBER_BODY_SIDE_MIDDLE,
  LIMBER_BODY_SIDE_LEFT,
  LIMBER_BODY_SIDE_RIGHT,
} LimberBodySide;

typedef struct
{
  const char     *name;
  LimberPoint     from;
  LimberPoint     to;
  double          radius;      /* cm, half the drawn thickness */
  LimberBodySide  side;
} LimberSegmentInfo;

/* World frame: y is up and the floor is y = 0; x runs across the side view, z towards its
 * camera. Positions are in centimetres. */
typedef struct
{
  LimberVec3 point[LIMBER_N_POINTS];
} LimberBody;

const char              *limber_dof_get_name          (LimberDof          dof);
gboolean                 limber_dof_from_name         (const char        *name,
                                                       LimberDof         *out);
void                     limber_dof_get_range         (LimberDof          dof,
                                                       double            *min,
                                                       double            *max);
const char              *limber_point_get_name        (LimberPoint        point);
gboolean                 limber_point_from_name       (const char        *name,
                                                       LimberPoint       *out);
const LimberSegmentInfo *limber_segment_get_info      (LimberSegment      segment);
gboolean                 limber_segment_from_name     (const char        *name,
                                                       LimberSegment     *out);

void                     limber_skeleton_pose         (const LimberPose  *pose,
                                                       LimberPosition     position,
                                                       LimberBody        *body);
void                     limber_body_translate        (LimberBody        *body,
                                                       LimberVec3         offset);
double                   limber_body_get_lowest       (const LimberBody  *body);
double                   limber_body_get_segment_lowest (const LimberBody *body,
                                                       LimberSegment      segment);

double                   limber_vec3_distance         (LimberVec3         a,
                                                       LimberVec3         b);
double                   limber_vec3_angle            (LimberVec3         a,
                                                       LimberVec3         vertex,
                                                       LimberVec3         b);

G_END_DECLS
