/* limber-program-editor.h: one program of a patient: its overview, its changes since the last
 * visit, and its exercises to add, tailor, reorder, duplicate and remove. */
#pragma once

#include <gtk/gtk.h>

#include "limber-patient.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PROGRAM_EDITOR (limber_program_editor_get_type ())
G_DECLARE_FINAL_TYPE (LimberProgramEditor, limber_program_editor, LIMBER, PROGRAM_EDITOR, GtkWidget)

void           limber_program_editor_set_store_folder (LimberProgramEditor *self,
                                                       GFile               *folder);
void           limber_program_editor_set_library (LimberProgramEditor *self,
                                                  LimberLibrary       *library);
void           limber_program_editor_set_program (LimberProgramEditor *self,
                                                  LimberPatient       *patient,
                                                  LimberProgram       *program);
LimberProgram *limber_program_editor_get_program (LimberProgramEditor *self);
void           limber_program_editor_refresh     (LimberProgramEditor *self);
void           limber_program_editor_add_exercise (LimberProgramEditor *self,
                                                   const char          *exercise_id);
void           limber_program_editor_edit        (LimberProgramEditor *self,
                                                  guint                position);

G_END_DECLS
