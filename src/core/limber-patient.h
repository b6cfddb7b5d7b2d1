/* limber-patient.h: a patient's record: details, programs with their history, session logs.
 * One patient is one JSON document (see data/store/README.md). */
#pragma once

#include <json-glib/json-glib.h>

#include "limber-library.h"
#include "limber-prescription.h"

G_BEGIN_DECLS

#define LIMBER_PATIENT_SCHEMA_VERSION 1
#define LIMBER_TEMPLATE_SCHEMA_VERSION 1

#define LIMBER_PATIENT_MAX_NAME 200
#define LIMBER_PATIENT_MAX_TEXT 5000
#define LIMBER_PATIENT_MAX_AGE 120
#define LIMBER_PROGRAM_MAX_EXERCISES 40

/* Gentle limits the program overview warns about; it never refuses them. */
#define LIMBER_PROGRAM_ADVISED_EXERCISES 8
#define LIMBER_PROGRAM_ADVISED_SECONDS (45 * 60)
#define LIMBER_PROGRAM_ADVISED_STRETCH_HOLD 15

/* A program as it was saved at one moment. */
typedef struct
{
  GDateTime *saved;
  char      *name;
  GPtrArray *prescriptions;
} LimberProgramVersion;

typedef struct
{
  char       *id;
  char       *name;
  GDateTime  *created;
  GDateTime  *saved;          /* when the current version was saved; NULL before the first save */
  GPtrArray  *prescriptions;  /* LimberPrescription, in the order the patient does them */
  GPtrArray  *history;        /* LimberProgramVersion, oldest first, without the current one */

  /* What was last saved, to tell whether there is a change to keep in the history. */
  char       *saved_name;
  GPtrArray  *saved_prescriptions;
} LimberProgram;

typedef struct
{
  char       *id;
  char       *name;
  GDate      *birth_date;     /* or NULL */
  guint       age;            /* when the birth date is not known: the age told, 0 for none */
  GDate      *age_recorded;   /* the day the age was told */
  char       *condition;
  char       *notes;
  gboolean    archived;
  gboolean    large_print;    /* handouts in large type */
  GDateTime  *created;
  char       *active_program; /* a program's id, or NULL */
  GPtrArray  *programs;       /* LimberProgram */
  GPtrArray  *sessions;       /* LimberSession (limber-session-log.h), oldest first */
} LimberPatient;

/* Programs */
LimberProgram        *limber_program_new               (const char          *name);
LimberProgram        *limber_program_copy              (const LimberProgram *program);
void                  limber_program_free              (LimberProgram       *program);
LimberProgram        *limber_program_new_from_template (const LimberProgram *template,
                                                        const char          *name);
LimberPrescription   *limber_program_find              (const LimberProgram *program,
                                                        const char          *prescription_id,
                                                        guint               *position);
gboolean              limber_program_has_changes       (const LimberProgram *program);
gboolean              limber_program_commit            (LimberProgram       *program,
                                                        GDateTime           *now);
GPtrArray            *limber_program_get_version_at    (const LimberProgram *program,
                                                        GDateTime           *when);
GPtrArray            *limber_program_list_visit_dates  (const LimberProgram *program,
                                                        GDateTime           *now);
guint                 limber_program_estimate_seconds  (const LimberProgram *program,
                                                        LimberLibrary       *library);
GStrv                 limber_program_get_warnings      (const LimberProgram *program,
                                                        LimberLibrary       *library);
GStrv                 limber_program_describe_changes  (GPtrArray           *before,
                                                        GPtrArray           *after,
                                                        LimberLibrary       *library);
gboolean              limber_program_check_exercises   (const LimberProgram *program,
                                                        LimberLibrary       *library,
                                                        const char          *file,
                                                        GError             **error);

LimberProgram        *limber_template_load             (GBytes              *bytes,
                                                        const char          *file,
                                                        GError             **error);
char                 *limber_template_to_data          (const LimberProgram *template,
                                                        gsize               *length);

/* Patients */
LimberPatient        *limber_patient_new               (const char          *name);
LimberPatient        *limber_patient_ref               (LimberPatient       *patient);
void                  limber_patient_unref             (LimberPatient       *patient);
LimberPatient        *limber_patient_load              (GBytes              *bytes,
                                                        const char          *file,
                                                        GError             **error);
char                 *limber_patient_to_data           (LimberPatient       *patient,
                                                        gsize               *length);
gboolean              limber_patient_set_name          (LimberPatient       *patient,
                                                        const char          *name,
                                                        GError             **error);
gboolean              limber_patient_set_text          (LimberPatient       *patient,
                                                        char               **field,
                                                        const char          *text,
                                                        GError             **error);
gboolean              limber_patient_set_age           (LimberPatient       *patient,
                                                        guint                age,
                                                        GDate               *today,
                                                        GError             **error);
gboolean              limber_patient_set_birth_date    (LimberPatient       *patient,
                                                        GDate               *birth_date,
                                                        GDate               *today,
                                                        GError             **error);
int                   limber_patient_get_age           (LimberPatient       *patient,
                                                        GDate               *today);
int                   limber_age_on                    (GDate               *birth_date,
                                                        guint                age,
                                                        GDate               *age_recorded,
                                                        GDate               *today);
char                 *limber_patient_format_age        (LimberPatient       *patient,
                                                        GDate               *today);
LimberProgram        *limber_patient_get_program       (LimberPatient       *patient,
                                                        const char          *program_id);
LimberProgram        *limber_patient_get_active_program (LimberPatient      *patient);
gboolean              limber_patient_has_changes       (LimberPatient       *patient);
void                  limber_patient_commit            (LimberPatient       *patient,
                                                        GDateTime           *now);
LimberPatient        *limber_patient_copy              (LimberPatient       *patient);

void                  limber_program_version_free      (LimberProgramVersion *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProgram, limber_program_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPatient, limber_patient_unref)

G_END_DECLS
