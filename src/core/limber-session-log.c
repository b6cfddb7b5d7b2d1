/* limber-session-log.c: session logs in the patient document and in log files, their merge,
 * and the figures the patient's page shows from them. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-enum-types.h"
#include "limber-patient-private.h"
#include "limber-session-log.h"
#include "limber-store.h"

/* ---- Sessions ---- */

static void
entry_free (LimberSessionEntry *entry)
{
  g_free (entry->prescription_id);
  g_free (entry->exercise_id);
  g_free (entry);
}

static LimberSessionEntry *
entry_new (const char    *prescription_id,
           const char    *exercise_id,
           LimberOutcome  outcome,
           int            pain)
{
  LimberSessionEntry *entry = g_new0 (LimberSessionEntry, 1);

  entry->prescription_id = g_strdup (prescription_id);
  entry->exercise_id = g_strdup (exercise_id);
  entry->outcome = outcome;
  entry->pain = outcome == LIMBER_OUTCOME_SKIPPED ? LIMBER_PAIN_NONE : CLAMP (pain, 0, LIMBER_PAIN_MAX);

  return entry;
}

static GPtrArray *
entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

LimberSession *
limber_session_new (const char *program_id,
                    GDateTime  *started)
{
  LimberSession *session = g_new0 (LimberSession, 1);

  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (started != NULL, NULL);

  session->id = g_uuid_string_random ();
  session->program_id = g_strdup (program_id);
  session->started = g_date_time_ref (started);
  session->entries = entries_new ();

  return session;
}

LimberSession *
limber_session_copy (const LimberSession *session)
{
  LimberSession *copy = g_new0 (LimberSession, 1);

  copy->id = g_strdup (session->id);
  copy->program_id = g_strdup (session->program_id);
  copy->started = g_date_time_ref (session->started);
  copy->finished = session->finished != NULL ? g_date_time_ref (session->finished) : NULL;
  copy->entries = entries_new ();
  for (guint i = 0; i < session->entries->len; i++)
    {
      const LimberSessionEntry *entry = g_ptr_array_index (session->entries, i);

      g_ptr_array_add (copy->entries, entry_new (entry->prescription_id, entry->exercise_id,
                                                 entry->outcome, entry->pain));
    }

  return copy;
}

void
limber_session_free (LimberSession *session)
{
  if (session == NULL)
    return;

  g_free (session->id);
  g_free (session->program_id);
  g_date_time_unref (session->started);
  g_clear_pointer (&session->finished, g_date_time_unref);
  g_ptr_array_unref (session->entries);
  g_free (session);
}

static gboolean
equal_times (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

gboolean
limber_session_equal (const LimberSession *a,
                      const LimberSession *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 ||
      g_strcmp0 (a->program_id, b->program_id) != 0 ||
      !equal_times (a->started, b->started) ||
      !equal_times (a->finished, b->finished) ||
      a->entries->len != b->entries->len)
    return FALSE;

  for (guint i = 0; i < a->entries->len; i++)
    {
      const LimberSessionEntry *x = g_ptr_array_index (a->entries, i);
      const LimberSessionEntry *y = g_ptr_array_index (b->entries, i);

      if (g_strcmp0 (x->prescription_id, y->prescription_id) != 0 ||
          g_strcmp0 (x->exercise_id, y->exercise_id) != 0 ||
          x->outcome != y->outcome || x->pain != y->pain)
        return FALSE;
    }

  return TRUE;
}

const LimberSessionEntry *
limber_session_find_entry (const LimberSession *session,
                           const char          *prescription_id)
{
  for (guint i = 0; i < session->entries->len; i++)
    {
      const LimberSessionEntry *entry = g_ptr_array_index (session->entries, i);

      if (g_strcmp0 (entry->prescription_id, prescription_id) == 0)
        return entry;
    }

  return NULL;
}

/* An exercise done again in the same session replaces what was logged for it first: the log
 * keeps one answer per exercise, the latest. */
void
limber_session_log (LimberSession *session,
                    const char    *prescription_id,
                    const char    *exercise_id,
                    LimberOutcome  outcome,
                    int            pain)
{
  LimberSessionEntry *entry;

  g_return_if_fail (session != NULL);
  g_return_if_fail (prescription_id != NULL && exercise_id != NULL);
  g_return_if_fail (outcome <= LIMBER_OUTCOME_SKIPPED);

  entry = entry_new (prescription_id, exercise_id, outcome, pain);
  for (guint i = 0; i < session->entries->len; i++)
    {
      LimberSessionEntry *old = g_ptr_array_index (session->entries, i);

      if (g_strcmp0 (old->prescription_id, prescription_id) == 0)
        {
          g_ptr_array_remove_index (session->entries, i);
          break;
        }
    }

  g_ptr_array_add (session->entries, entry);
}

/* A session counts towards adherence when at least one exercise was done, even partly. */
gboolean
limber_session_counts (const LimberSession *session)
{
  for (guint i = 0; i < session->entries->len; i++)
    {
      const LimberSessionEntry *entry = g_ptr_array_index (session->entries, i);

      if (entry->outcome != LIMBER_OUTCOME_SKIPPED)
        return TRUE;
    }

  return FALSE;
}

void
limber_session_finish (LimberSession *session,
                       GDateTime     *finished)
{
  g_clear_pointer (&session->finished, g_date_time_unref);
  session->finished = g_date_time_ref (finished);
}

/* ---- Reading and writing ---- */

static gboolean
load_entry (JsonObject            *object,
            const LimberJsonPlace *place,
            LimberSession         *session,
            GError               **error)
{
  static const char * const members[] = { "prescription", "exercise", "outcome", "pain", NULL };
  const char *prescription, *exercise;
  int outcome;
  guint pain = 0;

  if (!limber_json_check_members (object, place, members, error) ||
      !(prescription = limber_json_get_string (object, place, "prescription", error)) ||
      !limber_check_length (prescription, LIMBER_PATIENT_MAX_NAME, place, "prescription", error) ||
      !(exercise = limber_json_get_string (object, place, "exercise", error)) ||
      !limber_check_length (exercise, LIMBER_PATIENT_MAX_NAME, place, "exercise", error) ||
      !limber_json_get_enum (object, place, "outcome", LIMBER_TYPE_OUTCOME, &outcome, error))
    return FALSE;

  if (outcome == LIMBER_OUTCOME_SKIPPED)
    {
      if (json_object_has_member (object, "pain"))
        {
          g_autofree char *field = limber_json_place_format (place, "pain");

          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: %s: a skipped exercise has no pain rating", place->file, field);
          return FALSE;
        }
    }
  else if (!limber_json_get_uint (object, place, "pain", 0, LIMBER_PAIN_MAX, &pain, error))
    return FALSE;

  if (limber_session_find_entry (session, prescription) != NULL)
    {
      g_autofree char *field = limber_json_place_format (place, "prescription");

      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: %s: “%s” is logged twice in one session", place->file, field,
                   prescription);
      return FALSE;
    }

  g_ptr_array_add (session->entries, entry_new (prescription, exercise, outcome, (int) pain));
  return TRUE;
}

LimberSession *
limber_session_load (JsonObject            *object,
                     const LimberJsonPlace *place,
                     GError               **error)
{
  static const char * const members[] = {
    "id", "program", "started", "finished", "exercises", NULL
  };
  g_autoptr(LimberSession) session = NULL;
  g_autoptr(GDateTime) started = NULL;
  const char *id, *program;
  JsonArray *exercises;

  if (!limber_json_check_members (object, place, members, error) ||
      !(id = limber_json_get_string (object, place, "id", error)) ||
      !limber_check_length (id, LIMBER_PATIENT_MAX_NAME, place, "id", error) ||
      !(program = limber_json_get_string (object, place, "program", error)) ||
      !limber_check_length (program, LIMBER_PATIENT_MAX_NAME, place, "program", error) ||
      !(started = limber_json_get_date_time (object, place, "started", error)) ||
      !(exercises = limber_json_get_array (object, place, "exercises", 0, error)))
    return NULL;

  session = limber_session_new (program, started);
  g_free (session->id);
  session->id = g_strdup (id);

  if (json_object_has_member (object, "finished") &&
      !(session->finished = limber_json_get_date_time (object, place, "finished", error)))
    return NULL;

  if (session->finished != NULL && g_date_time_compare (session->finished, session->started) < 0)
    {
      g_autofree char *field = limber_json_place_format (place, "finished");

      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: %s: before the session started", place->file, field);
      return NULL;
    }

  if (json_array_get_length (exercises) > LIMBER_PROGRAM_MAX_EXERCISES)
    {
      g_autofree char *field = limber_json_place_format (place, "exercises");

      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: %s: expected at most %u exercises, got %u", place->file, field,
                   LIMBER_PROGRAM_MAX_EXERCISES, json_array_get_length (exercises));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (exercises); i++)
    {
      JsonNode *node = json_array_get_element (exercises, i);
      g_autofree char *path = g_strdup_printf ("%s%sexercises[%u]", place->path,
                                               *place->path != '\0' ? "." : "", i);
      LimberJsonPlace entry_place = { place->file, path };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", place->file, path);
          return NULL;
        }

      if (!load_entry (json_node_get_object (node), &entry_place, session, error))
        return NULL;
    }

  return g_steal_pointer (&session);
}

void
limber_session_save (JsonBuilder         *builder,
                     const LimberSession *session)
{
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (LIMBER_TYPE_OUTCOME);

  json_builder_begin_object (builder);
  limber_json_add_string (builder, "id", session->id);
  limber_json_add_string (builder, "program", session->program_id);
  limber_json_add_date_time (builder, "started", session->started);
  if (session->finished != NULL)
    limber_json_add_date_time (builder, "finished", session->finished);

  json_builder_set_member_name (builder, "exercises");
  json_builder_begin_array (builder);
  for (guint i = 0; i < session->entries->len; i++)
    {
      const LimberSessionEntry *entry = g_ptr_array_index (session->entries, i);

      json_builder_begin_object (builder);
      limber_json_add_string (builder, "prescription", entry->prescription_id);
      limber_json_add_string (builder, "exercise", entry->exercise_id);
      limber_json_add_string (builder, "outcome",
                              g_enum_get_value (outcomes, entry->outcome)->value_nick);
      if (entry->outcome != LIMBER_OUTCOME_SKIPPED)
        {
          json_builder_set_member_name (builder, "pain");
          json_builder_add_int_value (builder, entry->pain);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GPtrArray *
limber_sessions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_free);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const LimberSession *x = *(const LimberSession * const *) a;
  const LimberSession *y = *(const LimberSession * const *) b;
  int order = g_date_time_compare (x->started, y->started);

  return order != 0 ? order : g_strcmp0 (x->id, y->id);
}

static LimberSession *
find_session (GPtrArray  *sessions,
              const char *id,
              guint      *position)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSession *session = g_ptr_array_index (sessions, i);

      if (g_strcmp0 (session->id, id) == 0)
        {
          if (position != NULL)
            *position = i;
          return session;
        }
    }

  return NULL;
}

/* Reads an array of sessions into @sessions, oldest first. Two sessions with one id are
 * refused: merging relies on ids being unique. */
gboolean
limber_sessions_load (JsonArray             *array,
                      const LimberJsonPlace *place,
                      GPtrArray             *sessions,
                      GError               **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint length = json_array_get_length (array);

  if (length > LIMBER_PATIENT_MAX_SESSIONS)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: %s: expected at most %u sessions, got %u", place->file, place->path,
                   LIMBER_PATIENT_MAX_SESSIONS, length);
      return FALSE;
    }

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", place->path, i);
      LimberJsonPlace session_place = { place->file, path };
      LimberSession *session;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", place->file, path);
          return FALSE;
        }

      if (!(session = limber_session_load (json_node_get_object (node), &session_place, error)))
        return FALSE;

      if (!g_hash_table_add (ids, session->id))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: %s.id: a second session has the id “%s”", place->file, path,
                       session->id);
          limber_session_free (session);
          return FALSE;
        }

      g_ptr_array_add (sessions, session);
    }

  g_ptr_array_sort (sessions, compare_sessions);
  return TRUE;
}

void
limber_sessions_save (JsonBuilder *builder,
                      GPtrArray   *sessions)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len; i++)
    limber_session_save (builder, g_ptr_array_index (sessions, i));
  json_builder_end_array (builder);
}

/* ---- Words ---- */

const char *
limber_outcome_to_label (LimberOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_OUTCOME_DONE:
      return _("Done");
    case LIMBER_OUTCOME_PARTLY:
      return _("Partly");
    case LIMBER_OUTCOME_SKIPPED:
      return _("Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The pain scale in the words of ../shared/CLINICAL.md, as the handout prints it. */
const char *
limber_pain_describe (int pain)
{
  if (pain < 0)
    return "";
  if (pain <= LIMBER_PAIN_FINE_MAX)
    return _("Fine: carry on.");
  if (pain < LIMBER_PAIN_STOP)
    return _("Acceptable, if it settles by the next morning.");
  return _("Too much: stop this exercise and tell your physical therapist.");
}

/* "3 done, 1 partly, 1 skipped · highest pain 4", for a line of the log. */
char *
limber_session_summarize (const LimberSession *session)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts_text = NULL;
  guint counts[LIMBER_OUTCOME_SKIPPED + 1] = { 0 };
  int highest = LIMBER_PAIN_NONE;

  if (session->entries->len == 0)
    return g_strdup (_("Nothing logged"));

  for (guint i = 0; i < session->entries->len; i++)
    {
      const LimberSessionEntry *entry = g_ptr_array_index (session->entries, i);

      counts[entry->outcome]++;
      highest = MAX (highest, entry->pain);
    }

  if (counts[LIMBER_OUTCOME_DONE] > 0)
    /* Translators: how many exercises of a session were done */
    g_ptr_array_add (parts, g_strdup_printf (_("%u done"), counts[LIMBER_OUTCOME_DONE]));
  if (counts[LIMBER_OUTCOME_PARTLY] > 0)
    /* Translators: how many exercises of a session were done in part */
    g_ptr_array_add (parts, g_strdup_printf (_("%u partly"), counts[LIMBER_OUTCOME_PARTLY]));
  if (counts[LIMBER_OUTCOME_SKIPPED] > 0)
    /* Translators: how many exercises of a session were skipped */
    g_ptr_array_add (parts, g_strdup_printf (_("%u skipped"), counts[LIMBER_OUTCOME_SKIPPED]));
  g_ptr_array_add (parts, NULL);
  counts_text = g_strjoinv (", ", (char **) parts->pdata);

  if (highest == LIMBER_PAIN_NONE)
    return g_steal_pointer (&counts_text);

  /* Translators: %s says how many exercises were done; %d is the highest pain, 0–10 */
  return g_strdup_printf (_("%s · highest pain\u00a0%d"), counts_text, highest);
}

/* ---- The patient's sessions ---- */

/* Adds @session (taking it), or replaces the session with its id: the player saves the same
 * session again after every exercise. */
void
limber_patient_add_session (LimberPatient *patient,
                            LimberSession *session)
{
  guint position;

  if (find_session (patient->sessions, session->id, &position) != NULL)
    g_ptr_array_remove_index (patient->sessions, position);

  g_ptr_array_add (patient->sessions, session);
  g_ptr_array_sort (patient->sessions, compare_sessions);
}

/* The further along of two copies of one session: finished beats unfinished, then more
 * exercises logged. A log exported mid-session and again later brings the later state. */
static gboolean
is_further (const LimberSession *incoming,
            const LimberSession *kept)
{
  if ((incoming->finished != NULL) != (kept->finished != NULL))
    return incoming->finished != NULL;

  return incoming->entries->len > kept->entries->len;
}

/* Merges sessions from a log file. A session already in the record is kept once; returns how
 * many were added or brought up to date, or G_MAXUINT with @error set when the record would
 * grow beyond its bound (then nothing is changed). */
guint
limber_patient_merge_sessions (LimberPatient *patient,
                               GPtrArray     *sessions,
                               GError       **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) replaced = g_ptr_array_new ();
  guint changed = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSession *incoming = g_ptr_array_index (sessions, i);
      LimberSession *kept = find_session (patient->sessions, incoming->id, NULL);

      if (kept == NULL)
        {
          if (find_session (added, incoming->id, NULL) == NULL)
            g_ptr_array_add (added, incoming);
        }
      else if (!limber_session_equal (incoming, kept) && is_further (incoming, kept))
        g_ptr_array_add (replaced, incoming);
    }

  if (patient->sessions->len + added->len > LIMBER_PATIENT_MAX_SESSIONS)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   _("The record would hold more than %u sessions"), LIMBER_PATIENT_MAX_SESSIONS);
      return G_MAXUINT;
    }

  for (guint i = 0; i < added->len; i++, changed++)
    limber_patient_add_session (patient, limber_session_copy (g_ptr_array_index (added, i)));
  for (guint i = 0; i < replaced->len; i++, changed++)
    limber_patient_add_session (patient, limber_session_copy (g_ptr_array_index (replaced, i)));

  return changed;
}

/* Sessions started in [@since, @until) in which something was done. */
guint
limber_patient_count_sessions (LimberPatient *patient,
                               GDateTime     *since,
                               GDateTime     *until)
{
  guint count = 0;

  for (guint i = 0; i < patient->sessions->len; i++)
    {
      const LimberSession *session = g_ptr_array_index (patient->sessions, i);

      if (g_date_time_compare (session->started, since) >= 0 &&
          g_date_time_compare (session->started, until) < 0 &&
          limber_session_counts (session))
        count++;
    }

  return count;
}

/* The pain logged for an exercise in every session started from @since (or the first) until
 * @until (or the last; a computer's wrong clock can date a session ahead), oldest first. */
GArray *
limber_patient_get_pain_trend (LimberPatient *patient,
                               const char    *exercise_id,
                               GDateTime     *since,
                               GDateTime     *until)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (LimberPainPoint));

  for (guint i = 0; i < patient->sessions->len; i++)
    {
      const LimberSession *session = g_ptr_array_index (patient->sessions, i);

      if ((since != NULL && g_date_time_compare (session->started, since) < 0) ||
          (until != NULL && g_date_time_compare (session->started, until) >= 0))
        continue;

      for (guint j = 0; j < session->entries->len; j++)
        {
          const LimberSessionEntry *entry = g_ptr_array_index (session->entries, j);
          LimberPainPoint point;

          if (entry->pain < 0 || g_strcmp0 (entry->exercise_id, exercise_id) != 0)
            continue;

          point.time = g_date_time_to_unix (session->started);
          point.pain = entry->pain;
          g_array_append_val (points, point);
        }
    }

  return points;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  g_autoptr(GDateTime) x = g_date_time_to_local (a);
  g_autoptr(GDateTime) y = g_date_time_to_local (b);

  return g_date_time_get_year (x) == g_date_time_get_year (y) &&
         g_date_time_get_day_of_year (x) == g_date_time_get_day_of_year (y);
}

/* Whether @prescription is due in a session started at @now (local days): not yet done as
 * many times today as prescribed, and, for an exercise done some days a week, not yet done on
 * as many of the last 7 days (a second session on a day it was already done still counts it
 * due). Done means done or partly done; a session counts for the day it started, even when it
 * runs past midnight. */
gboolean
limber_patient_is_due (LimberPatient            *patient,
                       const LimberPrescription *prescription,
                       GDateTime                *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (local),
                                                      g_date_time_get_month (local),
                                                      g_date_time_get_day_of_month (local),
                                                      0, 0, 0);
  g_autoptr(GDateTime) week = g_date_time_add_days (today, -6);
  g_autoptr(GHashTable) days = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint done_today = 0;

  for (guint i = 0; i < patient->sessions->len; i++)
    {
      const LimberSession *session = g_ptr_array_index (patient->sessions, i);
      g_autoptr(GDateTime) started = NULL;
      const LimberSessionEntry *entry;

      if (g_date_time_compare (session->started, week) < 0 ||
          g_date_time_compare (session->started, now) > 0 ||
          (entry = limber_session_find_entry (session, prescription->id)) == NULL ||
          entry->outcome == LIMBER_OUTCOME_SKIPPED)
        continue;

      if (same_day (session->started, now))
        done_today++;
      started = g_date_time_to_local (session->started);
      g_hash_table_add (days, GINT_TO_POINTER (g_date_time_get_day_of_year (started) +
                                               1000 * g_date_time_get_year (started)));
    }

  if (done_today >= prescription->times_per_day)
    return FALSE;

  return prescription->schedule == LIMBER_SCHEDULE_DAILY || done_today > 0 ||
         g_hash_table_size (days) < prescription->days_per_week;
}

/* A session is the whole program, so the program asks for as many sessions a week as its
 * most frequent exercise. */
guint
limber_program_get_sessions_per_week (const LimberProgram *program)
{
  guint most = 0;

  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      const LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);
      guint days = prescription->schedule == LIMBER_SCHEDULE_DAILY ? 7 : prescription->days_per_week;

      most = MAX (most, prescription->times_per_day * days);
    }

  return most;
}

/* Adds @session to the record @patient_id as it is now in @store, read again, and saves it:
 * what was saved meanwhile (an imported log, an edit) stays. */
gboolean
limber_store_add_session (LimberStore         *store,
                          const char          *patient_id,
                          const LimberSession *session,
                          GError             **error)
{
  LimberStoreItem *item = limber_store_lookup (store, patient_id);
  g_autoptr(LimberPatient) patient = NULL;

  if (item == NULL)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED,
                   _("The record is no longer in the folder"));
      return FALSE;
    }

  if (!(patient = limber_store_open (store, item, error)))
    return FALSE;

  limber_patient_add_session (patient, limber_session_copy (session));
  return limber_store_save (store, patient, error);
}

/* ---- Log files ---- */

LimberLogFile *
limber_log_file_new_for_patient (LimberPatient *patient,
                                 GDateTime     *exported)
{
  LimberLogFile *log = g_new0 (LimberLogFile, 1);

  log->patient_id = g_strdup (patient->id);
  log->patient_name = g_strdup (patient->name);
  log->exported = g_date_time_ref (exported);
  log->sessions = limber_sessions_new ();
  for (guint i = 0; i < patient->sessions->len; i++)
    g_ptr_array_add (log->sessions, limber_session_copy (g_ptr_array_index (patient->sessions, i)));

  return log;
}

void
limber_log_file_free (LimberLogFile *log)
{
  if (log == NULL)
    return;

  g_free (log->patient_id);
  g_free (log->patient_name);
  g_clear_pointer (&log->exported, g_date_time_unref);
  g_clear_pointer (&log->sessions, g_ptr_array_unref);
  g_free (log);
}

LimberLogFile *
limber_log_file_load (GBytes      *bytes,
                      const char  *file,
                      GError     **error)
{
  static const char * const members[] = {
    "schema_version", "kind", "exported", "patient", "sessions", NULL
  };
  static const char * const patient_members[] = { "id", "name", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LimberLogFile) log = g_new0 (LimberLogFile, 1);
  LimberJsonPlace place = { file, "" };
  LimberJsonPlace patient_place = { file, "patient" };
  LimberJsonPlace sessions_place = { file, "sessions" };
  const char *id, *name;
  JsonObject *root, *patient;
  JsonArray *sessions;

  log->sessions = limber_sessions_new ();

  if (!(root = limber_document_parse (bytes, file, LIMBER_LOG_FILE_SCHEMA_VERSION, &parser, error)) ||
      !limber_document_check_kind (root, file, "log", error) ||
      !limber_json_check_members (root, &place, members, error))
    return NULL;

  if (!(log->exported = limber_json_get_date_time (root, &place, "exported", error)) ||
      !(patient = limber_json_get_object (root, &place, "patient", FALSE, error)) ||
      !limber_json_check_members (patient, &patient_place, patient_members, error) ||
      !(id = limber_json_get_string (patient, &patient_place, "id", error)) ||
      !limber_check_length (id, LIMBER_PATIENT_MAX_NAME, &patient_place, "id", error) ||
      !(name = limber_json_get_string (patient, &patient_place, "name", error)) ||
      !limber_check_length (name, LIMBER_PATIENT_MAX_NAME, &patient_place, "name", error) ||
      !(sessions = limber_json_get_array (root, &place, "sessions", 0, error)) ||
      !limber_sessions_load (sessions, &sessions_place, log->sessions, error))
    return NULL;

  log->patient_id = g_strdup (id);
  log->patient_name = g_strdup (name);

  return g_steal_pointer (&log);
}

/* Reads the log file @file; errors name it by its path. */
LimberLogFile *
limber_log_file_read (GFile   *file,
                      GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;
  return limber_log_file_load (bytes, path != NULL ? path : name, error);
}

char *
limber_log_file_to_data (LimberLogFile *log,
                         gsize         *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, LIMBER_LOG_FILE_SCHEMA_VERSION);
  limber_json_add_string (builder, "kind", "log");
  limber_json_add_date_time (builder, "exported", log->exported);
  json_builder_set_member_name (builder, "patient");
  json_builder_begin_object (builder);
  limber_json_add_string (builder, "id", log->patient_id);
  limber_json_add_string (builder, "name", log->patient_name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "sessions");
  limber_sessions_save (builder, log->sessions);
  json_builder_end_object (builder);

  return limber_document_to_data (builder, length);
}
