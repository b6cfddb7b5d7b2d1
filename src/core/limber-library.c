/* limber-library.c: loads every exercise file of a folder (a GResource or a directory),
 * checks their links to each other, and lists them stretches first, then by name. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include "limber-json.h"
#include "limber-library.h"

#define GUIDANCE_FILE "guidance.json"
#define GUIDANCE_SCHEMA_VERSION 1

struct _LimberLibrary
{
  GObject     parent_instance;

  GPtrArray  *exercises;   /* LimberExercise, sorted */
  GHashTable *by_id;       /* id → LimberExercise (borrowed) */
  GPtrArray  *guidance;    /* LimberGuideSection */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberLibrary, limber_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
guide_section_free (gpointer data)
{
  LimberGuideSection *section = data;

  g_free (section->id);
  g_free (section->title);
  g_strfreev (section->items);
  g_free (section);
}

static GType
limber_library_get_item_type (GListModel *model)
{
  return LIMBER_TYPE_EXERCISE;
}

static guint
limber_library_get_n_items (GListModel *model)
{
  return LIMBER_LIBRARY (model)->exercises->len;
}

static gpointer
limber_library_get_item (GListModel *model,
                         guint       position)
{
  LimberLibrary *self = LIMBER_LIBRARY (model);

  if (position >= self->exercises->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->exercises, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = limber_library_get_item_type;
  iface->get_n_items = limber_library_get_n_items;
  iface->get_item = limber_library_get_item;
}

static void
limber_library_finalize (GObject *object)
{
  LimberLibrary *self = (LimberLibrary *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->guidance, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_library_parent_class)->finalize (object);
}

static void
limber_library_class_init (LimberLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_library_finalize;
}

static void
limber_library_init (LimberLibrary *self)
{
  self->exercises = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->guidance = g_ptr_array_new_with_free_func (guide_section_free);
}

LimberLibrary *
limber_library_new (void)
{
  return g_object_new (LIMBER_TYPE_LIBRARY, NULL);
}

static gboolean
load_guidance (GPtrArray  *guidance,
               GBytes     *bytes,
               const char *file,
               GError    **error)
{
  static const char * const members[] = { "schema_version", "sections", NULL };
  static const char * const section_members[] = { "id", "title", "items", NULL };
  g_autoptr(JsonParser) parser = NULL;
  const LimberJsonPlace place = { file, NULL };
  JsonObject *root;
  JsonArray *sections;

  if (!(root = limber_json_parse_object (bytes, file, &parser, error)) ||
      !limber_json_check_version (root, &place, GUIDANCE_SCHEMA_VERSION, error) ||
      !limber_json_check_members (root, &place, members, error) ||
      !(sections = limber_json_get_array (root, &place, "sections", 1, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      g_autofree char *path = g_strdup_printf ("sections[%u]", i);
      const LimberJsonPlace section_place = { file, path };
      JsonNode *node = json_array_get_element (sections, i);
      JsonObject *object;
      LimberGuideSection *section;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                       "%s: %s: expected an object", file, path);
          return FALSE;
        }

      object = json_node_get_object (node);
      section = g_new0 (LimberGuideSection, 1);
      g_ptr_array_add (guidance, section);
      if (!limber_json_check_members (object, &section_place, section_members, error) ||
          !(id = limber_json_get_string (object, &section_place, "id", error)) ||
          !limber_json_dup_text (object, &section_place, "title", &section->title, error) ||
          !limber_json_dup_texts (object, &section_place, "items", 1, &section->items, error))
        return FALSE;

      section->id = g_strdup (id);
    }

  return TRUE;
}

static int
compare_exercises (gconstpointer a,
                   gconstpointer b)
{
  LimberExercise *exercise_a = *(LimberExercise **) a;
  LimberExercise *exercise_b = *(LimberExercise **) b;
  LimberExerciseKind kind_a = limber_exercise_get_kind (exercise_a);
  LimberExerciseKind kind_b = limber_exercise_get_kind (exercise_b);

  if (kind_a != kind_b)
    return kind_a < kind_b ? -1 : 1;

  return g_utf8_collate (limber_exercise_get_name (exercise_a),
                         limber_exercise_get_name (exercise_b));
}

static gboolean
check_links (LimberExercise     *exercise,
             const char         *member,
             const char * const *ids,
             GHashTable         *by_id,
             GError            **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strcmp0 (ids[i], limber_exercise_get_id (exercise)) == 0 ||
          !g_hash_table_contains (by_id, ids[i]))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE,
                       "%s.json: %s[%u]: expected the id of another exercise in the library, "
                       "got \"%s\"", limber_exercise_get_id (exercise), member, i, ids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether an exercise is, through its harder versions, harder than itself: @exercise's
 * progressions and the exercises that name it a regression are both harder. @state marks
 * each id 1 while its harder versions are followed, 2 once they are known to end. */
static gboolean
find_cycle (LimberExercise *exercise,
            GPtrArray      *exercises,
            GHashTable     *by_id,
            GHashTable     *state,
            GPtrArray      *path)
{
  const char *id = limber_exercise_get_id (exercise);
  const char * const *progressions = limber_exercise_get_progressions (exercise);
  guint mark = GPOINTER_TO_UINT (g_hash_table_lookup (state, id));

  if (mark == 2)
    return FALSE;

  g_ptr_array_add (path, (gpointer) id);
  if (mark == 1)
    return TRUE;

  g_hash_table_insert (state, (gpointer) id, GUINT_TO_POINTER (1));
  for (guint i = 0; progressions[i] != NULL; i++)
    if (find_cycle (g_hash_table_lookup (by_id, progressions[i]), exercises, by_id, state, path))
      return TRUE;

  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *other = g_ptr_array_index (exercises, i);

      if (g_strv_contains (limber_exercise_get_regressions (other), id) &&
          find_cycle (other, exercises, by_id, state, path))
        return TRUE;
    }

  g_hash_table_insert (state, (gpointer) id, GUINT_TO_POINTER (2));
  g_ptr_array_remove_index (path, path->len - 1);
  return FALSE;
}

static gboolean
check_cycles (GPtrArray   *exercises,
              GHashTable  *by_id,
              GError     **error)
{
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < exercises->len; i++)
    {
      if (find_cycle (g_ptr_array_index (exercises, i), exercises, by_id, state, path))
        {
          const char *last = g_ptr_array_index (path, path->len - 1);
          g_autofree char *chain = NULL;

          g_ptr_array_add (path, NULL);
          chain = g_strjoinv (" → ", (char **) path->pdata);
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_REFERENCE,
                       "%s.json: progressions and regressions: a cycle of harder versions, "
                       "%s", last, chain);
          return FALSE;
        }
    }

  return TRUE;
}

/* Takes the files read from one folder (name → bytes): all or nothing, so a library with one
 * broken file is reported rather than shown with an exercise silently missing. */
static gboolean
load_files (LimberLibrary *self,
            GPtrArray     *names,
            GPtrArray     *contents,
            const char    *folder,
            GError       **error)
{
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) guidance = g_ptr_array_new_with_free_func (guide_section_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint removed;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GBytes *bytes = g_ptr_array_index (contents, i);
      g_autoptr(JsonParser) parser = NULL;
      LimberExercise *exercise;
      JsonObject *root;

      if (g_str_equal (name, GUIDANCE_FILE))
        {
          if (!load_guidance (guidance, bytes, name, error))
            return FALSE;
          continue;
        }

      if (!(root = limber_json_parse_object (bytes, name, &parser, error)) ||
          !(exercise = limber_exercise_new_from_json (root, name, error)))
        return FALSE;

      g_ptr_array_add (exercises, exercise);
      g_hash_table_insert (by_id, (gpointer) limber_exercise_get_id (exercise), exercise);
    }

  if (exercises->len == 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_MISSING,
                   "%s: no exercise files found", folder);
      return FALSE;
    }

  if (guidance->len == 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_MISSING,
                   "%s: %s is missing", folder, GUIDANCE_FILE);
      return FALSE;
    }

  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (exercises, i);

      if (!check_links (exercise, "progressions",
                        limber_exercise_get_progressions (exercise), by_id, error) ||
          !check_links (exercise, "regressions",
                        limber_exercise_get_regressions (exercise), by_id, error))
        return FALSE;
    }

  if (!check_cycles (exercises, by_id, error))
    return FALSE;

  g_ptr_array_sort (exercises, compare_exercises);

  removed = self->exercises->len;
  g_ptr_array_set_size (self->exercises, 0);
  g_ptr_array_extend_and_steal (self->exercises, g_steal_pointer (&exercises));
  g_ptr_array_set_size (self->guidance, 0);
  g_ptr_array_extend_and_steal (self->guidance, g_steal_pointer (&guidance));
  g_hash_table_unref (self->by_id);
  self->by_id = g_steal_pointer (&by_id);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->exercises->len);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Loads every *.json below @path in the registered resources (the library compiled into
 * Limber), replacing what was loaded before. */
gboolean
limber_library_load_resource (LimberLibrary *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_auto(GStrv) children = NULL;

  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (children == NULL)
    return FALSE;

  qsort (children, g_strv_length (children), sizeof (char *), compare_names);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child_path = NULL;
      GBytes *bytes;

      if (!g_str_has_suffix (children[i], ".json"))
        continue;

      child_path = g_build_path ("/", path, children[i], NULL);
      bytes = g_resources_lookup_data (child_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      g_ptr_array_add (names, g_strdup (children[i]));
      g_ptr_array_add (contents, bytes);
    }

  return load_files (self, names, contents, path, error);
}

/* Loads every *.json of @directory: a clinic's own folder, or the source tree in tests. */
gboolean
limber_library_load_directory (LimberLibrary *self,
                               GFile         *directory,
                               GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autofree char *folder = NULL;
  GFileInfo *info;

  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  folder = g_file_get_parse_name (directory);
  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, error)) != NULL)
    {
      g_autoptr(GFileInfo) owned_info = info;
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));
      g_autoptr(GError) local_error = NULL;
      char *data;
      gsize size;

      if (!g_file_load_contents (file, NULL, &data, &size, NULL, &local_error))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE, "%s: %s",
                       (const char *) g_ptr_array_index (names, i), local_error->message);
          return FALSE;
        }

      g_ptr_array_add (contents, g_bytes_new_take (data, size));
    }

  return load_files (self, names, contents, folder, error);
}

LimberExercise *
limber_library_lookup (LimberLibrary *self,
                       const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

guint
limber_library_get_n_guide_sections (LimberLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), 0);

  return self->guidance->len;
}

const LimberGuideSection *
limber_library_get_guide_section (LimberLibrary *self,
                                  guint          position)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (position < self->guidance->len, NULL);

  return g_ptr_array_index (self->guidance, position);
}

const LimberGuideSection *
limber_library_lookup_guide_section (LimberLibrary *self,
                                     const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), NULL);

  for (guint i = 0; i < self->guidance->len; i++)
    {
      LimberGuideSection *section = g_ptr_array_index (self->guidance, i);

      if (g_str_equal (section->id, id))
        return section;
    }

  return NULL;
}
