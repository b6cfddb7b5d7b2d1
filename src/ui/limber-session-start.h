/* limber-session-start.h: starts a guided session for a patient's active program, from the
 * clinic's patient page or the patient's own window, and keeps each logged exercise. */

#pragma once

#include <adwaita.h>

#include "limber-library.h"
#include "limber-patient.h"

G_BEGIN_DECLS

/* Called after the session was added to @patient, to save the record. */
typedef void (*LimberSessionSavedFunc) (LimberPatient *patient,
                                        gpointer       owner);

GtkWidget *limber_session_start (GtkWindow              *parent,
                                 LimberLibrary          *library,
                                 LimberPatient          *patient,
                                 const LimberProgram    *program,
                                 GSettings              *settings,
                                 GFile                  *video_folder,
                                 LimberSessionSavedFunc  saved,
                                 gpointer                owner);

G_END_DECLS
