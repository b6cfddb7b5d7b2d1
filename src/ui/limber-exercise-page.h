/* limber-exercise-page.h: the detail page of one exercise. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"
#include "limber-video-view.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE_PAGE (limber_exercise_page_get_type ())

G_DECLARE_FINAL_TYPE (LimberExercisePage, limber_exercise_page, LIMBER, EXERCISE_PAGE, GtkWidget)

LimberExercise  *limber_exercise_page_get_exercise     (LimberExercisePage *self);
void             limber_exercise_page_set_exercise     (LimberExercisePage *self,
                                                        LimberExercise     *exercise);
void             limber_exercise_page_set_library      (LimberExercisePage *self,
                                                        LimberLibrary      *library);
void             limber_exercise_page_set_store_folder (LimberExercisePage *self,
                                                        GFile              *folder);
void             limber_exercise_page_attach_video     (LimberExercisePage *self,
                                                        GFile              *file);
gboolean         limber_exercise_page_get_attaching    (LimberExercisePage *self);
LimberVideoView *limber_exercise_page_get_video_view   (LimberExercisePage *self);

G_END_DECLS
