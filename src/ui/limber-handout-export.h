/* limber-handout-export.h: a patient's program, printed, exported as a PDF or saved as a
 * `.limber` program file, with the clinic's details from Preferences. */
#pragma once

#include <gtk/gtk.h>

#include "limber-handout.h"

G_BEGIN_DECLS

LimberProgramFile *limber_handout_content_new       (LimberPatient  *patient,
                                                     LimberProgram  *program,
                                                     char          **warning);
gboolean           limber_handout_export_pdf        (LimberLibrary  *library,
                                                     LimberPatient  *patient,
                                                     LimberProgram  *program,
                                                     GFile          *file,
                                                     char          **warning,
                                                     GError        **error);
gboolean           limber_handout_save_program_file (LimberLibrary  *library,
                                                     LimberPatient  *patient,
                                                     LimberProgram  *program,
                                                     GFile          *file,
                                                     char          **warning,
                                                     GError        **error);
GtkPrintOperation *limber_handout_print_operation_new (LimberLibrary  *library,
                                                       LimberPatient  *patient,
                                                       LimberProgram  *program,
                                                       char          **warning,
                                                       GError        **error);

G_END_DECLS
