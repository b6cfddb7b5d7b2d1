/* limber-prescription.h: one exercise of a patient's program, with the dosage the therapist
 * tailored: sets, reps, hold, rest, tempo, side, frequency, load, modifications and a note. */
#pragma once

#include <json-glib/json-glib.h>

#include "limber-exercise.h"
#include "limber-json.h"
#include "limber-types.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PRESCRIPTION (limber_prescription_get_type ())

/* The seconds the guided session gives to get into position before each exercise. */
#define LIMBER_SESSION_GET_READY_SECONDS 10
/* The seconds to turn over or change legs between the sides of a "both sides" exercise. */
#define LIMBER_SESSION_SWITCH_SIDES_SECONDS 10

typedef struct
{
  char                 *id;            /* stable within its program, so versions can be compared */
  char                 *exercise_id;
  guint                 sets;
  guint                 reps;
  guint                 hold_seconds;
  guint                 rest_seconds;  /* between sets */
  guint                 tempo_up;      /* seconds to move into position */
  guint                 tempo_down;    /* seconds to return */
  LimberPrescribedSide  side;
  guint                 times_per_day;
  LimberSchedule        schedule;
  guint                 days_per_week; /* when schedule is days-per-week */
  LimberLoad            load;
  double                load_amount;   /* an ankle weight, in load_unit */
  LimberWeightUnit      load_unit;
  LimberBand            band;
  GStrv                 modifications; /* from the exercise's list, or the therapist's own words */
  char                 *note;
  char                 *video;         /* a video in the store (limber-video.h), or NULL */
} LimberPrescription;

/* The numbers a therapist can set, each with a clinically sensible range. */
typedef enum
{
  LIMBER_FIELD_SETS,
  LIMBER_FIELD_REPS,
  LIMBER_FIELD_HOLD,
  LIMBER_FIELD_REST,
  LIMBER_FIELD_TEMPO_UP,
  LIMBER_FIELD_TEMPO_DOWN,
  LIMBER_FIELD_TIMES_PER_DAY,
  LIMBER_FIELD_DAYS_PER_WEEK,
  LIMBER_FIELD_LOAD_KG,
  LIMBER_FIELD_LOAD_LB,
  LIMBER_N_FIELDS,
} LimberField;

#define LIMBER_PRESCRIPTION_MAX_NOTE 2000
#define LIMBER_PRESCRIPTION_MAX_MODIFICATION 500
#define LIMBER_PRESCRIPTION_MAX_MODIFICATIONS 20

GType               limber_prescription_get_type      (void) G_GNUC_CONST;
LimberPrescription *limber_prescription_new_for_exercise (LimberExercise           *exercise);
LimberPrescription *limber_prescription_copy          (const LimberPrescription *self);
LimberPrescription *limber_prescription_duplicate     (const LimberPrescription *self);
void                limber_prescription_free          (LimberPrescription       *self);
gboolean            limber_prescription_equal         (const LimberPrescription *a,
                                                       const LimberPrescription *b);

void                limber_field_get_range            (LimberField               field,
                                                       double                   *min,
                                                       double                   *max,
                                                       double                   *step);
const char         *limber_field_get_label            (LimberField               field);
gboolean            limber_field_check                (LimberField               field,
                                                       double                    value,
                                                       GError                  **error);

gboolean            limber_prescription_set_field     (LimberPrescription       *self,
                                                       LimberField               field,
                                                       double                    value,
                                                       GError                  **error);
double              limber_prescription_get_field     (const LimberPrescription *self,
                                                       LimberField               field);
gboolean            limber_prescription_set_note      (LimberPrescription       *self,
                                                       const char               *note,
                                                       GError                  **error);
gboolean            limber_prescription_set_video     (LimberPrescription       *self,
                                                       const char               *video,
                                                       GError                  **error);
gboolean            limber_prescription_set_modifications (LimberPrescription   *self,
                                                           const char * const   *modifications,
                                                           GError              **error);

void                limber_prescription_switch_exercise (LimberPrescription     *self,
                                                         LimberExercise         *from,
                                                         LimberExercise         *to);

guint               limber_prescription_get_n_sides   (const LimberPrescription *self,
                                                       LimberExercise           *exercise);
guint               limber_prescription_estimate_seconds (const LimberPrescription *self,
                                                          LimberExercise           *exercise);

char               *limber_prescription_format_amount (const LimberPrescription *self,
                                                       LimberExercise           *exercise);
char               *limber_prescription_format_frequency (const LimberPrescription *self);
char               *limber_prescription_format_load   (const LimberPrescription *self);
char               *limber_prescription_format        (const LimberPrescription *self,
                                                       LimberExercise           *exercise);

LimberPrescription *limber_prescription_load          (JsonObject               *object,
                                                       const LimberJsonPlace    *place,
                                                       GError                  **error);
void                limber_prescription_save          (const LimberPrescription *self,
                                                       JsonBuilder              *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPrescription, limber_prescription_free)

G_END_DECLS
