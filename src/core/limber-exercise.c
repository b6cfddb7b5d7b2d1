/* limber-exercise.c: an exercise loaded from one JSON file of the library, its patient-facing
 * text translated at load. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-enum-types.h"
#include "limber-exercise.h"
#include "limber-json.h"

#define SCHEMA_VERSION 1

struct _LimberExercise
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  LimberExerciseKind kind;
  LimberPosition     position;
  char              *body_region;
  GStrv              target_muscles;
  GStrv              equipment;
  char              *purpose;
  GStrv              steps;
  char              *feel;
  LimberDosage       dosage;
  GStrv              cautions;
  GStrv              modifications;
  GStrv              progressions;
  GStrv              regressions;

  /* Name, muscles and equipment in one string, for g_str_match_string(). */
  char              *search_text;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_PURPOSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberExercise, limber_exercise, G_TYPE_OBJECT)

static void
limber_exercise_finalize (GObject *object)
{
  LimberExercise *self = (LimberExercise *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->body_region);
  g_strfreev (self->target_muscles);
  g_strfreev (self->equipment);
  g_free (self->purpose);
  g_strfreev (self->steps);
  g_free (self->feel);
  g_strfreev (self->cautions);
  g_strfreev (self->modifications);
  g_strfreev (self->progressions);
  g_strfreev (self->regressions);
  g_free (self->search_text);

  G_OBJECT_CLASS (limber_exercise_parent_class)->finalize (object);
}

static void
limber_exercise_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberExercise *self = LIMBER_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PURPOSE:
      g_value_set_string (value, self->purpose);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_exercise_class_init (LimberExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_exercise_finalize;
  object_class->get_property = limber_exercise_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIMBER_TYPE_EXERCISE_KIND, LIMBER_EXERCISE_KIND_STRETCH,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_exercise_init (LimberExercise *self)
{
}

static gboolean
is_valid_id (const char *id)
{
  if (!g_ascii_islower (*id))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
load_ids (JsonObject            *object,
          const LimberJsonPlace *place,
          const char            *member,
          GStrv                 *out,
          GError               **error)
{
  g_auto(GStrv) ids = limber_json_get_strv (object, place, member, 0, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!is_valid_id (ids[i]))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: %s[%u]: expected an exercise id (lower-case letters, digits and "
                       "hyphens), got \"%s\"", place->file, member, i, ids[i]);
          return FALSE;
        }
    }

  *out = g_steal_pointer (&ids);
  return TRUE;
}

static char *
build_search_text (LimberExercise *self)
{
  g_autofree char *muscles = g_strjoinv (" ", self->target_muscles);
  g_autofree char *equipment = g_strjoinv (" ", self->equipment);

  return g_strjoin (" ", self->name, muscles, equipment, NULL);
}

/* Reads one exercise; the file name (without ".json") must be its id, so that a program
 * that names an id always finds the same file. */
LimberExercise *
limber_exercise_new_from_json (JsonObject  *object,
                               const char  *file,
                               GError     **error)
{
  static const char * const members[] = {
    "schema_version", "id", "name", "kind", "body_region", "position", "target_muscles",
    "equipment", "purpose", "steps", "feel", "dosage", "cautions", "modifications",
    "progressions", "regressions", NULL
  };
  g_autoptr(LimberExercise) self = NULL;
  g_autofree char *basename = NULL;
  const LimberJsonPlace place = { file, NULL };
  const LimberJsonPlace dosage_place = { file, "dosage" };
  JsonObject *dosage;
  const char *id;
  int kind, position;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!limber_json_check_version (object, &place, SCHEMA_VERSION, error) ||
      !limber_json_check_members (object, &place, members, error) ||
      !(id = limber_json_get_string (object, &place, "id", error)))
    return NULL;

  basename = g_path_get_basename (file);
  if (!is_valid_id (id) || !g_str_has_suffix (basename, ".json") ||
      strlen (basename) != strlen (id) + strlen (".json") ||
      strncmp (basename, id, strlen (id)) != 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: id: expected lower-case letters, digits and hyphens matching the file "
                   "name, got \"%s\"", file, id);
      return NULL;
    }

  self = g_object_new (LIMBER_TYPE_EXERCISE, NULL);
  self->id = g_strdup (id);

  if (!limber_json_dup_text (object, &place, "name", &self->name, error) ||
      !limber_json_get_enum (object, &place, "kind", LIMBER_TYPE_EXERCISE_KIND, &kind, error) ||
      !limber_json_get_enum (object, &place, "position", LIMBER_TYPE_POSITION, &position,
                             error) ||
      !(self->body_region = g_strdup (limber_json_get_string (object, &place, "body_region",
                                                              error))) ||
      !limber_json_dup_texts (object, &place, "target_muscles", 1, &self->target_muscles, error) ||
      !limber_json_dup_texts (object, &place, "equipment", 0, &self->equipment, error) ||
      !limber_json_dup_text (object, &place, "purpose", &self->purpose, error) ||
      !limber_json_dup_texts (object, &place, "steps", 2, &self->steps, error) ||
      !limber_json_dup_text (object, &place, "feel", &self->feel, error) ||
      !(dosage = limber_json_get_object (object, &place, "dosage", FALSE, error)) ||
      !limber_dosage_load (&self->dosage, dosage, &dosage_place, error) ||
      !limber_json_dup_texts (object, &place, "cautions", 1, &self->cautions, error) ||
      !limber_json_dup_texts (object, &place, "modifications", 0, &self->modifications, error) ||
      !load_ids (object, &place, "progressions", &self->progressions, error) ||
      !load_ids (object, &place, "regressions", &self->regressions, error))
    return NULL;

  self->kind = kind;
  self->position = position;
  self->search_text = build_search_text (self);

  return g_steal_pointer (&self);
}

const char *
limber_exercise_get_id (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->id;
}

const char *
limber_exercise_get_name (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->name;
}

LimberExerciseKind
limber_exercise_get_kind (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return self->kind;
}

LimberPosition
limber_exercise_get_position (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return self->position;
}

const char *
limber_exercise_get_body_region (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->body_region;
}

const char * const *
limber_exercise_get_target_muscles (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->target_muscles;
}

const char * const *
limber_exercise_get_equipment (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->equipment;
}

const char *
limber_exercise_get_purpose (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->purpose;
}

const char * const *
limber_exercise_get_steps (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->steps;
}

const char *
limber_exercise_get_feel (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->feel;
}

const LimberDosage *
limber_exercise_get_dosage (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return &self->dosage;
}

const char * const *
limber_exercise_get_cautions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->cautions;
}

const char * const *
limber_exercise_get_modifications (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->modifications;
}

const char * const *
limber_exercise_get_progressions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->progressions;
}

const char * const *
limber_exercise_get_regressions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *) self->regressions;
}

/* The line under the name in a list: the target muscles. */
char *
limber_exercise_dup_summary (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  /* Translators: separator between target muscles in a list row */
  return g_strjoinv (_(", "), self->target_muscles);
}

/* Every word of the query must start a word of the name, a target muscle or a piece of
 * equipment; case and accents are ignored. An empty query matches everything. */
gboolean
limber_exercise_matches (LimberExercise *self,
                         const char     *query)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  return g_str_match_string (query, self->search_text, TRUE);
}
