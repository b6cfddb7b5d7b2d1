/* limber-patient.c: patients and programs, their JSON documents, history, estimates and advice. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "limber-patient-private.h"
#include "limber-session-log.h"

/* ---- Programs ---- */

/* g_strv_builder_take() is GLib 2.80. */
static void
strv_builder_take (GStrvBuilder *builder,
                   char         *value)
{
  g_strv_builder_add (builder, value);
  g_free (value);
}

static GPtrArray *
prescriptions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_prescription_free);
}

static GPtrArray *
prescriptions_copy (GPtrArray *prescriptions)
{
  GPtrArray *copy = prescriptions_new ();

  for (guint i = 0; i < prescriptions->len; i++)
    g_ptr_array_add (copy, limber_prescription_copy (g_ptr_array_index (prescriptions, i)));

  return copy;
}

static gboolean
prescriptions_equal (GPtrArray *a,
                     GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!limber_prescription_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

void
limber_program_version_free (LimberProgramVersion *version)
{
  if (version == NULL)
    return;

  g_clear_pointer (&version->saved, g_date_time_unref);
  g_free (version->name);
  g_clear_pointer (&version->prescriptions, g_ptr_array_unref);
  g_free (version);
}

static LimberProgramVersion *
version_copy (const LimberProgramVersion *version)
{
  LimberProgramVersion *copy = g_new0 (LimberProgramVersion, 1);

  copy->saved = g_date_time_ref (version->saved);
  copy->name = g_strdup (version->name);
  copy->prescriptions = prescriptions_copy (version->prescriptions);
  return copy;
}

LimberProgram *
limber_program_new (const char *name)
{
  LimberProgram *program = g_new0 (LimberProgram, 1);

  program->id = g_uuid_string_random ();
  program->name = g_strdup (name);
  program->created = g_date_time_new_now_utc ();
  program->prescriptions = prescriptions_new ();
  program->history = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_version_free);
  program->saved_name = g_strdup (name);
  program->saved_prescriptions = prescriptions_new ();

  return program;
}

LimberProgram *
limber_program_copy (const LimberProgram *program)
{
  LimberProgram *copy = g_new0 (LimberProgram, 1);

  copy->id = g_strdup (program->id);
  copy->name = g_strdup (program->name);
  copy->created = g_date_time_ref (program->created);
  copy->saved = program->saved != NULL ? g_date_time_ref (program->saved) : NULL;
  copy->prescriptions = prescriptions_copy (program->prescriptions);
  copy->history = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_version_free);
  for (guint i = 0; i < program->history->len; i++)
    g_ptr_array_add (copy->history, version_copy (g_ptr_array_index (program->history, i)));
  copy->saved_name = g_strdup (program->saved_name);
  copy->saved_prescriptions = prescriptions_copy (program->saved_prescriptions);

  return copy;
}

void
limber_program_free (LimberProgram *program)
{
  if (program == NULL)
    return;

  g_free (program->id);
  g_free (program->name);
  g_clear_pointer (&program->created, g_date_time_unref);
  g_clear_pointer (&program->saved, g_date_time_unref);
  g_clear_pointer (&program->prescriptions, g_ptr_array_unref);
  g_clear_pointer (&program->history, g_ptr_array_unref);
  g_free (program->saved_name);
  g_clear_pointer (&program->saved_prescriptions, g_ptr_array_unref);
  g_free (program);
}

/* A new program with the template's exercises and dosages; each gets an id of its own. */
LimberProgram *
limber_program_new_from_template (const LimberProgram *template,
                                  const char          *name)
{
  LimberProgram *program = limber_program_new (name);

  for (guint i = 0; i < template->prescriptions->len; i++)
    g_ptr_array_add (program->prescriptions,
                     limber_prescription_duplicate (g_ptr_array_index (template->prescriptions, i)));

  return program;
}

LimberPrescription *
limber_program_find (const LimberProgram *program,
                     const char          *prescription_id,
                     guint               *position)
{
  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);

      if (g_strcmp0 (prescription->id, prescription_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return prescription;
        }
    }

  return NULL;
}

gboolean
limber_program_has_changes (const LimberProgram *program)
{
  return program->saved == NULL || g_strcmp0 (program->name, program->saved_name) != 0 ||
         !prescriptions_equal (program->prescriptions, program->saved_prescriptions);
}

/* Called as the program is saved: the version saved before goes into the history with its
 * time, and the current one becomes the saved one. Returns whether there was a change. */
gboolean
limber_program_commit (LimberProgram *program,
                       GDateTime     *now)
{
  if (!limber_program_has_changes (program))
    return FALSE;

  if (program->saved != NULL)
    {
      LimberProgramVersion *version = g_new0 (LimberProgramVersion, 1);

      version->saved = g_date_time_ref (program->saved);
      version->name = g_strdup (program->saved_name);
      version->prescriptions = g_steal_pointer (&program->saved_prescriptions);
      g_ptr_array_add (program->history, version);
    }
  else
    g_clear_pointer (&program->saved_prescriptions, g_ptr_array_unref);

  g_clear_pointer (&program->saved, g_date_time_unref);
  program->saved = g_date_time_ref (now);
  g_free (program->saved_name);
  program->saved_name = g_strdup (program->name);
  program->saved_prescriptions = prescriptions_copy (program->prescriptions);

  return TRUE;
}

/* The exercises as they were at @when: the newest version saved by then, or NULL if the
 * program had not been saved yet. The array belongs to the program. */
GPtrArray *
limber_program_get_version_at (const LimberProgram *program,
                               GDateTime           *when)
{
  GPtrArray *found = NULL;

  for (guint i = 0; i < program->history->len; i++)
    {
      LimberProgramVersion *version = g_ptr_array_index (program->history, i);

      if (g_date_time_compare (version->saved, when) <= 0)
        found = version->prescriptions;
    }

  if (program->saved != NULL && g_date_time_compare (program->saved, when) <= 0)
    found = program->saved_prescriptions;

  return found;
}

static GDateTime *
end_of_local_day (GDateTime *moment)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (moment);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (local),
                                                      g_date_time_get_month (local),
                                                      g_date_time_get_day_of_month (local),
                                                      0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);

  return g_date_time_add (next, -1);
}

/* The last moment of each earlier day the program was saved on, newest first: the state the
 * patient left a visit with. Days are local; @now's day is left out. */
GPtrArray *
limber_program_list_visit_dates (const LimberProgram *program,
                                 GDateTime           *now)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) today_end = end_of_local_day (now);
  g_autoptr(GPtrArray) saves = g_ptr_array_new ();

  for (guint i = 0; i < program->history->len; i++)
    g_ptr_array_add (saves, ((LimberProgramVersion *) g_ptr_array_index (program->history, i))->saved);
  if (program->saved != NULL)
    g_ptr_array_add (saves, program->saved);

  for (guint i = saves->len; i-- > 0;)
    {
      g_autoptr(GDateTime) end = end_of_local_day (g_ptr_array_index (saves, i));

      if (g_date_time_compare (end, today_end) >= 0)
        continue;

      if (days->len > 0 &&
          g_date_time_compare (g_ptr_array_index (days, days->len - 1), end) == 0)
        continue;

      g_ptr_array_add (days, g_steal_pointer (&end));
    }

  return days;
}

guint
limber_program_estimate_seconds (const LimberProgram *program,
                                 LimberLibrary       *library)
{
  guint total = 0;

  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (library, prescription->exercise_id);

      if (exercise != NULL)
        total += limber_prescription_estimate_seconds (prescription, exercise);
    }

  return total;
}

/* Advice for the therapist, never a refusal: long programs are done less faithfully, and a
 * stretch needs time to work. */
GStrv
limber_program_get_warnings (const LimberProgram *program,
                             LimberLibrary       *library)
{
  g_autoptr(GStrvBuilder) warnings = g_strv_builder_new ();
  guint n = program->prescriptions->len;
  guint seconds = limber_program_estimate_seconds (program, library);

  if (n > LIMBER_PROGRAM_ADVISED_EXERCISES)
    strv_builder_take (warnings,
                         g_strdup_printf (_("%u exercises: patients keep up with a program of %u or fewer more easily."),
                                          n, LIMBER_PROGRAM_ADVISED_EXERCISES));

  if (seconds > LIMBER_PROGRAM_ADVISED_SECONDS)
    strv_builder_take (warnings,
                         g_strdup_printf (_("A session takes about %u minutes, more than the %u advised."),
                                          (seconds + 59) / 60, LIMBER_PROGRAM_ADVISED_SECONDS / 60));

  for (guint i = 0; i < n; i++)
    {
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);
      LimberExercise *exercise = limber_library_lookup (library, prescription->exercise_id);

      if (exercise != NULL && limber_exercise_get_kind (exercise) == LIMBER_EXERCISE_KIND_STRETCH &&
          prescription->hold_seconds < LIMBER_PROGRAM_ADVISED_STRETCH_HOLD)
        strv_builder_take (warnings,
                             g_strdup_printf (_("%s is held %u s: a stretch works best held at least %u s."),
                                              limber_exercise_get_name (exercise),
                                              prescription->hold_seconds,
                                              LIMBER_PROGRAM_ADVISED_STRETCH_HOLD));
    }

  return g_strv_builder_end (warnings);
}

static const char *
exercise_name (LimberLibrary *library,
               const char    *id)
{
  LimberExercise *exercise = limber_library_lookup (library, id);

  return exercise != NULL ? limber_exercise_get_name (exercise) : id;
}

static void
add_change (GPtrArray  *parts,
            const char *label,
            const char *before,
            const char *after)
{
  if (g_strcmp0 (before, after) != 0)
    /* Translators: one changed value, as in "reps 10 → 15" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s %s → %s"), label, before, after));
}

static void
add_number_change (GPtrArray  *parts,
                   const char *label,
                   const char *format,
                   guint       before,
                   guint       after)
{
  g_autofree char *a = g_strdup_printf (format, before);
  g_autofree char *b = g_strdup_printf (format, after);

  add_change (parts, label, a, b);
}

static char *
describe_dosage_change (const LimberPrescription *before,
                        const LimberPrescription *after)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *frequency_before = limber_prescription_format_frequency (before);
  g_autofree char *frequency_after = limber_prescription_format_frequency (after);
  g_autofree char *load_before = limber_prescription_format_load (before);
  g_autofree char *load_after = limber_prescription_format_load (after);

  add_number_change (parts, _("sets"), "%u", before->sets, after->sets);
  add_number_change (parts, _("reps"), "%u", before->reps, after->reps);
  add_number_change (parts, _("hold"), _("%u s"), before->hold_seconds, after->hold_seconds);
  add_number_change (parts, _("rest"), _("%u s"), before->rest_seconds, after->rest_seconds);
  add_number_change (parts, _("move"), _("%u s"), before->tempo_up, after->tempo_up);
  add_number_change (parts, _("return"), _("%u s"), before->tempo_down, after->tempo_down);
  add_change (parts, _("side"), limber_prescribed_side_to_label (before->side),
              limber_prescribed_side_to_label (after->side));
  add_change (parts, _("how often"), frequency_before, frequency_after);
  add_change (parts, _("load"), load_before != NULL ? load_before : _("none"),
              load_after != NULL ? load_after : _("none"));

  if (!g_strv_equal ((const char * const *) before->modifications,
                     (const char * const *) after->modifications))
    g_ptr_array_add (parts, g_strdup (_("modifications changed")));

  if (g_strcmp0 (before->note, after->note) != 0)
    g_ptr_array_add (parts, g_strdup (_("note changed")));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/* What changed from one version to another, a line each: added, removed, switched to another
 * exercise, dosage changed. Items are matched by their id, so a moved item is not a change. */
GStrv
limber_program_describe_changes (GPtrArray     *before,
                                 GPtrArray     *after,
                                 LimberLibrary *library)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GHashTable) old_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < before->len; i++)
    {
      LimberPrescription *p = g_ptr_array_index (before, i);
      g_hash_table_insert (old_by_id, p->id, p);
    }

  for (guint i = 0; i < after->len; i++)
    {
      LimberPrescription *p = g_ptr_array_index (after, i);
      g_hash_table_insert (new_by_id, p->id, p);
    }

  for (guint i = 0; i < after->len; i++)
    {
      LimberPrescription *now = g_ptr_array_index (after, i);
      LimberPrescription *then = g_hash_table_lookup (old_by_id, now->id);
      const char *name = exercise_name (library, now->exercise_id);
      g_autofree char *dosage = NULL;

      if (then == NULL)
        {
          /* Translators: an exercise added to the program since the last visit */
          strv_builder_take (lines, g_strdup_printf (_("Added %s"), name));
          continue;
        }

      if (g_strcmp0 (then->exercise_id, now->exercise_id) != 0)
        /* Translators: an exercise replaced by its progression or regression */
        strv_builder_take (lines, g_strdup_printf (_("%s changed to %s"),
                                                     exercise_name (library, then->exercise_id),
                                                     name));

      if ((dosage = describe_dosage_change (then, now)) != NULL)
        /* Translators: an exercise and what changed in its dosage, as in "Bridge: reps 10 → 15" */
        strv_builder_take (lines, g_strdup_printf (_("%s: %s"), name, dosage));
    }

  for (guint i = 0; i < before->len; i++)
    {
      LimberPrescription *then = g_ptr_array_index (before, i);

      if (!g_hash_table_contains (new_by_id, then->id))
        /* Translators: an exercise taken out of the program since the last visit */
        strv_builder_take (lines, g_strdup_printf (_("Removed %s"),
                                                     exercise_name (library, then->exercise_id)));
    }

  return g_strv_builder_end (lines);
}

/* Every exercise a program names must be in the library. */
gboolean
limber_program_check_exercises (const LimberProgram *program,
                                LimberLibrary       *library,
                                const char          *file,
                                GError             **error)
{
  for (guint i = 0; i < program->prescriptions->len; i++)
    {
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, i);

      if (limber_library_lookup (library, prescription->exercise_id) == NULL)
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE,
                       "%s: program “%s”: exercise “%s” is not in the library",
                       file, program->name, prescription->exercise_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* ---- Reading and writing ---- */

static void
add_prescriptions (JsonBuilder *builder,
                   GPtrArray   *prescriptions)
{
  json_builder_set_member_name (builder, "exercises");
  json_builder_begin_array (builder);
  for (guint i = 0; i < prescriptions->len; i++)
    limber_prescription_save (g_ptr_array_index (prescriptions, i), builder);
  json_builder_end_array (builder);
}

static GPtrArray *
load_prescriptions (JsonObject            *object,
                    const LimberJsonPlace *place,
                    GError               **error)
{
  g_autoptr(GPtrArray) prescriptions = prescriptions_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (!(array = limber_json_get_array (object, place, "exercises", 0, error)))
    return NULL;

  n = json_array_get_length (array);
  if (n > LIMBER_PROGRAM_MAX_EXERCISES)
    {
      g_autofree char *field = limber_json_place_format (place, "exercises");
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: %s: expected at most %u exercises, got %u", place->file, field,
                   LIMBER_PROGRAM_MAX_EXERCISES, n);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s%sexercises[%u]", place->path,
                                               place->path[0] != '\0' ? "." : "", i);
      LimberJsonPlace item_place = { place->file, path };
      LimberPrescription *prescription;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", place->file, path);
          return NULL;
        }

      if (!(prescription = limber_prescription_load (json_node_get_object (node), &item_place, error)))
        return NULL;

      g_ptr_array_add (prescriptions, prescription);
      if (!g_hash_table_add (ids, prescription->id))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: %s.id: “%s” is used twice in this program", place->file, path,
                       prescription->id);
          return NULL;
        }
    }

  return g_steal_pointer (&prescriptions);
}

static void
save_program (JsonBuilder   *builder,
              LimberProgram *program)
{
  json_builder_begin_object (builder);
  limber_json_add_string (builder, "id", program->id);
  limber_json_add_string (builder, "name", program->saved_name);
  limber_json_add_date_time (builder, "created", program->created);
  limber_json_add_date_time (builder, "saved", program->saved);
  add_prescriptions (builder, program->saved_prescriptions);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < program->history->len; i++)
    {
      LimberProgramVersion *version = g_ptr_array_index (program->history, i);

      json_builder_begin_object (builder);
      limber_json_add_date_time (builder, "saved", version->saved);
      limber_json_add_string (builder, "name", version->name);
      add_prescriptions (builder, version->prescriptions);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

gboolean
limber_check_length (const char            *text,
                     guint                  max_chars,
                     const LimberJsonPlace *place,
                     const char            *member,
                     GError               **error)
{
  if (g_utf8_strlen (text, -1) <= (glong) max_chars)
    return TRUE;

  g_autofree char *field = limber_json_place_format (place, member);
  g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
               "%s: %s: expected at most %u characters", place->file, field, max_chars);
  return FALSE;
}

/* An id names the document's file when the store has no file for it yet. */
static gboolean
check_id (const char            *id,
          const LimberJsonPlace *place,
          GError               **error)
{
  g_autofree char *field = NULL;

  if (strchr (id, G_DIR_SEPARATOR) == NULL && id[0] != '.')
    return TRUE;

  field = limber_json_place_format (place, "id");
  g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
               "%s: %s: expected an id without “/” or a leading dot, got “%s”", place->file, field,
               id);
  return FALSE;
}

static LimberProgram *
load_program (JsonObject            *object,
              const LimberJsonPlace *place,
              gboolean               with_history,
              GError               **error)
{
  static const char * const members[] = {
    "id", "name", "created", "saved", "exercises", "history", NULL
  };
  static const char * const version_members[] = { "saved", "name", "exercises", NULL };
  g_autoptr(LimberProgram) program = g_new0 (LimberProgram, 1);
  const char *id, *name;
  JsonArray *history;

  program->history = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_version_free);

  /* A template's members were checked with the template's own list. */
  if ((with_history && !limber_json_check_members (object, place, members, error)) ||
      !(id = limber_json_get_string (object, place, "id", error)) ||
      !check_id (id, place, error) ||
      !(name = limber_json_get_string (object, place, "name", error)) ||
      !limber_check_length (name, LIMBER_PATIENT_MAX_NAME, place, "name", error) ||
      !(program->prescriptions = load_prescriptions (object, place, error)))
    {
      program->created = g_date_time_new_now_utc ();
      program->saved_prescriptions = prescriptions_new ();
      return NULL;
    }

  program->id = g_strdup (id);
  program->name = g_strdup (name);
  program->saved_name = g_strdup (name);

  if (!with_history)
    {
      program->created = g_date_time_new_now_utc ();
      program->saved_prescriptions = prescriptions_new ();
      return g_steal_pointer (&program);
    }

  program->saved_prescriptions = prescriptions_copy (program->prescriptions);
  if (!(program->created = limber_json_get_date_time (object, place, "created", error)))
    {
      program->created = g_date_time_new_now_utc ();
      return NULL;
    }

  if (!(program->saved = limber_json_get_date_time (object, place, "saved", error)) ||
      !(history = limber_json_get_array (object, place, "history", 0, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      g_autofree char *path = g_strdup_printf ("%s.history[%u]", place->path, i);
      LimberJsonPlace version_place = { place->file, path };
      LimberProgramVersion *version;
      JsonObject *version_object;
      const char *version_name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", place->file, path);
          return NULL;
        }

      version_object = json_node_get_object (node);
      if (!limber_json_check_members (version_object, &version_place, version_members, error) ||
          !(version_name = limber_json_get_string (version_object, &version_place, "name", error)))
        return NULL;

      version = g_new0 (LimberProgramVersion, 1);
      version->name = g_strdup (version_name);
      g_ptr_array_add (program->history, version);
      if (!(version->saved = limber_json_get_date_time (version_object, &version_place, "saved", error)))
        {
          version->saved = g_date_time_new_now_utc ();
          version->prescriptions = prescriptions_new ();
          return NULL;
        }
      if (!(version->prescriptions = load_prescriptions (version_object, &version_place, error)))
        {
          version->prescriptions = prescriptions_new ();
          return NULL;
        }
    }

  return g_steal_pointer (&program);
}

JsonObject *
limber_document_parse (GBytes      *bytes,
                       const char  *file,
                       guint        supported,
                       JsonParser **parser,
                       GError     **error)
{
  LimberJsonPlace place = { file, "" };
  JsonObject *root;

  root = limber_json_parse_object (bytes, file, parser, error);
  if (root == NULL || !limber_json_check_version (root, &place, supported, error))
    return NULL;

  return root;
}

/* A clinic template: a named program with no history. */
LimberProgram *
limber_template_load (GBytes      *bytes,
                      const char  *file,
                      GError     **error)
{
  static const char * const members[] = { "schema_version", "kind", "id", "name", "exercises", NULL };
  g_autoptr(JsonParser) parser = NULL;
  LimberJsonPlace place = { file, "" };
  JsonObject *root;

  if (!(root = limber_document_parse (bytes, file, LIMBER_TEMPLATE_SCHEMA_VERSION, &parser, error)) ||
      !limber_document_check_kind (root, file, "template", error) ||
      !limber_json_check_members (root, &place, members, error))
    return NULL;

  return load_program (root, &place, FALSE, error);
}

/* A program without its history, as a program file holds it: the current exercises. */
LimberProgram *
limber_program_load_plain (JsonObject            *object,
                           const LimberJsonPlace *place,
                           GError               **error)
{
  static const char * const members[] = { "id", "name", "exercises", NULL };

  if (!limber_json_check_members (object, place, members, error))
    return NULL;
  return load_program (object, place, FALSE, error);
}

void
limber_program_save_plain (JsonBuilder         *builder,
                           const LimberProgram *program)
{
  json_builder_begin_object (builder);
  limber_json_add_string (builder, "id", program->id);
  limber_json_add_string (builder, "name", program->name);
  add_prescriptions (builder, program->prescriptions);
  json_builder_end_object (builder);
}

/* Checks the document's "kind" first, so a log opened as a program (or the other way) is named
 * as such rather than by its first unknown member. */
gboolean
limber_document_check_kind (JsonObject  *root,
                            const char  *file,
                            const char  *expected,
                            GError     **error)
{
  LimberJsonPlace place = { file, "" };
  const char *kind = limber_json_get_string (root, &place, "kind", error);

  if (kind == NULL)
    return FALSE;

  if (g_strcmp0 (kind, expected) != 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: kind: expected \"%s\", got \"%s\"", file, expected, kind);
      return FALSE;
    }

  return TRUE;
}

char *
limber_document_to_data (JsonBuilder *builder,
                         gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *data;
  gsize n;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &n);

  /* End the file with a newline, as text files do. */
  data = g_realloc (data, n + 2);
  data[n++] = '\n';
  data[n] = '\0';
  if (length != NULL)
    *length = n;
  return data;
}

char *
limber_template_to_data (const LimberProgram *template,
                         gsize               *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, LIMBER_TEMPLATE_SCHEMA_VERSION);
  limber_json_add_string (builder, "kind", "template");
  limber_json_add_string (builder, "id", template->id);
  limber_json_add_string (builder, "name", template->name);
  add_prescriptions (builder, template->prescriptions);
  json_builder_end_object (builder);

  return limber_document_to_data (builder, length);
}

/* ---- Patients ---- */

LimberPatient *
limber_patient_new (const char *name)
{
  LimberPatient *patient = g_atomic_rc_box_new0 (LimberPatient);

  patient->id = g_uuid_string_random ();
  patient->name = g_strdup (name);
  patient->condition = g_strdup ("");
  patient->notes = g_strdup ("");
  patient->created = g_date_time_new_now_utc ();
  patient->programs = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_free);
  patient->sessions = limber_sessions_new ();

  return patient;
}

LimberPatient *
limber_patient_ref (LimberPatient *patient)
{
  return g_atomic_rc_box_acquire (patient);
}

static void
patient_clear (LimberPatient *patient)
{
  g_free (patient->id);
  g_free (patient->name);
  g_clear_pointer (&patient->birth_date, g_date_free);
  g_clear_pointer (&patient->age_recorded, g_date_free);
  g_free (patient->condition);
  g_free (patient->notes);
  g_clear_pointer (&patient->created, g_date_time_unref);
  g_free (patient->active_program);
  g_clear_pointer (&patient->programs, g_ptr_array_unref);
  g_clear_pointer (&patient->sessions, g_ptr_array_unref);
}

void
limber_patient_unref (LimberPatient *patient)
{
  g_atomic_rc_box_release_full (patient, (GDestroyNotify) patient_clear);
}

static GDate *
date_copy (GDate *date)
{
  return date != NULL ? g_date_copy (date) : NULL;
}

/* A deep copy, for a record kept aside (a deleted patient, a copy kept after a conflict). */
LimberPatient *
limber_patient_copy (LimberPatient *patient)
{
  LimberPatient *copy = g_atomic_rc_box_new0 (LimberPatient);

  copy->id = g_strdup (patient->id);
  copy->name = g_strdup (patient->name);
  copy->birth_date = date_copy (patient->birth_date);
  copy->age = patient->age;
  copy->age_recorded = date_copy (patient->age_recorded);
  copy->condition = g_strdup (patient->condition);
  copy->notes = g_strdup (patient->notes);
  copy->archived = patient->archived;
  copy->large_print = patient->large_print;
  copy->created = g_date_time_ref (patient->created);
  copy->active_program = g_strdup (patient->active_program);
  copy->programs = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_free);
  for (guint i = 0; i < patient->programs->len; i++)
    g_ptr_array_add (copy->programs, limber_program_copy (g_ptr_array_index (patient->programs, i)));
  copy->sessions = limber_sessions_new ();
  for (guint i = 0; i < patient->sessions->len; i++)
    g_ptr_array_add (copy->sessions, limber_session_copy (g_ptr_array_index (patient->sessions, i)));

  return copy;
}

LimberPatient *
limber_patient_load (GBytes      *bytes,
                     const char  *file,
                     GError     **error)
{
  static const char * const members[] = {
    "schema_version", "id", "name", "birth_date", "age", "age_recorded", "condition", "notes",
    "archived", "large_print", "created", "active_program", "programs", "sessions", NULL
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LimberPatient) patient = NULL;
  LimberJsonPlace place = { file, "" };
  const char *id, *name, *condition, *notes;
  JsonObject *root;
  JsonArray *programs;

  if (!(root = limber_document_parse (bytes, file, LIMBER_PATIENT_SCHEMA_VERSION, &parser, error)) ||
      !limber_json_check_members (root, &place, members, error) ||
      !(id = limber_json_get_string (root, &place, "id", error)) ||
      !check_id (id, &place, error) ||
      !(name = limber_json_get_string (root, &place, "name", error)) ||
      !limber_check_length (name, LIMBER_PATIENT_MAX_NAME, &place, "name", error) ||
      !limber_json_get_user_text (root, &place, "condition", TRUE, &condition, error) ||
      !limber_check_length (condition, LIMBER_PATIENT_MAX_NAME, &place, "condition", error) ||
      !limber_json_get_user_text (root, &place, "notes", TRUE, &notes, error) ||
      !limber_check_length (notes, LIMBER_PATIENT_MAX_TEXT, &place, "notes", error))
    return NULL;

  patient = limber_patient_new (name);
  g_free (patient->id);
  patient->id = g_strdup (id);
  g_free (patient->condition);
  patient->condition = g_strdup (condition);
  g_free (patient->notes);
  patient->notes = g_strdup (notes);

  if (json_object_has_member (root, "birth_date") &&
      !(patient->birth_date = limber_json_get_date (root, &place, "birth_date", error)))
    return NULL;

  if (json_object_has_member (root, "age") &&
      (!limber_json_get_uint (root, &place, "age", 0, LIMBER_PATIENT_MAX_AGE, &patient->age, error) ||
       !(patient->age_recorded = limber_json_get_date (root, &place, "age_recorded", error))))
    return NULL;

  if (!limber_json_get_bool (root, &place, "archived", &patient->archived, error))
    return NULL;

  /* Added after the first documents were written: missing means small print. */
  if (json_object_has_member (root, "large_print") &&
      !limber_json_get_bool (root, &place, "large_print", &patient->large_print, error))
    return NULL;

  g_date_time_unref (patient->created);
  if (!(patient->created = limber_json_get_date_time (root, &place, "created", error)))
    {
      patient->created = g_date_time_new_now_utc ();
      return NULL;
    }

  if (!(programs = limber_json_get_array (root, &place, "programs", 0, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (programs); i++)
    {
      JsonNode *node = json_array_get_element (programs, i);
      g_autofree char *path = g_strdup_printf ("programs[%u]", i);
      LimberJsonPlace program_place = { file, path };
      LimberProgram *program;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", file, path);
          return NULL;
        }

      if (!(program = load_program (json_node_get_object (node), &program_place, TRUE, error)))
        return NULL;

      g_ptr_array_add (patient->programs, program);
    }

  if (json_object_has_member (root, "active_program"))
    {
      const char *active = limber_json_get_string (root, &place, "active_program", error);

      if (active == NULL)
        return NULL;

      if (limber_patient_get_program (patient, active) == NULL)
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE,
                       "%s: active_program: no program has the id “%s”", file, active);
          return NULL;
        }

      patient->active_program = g_strdup (active);
    }

  /* Older documents may lack the sessions. */
  if (json_object_has_member (root, "sessions"))
    {
      LimberJsonPlace sessions_place = { file, "sessions" };
      JsonArray *sessions = limber_json_get_array (root, &place, "sessions", 0, error);

      if (sessions == NULL ||
          !limber_sessions_load (sessions, &sessions_place, patient->sessions, error))
        return NULL;
    }

  return g_steal_pointer (&patient);
}

/* The document as it is saved: each program as it was last committed. */
char *
limber_patient_to_data (LimberPatient *patient,
                        gsize         *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, LIMBER_PATIENT_SCHEMA_VERSION);
  limber_json_add_string (builder, "id", patient->id);
  limber_json_add_string (builder, "name", patient->name);

  if (patient->birth_date != NULL)
    {
      g_autofree char *date = limber_date_format_iso (patient->birth_date);
      limber_json_add_string (builder, "birth_date", date);
    }
  else if (patient->age > 0 && patient->age_recorded != NULL)
    {
      g_autofree char *date = limber_date_format_iso (patient->age_recorded);
      json_builder_set_member_name (builder, "age");
      json_builder_add_int_value (builder, patient->age);
      limber_json_add_string (builder, "age_recorded", date);
    }

  limber_json_add_string (builder, "condition", patient->condition);
  limber_json_add_string (builder, "notes", patient->notes);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, patient->archived);
  if (patient->large_print)
    {
      json_builder_set_member_name (builder, "large_print");
      json_builder_add_boolean_value (builder, TRUE);
    }
  limber_json_add_date_time (builder, "created", patient->created);

  if (limber_patient_get_program (patient, patient->active_program) != NULL)
    limber_json_add_string (builder, "active_program", patient->active_program);

  json_builder_set_member_name (builder, "programs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < patient->programs->len; i++)
    {
      LimberProgram *program = g_ptr_array_index (patient->programs, i);

      if (program->saved != NULL)
        save_program (builder, program);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sessions");
  limber_sessions_save (builder, patient->sessions);
  json_builder_end_object (builder);

  return limber_document_to_data (builder, length);
}

static gboolean
set_checked_text (char       **field,
                  const char  *text,
                  guint        max_chars,
                  gboolean     required,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                           _("The text is not valid."));
      return FALSE;
    }

  if (required && stripped[0] == '\0')
    {
      g_set_error_literal (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                           _("A patient needs a name."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > (glong) max_chars)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   _("The text is longer than %u characters."), max_chars);
      return FALSE;
    }

  g_free (*field);
  *field = g_steal_pointer (&stripped);
  return TRUE;
}

gboolean
limber_patient_set_name (LimberPatient  *patient,
                         const char     *name,
                         GError        **error)
{
  return set_checked_text (&patient->name, name, LIMBER_PATIENT_MAX_NAME, TRUE, error);
}

/* For the condition and the notes. */
gboolean
limber_patient_set_text (LimberPatient  *patient,
                         char          **field,
                         const char     *text,
                         GError        **error)
{
  return set_checked_text (field, text, field == &patient->condition ? LIMBER_PATIENT_MAX_NAME
                                                                     : LIMBER_PATIENT_MAX_TEXT,
                           FALSE, error);
}

gboolean
limber_patient_set_age (LimberPatient  *patient,
                        guint           age,
                        GDate          *today,
                        GError        **error)
{
  if (age > LIMBER_PATIENT_MAX_AGE)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   _("Age must be from 0 to %u years."), LIMBER_PATIENT_MAX_AGE);
      return FALSE;
    }

  g_clear_pointer (&patient->birth_date, g_date_free);
  g_clear_pointer (&patient->age_recorded, g_date_free);
  patient->age = age;
  if (age > 0)
    patient->age_recorded = g_date_copy (today);
  return TRUE;
}

static int years_between (GDate *from,
                          GDate *to);

gboolean
limber_patient_set_birth_date (LimberPatient  *patient,
                               GDate          *birth_date,
                               GDate          *today,
                               GError        **error)
{
  if (birth_date != NULL)
    {
      int years;

      if (g_date_compare (birth_date, today) > 0)
        {
          g_set_error_literal (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                               _("The date of birth is in the future."));
          return FALSE;
        }

      years = years_between (birth_date, today);
      if (years > (int) LIMBER_PATIENT_MAX_AGE)
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                       _("The date of birth is more than %u years ago."), LIMBER_PATIENT_MAX_AGE);
          return FALSE;
        }
    }

  g_clear_pointer (&patient->birth_date, g_date_free);
  g_clear_pointer (&patient->age_recorded, g_date_free);
  patient->age = 0;
  patient->birth_date = date_copy (birth_date);
  return TRUE;
}

static int
years_between (GDate *from,
               GDate *to)
{
  int years = g_date_get_year (to) - g_date_get_year (from);

  if (g_date_get_month (to) < g_date_get_month (from) ||
      (g_date_get_month (to) == g_date_get_month (from) &&
       g_date_get_day (to) < g_date_get_day (from)))
    years--;

  return MAX (years, 0);
}

/* The age today, from the birth date or from the age told and when; -1 if unknown. */
int
limber_patient_get_age (LimberPatient *patient,
                        GDate         *today)
{
  return limber_age_on (patient->birth_date, patient->age, patient->age_recorded, today);
}

/* The age on @today from a birth date, or from an age told on a day; -1 if neither is known. */
int
limber_age_on (GDate *birth_date,
               guint  age,
               GDate *age_recorded,
               GDate *today)
{
  if (birth_date != NULL)
    return years_between (birth_date, today);

  if (age > 0 && age_recorded != NULL)
    return age + years_between (age_recorded, today);

  return -1;
}

/* "72 years" or "About 72 years", or NULL when unknown. */
char *
limber_patient_format_age (LimberPatient *patient,
                           GDate         *today)
{
  int age = limber_patient_get_age (patient, today);

  if (age < 0)
    return NULL;

  if (patient->birth_date != NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", age), age);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %d year", "About %d years", age), age);
}

LimberProgram *
limber_patient_get_program (LimberPatient *patient,
                            const char    *program_id)
{
  if (program_id == NULL)
    return NULL;

  for (guint i = 0; i < patient->programs->len; i++)
    {
      LimberProgram *program = g_ptr_array_index (patient->programs, i);

      if (g_strcmp0 (program->id, program_id) == 0)
        return program;
    }

  return NULL;
}

LimberProgram *
limber_patient_get_active_program (LimberPatient *patient)
{
  return limber_patient_get_program (patient, patient->active_program);
}

gboolean
limber_patient_has_changes (LimberPatient *patient)
{
  for (guint i = 0; i < patient->programs->len; i++)
    if (limber_program_has_changes (g_ptr_array_index (patient->programs, i)))
      return TRUE;

  return FALSE;
}

void
limber_patient_commit (LimberPatient *patient,
                       GDateTime     *now)
{
  for (guint i = 0; i < patient->programs->len; i++)
    limber_program_commit (g_ptr_array_index (patient->programs, i), now);
}
