/* limber-exercise.h: one exercise of the library, as a therapist and a patient read it. */
#pragma once

#include <json-glib/json-glib.h>

#include "limber-dosage.h"
#include "limber-types.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE (limber_exercise_get_type ())

G_DECLARE_FINAL_TYPE (LimberExercise, limber_exercise, LIMBER, EXERCISE, GObject)

LimberExercise     *limber_exercise_new_from_json     (JsonObject     *object,
                                                       const char     *file,
                                                       GError        **error);
const char         *limber_exercise_get_id            (LimberExercise *self);
const char         *limber_exercise_get_name          (LimberExercise *self);
LimberExerciseKind  limber_exercise_get_kind          (LimberExercise *self);
LimberPosition      limber_exercise_get_position      (LimberExercise *self);
const char         *limber_exercise_get_body_region   (LimberExercise *self);
const char * const *limber_exercise_get_target_muscles (LimberExercise *self);
const char * const *limber_exercise_get_equipment     (LimberExercise *self);
const char         *limber_exercise_get_purpose       (LimberExercise *self);
const char * const *limber_exercise_get_steps         (LimberExercise *self);
const char         *limber_exercise_get_feel          (LimberExercise *self);
const LimberDosage *limber_exercise_get_dosage        (LimberExercise *self);
const char * const *limber_exercise_get_cautions      (LimberExercise *self);
const char * const *limber_exercise_get_modifications (LimberExercise *self);
const char * const *limber_exercise_get_progressions  (LimberExercise *self);
const char * const *limber_exercise_get_regressions   (LimberExercise *self);
char               *limber_exercise_dup_summary       (LimberExercise *self);
gboolean            limber_exercise_matches           (LimberExercise *self,
                                                       const char     *query);

G_END_DECLS
