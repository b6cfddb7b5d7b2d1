/* limber-window.h: the main window: the patients and their programs, and the exercise library. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"
#include "limber-patients-view.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow   *limber_window_new              (AdwApplication *application,
                                                LimberLibrary  *library);
LimberExercise *limber_window_get_exercise     (LimberWindow   *self);
gboolean        limber_window_show_exercise    (LimberWindow   *self,
                                                const char     *id);
void            limber_window_set_search_text  (LimberWindow   *self,
                                                const char     *text);

LimberPatientsView *limber_window_get_patients_view (LimberWindow *self);
void            limber_window_show_view        (LimberWindow   *self,
                                                const char     *name);

G_END_DECLS
