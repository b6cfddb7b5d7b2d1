/* limber-export-command.h: `limber --export-pdf`, which makes a handout with no display, and
 * the clinic's details and paper as the Preferences keep them. */
#pragma once

#include <gio/gio.h>

#include "limber-handout.h"

G_BEGIN_DECLS

GSettings    *limber_settings_new_if_installed (void);
LimberClinic *limber_clinic_new_from_settings  (GSettings   *settings,
                                                GError     **logo_error);
LimberPaper   limber_paper_from_settings       (GSettings   *settings);
int           limber_export_pdf_command        (const char  *program_path,
                                                const char  *patient_name,
                                                const char  *output_path,
                                                gboolean     large_print,
                                                const char  *paper);

G_END_DECLS
