/* limber-exercise-picker.h: a searchable list of the library to choose one exercise from. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE_PICKER (limber_exercise_picker_get_type ())

G_DECLARE_FINAL_TYPE (LimberExercisePicker, limber_exercise_picker,
                      LIMBER, EXERCISE_PICKER, AdwWindow)

LimberExercisePicker *limber_exercise_picker_new (GtkWindow     *parent,
                                                  LimberLibrary *library);

G_END_DECLS
