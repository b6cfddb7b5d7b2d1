/* test-store.c: the folder of patient documents: round trips, atomic writes, conflicts with
 * another computer, documents it cannot read, permissions, failed writes, the list's cache. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "limber-session-log.h"
#include "limber-store.h"

/* ---- Folders ---- */

typedef struct
{
  char  *base;    /* a fresh temporary folder; the store's folder goes inside */
  char  *cache;   /* a separate fresh temporary folder for the list's cache */
  char  *path;    /* base/patients: created by the store, not by the test */
  GFile *folder;
} TestDirs;

static void
remove_tree (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) != 0)
    return;

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static TestDirs *
test_dirs_new (void)
{
  g_autoptr(GError) error = NULL;
  TestDirs *dirs = g_new0 (TestDirs, 1);

  dirs->base = g_dir_make_tmp ("limber-store-XXXXXX", &error);
  g_assert_no_error (error);
  dirs->cache = g_dir_make_tmp ("limber-cache-XXXXXX", &error);
  g_assert_no_error (error);
  dirs->path = g_build_filename (dirs->base, "patients", NULL);
  dirs->folder = g_file_new_for_path (dirs->path);

  return dirs;
}

static void
test_dirs_free (TestDirs *dirs)
{
  remove_tree (dirs->base);
  remove_tree (dirs->cache);
  g_free (dirs->base);
  g_free (dirs->cache);
  g_free (dirs->path);
  g_object_unref (dirs->folder);
  g_free (dirs);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDirs, test_dirs_free)

/* ---- Files ---- */

static char *
doc_path (TestDirs   *dirs,
          const char *file)
{
  return g_build_filename (dirs->path, file, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_text (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
write_doc (TestDirs   *dirs,
           const char *file,
           const char *data,
           gssize      length)
{
  g_autofree char *path = g_build_filename (dirs->path, file, NULL);

  write_text (path, data, length);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_bytes (path);

  g_assert_cmpmem (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static gint64
mtime_ns (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return (gint64) buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf.st_mtim.tv_nsec;
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

/* Moves a file's time by @seconds, so a rewrite within one clock tick still looks changed. */
static void
shift_mtime (const char *path,
             int         seconds)
{
  struct timespec times[2];
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  times[0] = buf.st_atim;
  times[1] = buf.st_mtim;
  times[1].tv_sec += seconds;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
set_mtime_ns (const char *path,
              gint64      ns)
{
  struct timespec times[2] = {
    { 0, UTIME_OMIT },
    { ns / 1000000000, ns % 1000000000 },
  };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* The names in @folder starting with a dot: the temporary files of a write. */
static guint
count_temp_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (name[0] == '.')
      n++;

  return n;
}

static guint
count_documents (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.' && g_str_has_suffix (name, ".json"))
      n++;

  return n;
}

/* The one file of the cache folder. */
static char *
cache_file (TestDirs *dirs)
{
  g_autoptr(GDir) dir = g_dir_open (dirs->cache, 0, NULL);
  const char *name;
  char *found = NULL;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_assert_null (found);
      g_assert_true (g_str_has_prefix (name, "store-"));
      found = g_build_filename (dirs->cache, name, NULL);
    }

  g_assert_nonnull (found);
  return found;
}

/* ---- Stores and patients ---- */

static LimberStore *
store_new_loaded (TestDirs *dirs,
                  gboolean  with_cache)
{
  g_autoptr(GError) error = NULL;
  LimberStore *store = limber_store_new (dirs->folder, with_cache ? dirs->cache : NULL);

  g_assert_true (limber_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

static LimberProgram *
dup_hip_template (LimberStore *store)
{
  g_auto(GStrv) problems = NULL;
  g_autoptr(GPtrArray) templates = limber_store_list_templates (store, &problems);

  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);

  for (guint i = 0; i < templates->len; i++)
    {
      LimberProgram *template = g_ptr_array_index (templates, i);

      if (g_strcmp0 (template->id, "hip-pain") == 0)
        return limber_program_copy (template);
    }

  g_assert_not_reached ();
}

static void
set_notes (LimberPatient *patient,
           const char    *notes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_patient_set_text (patient, &patient->notes, notes, &error));
  g_assert_no_error (error);
}

/* A patient on the shipped hip program, made active. */
static LimberPatient *
new_patient (LimberStore *store,
             const char  *name,
             const char  *notes)
{
  g_autoptr(LimberProgram) template = dup_hip_template (store);
  LimberPatient *patient = limber_patient_new (name);
  LimberProgram *program = limber_program_new_from_template (template, "Hip program");

  set_notes (patient, notes);
  g_ptr_array_add (patient->programs, program);
  patient->active_program = g_strdup (program->id);

  return patient;
}

static void
save_ok (LimberStore   *store,
         LimberPatient *patient)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_store_save (store, patient, &error));
  g_assert_no_error (error);
}

static LimberPatient *
open_ok (LimberStore *store,
         const char  *id)
{
  g_autoptr(GError) error = NULL;
  LimberStoreItem *item = limber_store_lookup (store, id);
  LimberPatient *patient;

  g_assert_nonnull (item);
  patient = limber_store_open (store, item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (patient);

  return patient;
}

static char *
patient_path (TestDirs      *dirs,
              LimberStore   *store,
              LimberPatient *patient)
{
  LimberStoreItem *item = limber_store_lookup (store, patient->id);

  g_assert_nonnull (item);
  return doc_path (dirs, limber_store_item_get_file (item));
}

static LimberPatient *
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *name = g_path_get_basename (path);
  LimberPatient *patient = limber_patient_load (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (patient);
  return patient;
}

static LimberPrescription *
first_prescription (LimberPatient *patient)
{
  LimberProgram *program = limber_patient_get_active_program (patient);

  g_assert_nonnull (program);
  return g_ptr_array_index (program->prescriptions, 0);
}

static LimberStoreItem *
item_at (LimberStore *store,
         guint        position)
{
  LimberStoreItem *item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_assert_nonnull (item);
  /* The store keeps its own reference: the caller borrows. */
  g_object_unref (item);
  return item;
}

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* ---- Deep comparison ---- */

static void
assert_prescription_equal (const LimberPrescription *a,
                           const LimberPrescription *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->exercise_id, ==, b->exercise_id);
  g_assert_cmpuint (a->sets, ==, b->sets);
  g_assert_cmpuint (a->reps, ==, b->reps);
  g_assert_cmpuint (a->hold_seconds, ==, b->hold_seconds);
  g_assert_cmpuint (a->rest_seconds, ==, b->rest_seconds);
  g_assert_cmpuint (a->tempo_up, ==, b->tempo_up);
  g_assert_cmpuint (a->tempo_down, ==, b->tempo_down);
  g_assert_cmpint (a->side, ==, b->side);
  g_assert_cmpuint (a->times_per_day, ==, b->times_per_day);
  g_assert_cmpint (a->schedule, ==, b->schedule);
  if (a->schedule == LIMBER_SCHEDULE_DAYS_PER_WEEK)
    g_assert_cmpuint (a->days_per_week, ==, b->days_per_week);
  g_assert_cmpint (a->load, ==, b->load);
  if (a->load == LIMBER_LOAD_ANKLE_WEIGHT)
    {
      g_assert_cmpfloat (a->load_amount, ==, b->load_amount);
      g_assert_cmpint (a->load_unit, ==, b->load_unit);
    }
  if (a->load == LIMBER_LOAD_BAND)
    g_assert_cmpint (a->band, ==, b->band);
  g_assert_true (g_strv_equal ((const char * const *) a->modifications,
                               (const char * const *) b->modifications));
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_true (limber_prescription_equal (a, b));
}

static void
assert_prescriptions_equal (GPtrArray *a,
                            GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_prescription_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

static void
assert_date_time_equal (GDateTime *a,
                        GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_date_time_equal (a, b));
}

static void
assert_program_equal (const LimberProgram *a,
                      const LimberProgram *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->saved_name, ==, b->saved_name);
  assert_date_time_equal (a->created, b->created);
  assert_date_time_equal (a->saved, b->saved);
  assert_prescriptions_equal (a->prescriptions, b->prescriptions);
  assert_prescriptions_equal (a->saved_prescriptions, b->saved_prescriptions);

  g_assert_cmpuint (a->history->len, ==, b->history->len);
  for (guint i = 0; i < a->history->len; i++)
    {
      LimberProgramVersion *va = g_ptr_array_index (a->history, i);
      LimberProgramVersion *vb = g_ptr_array_index (b->history, i);

      assert_date_time_equal (va->saved, vb->saved);
      g_assert_cmpstr (va->name, ==, vb->name);
      assert_prescriptions_equal (va->prescriptions, vb->prescriptions);
    }
}

static void
assert_date_equal (GDate *a,
                   GDate *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_patient_equal (LimberPatient *a,
                      LimberPatient *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->name, ==, b->name);
  assert_date_equal (a->birth_date, b->birth_date);
  g_assert_cmpuint (a->age, ==, b->age);
  assert_date_equal (a->age_recorded, b->age_recorded);
  g_assert_cmpstr (a->condition, ==, b->condition);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpint (a->archived, ==, b->archived);
  assert_date_time_equal (a->created, b->created);
  g_assert_cmpstr (a->active_program, ==, b->active_program);
  g_assert_cmpuint (a->sessions->len, ==, b->sessions->len);
  for (guint i = 0; i < a->sessions->len; i++)
    g_assert_true (limber_session_equal (g_ptr_array_index (a->sessions, i),
                                         g_ptr_array_index (b->sessions, i)));

  g_assert_cmpuint (a->programs->len, ==, b->programs->len);
  for (guint i = 0; i < a->programs->len; i++)
    assert_program_equal (g_ptr_array_index (a->programs, i), g_ptr_array_index (b->programs, i));
}

/* ---- 1. Round trip ---- */

static void
test_store_round_trip (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberStore) other = NULL;
  g_autoptr(LimberPatient) patient = limber_patient_new ("Ann Lee");
  g_autoptr(LimberPatient) opened = NULL;
  g_autoptr(LimberProgram) template = dup_hip_template (store);
  g_autoptr(GDate) birth = g_date_new_dmy (21, G_DATE_MARCH, 1956);
  g_autoptr(GDate) now = today ();
  g_autoptr(LimberSession) session = NULL;
  g_autoptr(GDateTime) now_time = g_date_time_new_now_local ();
  const char *listed[] = { "Lift your hips only part of the way.", "Keep a pillow under the head.",
                           NULL };
  LimberProgram *program, *old_program;
  LimberPrescription *p;
  LimberStoreItem *item;
  int age;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (template->prescriptions->len, ==, 11);

  g_assert_true (limber_patient_set_birth_date (patient, birth, now, &error));
  g_assert_no_error (error);
  g_assert_true (limber_patient_set_text (patient, &patient->condition, "Hip osteoarthritis",
                                          &error));
  g_assert_no_error (error);
  set_notes (patient, "Prefers mornings.\nUses a cane on stairs — “slowly”.");

  /* An older program first, so the active one is not simply the first. */
  old_program = limber_program_new ("Post-op, weeks 1–2");
  g_ptr_array_add (old_program->prescriptions,
                   limber_prescription_duplicate (g_ptr_array_index (template->prescriptions, 4)));
  g_ptr_array_add (patient->programs, old_program);

  program = limber_program_new_from_template (template, "Hip program");
  g_ptr_array_add (patient->programs, program);
  patient->active_program = g_strdup (program->id);
  g_assert_true (limber_patient_get_active_program (patient) == program);

  /* Every field away from the template's values somewhere. */
  p = g_ptr_array_index (program->prescriptions, 0);
  p->side = LIMBER_PRESCRIBED_SIDE_LEFT;
  p->times_per_day = 2;
  g_assert_true (limber_prescription_set_note (p, "Stop if it pinches.", &error));
  g_assert_no_error (error);

  p = g_ptr_array_index (program->prescriptions, 4);   /* bridge */
  g_assert_cmpstr (p->exercise_id, ==, "bridge");
  p->sets = 3;
  p->reps = 12;
  p->hold_seconds = 5;
  p->rest_seconds = 45;
  p->tempo_up = 3;
  p->tempo_down = 4;
  p->days_per_week = 4;
  p->load = LIMBER_LOAD_ANKLE_WEIGHT;
  g_assert_true (limber_prescription_set_field (p, LIMBER_FIELD_LOAD_KG, 2.5, &error));
  g_assert_no_error (error);
  g_assert_true (limber_prescription_set_modifications (p, listed, &error));
  g_assert_no_error (error);

  p = g_ptr_array_index (program->prescriptions, 5);
  p->load = LIMBER_LOAD_BAND;
  p->band = LIMBER_BAND_RED;
  p->side = LIMBER_PRESCRIBED_SIDE_RIGHT;

  p = g_ptr_array_index (program->prescriptions, 6);
  p->load = LIMBER_LOAD_ANKLE_WEIGHT;
  g_assert_true (limber_prescription_set_field (p, LIMBER_FIELD_LOAD_LB, 5.5, &error));
  g_assert_no_error (error);
  p->side = LIMBER_PRESCRIBED_SIDE_ALTERNATING;
  p->schedule = LIMBER_SCHEDULE_DAILY;

  /* A session log: one exercise done, one skipped. */
  session = limber_session_new (program->id, now_time);
  limber_session_log (session, p->id, p->exercise_id, LIMBER_OUTCOME_PARTLY, 4);
  p = g_ptr_array_index (program->prescriptions, 5);
  limber_session_log (session, p->id, p->exercise_id, LIMBER_OUTCOME_SKIPPED, 3);
  limber_session_finish (session, now_time);
  limber_patient_add_session (patient, g_steal_pointer (&session));

  save_ok (store, patient);
  g_assert_false (limber_patient_has_changes (patient));
  g_assert_cmpuint (program->history->len, ==, 0);

  /* A second visit: the first version goes to the history. */
  p = g_ptr_array_index (program->prescriptions, 4);
  p->reps = 15;
  g_assert_true (limber_patient_has_changes (patient));
  g_usleep (2000);
  save_ok (store, patient);
  g_assert_cmpuint (program->history->len, ==, 1);
  {
    LimberProgramVersion *version = g_ptr_array_index (program->history, 0);

    p = g_ptr_array_index (version->prescriptions, 4);
    g_assert_cmpuint (p->reps, ==, 12);
  }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpuint (count_documents (dirs->path), ==, 1);

  /* A new store on the same folder, as on the next start or another computer. */
  other = store_new_loaded (dirs, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (other)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (other)) == LIMBER_TYPE_STORE_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (other), 1));

  item = item_at (other, 0);
  g_assert_true (limber_store_lookup (other, patient->id) == item);
  g_assert_cmpstr (limber_store_item_get_id (item), ==, patient->id);
  g_assert_cmpstr (limber_store_item_get_name (item), ==, "Ann Lee");
  g_assert_cmpstr (limber_store_item_get_condition (item), ==, "Hip osteoarthritis");
  g_assert_cmpstr (limber_store_item_get_notes (item), ==, patient->notes);
  g_assert_false (limber_store_item_get_archived (item));
  g_assert_null (limber_store_item_get_problem (item));
  g_assert_true (g_str_has_suffix (limber_store_item_get_file (item), ".json"));
  age = limber_patient_get_age (patient, now);
  g_assert_cmpint (age, >=, 69);
  g_assert_cmpint (limber_store_item_get_age (item, now), ==, age);

  opened = limber_store_open (other, item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  assert_patient_equal (opened, patient);
  g_assert_false (limber_patient_has_changes (opened));
  g_assert_true (limber_patient_get_active_program (opened) != NULL);
  g_assert_cmpstr (limber_patient_get_active_program (opened)->name, ==, "Hip program");
}

/* ---- 2. Atomic writes ---- */

static const char *
step_name (LimberWriteStep step)
{
  switch (step)
    {
    case LIMBER_WRITE_STEP_OPEN:
      return "open";
    case LIMBER_WRITE_STEP_WRITE:
      return "write";
    case LIMBER_WRITE_STEP_SYNC:
      return "sync";
    case LIMBER_WRITE_STEP_CLOSE:
      return "close";
    case LIMBER_WRITE_STEP_RENAME:
      return "rename";
    case LIMBER_WRITE_STEP_SYNC_FOLDER:
      return "sync-folder";
    case LIMBER_WRITE_STEP_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
test_store_atomic (gconstpointer data)
{
  LimberWriteStep step = GPOINTER_TO_UINT (data) >> 1;
  gboolean crash = GPOINTER_TO_UINT (data) & 1;
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberStore) reader = NULL;
  g_autoptr(LimberStore) after = NULL;
  g_autoptr(LimberPatient) patient = new_patient (store, "Ann Lee", "Old notes.");
  g_autoptr(LimberPatient) on_disk = NULL;
  g_autoptr(LimberPatient) saved = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder_path = g_file_get_path (dirs->folder);
  guint temps;

  save_ok (store, patient);
  path = patient_path (dirs, store, patient);
  old_bytes = read_bytes (path);

  /* The edit the failed write must not lose. */
  set_notes (patient, "New notes.");
  first_prescription (patient)->reps = 7;

  limber_store_set_fault (store, step, crash);
  g_assert_false (limber_store_save (store, patient, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "Ann Lee"));
  g_assert_nonnull (strstr (error->message, folder_path));
  g_clear_error (&error);

  /* The document is whole: the old bytes until the rename, the new document after it. */
  on_disk = load_file (path);
  if (step < LIMBER_WRITE_STEP_SYNC_FOLDER)
    assert_file_bytes (path, old_bytes);
  else
    {
      g_assert_cmpstr (on_disk->notes, ==, "New notes.");
      g_assert_cmpuint (first_prescription (on_disk)->reps, ==, 7);
    }

  /* Cleaned up, unless the computer stopped with a temporary file written. */
  temps = count_temp_files (dirs->path);
  if (!crash || step == LIMBER_WRITE_STEP_OPEN || step == LIMBER_WRITE_STEP_SYNC_FOLDER)
    g_assert_cmpuint (temps, ==, 0);
  else
    g_assert_cmpuint (temps, ==, 1);

  /* A leftover temporary file is neither a patient nor an unreadable document. */
  reader = store_new_loaded (dirs, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reader)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (reader)), ==, 0);
  g_assert_cmpstr (limber_store_item_get_id (item_at (reader, 0)), ==, patient->id);

  /* Memory keeps the edit, still unsaved, and the next save writes it. */
  g_assert_cmpstr (patient->notes, ==, "New notes.");
  g_assert_cmpuint (first_prescription (patient)->reps, ==, 7);
  g_assert_true (limber_patient_has_changes (patient));
  g_assert_cmpuint (limber_patient_get_active_program (patient)->history->len, ==, 0);

  limber_store_set_fault (store, LIMBER_WRITE_STEP_NONE, FALSE);
  save_ok (store, patient);
  g_assert_false (limber_patient_has_changes (patient));
  g_assert_cmpuint (limber_patient_get_active_program (patient)->history->len, ==, 1);
  g_assert_cmpuint (count_temp_files (dirs->path), ==, temps);

  after = store_new_loaded (dirs, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (after)), ==, 0);
  saved = open_ok (after, patient->id);
  assert_patient_equal (saved, patient);
}

/* The writer on its own: a fresh file, then a failure at each step over it. */
static void
test_store_write_file_atomically (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = doc_path (dirs, "a.json");
  g_autofree char *b_path = doc_path (dirs, "b.json");
  g_autoptr(GBytes) expected = g_bytes_new_static ("{\"v\": 1}\n", 9);

  g_assert_cmpint (g_mkdir (dirs->path, 0700), ==, 0);
  g_assert_true (limber_write_file_atomically (dirs->folder, "a.json", "{\"v\": 1}\n", 9,
                                               LIMBER_WRITE_STEP_NONE, FALSE, &error));
  g_assert_no_error (error);
  assert_file_bytes (path, expected);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  for (LimberWriteStep step = LIMBER_WRITE_STEP_OPEN; step < LIMBER_WRITE_STEP_SYNC_FOLDER; step++)
    {
      g_test_message ("step %s", step_name (step));
      g_assert_false (limber_write_file_atomically (dirs->folder, "a.json", "{\"v\": 2}\n", 9,
                                                    step, FALSE, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_clear_error (&error);
      assert_file_bytes (path, expected);
      g_assert_cmpuint (count_temp_files (dirs->path), ==, 0);
    }

  /* A crash while writing leaves a temporary file, never a half document. */
  g_assert_false (limber_write_file_atomically (dirs->folder, "b.json", "{\"v\": 3}\n", 9,
                                                LIMBER_WRITE_STEP_WRITE, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (g_file_test (b_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (dirs->path), ==, 1);
  g_assert_cmpuint (count_documents (dirs->path), ==, 1);
}

/* ---- 3. Another computer ---- */

static void
test_store_conflict (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) first = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberStore) a = NULL;
  g_autoptr(LimberStore) b = NULL;
  g_autoptr(LimberStore) check = NULL;
  g_autoptr(LimberPatient) original = new_patient (first, "Ann Lee", "Seen on Monday.");
  g_autoptr(LimberPatient) pa = NULL;
  g_autoptr(LimberPatient) pb = NULL;
  g_autoptr(LimberPatient) copy = NULL;
  g_autoptr(LimberPatient) reopened = NULL;
  g_autoptr(LimberPatient) copy_on_disk = NULL;
  g_autoptr(GBytes) a_bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy_path = NULL;

  save_ok (first, original);
  path = patient_path (dirs, first, original);

  a = store_new_loaded (dirs, FALSE);
  b = store_new_loaded (dirs, FALSE);
  pa = open_ok (a, original->id);
  pb = open_ok (b, original->id);

  /* A saves first. */
  set_notes (pa, "Changed by A.");
  save_ok (a, pa);
  a_bytes = read_bytes (path);

  /* B's save of its own change is refused, and A's document stays as A wrote it. */
  set_notes (pb, "Changed by B.");
  first_prescription (pb)->reps = 11;
  g_assert_false (limber_store_save (b, pb, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ann Lee"));
  g_clear_error (&error);
  assert_file_bytes (path, a_bytes);
  g_assert_cmpuint (count_temp_files (dirs->path), ==, 0);
  g_assert_cmpstr (pb->notes, ==, "Changed by B.");
  g_assert_true (limber_patient_has_changes (pb));

  /* B keeps its version as a new record. */
  copy = limber_store_save_as_copy (b, pb, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpstr (copy->id, !=, pb->id);
  g_assert_cmpstr (copy->name, ==, "Ann Lee (copy)");
  g_assert_true (g_str_has_suffix (copy->name, " (copy)"));
  g_assert_cmpstr (copy->notes, ==, "Changed by B.");
  assert_file_bytes (path, a_bytes);
  g_assert_cmpuint (count_documents (dirs->path), ==, 2);

  copy_path = patient_path (dirs, b, copy);
  g_assert_cmpstr (copy_path, !=, path);
  copy_on_disk = load_file (copy_path);
  g_assert_cmpstr (copy_on_disk->name, ==, "Ann Lee (copy)");
  g_assert_cmpstr (copy_on_disk->notes, ==, "Changed by B.");
  g_assert_cmpuint (first_prescription (copy_on_disk)->reps, ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 2);

  /* Once B reads A's version again, B can save. */
  reopened = open_ok (b, original->id);
  g_assert_cmpstr (reopened->notes, ==, "Changed by A.");
  set_notes (reopened, "Changed by B after reading A's change.");
  save_ok (b, reopened);

  /* Now A is the one behind. */
  set_notes (pa, "A again.");
  g_assert_false (limber_store_save (a, pa, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  check = store_new_loaded (dirs, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (check)), ==, 0);
  g_clear_pointer (&reopened, limber_patient_unref);
  reopened = open_ok (check, original->id);
  g_assert_cmpstr (reopened->notes, ==, "Changed by B after reading A's change.");
}

static void
test_store_vanished (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) a = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberStore) b = NULL;
  g_autoptr(LimberPatient) patient = new_patient (a, "Ann Lee", "");
  g_autoptr(LimberPatient) pb = NULL;
  g_autoptr(LimberPatient) gone = NULL;
  g_autofree char *path = NULL;

  save_ok (a, patient);
  path = patient_path (dirs, a, patient);
  b = store_new_loaded (dirs, FALSE);
  pb = open_ok (b, patient->id);

  /* Deleted behind B's back. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  set_notes (pb, "Edited after the file was deleted.");
  g_assert_false (limber_store_save (b, pb, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED);
  g_assert_nonnull (strstr (error->message, "Ann Lee"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (pb->notes, ==, "Edited after the file was deleted.");

  gone = limber_store_open (b, limber_store_lookup (b, patient->id), &error);
  g_assert_null (gone);
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_VANISHED);
  g_clear_error (&error);

  /* Deleting what is already gone just forgets it. */
  g_assert_true (limber_store_delete (b, pb, &error));
  g_assert_no_error (error);
  g_assert_null (limber_store_lookup (b, patient->id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 0);
}

static void
test_store_delete (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) a = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberStore) b = NULL;
  g_autoptr(LimberStore) check = NULL;
  g_autoptr(LimberPatient) patient = new_patient (a, "Ann Lee", "");
  g_autoptr(LimberPatient) other = new_patient (a, "Bob Stone", "");
  g_autoptr(LimberPatient) pb = NULL;
  g_autoptr(LimberPatient) reopened = NULL;
  g_autoptr(GBytes) a_bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;

  save_ok (a, patient);
  save_ok (a, other);
  path = patient_path (dirs, a, patient);
  other_path = patient_path (dirs, a, other);
  b = store_new_loaded (dirs, FALSE);
  pb = open_ok (b, patient->id);

  /* A changes it; B's delete would lose that change. */
  set_notes (patient, "Changed by A.");
  save_ok (a, patient);
  a_bytes = read_bytes (path);

  g_assert_false (limber_store_delete (b, pb, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_file_bytes (path, a_bytes);
  g_assert_nonnull (limber_store_lookup (b, patient->id));

  /* A patient never opened in this store has no known version: not deleted either. */
  g_assert_false (limber_store_delete (b, other, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (g_file_test (other_path, G_FILE_TEST_IS_REGULAR));

  /* After reading A's change, B may delete. */
  reopened = open_ok (b, patient->id);
  g_assert_true (limber_store_delete (b, reopened, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (limber_store_lookup (b, patient->id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 1);
  g_assert_cmpstr (limber_store_item_get_name (item_at (b, 0)), ==, "Bob Stone");

  check = store_new_loaded (dirs, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, 1);
  g_assert_cmpuint (count_documents (dirs->path), ==, 1);
}

/* ---- 4. Documents that cannot be read ---- */

typedef struct
{
  const char *file;
  const char *words[3];    /* in the problem, each */
  GBytes     *bytes;
  gint64      mtime;
} Unreadable;

/* Ann's document, with one member changed, as another patient's. */
static char *
doc_with (GBytes     *bytes,
          const char *member,
          JsonNode   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *id = g_uuid_string_random ();
  JsonObject *root;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", id);
  json_object_set_member (root, member, value);
  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

static void
assert_unreadable_untouched (TestDirs   *dirs,
                             Unreadable *unreadable,
                             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = doc_path (dirs, unreadable[i].file);

      g_test_message ("%s", unreadable[i].file);
      assert_file_bytes (path, unreadable[i].bytes);
      g_assert_cmpint (mtime_ns (path), ==, unreadable[i].mtime);
    }
}

static void
assert_unreadable_listed (LimberStore *store,
                          Unreadable  *unreadable,
                          guint        n)
{
  GListModel *list = limber_store_get_unreadable (store);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);

  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(LimberStoreItem) item = g_list_model_get_item (list, j);
          const char *problem = limber_store_item_get_problem (item);

          if (g_strcmp0 (limber_store_item_get_file (item), unreadable[i].file) != 0)
            continue;

          g_test_message ("%s: %s", unreadable[i].file, problem);
          g_assert_nonnull (problem);
          for (guint w = 0; w < G_N_ELEMENTS (unreadable[i].words) && unreadable[i].words[w]; w++)
            g_assert_nonnull (strstr (problem, unreadable[i].words[w]));
          g_assert_false (found);
          found = TRUE;
        }
      g_assert_true (found);

      /* Never in the patient list. */
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (store)); j++)
        g_assert_cmpstr (limber_store_item_get_file (item_at (store, j)), !=, unreadable[i].file);
    }
}

static void
test_store_unreadable (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberPatient) ann = new_patient (store, "Ann Lee", "");
  g_autoptr(LimberPatient) bob = new_patient (store, "Bob Stone", "");
  g_autoptr(LimberPatient) carl = new_patient (store, "Carl Ode", "");
  g_autoptr(LimberPatient) newer_twin = NULL;
  g_autoptr(LimberPatient) pa = NULL;
  g_autoptr(LimberPatient) pb = NULL;
  g_autoptr(LimberPatient) pc = NULL;
  g_autoptr(GBytes) ann_bytes = NULL;
  g_autoptr(GString) nested = g_string_new ("{\"schema_version\": 1, \"sessions\": ");
  g_autofree char *ann_path = NULL;
  g_autofree char *ann_file = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *newer_id = NULL;
  g_autofree char *newer_file = NULL;
  g_autofree char *wrong_type = NULL;
  Unreadable unreadable[] = {
    { "malformed.json", { "Not a valid patient document", "malformed.json" } },
    { NULL /* newer */, { "newer version", "Update Limber", "schema_version" } },
    { "wrong-type.json", { "wrong-type.json", "archived", "expected true or false" } },
    { "empty.json", { "empty.json", "empty" } },
    { "0-copy.json", { "same patient id", NULL /* ann_file */ } },
    { "nested.json", { "nested.json", "sessions", "nested more than" } },
    { "latin1.json", { "latin1.json", "UTF-8" } },
  };
  guint n = G_N_ELEMENTS (unreadable);

  save_ok (store, ann);
  save_ok (store, bob);
  save_ok (store, carl);
  ann_path = patient_path (dirs, store, ann);
  ann_file = g_path_get_basename (ann_path);
  ann_bytes = read_bytes (ann_path);

  /* (a) malformed JSON */
  write_doc (dirs, "malformed.json", "{\"schema_version\": 1, \"id\": ", -1);

  /* (b) a valid document from a newer Limber, named as Limber names files */
  newer = doc_with (ann_bytes, "schema_version", json_node_init_int (json_node_alloc (), 99));
  {
    g_autoptr(JsonNode) node = json_from_string (newer, &error);
    g_assert_no_error (error);
    newer_id = g_strdup (json_object_get_string_member (json_node_get_object (node), "id"));
  }
  newer_file = g_strconcat (newer_id, ".json", NULL);
  unreadable[1].file = newer_file;
  write_doc (dirs, newer_file, newer, -1);

  /* (c) valid JSON, a field of the wrong type */
  wrong_type = doc_with (ann_bytes, "archived", json_node_init_string (json_node_alloc (), "yes"));
  write_doc (dirs, "wrong-type.json", wrong_type, -1);

  /* (d) an empty file */
  write_doc (dirs, "empty.json", "", 0);

  /* (e) a copy of Ann's document under a name that sorts before the original */
  write_doc (dirs, "0-copy.json", g_bytes_get_data (ann_bytes, NULL),
             g_bytes_get_size (ann_bytes));
  unreadable[4].words[1] = ann_file;

  /* (f) nested deeper than any stack: refused, not a crash */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (nested, ']');
  g_string_append (nested, "}");
  write_doc (dirs, "nested.json", nested->str, nested->len);

  /* (g) not UTF-8 */
  write_doc (dirs, "latin1.json", "{\"name\": \"Ren\xe9\"}", -1);

  /* Not documents at all: ignored. */
  write_doc (dirs, "README.txt", "Patients' records.", -1);
  {
    g_autofree char *folder = doc_path (dirs, "folder.json");

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = doc_path (dirs, unreadable[i].file);

      unreadable[i].bytes = read_bytes (path);
      unreadable[i].mtime = mtime_ns (path);
    }

  /* Loaded, with the cache written as it goes. */
  {
    g_autoptr(LimberStore) loaded = store_new_loaded (dirs, TRUE);
    g_autoptr(LimberPatient) opened = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 3);
    assert_unreadable_listed (loaded, unreadable, n);
    assert_unreadable_untouched (dirs, unreadable, n);

    /* The original keeps Ann's id; the copy is the one set aside. */
    g_assert_cmpstr (limber_store_item_get_file (limber_store_lookup (loaded, ann->id)), ==,
                     ann_file);

    /* Opening an unreadable document says why, and reads nothing. */
    {
      GListModel *list = limber_store_get_unreadable (loaded);
      g_autoptr(LimberStoreItem) item = g_list_model_get_item (list, 0);

      opened = limber_store_open (loaded, item, &error);
      g_assert_null (opened);
      g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_READ);
      g_clear_error (&error);
    }

    /* Saving other patients */
    pa = open_ok (loaded, ann->id);
    pb = open_ok (loaded, bob->id);
    set_notes (pa, "Saved while unreadable documents lie around.");
    set_notes (pb, "Also saved.");
    save_ok (loaded, pa);
    save_ok (loaded, pb);
    assert_unreadable_untouched (dirs, unreadable, n);

    /* A patient with the newer document's id is not written over it. */
    newer_twin = limber_patient_new ("Someone");
    g_free (newer_twin->id);
    newer_twin->id = g_strdup (newer_id);
    g_assert_false (limber_store_save (loaded, newer_twin, &error));
    g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    assert_unreadable_untouched (dirs, unreadable, n);
  }

  /* Reloaded from the cache, then without it. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(LimberStore) loaded = store_new_loaded (dirs, pass == 0);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 3);
      assert_unreadable_listed (loaded, unreadable, n);
      assert_unreadable_untouched (dirs, unreadable, n);
    }

  /* Deleting another patient */
  {
    g_autoptr(LimberStore) loaded = store_new_loaded (dirs, TRUE);

    pc = open_ok (loaded, carl->id);
    g_assert_true (limber_store_delete (loaded, pc, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 2);
    assert_unreadable_untouched (dirs, unreadable, n);
    g_assert_true (limber_store_load (loaded, &error));
    g_assert_no_error (error);
    assert_unreadable_listed (loaded, unreadable, n);
    assert_unreadable_untouched (dirs, unreadable, n);
  }

  for (guint i = 0; i < n; i++)
    g_bytes_unref (unreadable[i].bytes);
}

/* ---- 5. Permissions ---- */

static void
test_store_permissions (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = NULL;
  g_autoptr(LimberStore) fresh = limber_store_new (dirs->folder, dirs->cache);
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(LimberProgram) template = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *path = NULL;
  g_autofree char *templates_path = g_build_filename (dirs->path, "templates", NULL);
  g_autofree char *template_path = NULL;
  g_autofree char *cache = NULL;
  mode_t old_umask = umask (0022);

  /* Saving into a folder that does not exist yet creates it, private. */
  g_assert_false (g_file_test (dirs->path, G_FILE_TEST_EXISTS));
  patient = limber_patient_new ("Ann Lee");
  save_ok (fresh, patient);
  g_assert_cmpuint (file_mode (dirs->path), ==, 0700);
  path = patient_path (dirs, fresh, patient);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* So does loading. */
  remove_tree (dirs->path);
  store = store_new_loaded (dirs, TRUE);
  g_assert_cmpuint (file_mode (dirs->path), ==, 0700);

  template = dup_hip_template (store);
  g_free (template->id);
  template->id = g_uuid_string_random ();
  g_free (template->name);
  template->name = g_strdup ("Our clinic's hip program");
  g_assert_true (limber_store_save_template (store, template, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (templates_path), ==, 0700);
  template_path = g_strconcat (templates_path, G_DIR_SEPARATOR_S, template->id, ".json", NULL);
  g_assert_cmpuint (file_mode (template_path), ==, 0600);

  /* The clinic's template comes back after the shipped ones, as saved. */
  templates = limber_store_list_templates (store, &problems);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_cmpstr (((LimberProgram *) g_ptr_array_index (templates, 0))->id, ==, "hip-pain");
  g_assert_cmpstr (((LimberProgram *) g_ptr_array_index (templates, 1))->name, ==,
                   "Our clinic's hip program");
  assert_prescriptions_equal (((LimberProgram *) g_ptr_array_index (templates, 1))->prescriptions,
                              template->prescriptions);
  g_clear_pointer (&templates, g_ptr_array_unref);
  g_clear_pointer (&problems, g_strfreev);

  /* A broken clinic template is told, not fatal. */
  write_text (template_path, "{\"schema_version\": 1}", -1);
  templates = limber_store_list_templates (store, &problems);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], template->id));

  /* The list's cache is private too. */
  save_ok (store, patient);
  g_clear_object (&store);
  store = store_new_loaded (dirs, TRUE);
  cache = cache_file (dirs);
  g_assert_cmpuint (file_mode (cache), ==, 0600);

  umask (old_umask);
}

/* ---- 6. Folders that refuse the write ---- */

typedef struct
{
  TestDirs      *dirs;
  LimberStore   *store;
  LimberPatient *patient;
  GBytes        *old_bytes;
  char          *path;
  guint          history;
} Refusal;

/* A saved patient with a new edit, not saved yet. */
static void
refusal_init (Refusal  *refusal,
              TestDirs *dirs)
{
  refusal->dirs = dirs;
  refusal->store = store_new_loaded (dirs, TRUE);
  refusal->patient = new_patient (refusal->store, "Ann Lee", "Before.");
  save_ok (refusal->store, refusal->patient);
  refusal->path = patient_path (dirs, refusal->store, refusal->patient);
  refusal->old_bytes = read_bytes (refusal->path);
  refusal->history = limber_patient_get_active_program (refusal->patient)->history->len;

  set_notes (refusal->patient, "After.");
  first_prescription (refusal->patient)->reps = 5;
  g_ptr_array_remove_index (limber_patient_get_active_program (refusal->patient)->prescriptions, 1);
}

static void
refusal_check_failed (Refusal *refusal,
                      GError  *error)
{
  g_autofree char *folder_path = g_file_get_path (refusal->dirs->folder);
  LimberProgram *program = limber_patient_get_active_program (refusal->patient);

  g_test_message ("%s", error->message);
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "Ann Lee"));
  g_assert_nonnull (strstr (error->message, folder_path));

  /* Nothing written, nothing lost, nothing marked as saved. */
  if (g_file_test (refusal->dirs->path, G_FILE_TEST_IS_DIR))
    {
      assert_file_bytes (refusal->path, refusal->old_bytes);
      g_assert_cmpuint (count_temp_files (refusal->dirs->path), ==, 0);
    }
  g_assert_cmpstr (refusal->patient->notes, ==, "After.");
  g_assert_cmpuint (first_prescription (refusal->patient)->reps, ==, 5);
  g_assert_cmpuint (program->prescriptions->len, ==, 10);
  g_assert_true (limber_patient_has_changes (refusal->patient));
  g_assert_cmpuint (program->history->len, ==, refusal->history);
}

/* Once the folder takes writes again, the edit is saved. */
static void
refusal_check_saved (Refusal *refusal)
{
  g_autoptr(LimberStore) check = NULL;
  g_autoptr(LimberPatient) saved = NULL;

  save_ok (refusal->store, refusal->patient);
  g_assert_false (limber_patient_has_changes (refusal->patient));

  check = store_new_loaded (refusal->dirs, FALSE);
  saved = open_ok (check, refusal->patient->id);
  g_assert_cmpstr (saved->notes, ==, "After.");
  g_assert_cmpuint (first_prescription (saved)->reps, ==, 5);
  g_assert_cmpuint (limber_patient_get_active_program (saved)->prescriptions->len, ==, 10);
  g_assert_cmpuint (limber_patient_get_active_program (saved)->history->len, ==,
                    refusal->history + 1);
  assert_patient_equal (saved, refusal->patient);
}

static void
refusal_clear (Refusal *refusal)
{
  g_clear_object (&refusal->store);
  g_clear_pointer (&refusal->patient, limber_patient_unref);
  g_clear_pointer (&refusal->old_bytes, g_bytes_unref);
  g_clear_pointer (&refusal->path, g_free);
}

static void
test_store_read_only_folder (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  Refusal refusal = { 0 };

  refusal_init (&refusal, dirs);
  g_assert_cmpint (g_chmod (dirs->path, 0500), ==, 0);

  if (access (dirs->path, W_OK) == 0)
    {
      /* Root writes anyway; the next tests fail the write by other means. */
      g_chmod (dirs->path, 0700);
      refusal_clear (&refusal);
      g_test_skip ("the folder is writable whatever its mode (running as root)");
      return;
    }

  g_assert_false (limber_store_save (refusal.store, refusal.patient, &error));
  refusal_check_failed (&refusal, error);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (dirs->path, 0700), ==, 0);
  refusal_check_saved (&refusal);
  refusal_clear (&refusal);
}

/* The folder's place taken by a file (a drive mounted elsewhere, a mistake): ENOTDIR even
 * for root. */
static void
test_store_folder_not_a_folder (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *away = g_strconcat (dirs->path, ".away", NULL);
  g_autofree char *blocker = g_build_filename (dirs->base, "blocker", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "patients", NULL);
  g_autoptr(GFile) under_folder = g_file_new_for_path (under_file);
  g_autoptr(LimberStore) lost = limber_store_new (under_folder, dirs->cache);
  g_autoptr(LimberPatient) newcomer = limber_patient_new ("Dora Finch");
  Refusal refusal = { 0 };

  refusal_init (&refusal, dirs);
  g_assert_cmpint (g_rename (dirs->path, away), ==, 0);
  write_text (dirs->path, "not a folder", -1);

  g_assert_false (limber_store_save (refusal.store, refusal.patient, &error));
  refusal_check_failed (&refusal, error);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (dirs->path), ==, 0);
  g_assert_cmpint (g_rename (away, dirs->path), ==, 0);
  assert_file_bytes (refusal.path, refusal.old_bytes);
  refusal_check_saved (&refusal);
  refusal_clear (&refusal);

  /* A store whose folder lies under a file can neither load nor save. */
  write_text (blocker, "a file", -1);
  g_assert_false (limber_store_load (lost, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  g_assert_false (limber_store_save (lost, newcomer, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "Dora Finch"));
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);
}

/* A write the system cuts short, as a full disk does: the file size limit stops root too. */
static void
test_store_write_cut_short (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  Refusal refusal = { 0 };
  gboolean saved;

  refusal_init (&refusal, dirs);
  g_assert_cmpuint (g_bytes_get_size (refusal.old_bytes), >, 2048);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  saved = limber_store_save (refusal.store, refusal.patient, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (saved);
  refusal_check_failed (&refusal, error);
  g_clear_error (&error);

  refusal_check_saved (&refusal);
  refusal_clear (&refusal);
}

/* The same, at each step, through the store's fault. */
static void
test_store_write_fault (void)
{
  for (LimberWriteStep step = LIMBER_WRITE_STEP_OPEN; step < LIMBER_WRITE_STEP_SYNC_FOLDER; step++)
    {
      g_autoptr(TestDirs) dirs = test_dirs_new ();
      g_autoptr(GError) error = NULL;
      Refusal refusal = { 0 };

      g_test_message ("step %s", step_name (step));
      refusal_init (&refusal, dirs);
      limber_store_set_fault (refusal.store, step, FALSE);

      /* Twice: a failed save leaves nothing behind to trip the next one. */
      for (guint i = 0; i < 2; i++)
        {
          g_assert_false (limber_store_save (refusal.store, refusal.patient, &error));
          refusal_check_failed (&refusal, error);
          g_clear_error (&error);
        }

      limber_store_set_fault (refusal.store, LIMBER_WRITE_STEP_NONE, FALSE);
      refusal_check_saved (&refusal);
      refusal_clear (&refusal);
    }
}

/* ---- 7. The list's cache ---- */

static void
assert_same_items (LimberStore *a,
                   LimberStore *b)
{
  g_autoptr(GDate) now = today ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      LimberStoreItem *x = item_at (a, i);
      LimberStoreItem *y = item_at (b, i);

      g_assert_cmpstr (limber_store_item_get_file (x), ==, limber_store_item_get_file (y));
      g_assert_cmpstr (limber_store_item_get_id (x), ==, limber_store_item_get_id (y));
      g_assert_cmpstr (limber_store_item_get_name (x), ==, limber_store_item_get_name (y));
      g_assert_cmpstr (limber_store_item_get_condition (x), ==,
                       limber_store_item_get_condition (y));
      g_assert_cmpstr (limber_store_item_get_notes (x), ==, limber_store_item_get_notes (y));
      g_assert_cmpint (limber_store_item_get_archived (x), ==, limber_store_item_get_archived (y));
      g_assert_cmpint (limber_store_item_get_age (x, now), ==, limber_store_item_get_age (y, now));
      g_assert_null (limber_store_item_get_problem (y));
    }
}

static void
test_store_cache (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberPatient) ann = new_patient (store, "Ann Lee", "Knee too.");
  g_autoptr(LimberPatient) bob = new_patient (store, "Bob Stone", "");
  g_autoptr(LimberPatient) told = limber_patient_new ("Cleo Told");
  g_autoptr(LimberPatient) changed = NULL;
  g_autoptr(LimberStore) first = NULL;
  g_autoptr(LimberStore) second = NULL;
  g_autoptr(LimberStore) uncached = NULL;
  g_autoptr(GDate) birth = g_date_new_dmy (1, G_DATE_JANUARY, 1950);
  g_autoptr(GDate) now = today ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260105);
  g_autoptr(GBytes) bob_bytes = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *bob_path = NULL;
  g_autofree char *ann_path = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *data = NULL;
  gint64 bob_mtime;
  gsize length;

  g_assert_true (limber_patient_set_birth_date (ann, birth, now, &error));
  g_assert_no_error (error);
  ann->archived = TRUE;
  g_assert_true (limber_patient_set_age (told, 70, now, &error));
  g_assert_no_error (error);
  save_ok (store, ann);
  save_ok (store, bob);
  save_ok (store, told);
  ann_path = patient_path (dirs, store, ann);
  bob_path = patient_path (dirs, store, bob);

  /* The first load writes the cache; the next reads the same list from it. */
  first = store_new_loaded (dirs, TRUE);
  cache = cache_file (dirs);
  uncached = store_new_loaded (dirs, FALSE);
  assert_same_items (first, uncached);
  second = store_new_loaded (dirs, TRUE);
  assert_same_items (first, second);
  g_assert_true (limber_store_item_get_archived (limber_store_lookup (second, ann->id)));
  g_assert_cmpint (limber_store_item_get_age (limber_store_lookup (second, told->id), now), ==, 70);
  g_clear_object (&second);

  /* Proof the cache is read: a file changed but with its size and time kept looks the same. */
  bob_bytes = read_bytes (bob_path);
  bob_mtime = mtime_ns (bob_path);
  garbage = g_strnfill (g_bytes_get_size (bob_bytes), 'x');
  write_text (bob_path, garbage, g_bytes_get_size (bob_bytes));
  set_mtime_ns (bob_path, bob_mtime);
  second = store_new_loaded (dirs, TRUE);
  assert_same_items (first, second);
  g_clear_object (&second);
  write_text (bob_path, g_bytes_get_data (bob_bytes, NULL), g_bytes_get_size (bob_bytes));
  set_mtime_ns (bob_path, bob_mtime);

  /* A document changed behind the store's back, to another size, is read again. */
  changed = load_file (ann_path);
  g_free (changed->name);
  changed->name = g_strdup ("Ann Lee-Smith");
  data = limber_patient_to_data (changed, &length);
  write_text (ann_path, data, length);
  second = store_new_loaded (dirs, TRUE);
  g_assert_cmpstr (limber_store_item_get_name (limber_store_lookup (second, ann->id)), ==,
                   "Ann Lee-Smith");
  g_clear_object (&second);

  /* Same size, later time: read again too. */
  g_free (changed->name);
  changed->name = g_strdup ("Ann Lee-Smyth");
  g_clear_pointer (&data, g_free);
  data = limber_patient_to_data (changed, &length);
  write_text (ann_path, data, length);
  shift_mtime (ann_path, 10);
  second = store_new_loaded (dirs, TRUE);
  g_assert_cmpstr (limber_store_item_get_name (limber_store_lookup (second, ann->id)), ==,
                   "Ann Lee-Smyth");
  g_clear_object (&second);

  /* Broken caches are ignored, then replaced by a good one. */
  g_clear_object (&first);
  first = store_new_loaded (dirs, FALSE);
  for (guint kind = 0; kind < 5; kind++)
    {
      g_autoptr(GBytes) good = NULL;
      g_autoptr(GBytes) broken = NULL;

      if (kind == 0)
        {
          gsize size = 4096;
          guint8 *bytes = g_malloc (size);

          for (gsize i = 0; i < size; i++)
            bytes[i] = g_rand_int_range (rand, 0, 256);
          broken = g_bytes_new_take (bytes, size);
        }
      else if (kind == 1)
        broken = g_bytes_new_static ("", 0);
      else if (kind == 2)
        {
          good = read_bytes (cache);
          broken = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
        }
      else if (kind == 3)
        {
          /* A good cache, but another version's: the version is its first 32 bits. */
          guint32 version;
          guint8 *bytes;

          good = read_bytes (cache);
          g_assert_cmpuint (g_bytes_get_size (good), >, sizeof version);
          bytes = g_memdup2 (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
          memcpy (&version, bytes, sizeof version);
          version++;
          memcpy (bytes, &version, sizeof version);
          broken = g_bytes_new_take (bytes, g_bytes_get_size (good));
        }
      else
        {
          /* Each byte flipped somewhere in a good cache. */
          guint8 *bytes;
          gsize size;

          good = read_bytes (cache);
          bytes = g_memdup2 (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
          size = g_bytes_get_size (good);
          for (gsize i = 0; i < size; i += 7)
            bytes[i] ^= 0x5a;
          broken = g_bytes_new_take (bytes, size);
        }

      g_test_message ("broken cache %u", kind);
      write_text (cache, g_bytes_get_data (broken, NULL), g_bytes_get_size (broken));
      second = store_new_loaded (dirs, TRUE);
      g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (second)), ==, 0);
      assert_same_items (first, second);
      g_clear_object (&second);

      second = store_new_loaded (dirs, TRUE);
      assert_same_items (first, second);
      g_clear_object (&second);
    }

  /* A cache folder that cannot be written costs the cache, not the list. */
  g_clear_object (&second);
  {
    g_autofree char *blocked = g_build_filename (dirs->cache, "blocked", NULL);
    g_autoptr(LimberStore) store_blocked = NULL;

    write_text (blocked, "a file", -1);
    store_blocked = limber_store_new (dirs->folder, blocked);
    g_assert_true (limber_store_load (store_blocked, &error));
    g_assert_no_error (error);
    assert_same_items (first, store_blocked);
  }
}

/* ---- 8. Order, hiding ---- */

typedef struct
{
  guint position, removed, added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

static void
assert_order (LimberStore  *store,
              const char  **names)
{
  guint n = g_strv_length ((char **) names);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (limber_store_item_get_name (item_at (store, i)), ==, names[i]);
}

static void
test_store_order_and_hide (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  const char *names[] = { "dave Young", "bob Stone", "Carol King", "Alice Moss" };
  const char *sorted[] = { "Alice Moss", "bob Stone", "Carol King", "dave Young", NULL };
  const char *hidden[] = { "Alice Moss", "Carol King", "dave Young", NULL };
  const char *renamed[] = { "Aaron Young", "Alice Moss", "bob Stone", "Carol King", NULL };
  LimberPatient *patients[G_N_ELEMENTS (names)];
  LimberStoreItem *bob;

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      patients[i] = limber_patient_new (names[i]);
      save_ok (store, patients[i]);
    }
  /* Inserted each at its place: dave at 0, bob at 0, Carol at 1, Alice at 0. */
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpuint (g_array_index (changes, Change, 2).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 3).position, ==, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      g_assert_cmpuint (g_array_index (changes, Change, i).removed, ==, 0);
      g_assert_cmpuint (g_array_index (changes, Change, i).added, ==, 1);
    }
  g_array_set_size (changes, 0);
  assert_order (store, sorted);

  reloaded = store_new_loaded (dirs, TRUE);
  assert_order (reloaded, sorted);

  /* Hide bob: out of the list at his place, still known. */
  bob = limber_store_lookup (store, patients[1]->id);
  limber_store_hide (store, patients[1]->id);
  assert_change (changes, 1, 1, 0);
  assert_order (store, hidden);
  g_assert_true (limber_store_lookup (store, patients[1]->id) == bob);

  /* Hiding twice, or what is not there, changes nothing. */
  limber_store_hide (store, patients[1]->id);
  limber_store_hide (store, "no-such-id");
  limber_store_unhide (store, "no-such-id");
  g_assert_cmpuint (changes->len, ==, 0);

  /* Saving a hidden patient keeps him hidden. */
  set_notes (patients[1], "Saved while hidden.");
  save_ok (store, patients[1]);
  g_assert_cmpuint (changes->len, ==, 0);
  assert_order (store, hidden);

  limber_store_unhide (store, patients[1]->id);
  assert_change (changes, 1, 0, 1);
  assert_order (store, sorted);
  g_assert_cmpstr (limber_store_item_get_notes (item_at (store, 1)), ==, "Saved while hidden.");
  limber_store_unhide (store, patients[1]->id);
  g_assert_cmpuint (changes->len, ==, 0);

  /* A rename moves the patient to the new place. */
  g_assert_true (limber_patient_set_name (patients[0], "  Aaron Young ", NULL));
  save_ok (store, patients[0]);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 3);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 1);
  g_array_set_size (changes, 0);
  assert_order (store, renamed);

  /* A load says the whole list changed, and keeps hidden a patient waiting for its Undo. */
  limber_store_hide (store, patients[2]->id);
  g_array_set_size (changes, 0);
  g_assert_true (limber_store_load (store, NULL));
  assert_change (changes, 0, 3, 3);
  limber_store_unhide (store, patients[2]->id);
  g_array_set_size (changes, 0);
  assert_order (store, renamed);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    limber_patient_unref (patients[i]);
}

/* ---- 9. Search ---- */

static gboolean
matches (LimberStoreItem *item,
         const char      *query)
{
  g_autofree char *folded = query != NULL ? limber_store_fold (query) : NULL;

  return limber_store_item_matches (item, folded);
}

static void
test_store_search (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberStore) reloaded = NULL;
  g_autoptr(LimberPatient) ann = limber_patient_new ("Ann Lee");
  g_autoptr(LimberPatient) zoe = limber_patient_new ("Zoë Ågren");
  LimberStoreItem *a, *z;

  set_notes (ann, "Prefers MORNINGS. Walks with a cane.");
  g_assert_true (limber_patient_set_text (ann, &ann->condition, "Gluteal tendinopathy", &error));
  g_assert_no_error (error);
  save_ok (store, ann);
  save_ok (store, zoe);

  /* From the items a save made, then from a load, then from the cache. */
  for (guint pass = 0; pass < 3; pass++)
    {
      LimberStore *s = store;

      if (pass > 0)
        {
          g_clear_object (&reloaded);
          reloaded = store_new_loaded (dirs, TRUE);
          s = reloaded;
        }

      a = limber_store_lookup (s, ann->id);
      z = limber_store_lookup (s, zoe->id);

      g_assert_true (matches (a, NULL));
      g_assert_true (matches (a, ""));
      g_assert_true (matches (a, "ann"));
      g_assert_true (matches (a, "LEE"));
      g_assert_true (matches (a, "n L"));
      g_assert_true (matches (a, "mornings"));
      g_assert_true (matches (a, "CANE"));
      g_assert_true (matches (a, "tendinopathy"));
      g_assert_false (matches (a, "zoë"));
      g_assert_false (matches (a, "evenings"));

      g_assert_true (matches (z, "ZOË"));
      g_assert_true (matches (z, "ågren"));
      g_assert_true (matches (z, "ÅGREN"));
      g_assert_false (matches (z, "zoe"));
      /* "ë" typed as "e" and a combining diaeresis is the same letter. */
      g_assert_true (matches (z, "zoe\xcc\x88"));
      g_assert_false (matches (z, "ann"));
    }
}

/* ---- 10. Saves that change nothing, and verdicts that must not stick ---- */

static void
test_store_save_unchanged (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) mine = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberStore) theirs = NULL;
  g_autoptr(LimberPatient) patient = new_patient (mine, "Ann Lee", "");
  g_autoptr(LimberPatient) opened = NULL;
  g_autoptr(LimberPatient) other = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  gint64 mtime;

  save_ok (mine, patient);
  path = patient_path (dirs, mine, patient);
  mtime = mtime_ns (path);

  /* Saving again with nothing changed writes nothing. */
  save_ok (mine, patient);
  g_assert_cmpint (mtime_ns (path), ==, mtime);

  /* Another computer changes the record; a save here with nothing to save is not a conflict,
   * and leaves their version as it is. */
  theirs = store_new_loaded (dirs, FALSE);
  other = open_ok (theirs, patient->id);
  set_notes (other, "Changed at the front desk");
  save_ok (theirs, other);
  before = read_bytes (path);
  g_assert_true (limber_store_save (mine, patient, &error));
  g_assert_no_error (error);
  assert_file_bytes (path, before);

  /* A change here is: the conflict is still caught. */
  set_notes (patient, "Changed in the treatment room");
  g_assert_false (limber_store_save (mine, patient, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
  assert_file_bytes (path, before);
}

static void
test_store_unreadable_not_cached (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(LimberStore) store = store_new_loaded (dirs, TRUE);
  g_autoptr(LimberStore) again = NULL;
  g_autoptr(LimberStore) last = NULL;
  g_autoptr(LimberPatient) patient = new_patient (store, "Ann Lee", "");
  g_autofree char *path = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  save_ok (store, patient);
  path = patient_path (dirs, store, patient);
  copy_path = doc_path (dirs, "ann-lee-backup.json");
  bytes = read_bytes (path);
  write_text (copy_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The copy repeats the id: it is listed as unreadable, with the cache written. */
  again = store_new_loaded (dirs, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (again)), ==, 1);
  g_assert_true (limber_store_write_cache (again, NULL));

  /* The original goes: with the cache present, the copy is a patient again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  last = store_new_loaded (dirs, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (last)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (last)), ==, 1);
  g_assert_cmpstr (limber_store_item_get_file (limber_store_lookup (last, patient->id)), ==,
                   "ann-lee-backup.json");
}

static void
test_store_refresh_file (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(LimberStore) mine = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberStore) theirs = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberPatient) ann = new_patient (mine, "Ann Lee", "");
  g_autoptr(LimberPatient) tom = new_patient (theirs, "Tom Berger", "");
  g_autoptr(LimberPatient) ann_there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tom_file = NULL;
  g_autofree char *ann_file = NULL;
  g_autofree char *broken = NULL;

  save_ok (mine, ann);
  ann_file = g_strdup (limber_store_item_get_file (limber_store_lookup (mine, ann->id)));

  /* This store's own write changes nothing. */
  g_assert_false (limber_store_refresh_file (mine, ann_file));
  g_assert_true (limber_store_is_current (mine, ann));

  /* Another store adds a patient: it appears. */
  save_ok (theirs, tom);
  tom_file = g_strconcat (tom->id, ".json", NULL);
  g_assert_true (limber_store_refresh_file (mine, tom_file));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mine)), ==, 2);
  g_assert_nonnull (limber_store_lookup (mine, tom->id));

  /* It changes Ann: the list shows the new name, yet the patient open here is not current,
   * and a save of a change here is still refused. */
  g_assert_true (limber_store_load (theirs, NULL));
  ann_there = open_ok (theirs, ann->id);
  g_assert_true (limber_patient_set_name (ann_there, "Ann Lee-Park", NULL));
  save_ok (theirs, ann_there);
  g_assert_true (limber_store_refresh_file (mine, ann_file));
  g_assert_cmpstr (limber_store_item_get_name (limber_store_lookup (mine, ann->id)), ==, "Ann Lee-Park");
  g_assert_false (limber_store_is_current (mine, ann));
  set_notes (ann, "Changed here");
  g_assert_false (limber_store_save (mine, ann, &error));
  g_assert_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A broken file is listed as unreadable; its deletion takes it away. */
  broken = doc_path (dirs, "broken.json");
  write_text (broken, "{", 1);
  g_assert_true (limber_store_refresh_file (mine, "broken.json"));
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (mine)), ==, 1);
  g_assert_cmpint (g_unlink (broken), ==, 0);
  g_assert_true (limber_store_refresh_file (mine, "broken.json"));
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (mine)), ==, 0);

  /* It deletes Tom: he leaves the list. Temporary files and other names are ignored. */
  g_assert_true (limber_store_delete (theirs, tom, NULL));
  g_assert_true (limber_store_refresh_file (mine, tom_file));
  g_assert_null (limber_store_lookup (mine, tom->id));
  g_assert_false (limber_store_refresh_file (mine, ".x.json.1234.tmp"));
  g_assert_false (limber_store_refresh_file (mine, "notes.txt"));
  g_assert_false (limber_store_refresh_file (mine, "../escape.json"));
}

static void
test_store_hidden_through_reload (void)
{
  g_autoptr(TestDirs) dirs = test_dirs_new ();
  g_autoptr(LimberStore) store = store_new_loaded (dirs, FALSE);
  g_autoptr(LimberPatient) ann = new_patient (store, "Ann Lee", "");
  g_autoptr(LimberPatient) tom = new_patient (store, "Tom Berger", "");

  save_ok (store, ann);
  save_ok (store, tom);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  /* Ann waits for her Undo; reading the folder again keeps her out of the list. */
  limber_store_hide (store, ann->id);
  g_assert_true (limber_store_load (store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  limber_store_unhide (store, ann->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  /* And the etags read before stay good: a save after the reload is no conflict. */
  set_notes (tom, "Seen again");
  save_ok (store, tom);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/store/round-trip", test_store_round_trip);

  for (LimberWriteStep step = LIMBER_WRITE_STEP_OPEN; step <= LIMBER_WRITE_STEP_SYNC_FOLDER; step++)
    for (guint crash = 0; crash < 2; crash++)
      {
        g_autofree char *path = g_strdup_printf ("/limber/store/atomic/%s%s", step_name (step),
                                                 crash ? "-crash" : "");

        g_test_add_data_func (path, GUINT_TO_POINTER (step << 1 | crash), test_store_atomic);
      }
  g_test_add_func ("/limber/store/write-file-atomically", test_store_write_file_atomically);

  g_test_add_func ("/limber/store/conflict", test_store_conflict);
  g_test_add_func ("/limber/store/vanished", test_store_vanished);
  g_test_add_func ("/limber/store/delete", test_store_delete);
  g_test_add_func ("/limber/store/unreadable", test_store_unreadable);
  g_test_add_func ("/limber/store/permissions", test_store_permissions);
  g_test_add_func ("/limber/store/read-only-folder", test_store_read_only_folder);
  g_test_add_func ("/limber/store/folder-not-a-folder", test_store_folder_not_a_folder);
  g_test_add_func ("/limber/store/write-cut-short", test_store_write_cut_short);
  g_test_add_func ("/limber/store/write-fault", test_store_write_fault);
  g_test_add_func ("/limber/store/cache", test_store_cache);
  g_test_add_func ("/limber/store/order-and-hide", test_store_order_and_hide);
  g_test_add_func ("/limber/store/search", test_store_search);
  g_test_add_func ("/limber/store/save-unchanged", test_store_save_unchanged);
  g_test_add_func ("/limber/store/unreadable-not-cached", test_store_unreadable_not_cached);
  g_test_add_func ("/limber/store/refresh-file", test_store_refresh_file);
  g_test_add_func ("/limber/store/hidden-through-reload", test_store_hidden_through_reload);

  return g_test_run ();
}
