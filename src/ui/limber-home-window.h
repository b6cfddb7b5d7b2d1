/* limber-home-window.h: Limber on the patient's own PC: their program, "Start Today's
 * Session", and the log they bring back to the clinic. */

#pragma once

#include <adwaita.h>

#include "limber-library.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HOME_WINDOW (limber_home_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberHomeWindow, limber_home_window, LIMBER, HOME_WINDOW, AdwApplicationWindow)

LimberHomeWindow *limber_home_window_new         (AdwApplication   *application,
                                                  LimberLibrary    *library);
gboolean          limber_home_window_open_file   (LimberHomeWindow *self,
                                                  GFile            *file);
gboolean          limber_home_window_has_program (LimberHomeWindow *self);
gboolean          limber_home_window_export_log  (LimberHomeWindow *self,
                                                  GFile            *file);
const char       *limber_home_window_get_problem (LimberHomeWindow *self);
GtkWidget        *limber_home_window_start_session (LimberHomeWindow *self);

G_END_DECLS
