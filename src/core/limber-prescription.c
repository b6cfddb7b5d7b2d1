/* limber-prescription.c: a tailored exercise: its ranges, its JSON form, its session time. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-enum-types.h"
#include "limber-prescription.h"
#include "limber-video.h"

G_DEFINE_BOXED_TYPE (LimberPrescription, limber_prescription,
                     limber_prescription_copy, limber_prescription_free)

/* Tempo a new prescription starts with: a slow, controlled two seconds each way, or one
 * second for each half of a step. */
#define DEFAULT_TEMPO 2
#define DEFAULT_STEP_TEMPO 1
#define DEFAULT_REST 30

typedef struct
{
  double min, max, step;
} FieldRange;

/* Wide enough for any home program, narrow enough to catch a slip of the keyboard. */
static const FieldRange ranges[LIMBER_N_FIELDS] = {
  [LIMBER_FIELD_SETS]          = { 1, 10, 1 },
  [LIMBER_FIELD_REPS]          = { 1, 100, 1 },
  [LIMBER_FIELD_HOLD]          = { 0, 600, 1 },
  [LIMBER_FIELD_REST]          = { 0, 600, 5 },
  [LIMBER_FIELD_TEMPO_UP]      = { 1, 10, 1 },
  [LIMBER_FIELD_TEMPO_DOWN]    = { 1, 10, 1 },
  [LIMBER_FIELD_TIMES_PER_DAY] = { 1, 6, 1 },
  [LIMBER_FIELD_DAYS_PER_WEEK] = { 1, 7, 1 },
  [LIMBER_FIELD_LOAD_KG]       = { 0.5, 10, 0.5 },
  [LIMBER_FIELD_LOAD_LB]       = { 1, 22, 0.5 },
};

void
limber_field_get_range (LimberField  field,
                        double      *min,
                        double      *max,
                        double      *step)
{
  g_return_if_fail (field < LIMBER_N_FIELDS);

  if (min != NULL)
    *min = ranges[field].min;
  if (max != NULL)
    *max = ranges[field].max;
  if (step != NULL)
    *step = ranges[field].step;
}

const char *
limber_field_get_label (LimberField field)
{
  switch (field)
    {
    case LIMBER_FIELD_SETS:
      return _("Sets");
    case LIMBER_FIELD_REPS:
      return _("Repetitions");
    case LIMBER_FIELD_HOLD:
      return _("Hold");
    case LIMBER_FIELD_REST:
      return _("Rest between sets");
    case LIMBER_FIELD_TEMPO_UP:
      return _("Seconds to move");
    case LIMBER_FIELD_TEMPO_DOWN:
      return _("Seconds to return");
    case LIMBER_FIELD_TIMES_PER_DAY:
      return _("Times a day");
    case LIMBER_FIELD_DAYS_PER_WEEK:
      return _("Days a week");
    case LIMBER_FIELD_LOAD_KG:
      return _("Ankle weight (kg)");
    case LIMBER_FIELD_LOAD_LB:
      return _("Ankle weight (lb)");
    case LIMBER_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_number (double value)
{
  if (value == floor (value))
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.1f", value);
}

/* Refuses a value outside the field's range, or off its step, with the reason in words. */
gboolean
limber_field_check (LimberField   field,
                    double        value,
                    GError      **error)
{
  const FieldRange *range;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *step = NULL;

  g_return_val_if_fail (field < LIMBER_N_FIELDS, FALSE);

  range = &ranges[field];
  min = format_number (range->min);
  max = format_number (range->max);

  if (!isfinite (value) || value < range->min || value > range->max)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   /* Translators: a refused number, as in "Sets must be from 1 to 10." */
                   _("%s must be from %s to %s."), limber_field_get_label (field), min, max);
      return FALSE;
    }

  if (fabs (value / range->step - round (value / range->step)) > 1e-6 && range->step == 1)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   /* Translators: a refused number, as in "Sets must be a whole number." */
                   _("%s must be a whole number."), limber_field_get_label (field));
      return FALSE;
    }

  if (fabs (value / range->step - round (value / range->step)) > 1e-6)
    {
      step = format_number (range->step);
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   /* Translators: a refused number, as in "Ankle weight (kg) must be a multiple of 0.5." */
                   _("%s must be a multiple of %s."), limber_field_get_label (field), step);
      return FALSE;
    }

  return TRUE;
}

double
limber_prescription_get_field (const LimberPrescription *self,
                               LimberField               field)
{
  switch (field)
    {
    case LIMBER_FIELD_SETS:
      return self->sets;
    case LIMBER_FIELD_REPS:
      return self->reps;
    case LIMBER_FIELD_HOLD:
      return self->hold_seconds;
    case LIMBER_FIELD_REST:
      return self->rest_seconds;
    case LIMBER_FIELD_TEMPO_UP:
      return self->tempo_up;
    case LIMBER_FIELD_TEMPO_DOWN:
      return self->tempo_down;
    case LIMBER_FIELD_TIMES_PER_DAY:
      return self->times_per_day;
    case LIMBER_FIELD_DAYS_PER_WEEK:
      return self->days_per_week;
    case LIMBER_FIELD_LOAD_KG:
    case LIMBER_FIELD_LOAD_LB:
      return self->load_amount;
    case LIMBER_N_FIELDS:
    default:
      g_return_val_if_reached (0);
    }
}

/* Sets one number if it is in range; LOAD_KG and LOAD_LB also set the ankle weight's unit. */
gboolean
limber_prescription_set_field (LimberPrescription  *self,
                               LimberField          field,
                               double               value,
                               GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!limber_field_check (field, value, error))
    return FALSE;

  switch (field)
    {
    case LIMBER_FIELD_SETS:
      self->sets = value;
      break;
    case LIMBER_FIELD_REPS:
      self->reps = value;
      break;
    case LIMBER_FIELD_HOLD:
      self->hold_seconds = value;
      break;
    case LIMBER_FIELD_REST:
      self->rest_seconds = value;
      break;
    case LIMBER_FIELD_TEMPO_UP:
      self->tempo_up = value;
      break;
    case LIMBER_FIELD_TEMPO_DOWN:
      self->tempo_down = value;
      break;
    case LIMBER_FIELD_TIMES_PER_DAY:
      self->times_per_day = value;
      break;
    case LIMBER_FIELD_DAYS_PER_WEEK:
      self->days_per_week = value;
      break;
    case LIMBER_FIELD_LOAD_KG:
    case LIMBER_FIELD_LOAD_LB:
      self->load_amount = value;
      self->load_unit = field == LIMBER_FIELD_LOAD_KG ? LIMBER_WEIGHT_UNIT_KG
                                                      : LIMBER_WEIGHT_UNIT_LB;
      break;
    case LIMBER_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }

  return TRUE;
}

static gboolean
check_text (const char  *text,
            guint        max_chars,
            const char  *what,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   /* Translators: %s is "The note" or "A modification" */
                   _("%s is not valid text."), what);
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   /* Translators: %s is "The note" or "A modification" */
                   _("%s is longer than %u characters."), what, max_chars);
      return FALSE;
    }

  return TRUE;
}

/* @video NULL plays the clinic's video for the exercise, or its animation. */
gboolean
limber_prescription_set_video (LimberPrescription  *self,
                               const char          *video,
                               GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (video != NULL && !limber_video_check_name (video, _("video"), error))
    return FALSE;

  g_free (self->video);
  self->video = g_strdup (video);
  return TRUE;
}

gboolean
limber_prescription_set_note (LimberPrescription  *self,
                              const char          *note,
                              GError             **error)
{
  if (note == NULL)
    note = "";

  if (!check_text (note, LIMBER_PRESCRIPTION_MAX_NOTE, _("The note"), error))
    return FALSE;

  g_free (self->note);
  self->note = g_strdup (note);
  return TRUE;
}

gboolean
limber_prescription_set_modifications (LimberPrescription  *self,
                                       const char * const  *modifications,
                                       GError             **error)
{
  guint n = modifications != NULL ? g_strv_length ((char **) modifications) : 0;

  if (n > LIMBER_PRESCRIPTION_MAX_MODIFICATIONS)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   _("An exercise can have at most %u modifications."),
                   LIMBER_PRESCRIPTION_MAX_MODIFICATIONS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (!check_text (modifications[i], LIMBER_PRESCRIPTION_MAX_MODIFICATION,
                     _("A modification"), error))
      return FALSE;

  g_strfreev (self->modifications);
  self->modifications = g_strdupv ((char **) modifications);
  if (self->modifications == NULL)
    self->modifications = g_new0 (char *, 1);
  return TRUE;
}

static char *
new_id (void)
{
  return g_uuid_string_random ();
}

static LimberPrescribedSide
default_side (LimberExercise *exercise)
{
  return limber_exercise_get_dosage (exercise)->side == LIMBER_SIDE_EACH
         ? LIMBER_PRESCRIBED_SIDE_BOTH : LIMBER_PRESCRIBED_SIDE_NONE;
}

/* The library's dosage, taking the lower end of each range: the gentler start. */
LimberPrescription *
limber_prescription_new_for_exercise (LimberExercise *exercise)
{
  const LimberDosage *dosage;
  LimberPrescription *self;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  dosage = limber_exercise_get_dosage (exercise);
  self = g_new0 (LimberPrescription, 1);
  self->id = new_id ();
  self->exercise_id = g_strdup (limber_exercise_get_id (exercise));
  self->sets = dosage->sets;
  self->reps = dosage->reps_min;
  self->hold_seconds = dosage->hold_seconds;
  self->rest_seconds = DEFAULT_REST;
  self->tempo_up = self->tempo_down =
    dosage->rep_unit == LIMBER_REP_UNIT_STEP ? DEFAULT_STEP_TEMPO : DEFAULT_TEMPO;
  self->side = default_side (exercise);
  self->times_per_day = dosage->times_per_day;
  self->schedule = dosage->days_per_week_min == 7 ? LIMBER_SCHEDULE_DAILY
                                                  : LIMBER_SCHEDULE_DAYS_PER_WEEK;
  self->days_per_week = dosage->days_per_week_min;
  self->load = LIMBER_LOAD_NONE;
  self->load_amount = 1;
  self->load_unit = LIMBER_WEIGHT_UNIT_KG;
  self->band = LIMBER_BAND_YELLOW;
  self->modifications = g_new0 (char *, 1);
  self->note = g_strdup ("");

  return self;
}

LimberPrescription *
limber_prescription_copy (const LimberPrescription *self)
{
  LimberPrescription *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->id = g_strdup (self->id);
  copy->exercise_id = g_strdup (self->exercise_id);
  copy->modifications = g_strdupv (self->modifications);
  copy->note = g_strdup (self->note);
  copy->video = g_strdup (self->video);

  return copy;
}

/* A copy that is a new item of the program, with an id of its own. */
LimberPrescription *
limber_prescription_duplicate (const LimberPrescription *self)
{
  LimberPrescription *copy = limber_prescription_copy (self);

  g_free (copy->id);
  copy->id = new_id ();
  return copy;
}

void
limber_prescription_free (LimberPrescription *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->exercise_id);
  g_strfreev (self->modifications);
  g_free (self->note);
  g_free (self->video);
  g_free (self);
}

gboolean
limber_prescription_equal (const LimberPrescription *a,
                           const LimberPrescription *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->exercise_id, b->exercise_id) == 0 &&
         a->sets == b->sets && a->reps == b->reps && a->hold_seconds == b->hold_seconds &&
         a->rest_seconds == b->rest_seconds && a->tempo_up == b->tempo_up &&
         a->tempo_down == b->tempo_down && a->side == b->side &&
         a->times_per_day == b->times_per_day && a->schedule == b->schedule &&
         (a->schedule == LIMBER_SCHEDULE_DAILY || a->days_per_week == b->days_per_week) &&
         a->load == b->load &&
         (a->load != LIMBER_LOAD_ANKLE_WEIGHT ||
          (a->load_amount == b->load_amount && a->load_unit == b->load_unit)) &&
         (a->load != LIMBER_LOAD_BAND || a->band == b->band) &&
         g_strv_equal ((const char * const *) a->modifications,
                       (const char * const *) b->modifications) &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->video, b->video) == 0;
}

/* Moves the prescription to a progression or regression. The sets, rest, tempo, frequency,
 * load and note carry over; the reps and hold carry over when both count the same way; the
 * side carries over when both are done one side at a time; the chosen modifications belonged
 * to the old exercise, so only the therapist's own words stay. */
void
limber_prescription_switch_exercise (LimberPrescription *self,
                                     LimberExercise     *from,
                                     LimberExercise     *to)
{
  const LimberDosage *old_dosage = limber_exercise_get_dosage (from);
  const LimberDosage *new_dosage = limber_exercise_get_dosage (to);
  const char * const *old_listed = limber_exercise_get_modifications (from);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  g_free (self->exercise_id);
  self->exercise_id = g_strdup (limber_exercise_get_id (to));

  if (old_dosage->rep_unit != new_dosage->rep_unit)
    {
      self->reps = new_dosage->reps_min;
      self->hold_seconds = new_dosage->hold_seconds;
    }

  if (old_dosage->side != new_dosage->side)
    self->side = default_side (to);

  /* A modification stays if it is the therapist's own words, or the new exercise lists it too. */
  for (guint i = 0; self->modifications[i] != NULL; i++)
    if (old_listed == NULL || !g_strv_contains (old_listed, self->modifications[i]) ||
        (limber_exercise_get_modifications (to) != NULL &&
         g_strv_contains (limber_exercise_get_modifications (to), self->modifications[i])))
      g_strv_builder_add (kept, self->modifications[i]);

  g_strfreev (self->modifications);
  self->modifications = g_strv_builder_end (kept);

  /* A film of the old exercise would show the patient the wrong movement. */
  g_clear_pointer (&self->video, g_free);
}

/* How many sides (or directions, for a band walk "each way") every rep is done on: 1 or 2. */
guint
limber_prescription_get_n_sides (const LimberPrescription *self,
                                 LimberExercise           *exercise)
{
  if (self->side == LIMBER_PRESCRIBED_SIDE_BOTH || self->side == LIMBER_PRESCRIBED_SIDE_ALTERNATING)
    return 2;

  if (limber_exercise_get_dosage (exercise)->side == LIMBER_SIDE_EACH_DIRECTION)
    return 2;

  return 1;
}

/* One session of this exercise: a pause to get ready, then every repetition on every side
 * (move, hold, return), and a rest between sets. "Both sides" does all the sets on one side,
 * then, after time to switch sides, on the other, resting between the sets of each side;
 * "alternating" swaps sides each rep. With one set there is no rest: the rest row of the
 * dosage dialog is off then too. */
guint
limber_prescription_estimate_seconds (const LimberPrescription *self,
                                      LimberExercise           *exercise)
{
  guint sides, rep_seconds, rests;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), 0);

  sides = limber_prescription_get_n_sides (self, exercise);
  rep_seconds = self->tempo_up + self->hold_seconds + self->tempo_down;
  rests = (self->sets - 1) * (self->side == LIMBER_PRESCRIBED_SIDE_BOTH ? 2 : 1);

  return LIMBER_SESSION_GET_READY_SECONDS + self->sets * self->reps * sides * rep_seconds +
         rests * self->rest_seconds +
         (self->side == LIMBER_PRESCRIBED_SIDE_BOTH ? LIMBER_SESSION_SWITCH_SIDES_SECONDS : 0);
}

static LimberDosage
as_dosage (const LimberPrescription *self,
           LimberExercise           *exercise)
{
  LimberDosage dosage = *limber_exercise_get_dosage (exercise);

  dosage.sets = self->sets;
  dosage.reps_min = dosage.reps_max = self->reps;
  dosage.hold_seconds = self->hold_seconds;
  dosage.times_per_day = self->times_per_day;
  dosage.days_per_week_min = dosage.days_per_week_max =
    self->schedule == LIMBER_SCHEDULE_DAILY ? 7 : self->days_per_week;

  return dosage;
}

/* "3 × 60 s hold", "2 sets × 10 reps · 3 s hold", as the library writes its own dosages. */
char *
limber_prescription_format_amount (const LimberPrescription *self,
                                   LimberExercise           *exercise)
{
  LimberDosage dosage = as_dosage (self, exercise);

  return limber_dosage_format_amount (&dosage);
}

char *
limber_prescription_format_frequency (const LimberPrescription *self)
{
  LimberDosage dosage = { 0 };

  dosage.times_per_day = self->times_per_day;
  dosage.days_per_week_min = dosage.days_per_week_max =
    self->schedule == LIMBER_SCHEDULE_DAILY ? 7 : self->days_per_week;

  return limber_dosage_format_frequency (&dosage);
}

/* "2.5 kg ankle weight", "Red (medium) band", or NULL for no load. */
char *
limber_prescription_format_load (const LimberPrescription *self)
{
  g_autofree char *amount = NULL;

  switch (self->load)
    {
    case LIMBER_LOAD_ANKLE_WEIGHT:
      amount = format_number (self->load_amount);
      if (self->load_unit == LIMBER_WEIGHT_UNIT_LB)
        /* Translators: an ankle weight, as in "5 lb ankle weight" */
        return g_strdup_printf (_("%s lb ankle weight"), amount);
      /* Translators: an ankle weight, as in "2.5 kg ankle weight" */
      return g_strdup_printf (_("%s kg ankle weight"), amount);

    case LIMBER_LOAD_BAND:
      /* Translators: a resistance band, as in "Red (medium) band" */
      return g_strdup_printf (_("%s band"), limber_band_to_label (self->band));

    case LIMBER_LOAD_NONE:
    default:
      return NULL;
    }
}

/* One line: amount · side · load · frequency. */
char *
limber_prescription_format (const LimberPrescription *self,
                            LimberExercise           *exercise)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *load;

  g_ptr_array_add (parts, limber_prescription_format_amount (self, exercise));

  if (self->side != LIMBER_PRESCRIBED_SIDE_NONE)
    g_ptr_array_add (parts, g_utf8_strdown (limber_prescribed_side_to_label (self->side), -1));

  if ((load = limber_prescription_format_load (self)) != NULL)
    g_ptr_array_add (parts, load);

  g_ptr_array_add (parts, limber_prescription_format_frequency (self));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the parts of a dosage, as in "10 reps · left · daily" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static gboolean
load_field (JsonObject            *object,
            const LimberJsonPlace *place,
            const char            *member,
            LimberField            field,
            guint                 *out,
            GError               **error)
{
  return limber_json_get_uint (object, place, member, ranges[field].min, ranges[field].max,
                               out, error);
}

static gboolean
load_load (LimberPrescription    *self,
           JsonObject            *parent,
           const LimberJsonPlace *parent_place,
           GError               **error)
{
  static const char * const members[] = { "kind", "amount", "unit", "band", NULL };
  g_autofree char *path = limber_json_place_format (parent_place, "load");
  LimberJsonPlace place = { parent_place->file, path };
  JsonObject *object;
  int kind, unit, band;

  if (!(object = limber_json_get_object (parent, parent_place, "load", FALSE, error)) ||
      !limber_json_check_members (object, &place, members, error) ||
      !limber_json_get_enum (object, &place, "kind", LIMBER_TYPE_LOAD, &kind, error))
    return FALSE;

  self->load = kind;

  switch (self->load)
    {
    case LIMBER_LOAD_ANKLE_WEIGHT:
      if (!limber_json_get_enum (object, &place, "unit", LIMBER_TYPE_WEIGHT_UNIT, &unit, error))
        return FALSE;
      self->load_unit = unit;
      return limber_json_get_double (object, &place, "amount",
                                     ranges[unit == LIMBER_WEIGHT_UNIT_KG ? LIMBER_FIELD_LOAD_KG
                                                                          : LIMBER_FIELD_LOAD_LB].min,
                                     ranges[unit == LIMBER_WEIGHT_UNIT_KG ? LIMBER_FIELD_LOAD_KG
                                                                          : LIMBER_FIELD_LOAD_LB].max,
                                     &self->load_amount, error);

    case LIMBER_LOAD_BAND:
      if (!limber_json_get_enum (object, &place, "band", LIMBER_TYPE_BAND, &band, error))
        return FALSE;
      self->band = band;
      return TRUE;

    case LIMBER_LOAD_NONE:
    default:
      return TRUE;
    }
}

static gboolean
check_loaded_field (LimberField            field,
                    double                 value,
                    const LimberJsonPlace *place,
                    const char            *member,
                    GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;

  if (limber_field_check (field, value, &local_error))
    return TRUE;

  where = limber_json_place_format (place, member);
  g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE, "%s: %s: %s", place->file, where,
               local_error->message);
  return FALSE;
}

/* Optional: most prescriptions play the clinic's video or the animation. */
static gboolean
load_video (LimberPrescription    *self,
            JsonObject            *object,
            const LimberJsonPlace *place,
            GError               **error)
{
  const char *video;

  if (!json_object_has_member (object, "video"))
    return TRUE;

  if (!(video = limber_json_get_string (object, place, "video", error)))
    return FALSE;

  /* A name, never a path: "../../etc/passwd" or "/home/…" is refused here. */
  if (!limber_video_name_is_valid (video))
    {
      g_autofree char *where = limber_json_place_format (place, "video");
      g_autofree char *at = g_strdup_printf ("%s: %s", place->file, where);

      return limber_video_check_name (video, at, error);
    }

  self->video = g_strdup (video);
  return TRUE;
}

LimberPrescription *
limber_prescription_load (JsonObject            *object,
                          const LimberJsonPlace *place,
                          GError               **error)
{
  static const char * const members[] = {
    "id", "exercise", "sets", "reps", "hold_seconds", "rest_seconds", "tempo_up", "tempo_down",
    "side", "times_per_day", "schedule", "days_per_week", "load", "modifications", "note", "video",
    NULL
  };
  g_autoptr(LimberPrescription) self = g_new0 (LimberPrescription, 1);
  g_auto(GStrv) modifications = NULL;
  const char *id, *exercise_id, *note;
  int side, schedule;

  self->load_amount = 1;
  self->days_per_week = 7;

  if (!limber_json_check_members (object, place, members, error) ||
      !(id = limber_json_get_string (object, place, "id", error)) ||
      !(exercise_id = limber_json_get_string (object, place, "exercise", error)) ||
      !load_field (object, place, "sets", LIMBER_FIELD_SETS, &self->sets, error) ||
      !load_field (object, place, "reps", LIMBER_FIELD_REPS, &self->reps, error) ||
      !load_field (object, place, "hold_seconds", LIMBER_FIELD_HOLD, &self->hold_seconds, error) ||
      !load_field (object, place, "rest_seconds", LIMBER_FIELD_REST, &self->rest_seconds, error) ||
      !load_field (object, place, "tempo_up", LIMBER_FIELD_TEMPO_UP, &self->tempo_up, error) ||
      !load_field (object, place, "tempo_down", LIMBER_FIELD_TEMPO_DOWN, &self->tempo_down, error) ||
      !limber_json_get_enum (object, place, "side", LIMBER_TYPE_PRESCRIBED_SIDE, &side, error) ||
      !load_field (object, place, "times_per_day", LIMBER_FIELD_TIMES_PER_DAY,
                   &self->times_per_day, error) ||
      !limber_json_get_enum (object, place, "schedule", LIMBER_TYPE_SCHEDULE, &schedule, error) ||
      (schedule == LIMBER_SCHEDULE_DAYS_PER_WEEK &&
       !load_field (object, place, "days_per_week", LIMBER_FIELD_DAYS_PER_WEEK,
                    &self->days_per_week, error)) ||
      !load_load (self, object, place, error) ||
      !(modifications = limber_json_get_strv (object, place, "modifications", 0, error)) ||
      !limber_json_get_user_text (object, place, "note", TRUE, &note, error) ||
      !load_video (self, object, place, error))
    return NULL;

  self->id = g_strdup (id);
  self->exercise_id = g_strdup (exercise_id);
  self->side = side;
  self->schedule = schedule;

  /* The steps the editor keeps to (rest in fives, weights in halves) hold in a document too. */
  if (!check_loaded_field (LIMBER_FIELD_REST, self->rest_seconds, place, "rest_seconds", error) ||
      (self->load == LIMBER_LOAD_ANKLE_WEIGHT &&
       !check_loaded_field (self->load_unit == LIMBER_WEIGHT_UNIT_KG ? LIMBER_FIELD_LOAD_KG
                                                                     : LIMBER_FIELD_LOAD_LB,
                            self->load_amount, place, "load.amount", error)))
    return NULL;

  if (!limber_prescription_set_modifications (self, (const char * const *) modifications, error) ||
      !limber_prescription_set_note (self, note, error))
    {
      g_prefix_error (error, "%s: %s: ", place->file, place->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
limber_prescription_save (const LimberPrescription *self,
                          JsonBuilder              *builder)
{
  g_autoptr(GEnumClass) sides = g_type_class_ref (LIMBER_TYPE_PRESCRIBED_SIDE);
  g_autoptr(GEnumClass) schedules = g_type_class_ref (LIMBER_TYPE_SCHEDULE);
  g_autoptr(GEnumClass) loads = g_type_class_ref (LIMBER_TYPE_LOAD);
  g_autoptr(GEnumClass) units = g_type_class_ref (LIMBER_TYPE_WEIGHT_UNIT);
  g_autoptr(GEnumClass) bands = g_type_class_ref (LIMBER_TYPE_BAND);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "exercise");
  json_builder_add_string_value (builder, self->exercise_id);
  json_builder_set_member_name (builder, "sets");
  json_builder_add_int_value (builder, self->sets);
  json_builder_set_member_name (builder, "reps");
  json_builder_add_int_value (builder, self->reps);
  json_builder_set_member_name (builder, "hold_seconds");
  json_builder_add_int_value (builder, self->hold_seconds);
  json_builder_set_member_name (builder, "rest_seconds");
  json_builder_add_int_value (builder, self->rest_seconds);
  json_builder_set_member_name (builder, "tempo_up");
  json_builder_add_int_value (builder, self->tempo_up);
  json_builder_set_member_name (builder, "tempo_down");
  json_builder_add_int_value (builder, self->tempo_down);
  json_builder_set_member_name (builder, "side");
  json_builder_add_string_value (builder, g_enum_get_value (sides, self->side)->value_nick);
  json_builder_set_member_name (builder, "times_per_day");
  json_builder_add_int_value (builder, self->times_per_day);
  json_builder_set_member_name (builder, "schedule");
  json_builder_add_string_value (builder,
                                 g_enum_get_value (schedules, self->schedule)->value_nick);
  if (self->schedule == LIMBER_SCHEDULE_DAYS_PER_WEEK)
    {
      json_builder_set_member_name (builder, "days_per_week");
      json_builder_add_int_value (builder, self->days_per_week);
    }

  json_builder_set_member_name (builder, "load");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, g_enum_get_value (loads, self->load)->value_nick);
  if (self->load == LIMBER_LOAD_ANKLE_WEIGHT)
    {
      json_builder_set_member_name (builder, "amount");
      json_builder_add_double_value (builder, self->load_amount);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder,
                                     g_enum_get_value (units, self->load_unit)->value_nick);
    }
  else if (self->load == LIMBER_LOAD_BAND)
    {
      json_builder_set_member_name (builder, "band");
      json_builder_add_string_value (builder, g_enum_get_value (bands, self->band)->value_nick);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "modifications");
  json_builder_begin_array (builder);
  for (guint i = 0; self->modifications[i] != NULL; i++)
    json_builder_add_string_value (builder, self->modifications[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, self->note);
  if (self->video != NULL)
    {
      json_builder_set_member_name (builder, "video");
      json_builder_add_string_value (builder, self->video);
    }
  json_builder_end_object (builder);
}
