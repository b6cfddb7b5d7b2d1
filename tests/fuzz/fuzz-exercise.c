/* fuzz-exercise.c: one exercise file of the library, as limber-library.c reads it. */

#include "config.h"

#include "fuzz-common.h"
#include "limber-exercise.h"
#include "limber-json.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *file = NULL;
  JsonObject *root;
  JsonNode *id;

  root = limber_json_parse_object (bytes, FUZZ_FILE, &parser, &error);
  if (root == NULL)
    {
      fuzz_check_result (NULL, error, FUZZ_FILE);
      return 0;
    }

  /* The file must be named for the exercise's id: name it so, to reach past that check. */
  id = json_object_get_member (root, "id");
  if (id != NULL && json_node_get_value_type (id) == G_TYPE_STRING)
    file = g_strconcat (json_node_get_string (id), ".json", NULL);
  else
    file = g_strdup (FUZZ_FILE);

  exercise = limber_exercise_new_from_json (root, file, &error);
  fuzz_check_result (exercise, error, file);
  if (exercise == NULL)
    return 0;

  /* What the library page and its search read of every exercise. */
  summary = limber_exercise_dup_summary (exercise);
  limber_exercise_matches (exercise, "hip");
  return 0;
}
