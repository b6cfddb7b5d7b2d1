/* limber-session-log.h: what a patient did in each guided session (done, partly or skipped,
 * and how much it hurt, for every exercise), how a log travels between the patient's PC and
 * the clinic, and what the therapist reads from it: sessions a week and pain over time. */

#pragma once

#include <json-glib/json-glib.h>

#include "limber-json.h"
#include "limber-patient.h"
#include "limber-store.h"
#include "limber-types.h"

G_BEGIN_DECLS

#define LIMBER_LOG_FILE_SCHEMA_VERSION 1
#define LIMBER_LOG_FILE_EXTENSION ".limberlog"
#define LIMBER_LOG_FILE_MIME_TYPE "application/x-limber-log"
#define LIMBER_PAIN_MAX 10
/* No pain was recorded: the exercise was skipped. */
#define LIMBER_PAIN_NONE (-1)
/* About three sessions a day for ten years: a bound, not a target. */
#define LIMBER_PATIENT_MAX_SESSIONS 12000
/* The highest pain that settles as acceptable, and the pain at which to stop. */
#define LIMBER_PAIN_FINE_MAX 3
#define LIMBER_PAIN_STOP 6

/* One exercise of a session, as the patient logged it. */
typedef struct
{
  char          *prescription_id;
  char          *exercise_id;
  LimberOutcome  outcome;
  int            pain;            /* 0–10, or LIMBER_PAIN_NONE when skipped */
} LimberSessionEntry;

typedef struct
{
  char      *id;          /* random, so the same session imported twice is kept once */
  char      *program_id;
  GDateTime *started;
  GDateTime *finished;    /* NULL when the patient left before the end */
  GPtrArray *entries;     /* LimberSessionEntry, in the order they were logged */
} LimberSession;

/* A patient's log, as exported from their PC for the clinic. */
typedef struct
{
  char      *patient_id;
  char      *patient_name;
  GDateTime *exported;
  GPtrArray *sessions;    /* LimberSession */
} LimberLogFile;

/* A pain rating on one day, for the trend chart. */
typedef struct
{
  gint64 time;            /* seconds since 1970, UTC */
  int    pain;
} LimberPainPoint;

LimberSession      *limber_session_new              (const char          *program_id,
                                                     GDateTime           *started);
LimberSession      *limber_session_copy             (const LimberSession *session);
void                limber_session_free             (LimberSession       *session);
gboolean            limber_session_equal            (const LimberSession *a,
                                                     const LimberSession *b);
void                limber_session_log              (LimberSession       *session,
                                                     const char          *prescription_id,
                                                     const char          *exercise_id,
                                                     LimberOutcome        outcome,
                                                     int                  pain);
const LimberSessionEntry *
                    limber_session_find_entry       (const LimberSession *session,
                                                     const char          *prescription_id);
gboolean            limber_session_counts           (const LimberSession *session);
void                limber_session_finish           (LimberSession       *session,
                                                     GDateTime           *finished);
LimberSession      *limber_session_load             (JsonObject            *object,
                                                     const LimberJsonPlace *place,
                                                     GError               **error);
void                limber_session_save             (JsonBuilder         *builder,
                                                     const LimberSession *session);

char               *limber_session_summarize        (const LimberSession *session);
const char         *limber_outcome_to_label         (LimberOutcome        outcome);
const char         *limber_pain_describe            (int                  pain);

GPtrArray          *limber_sessions_new             (void);
gboolean            limber_sessions_load            (JsonArray             *array,
                                                     const LimberJsonPlace *place,
                                                     GPtrArray             *sessions,
                                                     GError               **error);
void                limber_sessions_save            (JsonBuilder         *builder,
                                                     GPtrArray           *sessions);

void                limber_patient_add_session      (LimberPatient       *patient,
                                                     LimberSession       *session);
guint               limber_patient_merge_sessions   (LimberPatient       *patient,
                                                     GPtrArray           *sessions,
                                                     GError             **error);
guint               limber_patient_count_sessions   (LimberPatient       *patient,
                                                     GDateTime           *since,
                                                     GDateTime           *until);
GArray             *limber_patient_get_pain_trend   (LimberPatient       *patient,
                                                     const char          *exercise_id,
                                                     GDateTime           *since,
                                                     GDateTime           *until);
gboolean            limber_patient_is_due           (LimberPatient       *patient,
                                                     const LimberPrescription *prescription,
                                                     GDateTime           *now);
guint               limber_program_get_sessions_per_week (const LimberProgram *program);

gboolean            limber_store_add_session        (LimberStore         *store,
                                                     const char          *patient_id,
                                                     const LimberSession *session,
                                                     GError             **error);

LimberLogFile      *limber_log_file_new_for_patient (LimberPatient       *patient,
                                                     GDateTime           *exported);
void                limber_log_file_free            (LimberLogFile       *log);
LimberLogFile      *limber_log_file_load            (GBytes              *bytes,
                                                     const char          *file,
                                                     GError             **error);
LimberLogFile      *limber_log_file_read            (GFile               *file,
                                                     GError             **error);
char               *limber_log_file_to_data         (LimberLogFile       *log,
                                                     gsize               *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSession, limber_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberLogFile, limber_log_file_free)

G_END_DECLS
