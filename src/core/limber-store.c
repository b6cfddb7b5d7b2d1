/* limber-store.c: one JSON document per patient in a folder.
 *
 * Writes go to a private temporary file that is synced, then renamed over the document, then
 * the folder is synced: a reader sees the old document or the new one, never half of either.
 * Each document's etag (the SHA-256 of its bytes) is kept from when it was read; a write whose
 * document no longer has that etag is refused, so a change from another computer is never lost.
 * A document that cannot be read is listed with the reason and never written, moved or deleted.
 *
 * Opening 10,000 patients must not mean parsing 10,000 documents: the list's summary of each
 * file is cached (in the user's cache folder, never the shared one) with the file's size and
 * time, and a file is parsed again only when those change. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "limber-store.h"
#include "limber-store-private.h"

#define CACHE_VERSION 3
#define CACHE_ENTRY "(sxtssssbsussss)"
#define CACHE_TYPE "(usa" CACHE_ENTRY ")"
#define TEMPLATES_FOLDER "templates"
#define SHIPPED_TEMPLATES RESOURCE_PREFIX "/templates"

G_DEFINE_QUARK (limber-store-error-quark, limber_store_error)

/* ---- Items ---- */

struct _LimberStoreItem
{
  GObject   parent_instance;

  char     *file;
  char     *id;
  char     *name;
  char     *condition;
  char     *notes;
  gboolean  archived;
  char     *birth_date;   /* "YYYY-MM-DD" or "" */
  guint     age;
  char     *age_recorded; /* "YYYY-MM-DD" or "" */
  char     *problem;      /* why it cannot be read, or NULL */
  gint64    mtime;
  guint64   size;

  char     *sort_key;
  char     *search_text;  /* name and notes, case-folded */
};

G_DEFINE_FINAL_TYPE (LimberStoreItem, limber_store_item, G_TYPE_OBJECT)

static void
limber_store_item_finalize (GObject *object)
{
  LimberStoreItem *self = LIMBER_STORE_ITEM (object);

  g_free (self->file);
  g_free (self->id);
  g_free (self->name);
  g_free (self->condition);
  g_free (self->notes);
  g_free (self->birth_date);
  g_free (self->age_recorded);
  g_free (self->problem);
  g_free (self->sort_key);
  g_free (self->search_text);

  G_OBJECT_CLASS (limber_store_item_parent_class)->finalize (object);
}

static void
limber_store_item_class_init (LimberStoreItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_store_item_finalize;
}

static void
limber_store_item_init (LimberStoreItem *self)
{
}

/* Text as search compares it: case-folded, with "é" typed one way or another the same. */
char *
limber_store_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static void
item_finish (LimberStoreItem *item)
{
  g_autofree char *folded = limber_store_fold (item->name);
  g_autofree char *text = g_strconcat (item->name, "\n", item->notes, "\n", item->condition, NULL);

  item->sort_key = g_utf8_collate_key (folded, -1);
  item->search_text = limber_store_fold (text);
}

static LimberStoreItem *
item_new_for_patient (const char    *file,
                      LimberPatient *patient)
{
  LimberStoreItem *item = g_object_new (LIMBER_TYPE_STORE_ITEM, NULL);

  item->file = g_strdup (file);
  item->id = g_strdup (patient->id);
  item->name = g_strdup (patient->name);
  item->condition = g_strdup (patient->condition);
  item->notes = g_strdup (patient->notes);
  item->archived = patient->archived;
  item->birth_date = limber_date_format_iso (patient->birth_date);
  item->age = patient->age;
  item->age_recorded = limber_date_format_iso (patient->age_recorded);
  item_finish (item);

  return item;
}

static LimberStoreItem *
item_new_unreadable (const char *file,
                     const char *problem)
{
  LimberStoreItem *item = g_object_new (LIMBER_TYPE_STORE_ITEM, NULL);

  item->file = g_strdup (file);
  item->id = g_strdup ("");
  item->name = g_strdup (file);
  item->condition = g_strdup ("");
  item->notes = g_strdup ("");
  item->birth_date = g_strdup ("");
  item->age_recorded = g_strdup ("");
  item->problem = g_strdup (problem);
  item_finish (item);

  return item;
}

const char *
limber_store_item_get_file (LimberStoreItem *item)
{
  return item->file;
}

const char *
limber_store_item_get_id (LimberStoreItem *item)
{
  return item->id;
}

const char *
limber_store_item_get_name (LimberStoreItem *item)
{
  return item->name;
}

const char *
limber_store_item_get_condition (LimberStoreItem *item)
{
  return item->condition;
}

const char *
limber_store_item_get_notes (LimberStoreItem *item)
{
  return item->notes;
}

gboolean
limber_store_item_get_archived (LimberStoreItem *item)
{
  return item->archived;
}

const char *
limber_store_item_get_problem (LimberStoreItem *item)
{
  return item->problem;
}

/* The age today, as limber_patient_get_age() tells it; -1 if unknown. */
int
limber_store_item_get_age (LimberStoreItem *item,
                           GDate           *today)
{
  g_autoptr(GDate) birth_date = limber_date_parse_iso (item->birth_date);
  g_autoptr(GDate) age_recorded = limber_date_parse_iso (item->age_recorded);

  return limber_age_on (birth_date, item->age, age_recorded, today);
}

/* Whether the name, notes or condition contain the query, folded with limber_store_fold(). */
gboolean
limber_store_item_matches (LimberStoreItem *item,
                           const char      *folded_query)
{
  return folded_query == NULL || folded_query[0] == '\0' ||
         strstr (item->search_text, folded_query) != NULL;
}

/* ---- The store ---- */

struct _LimberStore
{
  GObject          parent_instance;

  GFile           *folder;
  char            *cache_path;
  GPtrArray       *items;      /* readable and not hidden, sorted by name */
  GHashTable      *by_id;      /* id → item, hidden ones too */
  GHashTable      *hidden;     /* id → item taken out of the list for now */
  GHashTable      *etags;      /* file → SHA-256 of the bytes last read or written */
  GListStore      *unreadable;
  gboolean         cache_dirty;
  gboolean         create_folder;

  LimberWriteStep  fault_step;
  gboolean         fault_crash;
};

static void limber_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberStore, limber_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      limber_store_list_model_init))

static GType
limber_store_get_item_type (GListModel *model)
{
  return LIMBER_TYPE_STORE_ITEM;
}

static guint
limber_store_get_n_items (GListModel *model)
{
  return LIMBER_STORE (model)->items->len;
}

static gpointer
limber_store_get_item (GListModel *model,
                       guint       position)
{
  LimberStore *self = LIMBER_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
limber_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = limber_store_get_item_type;
  iface->get_n_items = limber_store_get_n_items;
  iface->get_item = limber_store_get_item;
}

static void
limber_store_finalize (GObject *object)
{
  LimberStore *self = LIMBER_STORE (object);

  g_clear_object (&self->folder);
  g_free (self->cache_path);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->hidden);
  g_hash_table_unref (self->etags);
  g_clear_object (&self->unreadable);

  G_OBJECT_CLASS (limber_store_parent_class)->finalize (object);
}

static void
limber_store_class_init (LimberStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_store_finalize;
}

static void
limber_store_init (LimberStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unreadable = g_list_store_new (LIMBER_TYPE_STORE_ITEM);
  self->create_folder = TRUE;
}

/* Whether a missing folder is created (0700), as the default one is. A folder chosen in
 * Preferences is not: missing, it is more likely a drive that is not connected, and patients
 * saved in a new empty folder there would be out of the clinic's sight. */
void
limber_store_set_create_folder (LimberStore *self,
                                gboolean     create)
{
  self->create_folder = create;
}

char *
limber_store_get_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
}

/* @cache_folder holds the list's cache; NULL keeps none. */
LimberStore *
limber_store_new (GFile      *folder,
                  const char *cache_folder)
{
  LimberStore *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (LIMBER_TYPE_STORE, NULL);
  self->folder = g_object_ref (folder);

  if (cache_folder != NULL)
    {
      g_autofree char *path = g_file_get_path (folder);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1,
                                                             path != NULL ? path : "", -1);
      g_autofree char *name = g_strdup_printf ("store-%s.gvariant", hash);

      self->cache_path = g_build_filename (cache_folder, name, NULL);
    }

  return self;
}

GFile *
limber_store_get_folder (LimberStore *self)
{
  return self->folder;
}

GListModel *
limber_store_get_unreadable (LimberStore *self)
{
  return G_LIST_MODEL (self->unreadable);
}

LimberStoreItem *
limber_store_lookup (LimberStore *self,
                     const char  *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

void
limber_store_set_fault (LimberStore     *self,
                        LimberWriteStep  step,
                        gboolean         crash)
{
  self->fault_step = step;
  self->fault_crash = crash;
}

static guint
sorted_position (LimberStore     *self,
                 LimberStoreItem *item)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      LimberStoreItem *other = g_ptr_array_index (self->items, middle);

      if (strcmp (other->sort_key, item->sort_key) <= 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static guint
find_position (LimberStore     *self,
               LimberStoreItem *item)
{
  guint position;

  if (g_ptr_array_find (self->items, item, &position))
    return position;

  return G_MAXUINT;
}

static void
list_insert (LimberStore     *self,
             LimberStoreItem *item)
{
  guint position = sorted_position (self, item);

  g_ptr_array_insert (self->items, position, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
list_remove (LimberStore     *self,
             LimberStoreItem *item)
{
  guint position = find_position (self, item);

  if (position == G_MAXUINT)
    return;

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Puts @item in the place of any item with its id, keeping a hidden one hidden. */
static void
replace_item (LimberStore     *self,
              LimberStoreItem *item)
{
  LimberStoreItem *old = g_hash_table_lookup (self->by_id, item->id);
  gboolean hidden = g_hash_table_contains (self->hidden, item->id);

  if (old != NULL)
    {
      list_remove (self, old);
      g_hash_table_remove (self->hidden, item->id);
    }

  g_hash_table_replace (self->by_id, item->id, g_object_ref (item));

  if (hidden)
    g_hash_table_add (self->hidden, g_strdup (item->id));
  else
    list_insert (self, item);

  self->cache_dirty = TRUE;
}

static char *
path_of (LimberStore *self,
         const char  *file)
{
  g_autoptr(GFile) child = g_file_get_child (self->folder, file);

  return g_file_get_path (child);
}

static char *
etag_for (const char *data,
          gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Says what is wrong with an unreadable document in words for the list. */
static char *
describe_problem (const GError *error)
{
  if (g_error_matches (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VERSION))
    return g_strdup_printf (_("Written by a newer version of Limber (%s). Update Limber to open it."),
                            error->message);

  if (g_error_matches (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE))
    return g_strdup_printf (_("Not a valid patient document (%s)."), error->message);

  return g_strdup (error->message);
}

/* ---- The list cache ---- */

typedef struct
{
  gint64   mtime;
  guint64  size;
  GVariant *entry;
} CacheEntry;

/* The sort and search keys in the cache depend on the locale's collation and case rules. */
static char *
cache_locale (void)
{
  return g_strdup_printf ("%s;%s", setlocale (LC_COLLATE, NULL), setlocale (LC_CTYPE, NULL));
}

static GHashTable *
read_cache (LimberStore *self)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_variant_unref);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) cache = NULL;
  g_autoptr(GVariant) array = NULL;
  g_autofree char *locale = NULL;
  const char *cached_locale;
  GVariantIter iter;
  GVariant *entry;
  guint32 version;

  if (self->cache_path == NULL ||
      !(mapped = g_mapped_file_new (self->cache_path, FALSE, NULL)))
    return entries;

  bytes = g_mapped_file_get_bytes (mapped);
  /* Untrusted bytes are safe to read: GVariant's accessors give empty values for a broken
   * serialisation, and a broken entry only means that file is read again. */
  cache = g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, FALSE);
  g_variant_get (cache, "(u&s@a" CACHE_ENTRY ")", &version, &cached_locale, &array);
  locale = cache_locale ();
  if (version != CACHE_VERSION || g_strcmp0 (cached_locale, locale) != 0)
    return entries;

  g_variant_iter_init (&iter, array);
  while ((entry = g_variant_iter_next_value (&iter)))
    {
      const char *file;

      g_variant_get_child (entry, 0, "&s", &file);
      g_hash_table_replace (entries, (gpointer) file, entry);
    }

  /* The entries point into the mapped file, which the variants keep alive. */
  return entries;
}

static LimberStoreItem *
item_from_cache (GVariant *entry,
                 gint64    mtime,
                 guint64   size)
{
  const char *file, *id, *name, *condition, *notes, *birth_date, *age_recorded, *problem;
  const char *sort_key, *search_text;
  gint64 cached_mtime;
  guint64 cached_size;
  gboolean archived;
  guint32 age;
  LimberStoreItem *item;

  g_variant_get (entry, "(&sxt&s&s&s&sb&su&s&s&s&s)", &file, &cached_mtime, &cached_size, &id,
                 &name, &condition, &notes, &archived, &birth_date, &age, &age_recorded, &problem,
                 &sort_key, &search_text);

  if (cached_mtime != mtime || cached_size != size)
    return NULL;

  if (problem[0] != '\0')
    item = item_new_unreadable (file, problem);
  else
    {
      item = g_object_new (LIMBER_TYPE_STORE_ITEM, NULL);
      item->file = g_strdup (file);
      item->id = g_strdup (id);
      item->name = g_strdup (name);
      item->condition = g_strdup (condition);
      item->notes = g_strdup (notes);
      item->archived = archived;
      item->birth_date = g_strdup (birth_date);
      item->age = age;
      item->age_recorded = g_strdup (age_recorded);
      item->sort_key = g_strdup (sort_key);
      item->search_text = g_strdup (search_text);
    }

  item->mtime = mtime;
  item->size = size;
  return item;
}

static GVariant *
item_to_cache (LimberStoreItem *item)
{
  return g_variant_new (CACHE_ENTRY, item->file, item->mtime, item->size,
                        item->problem != NULL ? "" : item->id,
                        item->problem != NULL ? "" : item->name,
                        item->condition, item->notes, item->archived, item->birth_date,
                        item->age, item->age_recorded,
                        item->problem != NULL ? item->problem : "",
                        item->sort_key, item->search_text);
}

gboolean
limber_store_write_cache (LimberStore  *self,
                          GError      **error)
{
  g_autoptr(GVariantBuilder) entries = g_variant_builder_new (G_VARIANT_TYPE ("a" CACHE_ENTRY));
  g_autoptr(GVariant) cache = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *locale = cache_locale ();
  GHashTableIter iter;
  gpointer value;

  if (self->cache_path == NULL || !self->cache_dirty)
    return TRUE;

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((LimberStoreItem *) value)->mtime != 0)
      g_variant_builder_add_value (entries, item_to_cache (value));

  /* Unreadable documents are not cached: their reason may change without the file changing
   * (a newer Limber reads them; the record they duplicate is deleted). There are few. */

  cache = g_variant_ref_sink (g_variant_new (CACHE_TYPE, CACHE_VERSION, locale, entries));
  folder = g_path_get_dirname (self->cache_path);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (self->cache_path, g_variant_get_data (cache),
                                 g_variant_get_size (cache), G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                     "%s: %s", folder, g_strerror (errno));
      return FALSE;
    }

  self->cache_dirty = FALSE;
  return TRUE;
}

/* ---- Loading ---- */

static gboolean
stat_file (const char *path,
           gint64     *mtime,
           guint64    *size)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return FALSE;

  *mtime = (gint64) buf.st_mtim.tv_sec * G_USEC_PER_SEC + buf.st_mtim.tv_nsec / 1000;
  *size = buf.st_size;
  return TRUE;
}

static LimberPatient *
read_patient (LimberStore  *self,
              const char   *file,
              char        **etag,
              GError      **error)
{
  g_autofree char *path = path_of (self, file);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (etag != NULL)
    *etag = etag_for (contents, length);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return limber_patient_load (bytes, file, error);
}

static LimberStoreItem *
read_item (LimberStore *self,
           const char  *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPatient) patient = read_patient (self, file, NULL, &error);
  g_autofree char *problem = NULL;

  if (patient != NULL)
    return item_new_for_patient (file, patient);

  problem = describe_problem (error);
  return item_new_unreadable (file, problem);
}

static void
add_unreadable (LimberStore     *self,
                LimberStoreItem *item)
{
  g_list_store_append (self->unreadable, item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  LimberStoreItem *item_a = *(LimberStoreItem **) a;
  LimberStoreItem *item_b = *(LimberStoreItem **) b;

  return strcmp (item_a->sort_key, item_b->sort_key);
}

/* The file Limber named after the patient's id first, then by name: among documents with the
 * same id, that one is the patient and the others are set aside as copies, whatever order
 * the folder lists them in. */
static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  LimberStoreItem *item_a = *(LimberStoreItem **) a;
  LimberStoreItem *item_b = *(LimberStoreItem **) b;
  gboolean own_a = item_a->problem == NULL && g_str_has_prefix (item_a->file, item_a->id) &&
                   g_str_equal (item_a->file + strlen (item_a->id), ".json");
  gboolean own_b = item_b->problem == NULL && g_str_has_prefix (item_b->file, item_b->id) &&
                   g_str_equal (item_b->file + strlen (item_b->id), ".json");

  if (own_a != own_b)
    return own_a ? -1 : 1;

  return strcmp (item_a->file, item_b->file);
}

static gboolean
ensure_folder (GFile    *folder,
               gboolean  create,
               GError  **error)
{
  g_autofree char *path = g_file_get_path (folder);

  if (path == NULL)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FOLDER,
                   _("The folder “%s” is not on this computer’s file system."),
                   g_file_peek_path (folder));
      return FALSE;
    }

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FOLDER,
                   _("The folder “%s” is missing; it may be on a drive or network share that is not connected."),
                   path);
      return FALSE;
    }

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FOLDER,
                   _("The folder “%s” could not be created: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FOLDER,
                   _("“%s” is not a folder."), path);
      return FALSE;
    }

  return TRUE;
}

/* Reads the folder's list: the patients, and the documents that cannot be read. */
gboolean
limber_store_load (LimberStore  *self,
                   GError      **error)
{
  g_autofree char *folder = g_file_get_path (self->folder);
  g_autoptr(GHashTable) cache = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = self->items->len;
  int dir_fd;

  if (!ensure_folder (self->folder, self->create_folder, error))
    return FALSE;

  /* Opened before anything is cleared: a folder that cannot be read leaves the list as it was. */
  dir = g_dir_open (folder, 0, NULL);
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir == NULL || dir_fd < 0)
    {
      int saved_errno = errno;

      if (dir_fd >= 0)
        close (dir_fd);
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FOLDER,
                   _("The folder “%s” cannot be read: %s."), folder, g_strerror (saved_errno));
      return FALSE;
    }

  cache = read_cache (self);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  /* The etags stay: each is the hash of bytes this store read or wrote, and a save compares
   * it with the file as it is then. */
  /* A patient hidden while an Undo is offered stays hidden. */
  g_ptr_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->by_id);
  g_list_store_remove_all (self->unreadable);
  self->cache_dirty = FALSE;

  while ((name = g_dir_read_name (dir)))
    {
      LimberStoreItem *item = NULL;
      struct stat buf;
      GVariant *entry;
      gint64 mtime;
      guint64 size;

      /* Temporary files of a write in progress, or left by a crash, start with a dot. */
      if (name[0] == '.' || !g_str_has_suffix (name, ".json"))
        continue;

      /* One stat, relative to the folder, for the 10,000 files of a large clinic. Links are
       * not followed: a document must be a plain file in the folder, not a way to read, and
       * then write over, a file elsewhere. */
      if (fstatat (dir_fd, name, &buf, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      mtime = (gint64) buf.st_mtim.tv_sec * G_USEC_PER_SEC + buf.st_mtim.tv_nsec / 1000;
      size = buf.st_size;

      if (S_ISLNK (buf.st_mode))
        {
          item = item_new_unreadable (name, _("A link to another file, not a patient document; "
                                              "Limber does not follow links in its folder."));
          item->mtime = mtime;
          item->size = size;
          g_ptr_array_add (items, item);
          continue;
        }

      if (!S_ISREG (buf.st_mode))
        continue;

      entry = g_hash_table_lookup (cache, name);
      if (entry != NULL)
        item = item_from_cache (entry, mtime, size);

      if (item == NULL)
        {
          item = read_item (self, name);
          item->mtime = mtime;
          item->size = size;
          self->cache_dirty = TRUE;
        }

      g_ptr_array_add (items, item);
    }
  close (dir_fd);

  g_ptr_array_sort (items, compare_files);
  for (guint i = 0; i < items->len; i++)
    {
      LimberStoreItem *item = g_ptr_array_index (items, i);
      LimberStoreItem *twin;

      if (item->problem == NULL && (twin = g_hash_table_lookup (self->by_id, item->id)) != NULL)
        {
          g_autofree char *problem =
            g_strdup_printf (_("Has the same patient id as “%s”; it may be a copy of it."), twin->file);
          g_autoptr(LimberStoreItem) unreadable = item_new_unreadable (item->file, problem);

          unreadable->mtime = item->mtime;
          unreadable->size = item->size;
          add_unreadable (self, unreadable);
          continue;
        }

      if (item->problem != NULL)
        {
          add_unreadable (self, item);
          continue;
        }

      g_hash_table_replace (self->by_id, item->id, g_object_ref (item));
      if (!g_hash_table_contains (self->hidden, item->id))
        g_ptr_array_add (self->items, g_object_ref (item));
    }

  g_ptr_array_sort (self->items, compare_items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);

  if (self->cache_dirty)
    {
      g_autoptr(GError) cache_error = NULL;

      if (!limber_store_write_cache (self, &cache_error))
        g_message ("The patient list’s cache could not be written: %s", cache_error->message);
    }

  return TRUE;
}

/* Reads a patient's whole document, and remembers its etag for the next save. */
LimberPatient *
limber_store_open (LimberStore      *self,
                   LimberStoreItem  *item,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *etag = NULL;
  LimberPatient *patient;

  patient = read_patient (self, item->file, &etag, &local_error);
  if (patient == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED,
                     _("The record of “%s” is no longer in the folder; it may have been deleted on another computer."),
                     item->name);
      else
        g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_READ,
                     _("The record of “%s” could not be read: %s"), item->name, local_error->message);
      return NULL;
    }

  if (g_strcmp0 (patient->id, item->id) != 0)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_READ,
                   _("The file “%s” now holds another patient’s record; reload the list."), item->file);
      limber_patient_unref (patient);
      return NULL;
    }

  g_hash_table_replace (self->etags, g_strdup (item->file), g_steal_pointer (&etag));

  /* Another computer may have changed what the list shows. */
  if (g_strcmp0 (patient->name, item->name) != 0 || g_strcmp0 (patient->notes, item->notes) != 0 ||
      g_strcmp0 (patient->condition, item->condition) != 0 || patient->archived != item->archived)
    {
      g_autoptr(LimberStoreItem) fresh = item_new_for_patient (item->file, patient);
      g_autofree char *path = path_of (self, item->file);

      stat_file (path, &fresh->mtime, &fresh->size);
      replace_item (self, fresh);
    }

  return patient;
}

/* ---- Writing ---- */

static gboolean
fail_step (LimberWriteStep  step,
           LimberWriteStep  fail_at,
           const char      *path,
           GError         **error)
{
  if (step != fail_at)
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "%s: the write was made to fail for a test", path);
  return TRUE;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
               g_strerror (saved_errno));
}

/* Writes @data to @folder/@name so that the file holds either its old contents or the new,
 * whatever happens: a temporary file (0600) is written, synced, renamed over the old, and the
 * folder synced. @fail_at makes a step fail, for tests; with @crash nothing is cleaned up,
 * as if the computer had stopped there. */
static gboolean check_unchanged (LimberStore  *self,
                                 const char   *file,
                                 const char   *name,
                                 GError      **error);

/* The contents of an in-memory write, and where a test makes it stop half-way. */
typedef struct
{
  const char      *data;
  gsize            length;
  LimberWriteStep  fail_at;
} BufferWrite;

static gboolean
write_buffer (int           fd,
              const char   *path,
              gpointer      user_data,
              GError      **error)
{
  BufferWrite *buffer = user_data;
  gsize written = 0;

  while (written < buffer->length)
    {
      gssize n;

      if (buffer->fail_at == LIMBER_WRITE_STEP_WRITE && written >= buffer->length / 2)
        {
          fail_step (LIMBER_WRITE_STEP_WRITE, buffer->fail_at, path, error);
          return FALSE;
        }

      n = write (fd, buffer->data + written,
                 buffer->fail_at == LIMBER_WRITE_STEP_WRITE ? MAX (buffer->length / 2, 1)
                                                            : buffer->length - written);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_write_error (error, errno, path);
          return FALSE;
        }
      written += n;
    }

  return TRUE;
}

/* With @store, the document is checked again just before the rename, so that a change made
 * elsewhere while this one was being written and synced is not replaced. @write_func fills
 * the temporary file; the error it sets is passed on as it is. */
static gboolean
write_atomically (GFile            *folder,
                  const char       *name,
                  LimberWriteFunc   write_func,
                  gpointer          user_data,
                  LimberWriteStep   fail_at,
                  gboolean          crash,
                  LimberStore      *store,
                  const char       *record_name,
                  GError          **error)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_build_filename (folder_path, name, NULL);
  g_autofree char *temp_path = NULL;
  int fd = -1, dir_fd;

  if (fail_step (LIMBER_WRITE_STEP_OPEN, fail_at, path, error))
    return FALSE;

  /* A temporary file left by a crash may have the name drawn: draw another. */
  for (guint attempt = 0; fd < 0 && attempt < 100; attempt++)
    {
      g_autofree char *random = g_uuid_string_random ();
      g_autofree char *temp_name = g_strdup_printf (".%s.%.8s.tmp", name, random);

      g_free (temp_path);
      temp_path = g_build_filename (folder_path, temp_name, NULL);
      fd = g_open (temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        break;
    }

  if (fd < 0)
    {
      set_write_error (error, errno, folder_path);
      return FALSE;
    }

  if (!write_func (fd, path, user_data, error))
    goto failed;

  if (fail_step (LIMBER_WRITE_STEP_SYNC, fail_at, temp_path, error))
    goto failed;

  if (fsync (fd) != 0)
    {
      set_write_error (error, errno, path);
      goto failed;
    }

  if (fail_step (LIMBER_WRITE_STEP_CLOSE, fail_at, temp_path, error))
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      set_write_error (error, errno, path);
      goto failed;
    }
  fd = -1;

  if (fail_step (LIMBER_WRITE_STEP_RENAME, fail_at, path, error))
    goto failed;

  if (store != NULL && !check_unchanged (store, name, record_name, error))
    goto failed;

  if (g_rename (temp_path, path) != 0)
    {
      set_write_error (error, errno, path);
      goto failed;
    }

  /* The rename itself must reach the disk too. */
  if (fail_step (LIMBER_WRITE_STEP_SYNC_FOLDER, fail_at, folder_path, error))
    return FALSE;

  dir_fd = g_open (folder_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;

failed:
  if (crash)
    return FALSE;

  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  return FALSE;
}

static gboolean
write_data_atomically (GFile            *folder,
                       const char       *name,
                       const char       *data,
                       gsize             length,
                       LimberWriteStep   fail_at,
                       gboolean          crash,
                       LimberStore      *store,
                       const char       *record_name,
                       GError          **error)
{
  BufferWrite buffer = { data, length, fail_at };

  return write_atomically (folder, name, write_buffer, &buffer, fail_at, crash, store,
                           record_name, error);
}

/* For contents too large to hold in memory (videos): @write_func streams them in. */
gboolean
limber_write_file_atomically_with (GFile            *folder,
                                   const char       *name,
                                   LimberWriteFunc   write_func,
                                   gpointer          user_data,
                                   GError          **error)
{
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  return write_atomically (folder, name, write_func, user_data, LIMBER_WRITE_STEP_NONE, FALSE,
                           NULL, NULL, error);
}

gboolean
limber_write_file_atomically (GFile            *folder,
                              const char       *name,
                              const char       *data,
                              gsize             length,
                              LimberWriteStep   fail_at,
                              gboolean          crash,
                              GError          **error)
{
  return write_data_atomically (folder, name, data, length, fail_at, crash, NULL, NULL,
                                error);
}

/* Says why a save failed in words a therapist can act on. */
static void
set_save_error (GError     **error,
                GError      *cause,
                const char  *name,
                GFile       *folder)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  const char *reason;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    reason = _("the folder cannot be written to");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    reason = _("the disk is full");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("the folder is missing; it may be on a disconnected drive");
  else
    reason = cause->message;

  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE,
               _("“%s” could not be saved in “%s”: %s."), name, folder_path, reason);
}

/* Refuses with CONFLICT or VANISHED when the document is not what was read. */
static gboolean
check_unchanged (LimberStore  *self,
                 const char   *file,
                 const char   *name,
                 GError      **error)
{
  const char *expected = g_hash_table_lookup (self->etags, file);
  g_autofree char *path = path_of (self, file);
  g_autofree char *contents = NULL;
  g_autofree char *current = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      if (!g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_READ,
                       _("“%s” could not be saved: its file could not be checked: %s"),
                       name, read_error->message);
          return FALSE;
        }

      if (expected != NULL)
        {
          g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED,
                       _("The record of “%s” was deleted on another computer after you opened it."),
                       name);
          return FALSE;
        }

      return TRUE;
    }

  current = etag_for (contents, length);
  if (g_strcmp0 (current, expected) != 0)
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT,
                   _("The record of “%s” was changed on another computer or in another window after you opened it."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static char *
file_for (LimberStore   *self,
          LimberPatient *patient)
{
  LimberStoreItem *item = g_hash_table_lookup (self->by_id, patient->id);

  if (item != NULL)
    return g_strdup (item->file);

  return g_strconcat (patient->id, ".json", NULL);
}

/* The folder must be usable before its document can be checked or written. */
static gboolean
ensure_folder_for_save (LimberStore  *self,
                        const char   *name,
                        GError      **error)
{
  g_autoptr(GError) folder_error = NULL;

  if (ensure_folder (self->folder, self->create_folder, &folder_error))
    return TRUE;

  g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE,
               _("“%s” could not be saved: %s"), name, folder_error->message);
  return FALSE;
}

static char *
read_etag (LimberStore *self,
           const char  *file)
{
  g_autofree char *path = path_of (self, file);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return etag_for (contents, length);
}

/* The document as it is to be written: the patient with every program's change committed
 * at @now. A copy is committed, so that if the write fails the patient keeps its edits as
 * unsaved changes, and no version that never reached the disk enters its history. */
static char *
serialize (LimberPatient *patient,
           GDateTime     *now,
           gsize         *length)
{
  g_autoptr(LimberPatient) committed = limber_patient_copy (patient);

  limber_patient_commit (committed, now);
  return limber_patient_to_data (committed, length);
}

/* Writes @data, made by serialize() at @now, and commits the patient once it is on disk. */
static gboolean
write_patient (LimberStore    *self,
               LimberPatient  *patient,
               const char     *file,
               GDateTime      *now,
               const char     *data,
               gsize           length,
               GError        **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autoptr(LimberStoreItem) item = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = etag_for (data, length);

  if (!write_data_atomically (self->folder, file, data, length, self->fault_step,
                              self->fault_crash, self, patient->name, &write_error))
    {
      g_autofree char *current = NULL;

      if (write_error->domain == LIMBER_STORE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&write_error));
          return FALSE;
        }

      current = read_etag (self, file);

      /* Failing after the rename leaves this document in place: it is ours, not another
       * computer's change to refuse the next save over. */
      if (g_strcmp0 (current, etag) == 0)
        g_hash_table_replace (self->etags, g_strdup (file), g_steal_pointer (&etag));

      set_save_error (error, write_error, patient->name, self->folder);
      return FALSE;
    }

  limber_patient_commit (patient, now);
  g_hash_table_replace (self->etags, g_strdup (file), g_steal_pointer (&etag));

  item = item_new_for_patient (file, patient);
  path = path_of (self, file);
  stat_file (path, &item->mtime, &item->size);
  replace_item (self, item);

  return TRUE;
}

/* Saves the patient, unless the document changed since it was read (CONFLICT), was deleted
 * meanwhile (VANISHED), or the folder refused the write (WRITE): then nothing is written and
 * the patient in memory keeps every edit, to save again later. */
gboolean
limber_store_save (LimberStore    *self,
                   LimberPatient  *patient,
                   GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *etag = NULL;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (patient != NULL, FALSE);

  file = file_for (self, patient);
  data = serialize (patient, now, &length);
  etag = etag_for (data, length);

  /* The document this store last read or wrote: nothing to save, so no write, and no
   * conflict over a change made elsewhere meanwhile. */
  if (g_strcmp0 (etag, g_hash_table_lookup (self->etags, file)) == 0)
    return TRUE;

  if (!ensure_folder_for_save (self, patient->name, error) ||
      !check_unchanged (self, file, patient->name, error))
    return FALSE;

  return write_patient (self, patient, file, now, data, length, error);
}

/* After a conflict: keeps this computer's version as a new record, "Name (copy)", and
 * leaves the other one as it is. Returns the copy. */
LimberPatient *
limber_store_save_as_copy (LimberStore    *self,
                           LimberPatient  *patient,
                           GError        **error)
{
  g_autoptr(LimberPatient) copy = limber_patient_copy (patient);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_free (copy->id);
  copy->id = g_uuid_string_random ();
  copy->archived = FALSE;
  g_free (copy->name);
  /* Translators: the name of a record kept as a copy after a conflict, as in "Ann Lee (copy)" */
  copy->name = g_strdup_printf (_("%s (copy)"), patient->name);
  if (g_utf8_strlen (copy->name, -1) > LIMBER_PATIENT_MAX_NAME)
    {
      /* Shorten the name rather than write a document that breaks its own rule. */
      g_autofree char *suffix = g_strdup_printf (_("%s (copy)"), "");
      glong keep = LIMBER_PATIENT_MAX_NAME - g_utf8_strlen (suffix, -1);
      g_autofree char *start = g_utf8_substring (patient->name, 0, MAX (keep, 1));

      g_free (copy->name);
      copy->name = g_strdup_printf (_("%s (copy)"), start);
    }
  file = g_strconcat (copy->id, ".json", NULL);

  data = serialize (copy, now, &length);
  if (!ensure_folder_for_save (self, copy->name, error) ||
      !check_unchanged (self, file, copy->name, error) ||
      !write_patient (self, copy, file, now, data, length, error))
    return NULL;

  return g_steal_pointer (&copy);
}

/* Deletes the patient's document, unless it changed since it was read. */
gboolean
limber_store_delete (LimberStore    *self,
                     LimberPatient  *patient,
                     GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  LimberStoreItem *item = g_hash_table_lookup (self->by_id, patient->id);
  g_autofree char *path = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *file = NULL;
  int dir_fd;

  if (item == NULL)
    return TRUE;

  file = g_strdup (item->file);
  if (!check_unchanged (self, file, patient->name, &local_error))
    {
      if (g_error_matches (local_error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED))
        goto forget;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  path = path_of (self, file);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autoptr(GError) cause = NULL;

      g_set_error (&cause, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE,
                   _("The record of “%s” could not be deleted: %s."), patient->name,
                   cause->message);
      return FALSE;
    }

  folder_path = g_file_get_path (self->folder);
  dir_fd = g_open (folder_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

forget:
  list_remove (self, item);
  g_hash_table_remove (self->hidden, patient->id);
  g_hash_table_remove (self->etags, file);
  g_hash_table_remove (self->by_id, patient->id);
  self->cache_dirty = TRUE;
  return TRUE;
}

/* Takes a patient out of the list, and puts it back: the time an Undo is offered. */
void
limber_store_hide (LimberStore *self,
                   const char  *id)
{
  LimberStoreItem *item = g_hash_table_lookup (self->by_id, id);

  if (item == NULL || g_hash_table_contains (self->hidden, id))
    return;

  list_remove (self, item);
  g_hash_table_add (self->hidden, g_strdup (item->id));
}

void
limber_store_unhide (LimberStore *self,
                     const char  *id)
{
  LimberStoreItem *item = g_hash_table_lookup (self->by_id, id);

  if (item == NULL || !g_hash_table_remove (self->hidden, id))
    return;

  list_insert (self, item);
}

/* ---- Templates ---- */

static void
add_template (GPtrArray   *templates,
              GPtrArray   *problems,
              GBytes      *bytes,
              const char  *file)
{
  g_autoptr(GError) error = NULL;
  LimberProgram *template = limber_template_load (bytes, file, &error);

  if (template != NULL)
    g_ptr_array_add (templates, template);
  else
    g_ptr_array_add (problems, describe_problem (error));
}

/* The templates Limber ships, then the clinic's own from the store's "templates" folder.
 * Templates that cannot be read are left alone, and their problems told in @problems. */
GPtrArray *
limber_store_list_templates (LimberStore *self,
                             GStrv       *problems)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_free);
  g_autoptr(GPtrArray) problem_list = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) shipped = g_resources_enumerate_children (SHIPPED_TEMPLATES, 0, NULL);
  g_autoptr(GFile) folder = g_file_get_child (self->folder, TEMPLATES_FOLDER);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  for (guint i = 0; shipped != NULL && shipped[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", SHIPPED_TEMPLATES, shipped[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      if (bytes != NULL)
        add_template (templates, problem_list, bytes, shipped[i]);
    }

  if (folder_path != NULL && (dir = g_dir_open (folder_path, 0, NULL)))
    while ((name = g_dir_read_name (dir)))
      if (name[0] != '.' && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder_path, file, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          g_ptr_array_add (problem_list, g_strdup (error->message));
          continue;
        }

      {
        g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
        g_autofree char *shown = g_build_filename (TEMPLATES_FOLDER, file, NULL);
        add_template (templates, problem_list, bytes, shown);
      }
    }

  if (problems != NULL)
    {
      g_ptr_array_add (problem_list, NULL);
      *problems = (GStrv) g_ptr_array_steal (problem_list, NULL);
    }

  return templates;
}

/* Saves a program's exercises as a new clinic template. */
gboolean
limber_store_save_template (LimberStore    *self,
                            LimberProgram  *template,
                            GError        **error)
{
  g_autoptr(GFile) folder = g_file_get_child (self->folder, TEMPLATES_FOLDER);
  g_autoptr(GError) write_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *file = g_strconcat (template->id, ".json", NULL);
  gsize length;

  if (!ensure_folder (folder, TRUE, &write_error))
    {
      g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE,
                   _("The template “%s” could not be saved: %s"), template->name,
                   write_error->message);
      return FALSE;
    }

  data = limber_template_to_data (template, &length);
  if (!limber_write_file_atomically (folder, file, data, length, self->fault_step,
                                     self->fault_crash, &write_error))
    {
      set_save_error (error, write_error, template->name, folder);
      return FALSE;
    }

  return TRUE;
}

/* ---- Changes made by another computer ---- */

static LimberStoreItem *
find_by_file (LimberStore *self,
              const char  *file,
              gboolean    *unreadable,
              guint       *unreadable_position)
{
  GHashTableIter iter;
  gpointer value;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->unreadable));

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (((LimberStoreItem *) value)->file, file))
      {
        *unreadable = FALSE;
        return value;
      }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->unreadable), i);

      if (g_str_equal (item->file, file))
        {
          *unreadable = TRUE;
          *unreadable_position = i;
          return item;
        }
    }

  return NULL;
}

/* Brings one file's line of the list up to date after a change in the folder: a patient
 * added, changed or deleted by another computer. A file this store wrote last is left as it
 * is. Returns whether the list changed. The etag read at open stays, so a patient open here
 * and changed elsewhere is still caught when saved. */
gboolean
limber_store_refresh_file (LimberStore *self,
                           const char  *file)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(LimberStoreItem) fresh = NULL;
  LimberStoreItem *old, *twin;
  gboolean old_unreadable = FALSE;
  guint old_position = 0;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_STORE (self), FALSE);

  if (file[0] == '.' || strchr (file, '/') != NULL || !g_str_has_suffix (file, ".json"))
    return FALSE;

  path = path_of (self, file);
  old = find_by_file (self, file, &old_unreadable, &old_position);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      if (old == NULL)
        return FALSE;

      /* Deleted elsewhere. */
      if (old_unreadable)
        g_list_store_remove (self->unreadable, old_position);
      else
        {
          list_remove (self, old);
          g_hash_table_remove (self->hidden, old->id);
          g_hash_table_remove (self->by_id, old->id);
        }
      self->cache_dirty = TRUE;
      return TRUE;
    }

  etag = etag_for (contents, length);
  if (g_strcmp0 (etag, g_hash_table_lookup (self->etags, file)) == 0)
    return FALSE;

  fresh = read_item (self, file);
  stat_file (path, &fresh->mtime, &fresh->size);

  if (old != NULL)
    {
      if (old_unreadable)
        g_list_store_remove (self->unreadable, old_position);
      else if (fresh->problem != NULL || !g_str_equal (fresh->id, old->id))
        {
          list_remove (self, old);
          g_hash_table_remove (self->hidden, old->id);
          g_hash_table_remove (self->by_id, old->id);
        }
    }

  if (fresh->problem == NULL && (twin = g_hash_table_lookup (self->by_id, fresh->id)) != NULL &&
      !g_str_equal (twin->file, file))
    {
      g_autofree char *problem =
        g_strdup_printf (_("Has the same patient id as “%s”; it may be a copy of it."), twin->file);
      g_autoptr(LimberStoreItem) unreadable = item_new_unreadable (file, problem);

      add_unreadable (self, unreadable);
      return TRUE;
    }

  if (fresh->problem != NULL)
    add_unreadable (self, fresh);
  else
    replace_item (self, fresh);

  self->cache_dirty = TRUE;
  return TRUE;
}

/* Whether @patient's document is still the one this store read or wrote: FALSE when another
 * computer changed or deleted it since. */
gboolean
limber_store_is_current (LimberStore   *self,
                         LimberPatient *patient)
{
  LimberStoreItem *item = g_hash_table_lookup (self->by_id, patient->id);
  const char *file = item != NULL ? item->file : NULL;
  g_autofree char *current = NULL;

  if (file == NULL)
    return FALSE;

  current = read_etag (self, file);
  return current != NULL && g_strcmp0 (current, g_hash_table_lookup (self->etags, file)) == 0;
}
