/* limber-patients-view.h: the patients: a searchable list, each patient's details and
 * programs, and the program editor. */
#pragma once

#include <adwaita.h>

#include "limber-store.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PATIENTS_VIEW (limber_patients_view_get_type ())
G_DECLARE_FINAL_TYPE (LimberPatientsView, limber_patients_view, LIMBER, PATIENTS_VIEW, GtkWidget)

void           limber_patients_view_set_library    (LimberPatientsView *self,
                                                    LimberLibrary      *library);
void           limber_patients_view_set_view_stack (LimberPatientsView *self,
                                                    AdwViewStack       *stack);
void           limber_patients_view_open_store     (LimberPatientsView *self,
                                                    GFile              *folder,
                                                    gboolean            create);
void           limber_patients_view_focus_search   (LimberPatientsView *self);
LimberStore   *limber_patients_view_get_store      (LimberPatientsView *self);
LimberPatient *limber_patients_view_get_patient    (LimberPatientsView *self);
gboolean       limber_patients_view_import_log     (LimberPatientsView *self,
                                                    GFile              *file);
gboolean       limber_patients_view_open_patient   (LimberPatientsView *self,
                                                    const char         *id);
void           limber_patients_view_open_program   (LimberPatientsView *self,
                                                    const char         *program_id);
gboolean       limber_patients_view_save           (LimberPatientsView *self);
gboolean       limber_patients_view_has_unsaved    (LimberPatientsView *self);
const char    *limber_patients_view_get_save_error (LimberPatientsView *self);

G_END_DECLS
