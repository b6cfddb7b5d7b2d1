/* limber-video.c: the clinic's videos in the store folder.
 *
 * A video is copied into videos/ under the SHA-256 of its bytes and a known extension, so the
 * same film attached twice is stored once and a name in a document says nothing about a path:
 * a reference is accepted only when it has exactly that shape, so it can never leave videos/,
 * and the file it names must be a plain file there, not a link to somewhere else.
 * videos/exercise-videos.json says which exercise plays which video for the whole clinic. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-json.h"
#include "limber-store-private.h"
#include "limber-video.h"

#define HASH_LENGTH 64
#define MAX_MAP_SIZE (1024 * 1024)
#define MAX_EXERCISE_ID 100
#define COPY_BUFFER (1024 * 1024)
#define MAP_LABEL LIMBER_VIDEOS_FOLDER "/" LIMBER_VIDEO_MAP_FILE

G_DEFINE_QUARK (limber-video-error-quark, limber_video_error)

/* What GStreamer plays from the formats a clinic is likely to film in. */
static const char * const extensions[] = { "webm", "mp4", "m4v", "mkv", "ogv", "mov", NULL };

const char * const *
limber_video_get_extensions (void)
{
  return extensions;
}

/* The allowed extension of @file_name, lowercase, or NULL. */
const char *
limber_video_get_extension (const char *file_name)
{
  const char *dot;

  g_return_val_if_fail (file_name != NULL, NULL);

  dot = strrchr (file_name, '.');
  if (dot == NULL)
    return NULL;

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return extensions[i];

  return NULL;
}

/* Exactly 64 lowercase hex digits, a dot and an allowed extension in lowercase. */
gboolean
limber_video_name_is_valid (const char *name)
{
  const char *extension;

  if (name == NULL || strlen (name) <= HASH_LENGTH + 1 || name[HASH_LENGTH] != '.')
    return FALSE;

  for (guint i = 0; i < HASH_LENGTH; i++)
    if (!g_ascii_isdigit (name[i]) && !(name[i] >= 'a' && name[i] <= 'f'))
      return FALSE;

  extension = limber_video_get_extension (name);
  /* strcmp, not the case-blind match: ".WEBM" is a different file on most disks. */
  return extension != NULL && strcmp (name + HASH_LENGTH + 1, extension) == 0;
}

/* @where names the document and member the reference came from. */
gboolean
limber_video_check_name (const char  *name,
                         const char  *where,
                         GError     **error)
{
  if (limber_video_name_is_valid (name))
    return TRUE;

  g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME,
               _("%s: not a video in the clinic folder (expected a name Limber gave it, like "
                 "“3f2a…c9.webm”)"), where);
  return FALSE;
}

GFile *
limber_video_get_folder (GFile *store_folder)
{
  g_return_val_if_fail (G_IS_FILE (store_folder), NULL);

  return g_file_get_child (store_folder, LIMBER_VIDEOS_FOLDER);
}

/* A file's name as a person reads it, whatever its encoding or where it lives. */
char *
limber_video_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_file_get_parse_name (file);
}

/* videos/ itself must be a folder, not a link that leads reads and writes elsewhere. */
static gboolean
check_folder (const char  *folder_path,
              gboolean     create,
              GError     **error)
{
  GStatBuf buf;

  if (create && g_mkdir (folder_path, 0700) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *store = g_path_get_dirname (folder_path);

      if (saved_errno == ENOENT)
        g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_WRITE,
                     _("The clinic folder “%s” is missing; it may be on a disconnected drive"),
                     store);
      else
        g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_WRITE,
                     _("The folder “%s” could not be made: %s"), folder_path,
                     g_strerror (saved_errno));
      return FALSE;
    }

  if (g_lstat (folder_path, &buf) != 0)
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MISSING,
                   _("The clinic folder has no videos folder"));
      return FALSE;
    }

  if (!S_ISDIR (buf.st_mode))
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_READ,
                   _("“%s” is not a folder; Limber does not follow links there"), folder_path);
      return FALSE;
    }

  return TRUE;
}

GFile *
limber_video_resolve (GFile       *store_folder,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *path = NULL;
  GStatBuf buf;

  g_return_val_if_fail (G_IS_FILE (store_folder), NULL);

  if (!limber_video_check_name (name, _("video"), error))
    return NULL;

  folder = limber_video_get_folder (store_folder);
  folder_path = g_file_get_path (folder);
  path = g_build_filename (folder_path, name, NULL);

  if (g_lstat (folder_path, &buf) != 0 || g_lstat (path, &buf) != 0)
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MISSING,
                   _("The video “%s” is missing from the clinic folder"), name);
      return NULL;
    }

  if (!check_folder (folder_path, FALSE, error))
    return NULL;

  /* g_lstat: a link named like a video is refused, not followed. */
  if (!S_ISREG (buf.st_mode))
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_READ,
                   _("The video “%s” in the clinic folder is not a plain file"), name);
      return NULL;
    }

  return g_file_new_for_path (path);
}

/* ---- Copying in ---- */

typedef struct
{
  GFile         *source;
  char          *display;
  GCancellable  *cancellable;
  char          *hash;       /* from the first reading; the copy must match it */
} Import;

static void
set_read_error (GError     **error,
                const char  *display,
                GError      *cause)
{
  g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_READ,
               _("“%s” could not be read: %s"), display, cause->message);
}

static void
set_too_large (GError     **error,
               const char  *display,
               guint64      size)
{
  g_autofree char *got = g_format_size (size);
  g_autofree char *limit = g_format_size (LIMBER_VIDEO_MAX_SIZE);

  g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_TOO_LARGE,
               _("“%s” is too large to attach (%s; the limit is %s)"), display, got, limit);
}

/* Reads the whole source through @checksum, writing each piece to @fd when it is not -1. */
static gboolean
read_through (Import      *import,
              GChecksum   *checksum,
              int          fd,
              const char  *path,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree guchar *buffer = g_malloc (COPY_BUFFER);
  guint64 total = 0;

  if (!(in = g_file_read (import->source, import->cancellable, &local_error)))
    {
      set_read_error (error, import->display, local_error);
      return FALSE;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_BUFFER,
                                      import->cancellable, &local_error);
      gsize written = 0;

      if (n < 0)
        {
          set_read_error (error, import->display, local_error);
          return FALSE;
        }
      if (n == 0)
        break;

      total += n;
      if (total > LIMBER_VIDEO_MAX_SIZE)
        {
          set_too_large (error, import->display, total);
          return FALSE;
        }

      g_checksum_update (checksum, buffer, n);

      while (fd >= 0 && written < (gsize) n)
        {
          gssize w = write (fd, buffer + written, n - written);

          if (w < 0)
            {
              int saved_errno = errno;

              if (saved_errno == EINTR)
                continue;
              g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_WRITE,
                           _("“%s” could not be copied into the clinic folder: %s"),
                           import->display, g_strerror (saved_errno));
              return FALSE;
            }
          written += w;
        }
    }

  return TRUE;
}

static gboolean
copy_cb (int          fd,
         const char  *path,
         gpointer     user_data,
         GError     **error)
{
  Import *import = user_data;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  if (!read_through (import, checksum, fd, path, error))
    return FALSE;

  /* The file must be what was hashed, or it would sit under another film's name. */
  if (strcmp (g_checksum_get_string (checksum), import->hash) != 0)
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_READ,
                   _("“%s” changed while it was being copied; try again"), import->display);
      return FALSE;
    }

  return TRUE;
}

static char *
join_extensions (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; extensions[i] != NULL; i++)
    g_string_append_printf (text, "%s.%s", i > 0 ? ", " : "", extensions[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Copies @source into videos/ and returns the name it has there. A video already there is
 * not copied again. Takes as long as reading the file twice: call it from a thread. */
char *
limber_video_import (GFile         *store_folder,
                     GFile         *source,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const char *extension;
  GStatBuf buf;
  Import import = { source, NULL, cancellable, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_FILE (store_folder), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  import.display = limber_video_display_name (source);
  basename = g_file_get_basename (source);
  extension = basename != NULL ? limber_video_get_extension (basename) : NULL;
  if (extension == NULL)
    {
      g_autofree char *allowed = join_extensions ();

      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NOT_VIDEO,
                   _("“%s” is not a video Limber can play: its name must end in %s"),
                   import.display, allowed);
      goto out;
    }

  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      set_read_error (error, import.display, local_error);
      goto out;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NOT_VIDEO,
                   _("“%s” is not a video Limber can play: it is not a file"), import.display);
      goto out;
    }
  if ((guint64) g_file_info_get_size (info) > LIMBER_VIDEO_MAX_SIZE)
    {
      set_too_large (error, import.display, g_file_info_get_size (info));
      goto out;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (!read_through (&import, checksum, -1, NULL, error))
    goto out;
  import.hash = g_strdup (g_checksum_get_string (checksum));
  name = g_strdup_printf ("%s.%s", import.hash, extension);

  folder = limber_video_get_folder (store_folder);
  folder_path = g_file_get_path (folder);
  if (!check_folder (folder_path, TRUE, error))
    goto out;

  /* Named by its content: a plain file of that name already is this video. */
  path = g_build_filename (folder_path, name, NULL);
  if (g_lstat (path, &buf) == 0 && S_ISREG (buf.st_mode) &&
      (guint64) buf.st_size == (guint64) g_file_info_get_size (info))
    {
      ok = TRUE;
      goto out;
    }

  if (!limber_write_file_atomically_with (folder, name, copy_cb, &import, &local_error))
    {
      if (local_error->domain == LIMBER_VIDEO_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_WRITE,
                     _("“%s” could not be copied into the clinic folder: %s"), import.display,
                     local_error->message);
      goto out;
    }
  ok = TRUE;

out:
  g_free (import.display);
  g_free (import.hash);
  return ok ? g_steal_pointer (&name) : NULL;
}

/* ---- Which exercise plays which video ---- */

static gboolean
is_exercise_id (const char *id)
{
  if (!g_ascii_islower (*id) || strlen (id) > MAX_EXERCISE_ID)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
map_error (GError     **error,
           GError      *cause)
{
  g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MAP, "%s", cause->message);
  return FALSE;
}

static gboolean
parse_map (GBytes      *bytes,
           GHashTable  *map,
           GError     **error)
{
  static const char * const members[] = { "schema_version", "kind", "videos", NULL };
  const LimberJsonPlace place = { MAP_LABEL, "" };
  const LimberJsonPlace videos_place = { MAP_LABEL, "videos" };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GList) ids = NULL;
  JsonObject *root, *videos;
  const char *kind;

  if (!(root = limber_json_parse_object (bytes, MAP_LABEL, &parser, error)) ||
      !limber_json_check_members (root, &place, members, error) ||
      !limber_json_check_version (root, &place, 1, error) ||
      !(kind = limber_json_get_string (root, &place, "kind", error)) ||
      !(videos = limber_json_get_object (root, &place, "videos", FALSE, error)))
    return FALSE;

  if (strcmp (kind, "exercise-videos") != 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: kind: expected “exercise-videos”", MAP_LABEL);
      return FALSE;
    }

  ids = json_object_get_members (videos);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      const char *id = l->data;
      g_autofree char *where = NULL;
      const char *name;

      if (!is_exercise_id (id))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: videos: not an exercise id: “%.100s”", MAP_LABEL, id);
          return FALSE;
        }

      where = g_strdup_printf ("%s: videos.%s", MAP_LABEL, id);
      if (!(name = limber_json_get_string (videos, &videos_place, id, error)) ||
          !limber_video_check_name (name, where, error))
        return FALSE;

      g_hash_table_insert (map, g_strdup (id), g_strdup (name));
    }

  return TRUE;
}

/* Exercise id → video name. No map yet is an empty one; a map that cannot be read is an
 * error, so that nothing writes over it. */
GHashTable *
limber_video_map_load (GFile   *store_folder,
                       GError **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf buf;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (store_folder), NULL);

  folder = limber_video_get_folder (store_folder);
  folder_path = g_file_get_path (folder);
  path = g_build_filename (folder_path, LIMBER_VIDEO_MAP_FILE, NULL);

  if (g_lstat (folder_path, &buf) != 0 && errno == ENOENT)
    return g_steal_pointer (&map);
  if (!check_folder (folder_path, FALSE, &local_error))
    {
      map_error (error, local_error);
      return NULL;
    }
  if (g_lstat (path, &buf) != 0 && errno == ENOENT)
    return g_steal_pointer (&map);

  if (!S_ISREG (buf.st_mode) || buf.st_size > MAX_MAP_SIZE)
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MAP,
                   _("%s: not a plain file of at most 1 MB"), MAP_LABEL);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MAP, "%s: %s", MAP_LABEL,
                   local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  if (!parse_map (bytes, map, &local_error))
    {
      map_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&map);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Written whole and atomically, in the order of the exercise ids so a change reads well in a
 * diff. */
gboolean
limber_video_map_save (GFile       *store_folder,
                       GHashTable  *map,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *data = NULL;
  GHashTableIter iter;
  gpointer key;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (store_folder), FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_return_val_if_fail (is_exercise_id (key), FALSE);
      g_return_val_if_fail (limber_video_name_is_valid (g_hash_table_lookup (map, key)), FALSE);
      g_ptr_array_add (ids, key);
    }
  g_ptr_array_sort (ids, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "exercise-videos");
  json_builder_set_member_name (builder, "videos");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      json_builder_set_member_name (builder, ids->pdata[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (map, ids->pdata[i]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  folder = limber_video_get_folder (store_folder);
  folder_path = g_file_get_path (folder);
  if (!check_folder (folder_path, TRUE, error))
    return FALSE;

  if (!limber_write_file_atomically (folder, LIMBER_VIDEO_MAP_FILE, data, length,
                                     LIMBER_WRITE_STEP_NONE, FALSE, &local_error))
    {
      g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_WRITE,
                   _("The clinic’s list of exercise videos could not be saved: %s"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The clinic's video for the exercise, NULL when it has none (without setting @error). */
char *
limber_video_dup_exercise_video (GFile       *store_folder,
                                 const char  *exercise_id,
                                 GError     **error)
{
  g_autoptr(GHashTable) map = NULL;

  g_return_val_if_fail (G_IS_FILE (store_folder), NULL);
  g_return_val_if_fail (exercise_id != NULL, NULL);

  if (!(map = limber_video_map_load (store_folder, error)))
    return NULL;

  return g_strdup (g_hash_table_lookup (map, exercise_id));
}

/* @name NULL removes the exercise's video from the map (the file stays: a prescription may
 * name it too). A map that cannot be read is left as it is and the change refused. */
gboolean
limber_video_set_exercise_video (GFile       *store_folder,
                                 const char  *exercise_id,
                                 const char  *name,
                                 GError     **error)
{
  g_autoptr(GHashTable) map = NULL;

  g_return_val_if_fail (G_IS_FILE (store_folder), FALSE);
  g_return_val_if_fail (exercise_id != NULL && is_exercise_id (exercise_id), FALSE);

  if (name != NULL && !limber_video_check_name (name, _("video"), error))
    return FALSE;

  if (!(map = limber_video_map_load (store_folder, error)))
    return FALSE;

  if (name != NULL)
    g_hash_table_insert (map, g_strdup (exercise_id), g_strdup (name));
  else if (!g_hash_table_remove (map, exercise_id))
    return TRUE;

  return limber_video_map_save (store_folder, map, error);
}

/* What an exercise of a program plays: the prescription's own video, else the clinic's video
 * for the exercise; NULL without an error means the animated figure. */
char *
limber_video_choose (GFile       *store_folder,
                     const char  *prescription_video,
                     const char  *exercise_id,
                     GError     **error)
{
  g_return_val_if_fail (G_IS_FILE (store_folder), NULL);
  g_return_val_if_fail (exercise_id != NULL, NULL);

  if (prescription_video != NULL)
    return g_strdup (prescription_video);

  return limber_video_dup_exercise_video (store_folder, exercise_id, error);
}
