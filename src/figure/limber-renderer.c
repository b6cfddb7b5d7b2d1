/* limber-renderer.c: one cairo drawing of the figure for the screen, the handout and video. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <cairo-svg.h>

#include "limber-renderer.h"

#define MAX_ITEMS 40
#define BOUNDS_SAMPLES 48
#define BAND_REST_LENGTH 25.0   /* cm between the ankles before the loop pulls */
#define STILL_PANEL_HEIGHT 480

typedef struct
{
  double x, y;
} Point2;

typedef struct
{
  LimberVec3 lo, hi;
} Box;

typedef enum
{
  ITEM_SEGMENT,
  ITEM_POST,
  ITEM_BAND,
  ITEM_STRAP,
  ITEM_ANKLE_WEIGHT,
  ITEM_NOSE,
} ItemKind;

typedef struct
{
  double   depth;
  ItemKind kind;
  guint    index;
} Item;

struct _LimberRenderer
{
  GObject       parent_instance;

  LimberMotion *motion;
  LimberVec3    right, up, toward;  /* the camera's screen axes and its view direction */
  double        min_x, max_x, min_y, max_y;  /* extent of the whole motion on screen, cm */
  Box           floor;
  Box           boxes[LIMBER_MOTION_MAX_PROPS * 2];
  guint         n_boxes;
  int           mat_box;            /* index of the mat among the boxes, or -1 */
  LimberVec3    posts[LIMBER_MOTION_MAX_PROPS][2];
  guint         n_posts;

  /* The background, floor and props that never move, drawn once per size and style. */
  cairo_surface_t         *backdrop;
  int                      backdrop_width, backdrop_height;
  double                   backdrop_scale_x, backdrop_scale_y;
  const LimberFigureStyle *backdrop_style;
};

/* A drawing in progress: the renderer, the style and the mapping from cm to device units. */
typedef struct
{
  LimberRenderer          *self;
  cairo_t                 *cr;
  const LimberFigureStyle *style;
  const LimberFrame       *frame;
  double                   scale, origin_x, origin_y, line;
  gboolean                 vector;   /* a PDF, SVG or print job: paths, not pixels, cost */
} Canvas;

G_DEFINE_FINAL_TYPE (LimberRenderer, limber_renderer, G_TYPE_OBJECT)

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }

/* GNOME's palette: calm neutrals, the accent blue for the working muscles. */
static const LimberFigureStyle light_style = {
  .background = RGB (0xffffff),
  .floor = RGB (0xf6f5f4),
  .floor_line = RGB (0x9a9996),
  .body_fill = RGB (0xdeddda),
  .body_outline = RGB (0x3d3846),
  .far_fill = RGB (0xefeeec),
  .far_outline = RGB (0x8b8a8f),
  .accent_fill = RGB (0x99c1f1),
  .accent_outline = RGB (0x1a5fb4),
  .mat_fill = RGB (0xe8e6e3),
  .mat_outline = RGB (0xb0afac),
  .prop_fill = RGB (0xc0bfbc),
  .prop_outline = RGB (0x77767b),
  .band = RGB (0xe66100),
  .arrow = RGB (0x1c71d8),
};

/* The dark background is Adwaita's card colour on its dark window. */
static const LimberFigureStyle dark_style = {
  .background = RGB (0x363636),
  .floor = RGB (0x404040),
  .floor_line = RGB (0x77767b),
  .body_fill = RGB (0x5e5c64),
  .body_outline = RGB (0xf6f5f4),
  .far_fill = RGB (0x3d3846),
  .far_outline = RGB (0x9a9996),
  .accent_fill = RGB (0x1c71d8),
  .accent_outline = RGB (0x99c1f1),
  .mat_fill = RGB (0x2e2e32),
  .mat_outline = RGB (0x5e5c64),
  .prop_fill = RGB (0x4a4a4f),
  .prop_outline = RGB (0x9a9996),
  .band = RGB (0xffa348),
  .arrow = RGB (0x78aeed),
};

const LimberFigureStyle *
limber_figure_style_get (gboolean dark)
{
  return dark ? &dark_style : &light_style;
}

static double
dot (LimberVec3 a,
     LimberVec3 b)
{
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

static LimberVec3
lerp3 (LimberVec3 a,
       LimberVec3 b,
       double     u)
{
  return (LimberVec3) { a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, a.z + (b.z - a.z) * u };
}

static void
set_camera (LimberRenderer *self,
            LimberCamera    camera)
{
  static const double angles[][2] = {
    [LIMBER_CAMERA_SIDE] = { 0, 0 },
    [LIMBER_CAMERA_FRONT] = { 90, 0 },
    [LIMBER_CAMERA_BACK] = { -90, 0 },
    [LIMBER_CAMERA_ABOVE] = { 0, 90 },
    [LIMBER_CAMERA_THREE_QUARTER] = { 35, 20 },
  };
  double az = angles[camera][0] * G_PI / 180, el = angles[camera][1] * G_PI / 180;
  LimberVec3 d = { sin (az) * cos (el), sin (el), cos (az) * cos (el) };
  LimberVec3 r = { cos (az), 0, -sin (az) };

  self->toward = d;
  self->right = r;
  /* up = d × r */
  self->up = (LimberVec3) { d.y * r.z - d.z * r.y, d.z * r.x - d.x * r.z, d.x * r.y - d.y * r.x };
}

static Point2
project (LimberRenderer *self,
         LimberVec3      p)
{
  return (Point2) { dot (p, self->right), dot (p, self->up) };
}

static void
grow_bounds (LimberRenderer *self,
             LimberVec3      p,
             double          radius)
{
  Point2 s = project (self, p);

  self->min_x = MIN (self->min_x, s.x - radius);
  self->max_x = MAX (self->max_x, s.x + radius);
  self->min_y = MIN (self->min_y, s.y - radius);
  self->max_y = MAX (self->max_y, s.y + radius);
}

static void
add_box (LimberRenderer *self,
         double x0, double y0, double z0,
         double x1, double y1, double z1)
{
  g_assert (self->n_boxes < G_N_ELEMENTS (self->boxes));
  self->boxes[self->n_boxes++] = (Box) { { x0, y0, z0 }, { x1, y1, z1 } };
}

static void
add_post (LimberRenderer *self,
          LimberVec3      from,
          LimberVec3      to)
{
  g_assert (self->n_posts < G_N_ELEMENTS (self->posts));
  self->posts[self->n_posts][0] = from;
  self->posts[self->n_posts][1] = to;
  self->n_posts++;
}

/* Props that stay put are laid out once, around the start pose. */
static void
layout_props (LimberRenderer   *self,
              const LimberBody *start,
              double            body_x0,
              double            body_x1)
{
  guint n_props;
  const LimberProp *props = limber_motion_get_props (self->motion, &n_props);
  double support = limber_motion_get_support_height (self->motion);

  self->floor = (Box) { { body_x0 - 25, 0, -60 }, { body_x1 + 25, 0, 60 } };

  for (guint i = 0; i < n_props; i++)
    {
      LimberVec3 p = props[i].n_points > 0 ? start->point[props[i].point[0]] : (LimberVec3) { 0 };
      /* Which side of the body the prop is on. */
      double s = p.z < start->point[LIMBER_POINT_PELVIS].z ? -1 : 1;

      switch (props[i].kind)
        {
        case LIMBER_PROP_MAT:
          self->mat_box = self->n_boxes;
          add_box (self, body_x0 - 12, -1.5, -40, body_x1 + 12, 0, 40);
          break;
        case LIMBER_PROP_PILLOW:
          add_box (self, p.x - 14, 0, p.z - 11, p.x + 14, 4, p.z + 11);
          break;
        case LIMBER_PROP_STEP:
          /* Under the named heel, its edge just inside that foot so the other leg hangs free. */
          add_box (self, p.x - 22, 0, s > 0 ? p.z - 6 : p.z - 45, p.x + 45, support,
                   s > 0 ? p.z + 45 : p.z + 6);
          break;
        case LIMBER_PROP_RAIL:
          add_post (self, (LimberVec3) { p.x, 0, p.z }, (LimberVec3) { p.x, p.y + 4, p.z });
          break;
        case LIMBER_PROP_CHAIR:
          /* The chair's back under the hand, its seat ahead, beside the figure. */
          add_post (self, (LimberVec3) { p.x - 3, 0, p.z }, (LimberVec3) { p.x - 3, p.y - 2, p.z });
          add_post (self, (LimberVec3) { p.x + 36, 0, p.z }, (LimberVec3) { p.x + 36, 44, p.z });
          add_box (self, p.x - 5, 42, p.z - 20 * s, p.x + 38, 46, p.z + 20 * s);
          break;
        case LIMBER_PROP_STRAP:
        case LIMBER_PROP_BAND:
        case LIMBER_PROP_ANKLE_WEIGHT:
        default:
          break;
        }
    }

  for (guint i = 0; i < self->n_boxes; i++)
    for (guint c = 0; c < 8; c++)
      grow_bounds (self, (LimberVec3) { c & 1 ? self->boxes[i].hi.x : self->boxes[i].lo.x,
                                        c & 2 ? self->boxes[i].hi.y : self->boxes[i].lo.y,
                                        c & 4 ? self->boxes[i].hi.z : self->boxes[i].lo.z }, 1);
  for (guint i = 0; i < self->n_posts; i++)
    {
      grow_bounds (self, self->posts[i][0], 2);
      grow_bounds (self, self->posts[i][1], 2);
    }
}

static void
measure (LimberRenderer *self)
{
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  double duration = limber_motion_get_duration (self->motion, &timing);
  double body_x0 = G_MAXDOUBLE, body_x1 = -G_MAXDOUBLE;
  LimberFrame frame, start;

  self->min_x = self->min_y = G_MAXDOUBLE;
  self->max_x = self->max_y = -G_MAXDOUBLE;

  for (guint i = 0; i <= BOUNDS_SAMPLES; i++)
    {
      limber_motion_sample (self->motion, &timing, duration * i / BOUNDS_SAMPLES, &frame);
      for (guint s = 0; s < LIMBER_N_SEGMENTS; s++)
        {
          const LimberSegmentInfo *info = limber_segment_get_info (s);

          for (guint end = 0; end < 2; end++)
            {
              LimberVec3 p = frame.body.point[end == 0 ? info->from : info->to];

              grow_bounds (self, p, info->radius);
              body_x0 = MIN (body_x0, p.x - info->radius);
              body_x1 = MAX (body_x1, p.x + info->radius);
            }
        }
    }

  /* The floor line shows under the figure at any camera. */
  grow_bounds (self, (LimberVec3) { 0, -2, 0 }, 0);

  limber_motion_sample (self->motion, &timing, 0, &start);
  layout_props (self, &start.body, body_x0, body_x1);
}

static void
limber_renderer_dispose (GObject *object)
{
  LimberRenderer *self = LIMBER_RENDERER (object);

  g_clear_object (&self->motion);
  g_clear_pointer (&self->backdrop, cairo_surface_destroy);

  G_OBJECT_CLASS (limber_renderer_parent_class)->dispose (object);
}

static void
limber_renderer_class_init (LimberRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_renderer_dispose;
}

static void
limber_renderer_init (LimberRenderer *self)
{
}

LimberRenderer *
limber_renderer_new (LimberMotion *motion)
{
  LimberRenderer *self;

  g_return_val_if_fail (LIMBER_IS_MOTION (motion), NULL);

  self = g_object_new (LIMBER_TYPE_RENDERER, NULL);
  self->motion = g_object_ref (motion);
  self->mat_box = -1;
  set_camera (self, limber_motion_get_camera (motion));
  measure (self);
  return self;
}

LimberMotion *
limber_renderer_get_motion (LimberRenderer *self)
{
  g_return_val_if_fail (LIMBER_IS_RENDERER (self), NULL);
  return self->motion;
}

/* Width over height of the scene, with its margins. */
double
limber_renderer_get_aspect (LimberRenderer *self)
{
  g_return_val_if_fail (LIMBER_IS_RENDERER (self), 1);
  return (self->max_x - self->min_x + 24) / (self->max_y - self->min_y + 24);
}

static Point2
to_device (const Canvas *c,
           LimberVec3    p)
{
  Point2 s = project (c->self, p);

  return (Point2) { c->origin_x + (s.x - c->self->min_x) * c->scale,
                    c->origin_y + (c->self->max_y - s.y) * c->scale };
}

static void
set_color (cairo_t           *cr,
           const LimberColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
fill_and_outline (const Canvas      *c,
                  const LimberColor *fill,
                  const LimberColor *outline)
{
  set_color (c->cr, fill);
  cairo_fill_preserve (c->cr);
  set_color (c->cr, outline);
  cairo_set_line_width (c->cr, c->line);
  cairo_stroke (c->cr);
}

/* A capsule's outline as a polygon: each round end a half circle of chords that stray from
 * the true circle by under half a pixel, hidden under the outline. */
static void
capsule_path (const Canvas *c,
              Point2        a,
              Point2        b,
              double        r)
{
  double dx = b.x - a.x, dy = b.y - a.y, length = hypot (dx, dy);
  guint n = CLAMP ((guint) ceil (G_PI / acos (1 - 0.5 / MAX (r, 0.5))), 2, 32);
  double turn_cos = cos (G_PI / n), turn_sin = -sin (G_PI / n);
  /* From the normal on one side, around the far end, back along and around the near end. */
  double vx = length > 0 ? -dy / length * r : 0, vy = length > 0 ? dx / length * r : r;

  cairo_new_path (c->cr);
  for (guint end = 0; end < 2; end++)
    {
      Point2 centre = end == 0 ? b : a;

      for (guint i = 0; i <= n; i++)
        {
          double x = vx * turn_cos - vy * turn_sin;

          cairo_line_to (c->cr, centre.x + vx, centre.y + vy);
          if (i < n)
            {
              vy = vx * turn_sin + vy * turn_cos;
              vx = x;
            }
        }
    }
  cairo_close_path (c->cr);
}

/* An outlined capsule, radius in cm: the outline colour filled a little wider than the fill
 * colour, which costs far less than stroking. The fill's edge lies inside the outline, so it
 * needs no antialiasing of its own. */
static void
draw_capsule (const Canvas      *c,
              LimberVec3         from,
              LimberVec3         to,
              double             radius,
              const LimberColor *fill,
              const LimberColor *outline)
{
  Point2 a = to_device (c, from), b = to_device (c, to);
  double r = radius * c->scale;

  /* On paper the path's size is the cost: one capsule of two arcs, filled and stroked. */
  if (c->vector)
    {
      double angle = atan2 (b.y - a.y, b.x - a.x);

      cairo_new_path (c->cr);
      cairo_arc (c->cr, b.x, b.y, r, angle - G_PI / 2, angle + G_PI / 2);
      cairo_arc (c->cr, a.x, a.y, r, angle + G_PI / 2, angle + 3 * G_PI / 2);
      cairo_close_path (c->cr);
      fill_and_outline (c, fill, outline);
      return;
    }

  capsule_path (c, a, b, r + c->line / 2);
  set_color (c->cr, outline);
  cairo_fill (c->cr);
  capsule_path (c, a, b, MAX (r - c->line / 2, 0.5));
  set_color (c->cr, fill);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_NONE);
  cairo_fill (c->cr);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_FAST);
}

static int
compare_points (const void *a,
                const void *b)
{
  const Point2 *p = a, *q = b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return p->y < q->y ? -1 : p->y > q->y;
}

static double
cross (Point2 o,
       Point2 a,
       Point2 b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/* A box seen from the camera: the outline of its eight projected corners. */
static void
box_path (const Canvas *c,
          const Box    *box)
{
  Point2 corners[8], hull[16];
  guint n = 0;

  for (guint i = 0; i < 8; i++)
    corners[i] = to_device (c, (LimberVec3) { i & 1 ? box->hi.x : box->lo.x,
                                              i & 2 ? box->hi.y : box->lo.y,
                                              i & 4 ? box->hi.z : box->lo.z });
  qsort (corners, 8, sizeof (Point2), compare_points);
  /* Andrew's monotone chain. */
  for (guint i = 0; i < 8; i++)
    {
      while (n >= 2 && cross (hull[n - 2], hull[n - 1], corners[i]) <= 0)
        n--;
      hull[n++] = corners[i];
    }
  for (int i = 6, lower = n + 1; i >= 0; i--)
    {
      while ((int) n >= lower && cross (hull[n - 2], hull[n - 1], corners[i]) <= 0)
        n--;
      hull[n++] = corners[i];
    }

  cairo_new_path (c->cr);
  for (guint i = 0; i + 1 < n; i++)
    cairo_line_to (c->cr, hull[i].x, hull[i].y);
  cairo_close_path (c->cr);
}

static void
draw_box (const Canvas      *c,
          const Box         *box,
          const LimberColor *fill,
          const LimberColor *outline)
{
  Point2 p[4];

  box_path (c, box);
  fill_and_outline (c, fill, outline);

  /* The top face's edges give a tilted view its depth. */
  if (fabs (c->self->toward.y) > 0.01)
    {
      p[0] = to_device (c, (LimberVec3) { box->lo.x, box->hi.y, box->lo.z });
      p[1] = to_device (c, (LimberVec3) { box->hi.x, box->hi.y, box->lo.z });
      p[2] = to_device (c, (LimberVec3) { box->hi.x, box->hi.y, box->hi.z });
      p[3] = to_device (c, (LimberVec3) { box->lo.x, box->hi.y, box->hi.z });
      cairo_move_to (c->cr, p[0].x, p[0].y);
      for (guint i = 1; i < 4; i++)
        cairo_line_to (c->cr, p[i].x, p[i].y);
      cairo_close_path (c->cr);
      set_color (c->cr, outline);
      cairo_stroke (c->cr);
    }
}

static void
draw_floor (const Canvas *c)
{
  box_path (c, &c->self->floor);
  set_color (c->cr, &c->style->floor);
  cairo_fill_preserve (c->cr);
  set_color (c->cr, &c->style->floor_line);
  cairo_set_line_width (c->cr, MAX (c->line, 1.5));
  cairo_stroke (c->cr);
}

static gboolean
is_effort (const LimberFrame *frame)
{
  return frame->phase == LIMBER_PHASE_MOVE || frame->phase == LIMBER_PHASE_HOLD;
}

/* The limbs of the side turned away from the camera are set back, paler. */
static gboolean
is_far (const Canvas            *c,
        const LimberSegmentInfo *info)
{
  const LimberBody *body = &c->frame->body;
  LimberPoint left, right;
  double difference;

  if (info->side == LIMBER_BODY_SIDE_MIDDLE)
    return FALSE;
  if (info->from >= LIMBER_POINT_SHOULDER_LEFT && info->from <= LIMBER_POINT_HAND_LEFT)
    left = LIMBER_POINT_SHOULDER_LEFT;
  else if (info->from >= LIMBER_POINT_SHOULDER_RIGHT)
    left = LIMBER_POINT_SHOULDER_LEFT;
  else
    left = LIMBER_POINT_HIP_LEFT;
  right = left + LIMBER_N_SIDED_POINTS;

  difference = dot (body->point[left], c->self->toward) - dot (body->point[right], c->self->toward);
  if (fabs (difference) < 3)
    return FALSE;
  return (difference < 0) == (info->side == LIMBER_BODY_SIDE_LEFT);
}

static void
draw_segment (const Canvas *c,
              LimberSegment segment)
{
  const LimberSegmentInfo *info = limber_segment_get_info (segment);
  const LimberFigureStyle *style = c->style;
  const LimberColor *fill = &style->body_fill, *outline = &style->body_outline;

  if (is_effort (c->frame) && limber_motion_highlights (c->self->motion, segment))
    {
      fill = &style->accent_fill;
      outline = &style->accent_outline;
    }
  else if (is_far (c, info))
    {
      fill = &style->far_fill;
      outline = &style->far_outline;
    }

  draw_capsule (c, c->frame->body.point[info->from], c->frame->body.point[info->to],
                info->radius, fill, outline);
}

/* The loop thins as it stretches and sags when slack. */
static void
draw_band (const Canvas     *c,
           const LimberProp *prop)
{
  LimberVec3 a = c->frame->body.point[prop->point[0]];
  LimberVec3 b = c->frame->body.point[prop->point[1]];
  double length = limber_vec3_distance (a, b);
  double stretch = length / BAND_REST_LENGTH;
  double sag = length < BAND_REST_LENGTH ? (BAND_REST_LENGTH - length) * 0.6 : 0;

  for (int strand = -1; strand <= 1; strand += 2)
    {
      double spread = strand * 2.2 / MAX (stretch, 0.6);
      LimberVec3 from = { a.x, a.y + spread, a.z }, to = { b.x, b.y + spread, b.z };
      LimberVec3 middle = lerp3 (from, to, 0.5);
      Point2 p0, p1, p2;

      middle.y -= sag;
      p0 = to_device (c, from);
      p1 = to_device (c, middle);
      p2 = to_device (c, to);
      cairo_move_to (c->cr, p0.x, p0.y);
      cairo_curve_to (c->cr, p1.x, p1.y, p1.x, p1.y, p2.x, p2.y);
    }
  set_color (c->cr, &c->style->band);
  cairo_set_line_width (c->cr, MAX (1.5, 1.6 * c->scale / MAX (sqrt (stretch), 0.8)));
  cairo_stroke (c->cr);
}

static LimberVec3
normalize (LimberVec3 v)
{
  double length = sqrt (dot (v, v));

  return length > 0 ? (LimberVec3) { v.x / length, v.y / length, v.z / length } : v;
}

/* The nose: a small bump that shows which way the figure faces. */
static LimberVec3
nose_position (const LimberBody *body)
{
  const LimberVec3 *p = body->point;
  LimberVec3 across = normalize ((LimberVec3) {
    p[LIMBER_POINT_SHOULDER_RIGHT].x - p[LIMBER_POINT_SHOULDER_LEFT].x,
    p[LIMBER_POINT_SHOULDER_RIGHT].y - p[LIMBER_POINT_SHOULDER_LEFT].y,
    p[LIMBER_POINT_SHOULDER_RIGHT].z - p[LIMBER_POINT_SHOULDER_LEFT].z });
  LimberVec3 up = normalize ((LimberVec3) {
    p[LIMBER_POINT_HEAD].x - p[LIMBER_POINT_NECK].x,
    p[LIMBER_POINT_HEAD].y - p[LIMBER_POINT_NECK].y,
    p[LIMBER_POINT_HEAD].z - p[LIMBER_POINT_NECK].z });
  /* forward = up × across */
  LimberVec3 forward = { up.y * across.z - up.z * across.y, up.z * across.x - up.x * across.z,
                         up.x * across.y - up.y * across.x };
  const LimberSegmentInfo *head = limber_segment_get_info (LIMBER_SEGMENT_HEAD);

  return lerp3 (p[LIMBER_POINT_HEAD], (LimberVec3) { p[LIMBER_POINT_HEAD].x + forward.x,
                                                     p[LIMBER_POINT_HEAD].y + forward.y,
                                                     p[LIMBER_POINT_HEAD].z + forward.z },
                head->radius - 0.5);
}

static void
draw_item (const Canvas *c,
           const Item   *item)
{
  guint n_props;
  const LimberProp *props = limber_motion_get_props (c->self->motion, &n_props);

  switch (item->kind)
    {
    case ITEM_SEGMENT:
      draw_segment (c, item->index);
      break;
    case ITEM_POST:
      draw_capsule (c, c->self->posts[item->index][0], c->self->posts[item->index][1], 2,
                    &c->style->prop_fill, &c->style->prop_outline);
      break;
    case ITEM_BAND:
      draw_band (c, &props[item->index]);
      break;
    case ITEM_STRAP:
      {
        Point2 a = to_device (c, c->frame->body.point[props[item->index].point[0]]);
        Point2 b = to_device (c, c->frame->body.point[props[item->index].point[1]]);

        cairo_move_to (c->cr, a.x, a.y);
        cairo_line_to (c->cr, b.x, b.y);
        set_color (c->cr, &c->style->prop_outline);
        cairo_set_line_width (c->cr, MAX (1.5, 2.0 * c->scale));
        cairo_stroke (c->cr);
      }
      break;
    case ITEM_ANKLE_WEIGHT:
      {
        LimberPoint ankle = props[item->index].point[0];
        LimberVec3 a = c->frame->body.point[ankle], k = c->frame->body.point[ankle - 1];

        draw_capsule (c, lerp3 (a, k, 0.1), lerp3 (a, k, 0.25), 6.5, &c->style->prop_fill,
                      &c->style->prop_outline);
      }
      break;
    case ITEM_NOSE:
      {
        LimberVec3 nose = nose_position (&c->frame->body);
        Point2 a = project (c->self, nose);
        Point2 b = project (c->self, c->frame->body.point[LIMBER_POINT_HEAD]);
        double head = limber_segment_get_info (LIMBER_SEGMENT_HEAD)->radius;

        /* Seen face on, a nose would read as an eye: it only shows in profile. */
        if (hypot (a.x - b.x, a.y - b.y) > 0.6 * head)
          draw_capsule (c, nose, nose, 2.2, &c->style->body_fill, &c->style->body_outline);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_items (const void *a,
               const void *b)
{
  const Item *p = a, *q = b;

  if (p->depth != q->depth)
    return p->depth < q->depth ? -1 : 1;
  return (int) p->kind - (int) q->kind ?: (int) p->index - (int) q->index;
}

static double
point_depth (const Canvas *c,
             LimberPoint   point)
{
  return dot (c->frame->body.point[point], c->self->toward);
}

/* Everything that moves with the figure, far to near. */
static guint
collect_items (const Canvas *c,
               Item         *items)
{
  guint n_props, n = 0;
  const LimberProp *props = limber_motion_get_props (c->self->motion, &n_props);

  for (guint i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      const LimberSegmentInfo *info = limber_segment_get_info (i);
      double depth = (point_depth (c, info->from) + point_depth (c, info->to)) / 2;

      /* The trunk's thickness puts its surface nearer than its centre line. */
      if (info->side == LIMBER_BODY_SIDE_MIDDLE && i != LIMBER_SEGMENT_HEAD)
        depth -= 0.5;
      items[n++] = (Item) { depth, ITEM_SEGMENT, i };
    }
  items[n++] = (Item) { dot (nose_position (&c->frame->body), c->self->toward), ITEM_NOSE, 0 };
  for (guint i = 0; i < c->self->n_posts; i++)
    items[n++] = (Item) { dot (c->self->posts[i][1], c->self->toward) - 3, ITEM_POST, i };
  for (guint i = 0; i < n_props; i++)
    {
      if (props[i].kind == LIMBER_PROP_BAND)
        items[n++] = (Item) { MAX (point_depth (c, props[i].point[0]),
                                   point_depth (c, props[i].point[1])) + 6, ITEM_BAND, i };
      else if (props[i].kind == LIMBER_PROP_STRAP)
        items[n++] = (Item) { point_depth (c, props[i].point[1]) + 1, ITEM_STRAP, i };
      else if (props[i].kind == LIMBER_PROP_ANKLE_WEIGHT)
        items[n++] = (Item) { point_depth (c, props[i].point[0]) + 0.5, ITEM_ANKLE_WEIGHT, i };
    }
  g_assert (n <= MAX_ITEMS);
  qsort (items, n, sizeof (Item), compare_items);
  return n;
}

static void
canvas_init (Canvas                  *c,
             LimberRenderer          *self,
             cairo_t                 *cr,
             double                   width,
             double                   height,
             const LimberFrame       *frame,
             const LimberFigureStyle *style)
{
  double margin = 6 + 0.04 * MIN (width, height);
  double scene_w = self->max_x - self->min_x, scene_h = self->max_y - self->min_y;

  c->self = self;
  c->cr = cr;
  c->style = style;
  c->frame = frame;
  c->scale = MAX (0.01, MIN ((width - 2 * margin) / scene_w, (height - 2 * margin) / scene_h));
  c->origin_x = (width - scene_w * c->scale) / 2;
  c->origin_y = (height - scene_h * c->scale) / 2;
  c->line = CLAMP (0.8 * c->scale, 1.0, 3.0);
  /* On screen GTK hands over a recording surface, replayed as pixels: only paper is vector. */
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      c->vector = TRUE;
      break;
    default:
      c->vector = FALSE;
      break;
    }
}

static void
begin_drawing (const Canvas *c)
{
  cairo_save (c->cr);
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_ROUND);
  /* Coarser curves and 4×4 antialiasing: invisible at these sizes, and a frame costs a
   * fraction of a millisecond (bench/bench-render.c). */
  cairo_set_tolerance (c->cr, 0.5);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_FAST);
}

/* What never moves: the background, the floor and the props under the figure. */
static void
draw_backdrop (const Canvas *c)
{
  begin_drawing (c);
  if (c->style->background.alpha > 0)
    {
      set_color (c->cr, &c->style->background);
      cairo_paint (c->cr);
    }
  draw_floor (c);
  for (guint i = 0; i < c->self->n_boxes; i++)
    {
      gboolean mat = (int) i == c->self->mat_box;

      draw_box (c, &c->self->boxes[i], mat ? &c->style->mat_fill : &c->style->prop_fill,
                mat ? &c->style->mat_outline : &c->style->prop_outline);
    }
  cairo_restore (c->cr);
}

/* The figure and what moves with it, far to near. */
/* The distance from p to the segment a–b, on screen. */
static double
distance_to_segment (Point2 p,
                     Point2 a,
                     Point2 b)
{
  double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
  double u = length2 > 0 ? CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0, 1) : 0;

  return hypot (p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

/* Whether a limb lies wholly behind one drawn after it, as the far leg does behind the near
 * one in a side view: a capsule holds another when both ends of the other's axis lie within
 * the difference of their radii of its own axis. */
static gboolean
is_hidden (const Canvas *c,
           const Item   *items,
           guint         n,
           guint         i)
{
  const LimberSegmentInfo *info = limber_segment_get_info (items[i].index);
  Point2 a = project (c->self, c->frame->body.point[info->from]);
  Point2 b = project (c->self, c->frame->body.point[info->to]);

  for (guint j = i + 1; j < n; j++)
    {
      const LimberSegmentInfo *over;
      Point2 p, q;
      double room;

      if (items[j].kind != ITEM_SEGMENT)
        continue;
      over = limber_segment_get_info (items[j].index);
      room = over->radius - info->radius;
      if (room < 0)
        continue;
      p = project (c->self, c->frame->body.point[over->from]);
      q = project (c->self, c->frame->body.point[over->to]);
      if (distance_to_segment (a, p, q) <= room && distance_to_segment (b, p, q) <= room)
        return TRUE;
    }
  return FALSE;
}

static void
draw_figure (const Canvas *c)
{
  Item items[MAX_ITEMS];
  guint n;

  begin_drawing (c);
  n = collect_items (c, items);
  for (guint i = 0; i < n; i++)
    if (items[i].kind != ITEM_SEGMENT || !is_hidden (c, items, n, i))
      draw_item (c, &items[i]);
  cairo_restore (c->cr);
}

static void
draw_scene (const Canvas *c)
{
  draw_backdrop (c);
  draw_figure (c);
}

/* The backdrop for this size and style, drawn again only when they change. */
static cairo_surface_t *
get_backdrop (LimberRenderer          *self,
              cairo_t                 *cr,
              int                      width,
              int                      height,
              const LimberFigureStyle *style)
{
  double scale_x = 1, scale_y = 1;
  cairo_t *backdrop_cr;
  Canvas c;

  cairo_surface_get_device_scale (cairo_get_target (cr), &scale_x, &scale_y);
  if (self->backdrop != NULL && self->backdrop_width == width &&
      self->backdrop_height == height && self->backdrop_style == style &&
      self->backdrop_scale_x == scale_x && self->backdrop_scale_y == scale_y)
    return self->backdrop;

  g_clear_pointer (&self->backdrop, cairo_surface_destroy);
  self->backdrop = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * scale_x),
                                               ceil (height * scale_y));
  cairo_surface_set_device_scale (self->backdrop, scale_x, scale_y);
  self->backdrop_width = width;
  self->backdrop_height = height;
  self->backdrop_style = style;
  self->backdrop_scale_x = scale_x;
  self->backdrop_scale_y = scale_y;

  backdrop_cr = cairo_create (self->backdrop);
  canvas_init (&c, self, backdrop_cr, width, height, NULL, style);
  draw_backdrop (&c);
  cairo_destroy (backdrop_cr);
  return self->backdrop;
}

/* Draws one instant of the motion, fitted into width × height at the origin. The scale is
 * the same for every frame of the motion, so the figure never zooms. */
void
limber_renderer_draw_frame (LimberRenderer          *self,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            const LimberFrame       *frame,
                            const LimberFigureStyle *style)
{
  Canvas c;

  g_return_if_fail (LIMBER_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (frame != NULL);
  g_return_if_fail (style != NULL);

  if (width < 1 || height < 1)
    return;
  canvas_init (&c, self, cr, width, height, frame, style);
  /* A copy, not a blend: the backdrop is the whole picture's first layer. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, get_backdrop (self, cr, ceil (width), ceil (height), style), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  draw_figure (&c);
}

/* The path of the arrow point through the movement, as an arrow. */
static void
draw_motion_arrow (const Canvas *c)
{
  LimberMotion *motion = c->self->motion;
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  LimberPoint point = limber_motion_get_arrow_point (motion);
  double t0 = limber_motion_get_phase_start (motion, &timing, LIMBER_PHASE_MOVE);
  double t1 = limber_motion_get_end_time (motion, &timing);
  double head = MAX (6, 5 * c->scale), angle, travelled = 0;
  Point2 path[25];
  guint n = G_N_ELEMENTS (path);

  for (guint i = 0; i < n; i++)
    {
      LimberFrame frame;

      limber_motion_sample (motion, &timing, t0 + (t1 - t0) * i / (n - 1), &frame);
      path[i] = to_device (c, frame.body.point[point]);
      if (i > 0)
        travelled += hypot (path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
    }
  /* A short movement gets a small arrow; one of a few pixels, none. */
  if (travelled < 8)
    return;
  head = MIN (head, travelled / 2.5);

  /* Stop short of the point, so the head sits beside the limb rather than on it. */
  while (n > 2 && hypot (path[n - 1].x - path[0].x, path[n - 1].y - path[0].y) > 0 &&
         hypot (path[n - 1].x - path[n - 2].x, path[n - 1].y - path[n - 2].y) < 0.5)
    n--;
  angle = atan2 (path[n - 1].y - path[n - 3].y, path[n - 1].x - path[n - 3].x);

  cairo_save (c->cr);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint pass = 0; pass < 2; pass++)
    {
      cairo_new_path (c->cr);
      for (guint i = 0; i < n; i++)
        cairo_line_to (c->cr, path[i].x, path[i].y);
      cairo_move_to (c->cr, path[n - 1].x + cos (angle) * head * 0.3,
                     path[n - 1].y + sin (angle) * head * 0.3);
      cairo_line_to (c->cr, path[n - 1].x - cos (angle - 0.5) * head,
                     path[n - 1].y - sin (angle - 0.5) * head);
      cairo_line_to (c->cr, path[n - 1].x - cos (angle + 0.5) * head,
                     path[n - 1].y - sin (angle + 0.5) * head);
      cairo_close_path (c->cr);
      /* A halo in the background colour first keeps the arrow clear of the limbs. */
      set_color (c->cr, pass == 0 ? &c->style->background : &c->style->arrow);
      cairo_set_line_width (c->cr, pass == 0 ? 3.5 * c->line + 2 : 1.5 * c->line + 0.5);
      cairo_stroke_preserve (c->cr);
      if (pass == 1)
        {
          cairo_new_path (c->cr);
          cairo_move_to (c->cr, path[n - 1].x + cos (angle) * head * 0.3,
                         path[n - 1].y + sin (angle) * head * 0.3);
          cairo_line_to (c->cr, path[n - 1].x - cos (angle - 0.5) * head,
                         path[n - 1].y - sin (angle - 0.5) * head);
          cairo_line_to (c->cr, path[n - 1].x - cos (angle + 0.5) * head,
                         path[n - 1].y - sin (angle + 0.5) * head);
          cairo_close_path (c->cr);
          cairo_fill (c->cr);
        }
      cairo_new_path (c->cr);
    }
  cairo_restore (c->cr);
}

/* The start and end poses side by side, the end with an arrow along the movement: the
 * picture for the handout and for reduced motion. */
void
limber_renderer_draw_still (LimberRenderer          *self,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            const LimberFigureStyle *style)
{
  limber_renderer_draw_poses (self, cr, width, height, FALSE, style);
}

/* The start and end poses, side by side or the start above the end; the end pose carries an
 * arrow along the movement. */
void
limber_renderer_draw_poses (LimberRenderer          *self,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            gboolean                 stacked,
                            const LimberFigureStyle *style)
{
  LimberMotionTiming timing = LIMBER_MOTION_TIMING_DEFAULT;
  LimberFrame frames[2];
  double panel_w = stacked ? width : width / 2;
  double panel_h = stacked ? height / 2 : height;

  g_return_if_fail (LIMBER_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (panel_w < 1 || panel_h < 1)
    return;
  if (style->background.alpha > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, width, height);
      set_color (cr, &style->background);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  limber_motion_sample (self->motion, &timing, 0, &frames[0]);
  limber_motion_sample (self->motion, &timing, limber_motion_get_end_time (self->motion, &timing),
                        &frames[1]);
  /* The end pose is the effort, so its working muscles show. */
  frames[1].phase = LIMBER_PHASE_HOLD;

  for (guint i = 0; i < 2; i++)
    {
      Canvas c;

      cairo_save (cr);
      cairo_translate (cr, stacked ? 0 : i * panel_w, stacked ? i * panel_h : 0);
      cairo_rectangle (cr, 0, 0, panel_w, panel_h);
      cairo_clip (cr);
      canvas_init (&c, self, cr, panel_w, panel_h, &frames[i], style);
      draw_scene (&c);
      if (i == 1)
        draw_motion_arrow (&c);
      cairo_restore (cr);
    }

  /* A thin rule between the two poses. */
  cairo_save (cr);
  set_color (cr, &style->floor_line);
  cairo_set_line_width (cr, 1);
  if (stacked)
    {
      cairo_move_to (cr, width * 0.1, round (panel_h) + 0.5);
      cairo_line_to (cr, width * 0.9, round (panel_h) + 0.5);
    }
  else
    {
      cairo_move_to (cr, round (panel_w) + 0.5, height * 0.1);
      cairo_line_to (cr, round (panel_w) + 0.5, height * 0.9);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Writes the still as PNG or SVG, by the file's extension. */
gboolean
limber_renderer_export_still (LimberMotion  *motion,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(LimberRenderer) self = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double panel_w, width, height = STILL_PANEL_HEIGHT;
  gboolean svg;

  g_return_val_if_fail (LIMBER_IS_MOTION (motion), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  svg = g_str_has_suffix (lower, ".svg");
  if (!svg && !g_str_has_suffix (lower, ".png"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: expected a file name ending in .png or .svg", path);
      return FALSE;
    }

  self = limber_renderer_new (motion);
  panel_w = round (CLAMP (height * limber_renderer_get_aspect (self), 320, 960));
  width = 2 * panel_w;

  if (svg)
    surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  limber_renderer_draw_still (self, cr, width, height, limber_figure_style_get (FALSE));
  cairo_destroy (cr);

  if (svg)
    cairo_surface_finish (surface);
  else
    cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: could not draw the picture (%s)",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_set_contents (path, (const char *) bytes->data, bytes->len, error);
}
