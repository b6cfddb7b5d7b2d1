/* limber-prescription-dialog.h: the window where a therapist tailors one exercise of a program. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"
#include "limber-prescription.h"
#include "limber-units.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PRESCRIPTION_DIALOG (limber_prescription_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LimberPrescriptionDialog, limber_prescription_dialog,
                      LIMBER, PRESCRIPTION_DIALOG, AdwWindow)

LimberPrescriptionDialog *
limber_prescription_dialog_new              (GtkWindow                *parent,
                                             LimberLibrary            *library,
                                             const LimberPrescription *prescription,
                                             LimberUnits               units);
const LimberPrescription *
limber_prescription_dialog_get_prescription (LimberPrescriptionDialog *self);
void     limber_prescription_dialog_set_store_folder (LimberPrescriptionDialog *self,
                                                      GFile                    *folder);
void     limber_prescription_dialog_attach_video     (LimberPrescriptionDialog *self,
                                                      GFile                    *file);
gboolean limber_prescription_dialog_get_attaching    (LimberPrescriptionDialog *self);

G_END_DECLS
