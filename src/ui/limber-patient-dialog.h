/* limber-patient-dialog.h: adding a patient, or editing their details. */
#pragma once

#include <adwaita.h>

#include "limber-patient.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PATIENT_DIALOG (limber_patient_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LimberPatientDialog, limber_patient_dialog, LIMBER, PATIENT_DIALOG, AdwWindow)

LimberPatientDialog *limber_patient_dialog_new (GtkWindow     *parent,
                                                LimberPatient *patient);

G_END_DECLS
