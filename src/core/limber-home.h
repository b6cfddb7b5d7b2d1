/* limber-home.h: Limber on a patient's own PC. The program files they open are kept, with the
 * log of their sessions, as patient documents in a folder of their own, apart from any
 * clinic's records. */

#pragma once

#include "limber-program-file.h"
#include "limber-store.h"

G_BEGIN_DECLS

#define LIMBER_HOME_FOLDER_NAME "home"

char          *limber_home_get_default_folder (void);
char          *limber_home_get_record_id      (const LimberProgramFile *file);
LimberPatient *limber_home_import             (LimberStore             *store,
                                               const LimberProgramFile *file,
                                               GBytes                  *file_data,
                                               GDateTime               *now,
                                               GError                 **error);
LimberProgramFile *
               limber_home_load_program_file  (LimberStore             *store,
                                               const char              *patient_id,
                                               GError                 **error);

G_END_DECLS
