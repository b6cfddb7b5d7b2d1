/* limber-sessions-group.h: the patient page's session log: sessions a week against the
 * program's, the pain trend of each exercise, the last session, and importing the log a
 * patient brings from home. */

#pragma once

#include <adwaita.h>

#include "limber-session-log.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSIONS_GROUP (limber_sessions_group_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionsGroup, limber_sessions_group, LIMBER, SESSIONS_GROUP, GtkWidget)

void     limber_sessions_group_set_library (LimberSessionsGroup *self,
                                            LimberLibrary       *library);
void     limber_sessions_group_set_patient (LimberSessionsGroup *self,
                                            LimberPatient       *patient);
void     limber_sessions_group_set_now     (LimberSessionsGroup *self,
                                            GDateTime           *now);
gboolean limber_sessions_group_import_log  (LimberSessionsGroup *self,
                                            GFile               *file);
gboolean limber_sessions_group_import      (LimberSessionsGroup *self,
                                            LimberLogFile       *log,
                                            GFile               *file);
void     limber_show_log_error             (GtkWidget           *widget,
                                            GFile               *file,
                                            const GError        *error);

G_END_DECLS
