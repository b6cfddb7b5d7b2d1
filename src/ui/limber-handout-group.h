/* limber-handout-group.h: the patient page's handout rows: print, export as PDF, save a
 * program file, and large print. */
#pragma once

#include <adwaita.h>

#include "limber-patient.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HANDOUT_GROUP (limber_handout_group_get_type ())

G_DECLARE_FINAL_TYPE (LimberHandoutGroup, limber_handout_group, LIMBER, HANDOUT_GROUP, GtkWidget)

void     limber_handout_group_set_library        (LimberHandoutGroup *self,
                                                  LimberLibrary      *library);
void     limber_handout_group_set_patient        (LimberHandoutGroup *self,
                                                  LimberPatient      *patient);
gboolean limber_handout_group_export_pdf         (LimberHandoutGroup *self,
                                                  GFile              *file);
gboolean limber_handout_group_save_program_file  (LimberHandoutGroup *self,
                                                  GFile              *file);

G_END_DECLS
