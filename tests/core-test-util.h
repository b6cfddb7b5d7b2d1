/* core-test-util.h: what the tests of the model layers share. */
#pragma once

#include "limber-library.h"
#include "limber-patient.h"

G_BEGIN_DECLS

LimberLibrary *load_library (void);
void           remove_tree  (const char *path);
LimberPatient *load_patient_file (const char *path);

G_END_DECLS
