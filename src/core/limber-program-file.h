/* limber-program-file.h: a `.limber` program file, the program a patient takes home with
 * their name and the clinic's details (see examples/README.md for the format). */
#pragma once

#include "limber-patient.h"

G_BEGIN_DECLS

#define LIMBER_PROGRAM_FILE_SCHEMA_VERSION 1
#define LIMBER_PROGRAM_FILE_EXTENSION ".limber"
#define LIMBER_PROGRAM_FILE_MIME_TYPE "application/x-limber-program"
#define LIMBER_CLINIC_MAX_TEXT 1000
#define LIMBER_CLINIC_MAX_LOGO (1024 * 1024)
#define LIMBER_LOGO_MAX_PIXELS 4096
#define LIMBER_LOGO_MAX_USES 16
#define LIMBER_FILE_NAME_PART_BYTES 80

/* The clinic as its handouts show it. */
typedef struct
{
  char   *name;
  char   *address;
  char   *phone;
  char   *therapist;
  GBytes *logo;         /* PNG or SVG data, or NULL */
} LimberClinic;

typedef struct
{
  char          *patient_name;
  char          *patient_id;    /* the clinic's record, or NULL */
  gboolean       large_print;
  LimberClinic  *clinic;
  LimberProgram *program;
  GDateTime     *exported;
} LimberProgramFile;

LimberClinic      *limber_clinic_new                (void);
LimberClinic      *limber_clinic_copy               (const LimberClinic      *clinic);
void               limber_clinic_free               (LimberClinic            *clinic);
gboolean           limber_clinic_set_logo           (LimberClinic            *clinic,
                                                     GBytes                  *logo,
                                                     const char              *file,
                                                     GError                 **error);
const char        *limber_logo_get_media_type       (GBytes                  *logo);
gboolean           limber_logo_check                (GBytes                  *logo,
                                                     const char              *file,
                                                     GError                 **error);

LimberProgramFile *limber_program_file_new          (const char              *patient_name,
                                                     const LimberProgram     *program,
                                                     const LimberClinic      *clinic,
                                                     GDateTime               *exported);
void               limber_program_file_free         (LimberProgramFile       *file);
LimberProgramFile *limber_program_file_load         (GBytes                  *bytes,
                                                     const char              *file,
                                                     GError                 **error);
char              *limber_program_file_to_data      (const LimberProgramFile *file,
                                                     gsize                   *length);
char              *limber_program_file_suggest_name (const char              *patient_name,
                                                     const char              *program_name,
                                                     GDateTime               *date,
                                                     const char              *extension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberClinic, limber_clinic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProgramFile, limber_program_file_free)

G_END_DECLS
