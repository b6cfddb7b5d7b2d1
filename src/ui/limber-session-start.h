/* limber-session-start.h: starts a guided session for a patient's active program, from the
 * clinic's patient page or the patient's own window, and keeps each logged exercise. */

#pragma once

#include <adwaita.h>

#include "limber-library.h"
#include "limber-patient.h"
#include "limber-session-log.h"

G_BEGIN_DECLS

/* Called with the session so far after every exercise logged, to keep it in the record
 * @patient_id as the owner has it now. */
typedef void (*LimberSessionLoggedFunc) (const char    *patient_id,
                                         LimberSession *session,
                                         gpointer       owner);

GtkWidget *limber_session_start (GtkWindow              *parent,
                                 LimberLibrary          *library,
                                 LimberPatient          *patient,
                                 const LimberProgram    *program,
                                 GSettings              *settings,
                                 GFile                  *video_folder,
                                 LimberSessionLoggedFunc logged,
                                 gpointer                owner);

G_END_DECLS
