/* limber-motion.c: reads a motion document and samples it at any time. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>

#include "limber-enum-types.h"
#include "limber-figure-enum-types.h"
#include "limber-json.h"
#include "limber-motion.h"

#define MOTION_SCHEMA_VERSION 1
#define MAX_KEYFRAMES 24
#define MAX_SEGMENT_SECONDS 30.0
/* Keyframes must return to the start pose within this many degrees, so the motion loops. */
#define LOOP_TOLERANCE 0.5

typedef struct
{
  LimberPhase phase;
  LimberEase  ease;
  double      duration;
  LimberPose  pose;
  LimberPoint anchor;
  LimberVec3  anchor_at;     /* where the anchor stays, worked out at load */
} Keyframe;

struct _LimberMotion
{
  GObject         parent_instance;

  char           *id;
  LimberPosition  position;
  LimberCamera    camera;
  LimberProp      props[LIMBER_MOTION_MAX_PROPS];
  guint           n_props;
  gboolean        highlight[LIMBER_N_SEGMENTS];
  LimberPoint     arrow;
  double          support_height;
  guint           still_keyframe;
  Keyframe       *keyframes;
  guint           n_keyframes;
};

G_DEFINE_FINAL_TYPE (LimberMotion, limber_motion, G_TYPE_OBJECT)

static void
limber_motion_finalize (GObject *object)
{
  LimberMotion *self = LIMBER_MOTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->keyframes, g_free);

  G_OBJECT_CLASS (limber_motion_parent_class)->finalize (object);
}

static void
limber_motion_class_init (LimberMotionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_motion_finalize;
}

static void
limber_motion_init (LimberMotion *self)
{
}

static gboolean
read_point (JsonNode              *node,
            const LimberJsonPlace *place,
            const char            *member,
            LimberPoint           *out,
            GError               **error)
{
  g_autofree char *field = limber_json_place_format (place, member);
  const char *name = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    name = json_node_get_string (node);

  if (name == NULL || !limber_point_from_name (name, out))
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: %s: expected a point of the body such as \"heel_left\", got %s",
                   place->file, field, name != NULL ? name : "something else");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_member_point (JsonObject            *object,
                   const LimberJsonPlace *place,
                   const char            *member,
                   LimberPoint           *out,
                   GError               **error)
{
  if (!limber_json_get_string (object, place, member, error))
    return FALSE;
  return read_point (json_object_get_member (object, member), place, member, out, error);
}

static gboolean
read_pose (JsonObject            *object,
           const LimberJsonPlace *place,
           LimberPose            *pose,
           GError               **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *left = g_strconcat (name, "_left", NULL);
      g_autofree char *right = g_strconcat (name, "_right", NULL);
      LimberDof dofs[2];
      guint n_dofs = 0;
      double min, max, value;

      /* A sided angle without its side sets both sides. */
      if (limber_dof_from_name (name, &dofs[0]))
        n_dofs = 1;
      else if (limber_dof_from_name (left, &dofs[0]) && limber_dof_from_name (right, &dofs[1]))
        n_dofs = 2;
      else
        {
          g_autofree char *field = limber_json_place_format (place, name);
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_UNKNOWN_FIELD,
                       "%s: %s: not a joint angle of the figure", place->file, field);
          return FALSE;
        }

      limber_dof_get_range (dofs[0], &min, &max);
      if (!limber_json_get_double (object, place, name, min, max, &value, error))
        return FALSE;
      for (guint i = 0; i < n_dofs; i++)
        pose->dof[dofs[i]] = value;
    }
  return TRUE;
}

static gboolean
read_keyframe (LimberMotion          *self,
               JsonObject            *object,
               const LimberJsonPlace *place,
               guint                  index,
               LimberPoint            default_anchor,
               GError               **error)
{
  static const char * const known[] = { "phase", "duration", "ease", "pose", "anchor", NULL };
  Keyframe *kf = &self->keyframes[index];
  JsonNode *pose = json_object_get_member (object, "pose");
  int phase, ease = LIMBER_EASE_IN_OUT;

  if (!limber_json_check_members (object, place, known, error) ||
      !limber_json_get_enum (object, place, "phase", LIMBER_TYPE_PHASE, &phase, error) ||
      !limber_json_get_double (object, place, "duration", 0.1, MAX_SEGMENT_SECONDS,
                               &kf->duration, error))
    return FALSE;
  if (json_object_has_member (object, "ease") &&
      !limber_json_get_enum (object, place, "ease", LIMBER_TYPE_EASE, &ease, error))
    return FALSE;
  kf->phase = phase;
  kf->ease = ease;
  kf->anchor = default_anchor;
  if (json_object_has_member (object, "anchor") &&
      !read_member_point (object, place, "anchor", &kf->anchor, error))
    return FALSE;

  if ((index == 0) != (kf->phase == LIMBER_PHASE_START))
    {
      g_autofree char *field = limber_json_place_format (place, "phase");
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: %s: only the first keyframe is, and must be, \"start\"",
                   place->file, field);
      return FALSE;
    }

  /* Each keyframe starts from the one before; a hold keeps it. */
  kf->pose = index > 0 ? self->keyframes[index - 1].pose : (LimberPose) { { 0 } };
  if (pose == NULL)
    {
      if (kf->phase == LIMBER_PHASE_HOLD)
        return TRUE;
      return limber_json_get_object (object, place, "pose", FALSE, error) != NULL;
    }
  if (kf->phase == LIMBER_PHASE_HOLD)
    {
      g_autofree char *field = limber_json_place_format (place, "pose");
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: %s: a hold keeps the pose before it", place->file, field);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (pose) && g_strcmp0 (json_node_get_string (pose), "start") == 0)
    {
      kf->pose = self->keyframes[0].pose;
      return TRUE;
    }
  else
    {
      g_autofree char *path = limber_json_place_format (place, "pose");
      LimberJsonPlace pose_place = { place->file, path };
      JsonObject *pose_object = limber_json_get_object (object, place, "pose", FALSE, error);

      return pose_object != NULL && read_pose (pose_object, &pose_place, &kf->pose, error);
    }
}

static gboolean
read_props (LimberMotion          *self,
            JsonObject            *object,
            const LimberJsonPlace *place,
            GError               **error)
{
  static const char * const known[] = { "type", "points", NULL };
  /* How many points of the body each kind of prop attaches to. */
  static const guint n_points[] = { 0, 1, 2, 2, 1, 1, 1, 1 };
  JsonArray *array;

  if (!json_object_has_member (object, "props"))
    return TRUE;
  if (!(array = limber_json_get_array (object, place, "props", 0, error)))
    return FALSE;
  if (json_array_get_length (array) > LIMBER_MOTION_MAX_PROPS)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: props: expected at most %d props, got %u", place->file,
                   LIMBER_MOTION_MAX_PROPS, json_array_get_length (array));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("props[%u]", i);
      LimberJsonPlace prop_place = { place->file, path };
      JsonNode *node = json_array_get_element (array, i);
      LimberProp *prop = &self->props[self->n_props++];
      JsonObject *prop_object;
      JsonArray *points = NULL;
      int kind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", place->file, path);
          return FALSE;
        }
      prop_object = json_node_get_object (node);
      if (!limber_json_check_members (prop_object, &prop_place, known, error) ||
          !limber_json_get_enum (prop_object, &prop_place, "type", LIMBER_TYPE_PROP_KIND, &kind,
                                 error))
        return FALSE;
      prop->kind = kind;
      prop->n_points = n_points[kind];
      if (prop->n_points > 0 &&
          !(points = limber_json_get_array (prop_object, &prop_place, "points", 1, error)))
        return FALSE;
      if ((points != NULL ? json_array_get_length (points) : 0) != prop->n_points ||
          (points != NULL) != json_object_has_member (prop_object, "points"))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: %s.points: expected %u points of the body", place->file, path,
                       prop->n_points);
          return FALSE;
        }
      for (guint j = 0; j < prop->n_points; j++)
        if (!read_point (json_array_get_element (points, j), &prop_place, "points",
                         &prop->point[j], error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
read_highlight (LimberMotion          *self,
                JsonObject            *object,
                const LimberJsonPlace *place,
                GError               **error)
{
  g_auto(GStrv) names = limber_json_get_strv (object, place, "highlight", 1, error);

  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      LimberSegment segment;

      if (!limber_segment_from_name (names[i], &segment))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: highlight[%u]: expected a segment such as \"thigh_right\", got \"%s\"",
                       place->file, i, names[i]);
          return FALSE;
        }
      self->highlight[segment] = TRUE;
    }
  return TRUE;
}

static void
place_body (const LimberPose *pose,
            LimberPosition    position,
            LimberPoint       anchor,
            LimberVec3        anchor_at,
            LimberBody       *body)
{
  LimberVec3 a;

  limber_skeleton_pose (pose, position, body);
  a = body->point[anchor];
  limber_body_translate (body, (LimberVec3) { anchor_at.x - a.x, anchor_at.y - a.y,
                                              anchor_at.z - a.z });
}

/* The first keyframe rests on the support; each later one keeps its anchor point where the
 * keyframe before had it, so a planted foot never slides. */
static gboolean
place_keyframes (LimberMotion *self,
                 const char   *file,
                 GError      **error)
{
  LimberBody body;

  limber_skeleton_pose (&self->keyframes[0].pose, self->position, &body);
  limber_body_translate (&body, (LimberVec3) {
    -body.point[self->keyframes[0].anchor].x,
    self->support_height - limber_body_get_lowest (&body),
    -body.point[self->keyframes[0].anchor].z });
  self->keyframes[0].anchor_at = body.point[self->keyframes[0].anchor];

  for (guint i = 1; i < self->n_keyframes; i++)
    {
      Keyframe *kf = &self->keyframes[i];

      kf->anchor_at = body.point[kf->anchor];
      place_body (&kf->pose, self->position, kf->anchor, kf->anchor_at, &body);
    }

  for (guint d = 0; d < LIMBER_N_DOFS; d++)
    if (fabs (self->keyframes[0].pose.dof[d] -
              self->keyframes[self->n_keyframes - 1].pose.dof[d]) > LOOP_TOLERANCE)
      {
        g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                     "%s: keyframes: the last pose must be the start pose so that the motion "
                     "loops, but %s differs", file, limber_dof_get_name (d));
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_motion (LimberMotion *self,
             JsonObject   *root,
             const char   *file,
             GError      **error)
{
  static const char * const known[] = {
    "schema_version", "id", "position", "camera", "support_height", "anchor", "props",
    "highlight", "arrow", "still", "keyframes", NULL
  };
  g_autofree char *basename = g_path_get_basename (file);
  LimberJsonPlace place = { basename, NULL };
  LimberPoint anchor = LIMBER_POINT_PELVIS;
  JsonArray *keyframes;
  const char *id;
  int position, camera;
  guint still = 0;

  if (!limber_json_check_members (root, &place, known, error) ||
      !limber_json_check_version (root, &place, MOTION_SCHEMA_VERSION, error) ||
      !(id = limber_json_get_string (root, &place, "id", error)) ||
      !limber_json_get_enum (root, &place, "position", LIMBER_TYPE_POSITION, &position, error) ||
      !limber_json_get_enum (root, &place, "camera", LIMBER_TYPE_CAMERA, &camera, error) ||
      !read_highlight (self, root, &place, error) ||
      !read_member_point (root, &place, "arrow", &self->arrow, error) ||
      !read_props (self, root, &place, error))
    return FALSE;

  self->id = g_strdup (id);
  self->position = position;
  self->camera = camera;
  if (json_object_has_member (root, "support_height") &&
      !limber_json_get_double (root, &place, "support_height", 0, 60, &self->support_height,
                               error))
    return FALSE;
  if (json_object_has_member (root, "anchor") &&
      !read_member_point (root, &place, "anchor", &anchor, error))
    return FALSE;

  if (!(keyframes = limber_json_get_array (root, &place, "keyframes", 3, error)))
    return FALSE;
  if (json_array_get_length (keyframes) > MAX_KEYFRAMES)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: keyframes: expected 3–%d keyframes, got %u", basename, MAX_KEYFRAMES,
                   json_array_get_length (keyframes));
      return FALSE;
    }
  self->n_keyframes = json_array_get_length (keyframes);
  self->keyframes = g_new0 (Keyframe, self->n_keyframes);
  for (guint i = 0; i < self->n_keyframes; i++)
    {
      g_autofree char *path = g_strdup_printf ("keyframes[%u]", i);
      LimberJsonPlace kf_place = { basename, path };
      JsonNode *node = json_array_get_element (keyframes, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", basename, path);
          return FALSE;
        }
      if (!read_keyframe (self, json_node_get_object (node), &kf_place, i, anchor, error))
        return FALSE;
    }

  /* The still shows the pose reached before the first hold, or after the first move. */
  for (guint i = 1; i < self->n_keyframes && still == 0; i++)
    if (self->keyframes[i].phase == LIMBER_PHASE_HOLD)
      still = i - 1;
  for (guint i = 1; i < self->n_keyframes && still == 0; i++)
    if (self->keyframes[i].phase == LIMBER_PHASE_MOVE)
      still = i;
  if (json_object_has_member (root, "still") &&
      !limber_json_get_uint (root, &place, "still", 1, self->n_keyframes - 1, &still, error))
    return FALSE;
  if (still == 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: keyframes: expected at least one \"move\"", basename);
      return FALSE;
    }
  self->still_keyframe = still;

  return place_keyframes (self, basename, error);
}

LimberMotion *
limber_motion_new_from_bytes (GBytes      *bytes,
                              const char  *file,
                              GError     **error)
{
  g_autoptr(LimberMotion) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = limber_json_parse_object (bytes, file, &parser, error)))
    return NULL;

  self = g_object_new (LIMBER_TYPE_MOTION, NULL);
  if (!read_motion (self, root, file, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* A motion built into Limber, by the exercise's id. */
LimberMotion *
limber_motion_new_for_id (const char  *id,
                          GError     **error)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberMotion) self = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  file = g_strconcat (id, ".json", NULL);
  path = g_build_path ("/", LIMBER_MOTION_RESOURCE_PATH, file, NULL);
  if (strchr (id, '/') != NULL ||
      !(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)))
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE,
                   "No demonstration named “%s”", id);
      return NULL;
    }
  if (!(self = limber_motion_new_from_bytes (bytes, file, error)))
    return NULL;
  if (g_strcmp0 (self->id, id) != 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: id: expected \"%s\", got \"%s\"", file, id, self->id);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
limber_motion_get_id (LimberMotion *self)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), NULL);
  return self->id;
}

LimberPosition
limber_motion_get_position (LimberMotion *self)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return self->position;
}

LimberCamera
limber_motion_get_camera (LimberMotion *self)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return self->camera;
}

const LimberProp *
limber_motion_get_props (LimberMotion *self,
                         guint        *n_props)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), NULL);
  *n_props = self->n_props;
  return self->props;
}

gboolean
limber_motion_highlights (LimberMotion  *self,
                          LimberSegment  segment)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), FALSE);
  g_return_val_if_fail (segment < LIMBER_N_SEGMENTS, FALSE);
  return self->highlight[segment];
}

LimberPoint
limber_motion_get_arrow_point (LimberMotion *self)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return self->arrow;
}

double
limber_motion_get_support_height (LimberMotion *self)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return self->support_height;
}

double
limber_motion_get_default_hold (LimberMotion *self)
{
  double hold = 0;

  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);

  for (guint i = 0; i < self->n_keyframes; i++)
    if (self->keyframes[i].phase == LIMBER_PHASE_HOLD)
      hold += self->keyframes[i].duration;
  return hold;
}

static double
keyframe_duration (LimberMotion             *self,
                   const LimberMotionTiming *timing,
                   guint                     i)
{
  const Keyframe *kf = &self->keyframes[i];

  if (kf->phase == LIMBER_PHASE_HOLD)
    {
      if (timing->hold_seconds < 0)
        return kf->duration;
      /* Every hold of the motion stretches alike to make up the prescribed hold. */
      return timing->hold_seconds * kf->duration / limber_motion_get_default_hold (self);
    }
  return kf->duration / CLAMP (timing->speed, 0.05, 20.0);
}

double
limber_motion_get_keyframe_time (LimberMotion             *self,
                                 const LimberMotionTiming *timing,
                                 guint                     keyframe)
{
  double t = 0;

  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  g_return_val_if_fail (timing != NULL, 0);
  g_return_val_if_fail (keyframe < self->n_keyframes, 0);

  for (guint i = 1; i <= keyframe; i++)
    t += keyframe_duration (self, timing, i);
  return keyframe == 0 ? 0 : t + keyframe_duration (self, timing, 0);
}

double
limber_motion_get_duration (LimberMotion             *self,
                            const LimberMotionTiming *timing)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return limber_motion_get_keyframe_time (self, timing, self->n_keyframes - 1);
}

double
limber_motion_get_phase_start (LimberMotion             *self,
                               const LimberMotionTiming *timing,
                               LimberPhase               phase)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), -1);

  if (phase == LIMBER_PHASE_START)
    return 0;
  for (guint i = 1; i < self->n_keyframes; i++)
    if (self->keyframes[i].phase == phase)
      return limber_motion_get_keyframe_time (self, timing, i - 1) +
             (i == 1 ? keyframe_duration (self, timing, 0) : 0);
  return -1;
}

/* The time of the pose the still picture shows beside the start pose. */
double
limber_motion_get_end_time (LimberMotion             *self,
                            const LimberMotionTiming *timing)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return limber_motion_get_keyframe_time (self, timing, self->still_keyframe);
}

guint
limber_motion_get_n_keyframes (LimberMotion *self)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  return self->n_keyframes;
}

LimberPhase
limber_motion_get_keyframe_phase (LimberMotion *self,
                                  guint         keyframe)
{
  g_return_val_if_fail (LIMBER_IS_MOTION (self), 0);
  g_return_val_if_fail (keyframe < self->n_keyframes, 0);
  return self->keyframes[keyframe].phase;
}

static double
ease (LimberEase kind,
      double     u)
{
  switch (kind)
    {
    case LIMBER_EASE_LINEAR:
      return u;
    case LIMBER_EASE_IN:
      return u * u;
    case LIMBER_EASE_OUT:
      return 1 - (1 - u) * (1 - u);
    case LIMBER_EASE_IN_OUT:
    default:
      return u * u * (3 - 2 * u);
    }
}

void
limber_motion_sample (LimberMotion             *self,
                      const LimberMotionTiming *timing,
                      double                    t,
                      LimberFrame              *frame)
{
  double start, duration, lowest, u;
  const Keyframe *from, *to;
  guint i;

  g_return_if_fail (LIMBER_IS_MOTION (self));
  g_return_if_fail (timing != NULL);
  g_return_if_fail (frame != NULL);

  /* Find the keyframe being moved towards; the first one is a still start. */
  start = 0;
  duration = keyframe_duration (self, timing, 0);
  for (i = 0; i + 1 < self->n_keyframes && t >= start + duration; i++)
    {
      start += duration;
      duration = keyframe_duration (self, timing, i + 1);
    }
  to = &self->keyframes[i];
  from = &self->keyframes[i > 0 ? i - 1 : 0];
  u = duration > 0 ? CLAMP ((t - start) / duration, 0.0, 1.0) : 1.0;
  if (i == 0)
    u = 1;

  for (guint d = 0; d < LIMBER_N_DOFS; d++)
    frame->pose.dof[d] = from->pose.dof[d] + (to->pose.dof[d] - from->pose.dof[d]) *
                         ease (to->ease, u);
  place_body (&frame->pose, self->position, to->anchor, to->anchor_at, &frame->body);

  /* Between keyframes a closed chain (both feet and the shoulders down) may dip a little;
   * the figure is raised rather than drawn through the floor. */
  lowest = limber_body_get_lowest (&frame->body);
  frame->lift = lowest < 0 ? -lowest : 0;
  if (frame->lift > 0)
    limber_body_translate (&frame->body, (LimberVec3) { 0, frame->lift, 0 });

  frame->phase = to->phase;
  frame->phase_elapsed = CLAMP (t - start, 0, duration);
  frame->phase_duration = duration;
  /* A hold made of several keyframes counts as one phase. */
  for (guint j = i; j > 0 && self->keyframes[j - 1].phase == to->phase && j - 1 > 0; j--)
    {
      double d = keyframe_duration (self, timing, j - 1);
      frame->phase_elapsed += d;
      frame->phase_duration += d;
    }
  for (guint j = i + 1; j < self->n_keyframes && self->keyframes[j].phase == to->phase; j++)
    frame->phase_duration += keyframe_duration (self, timing, j);
}
