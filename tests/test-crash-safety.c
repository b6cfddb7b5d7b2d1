/* test-crash-safety.c: patient documents saved by a process killed with SIGKILL at random
 * moments, 1,000 times: every document is still there, parses, and is a version that was
 * written (its save counter never goes back), never a torn mix. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "limber-store.h"

#define N_DOCUMENTS 4
#define N_KILLS 1000
/* After the child says it is saving, the parent waits 0 to this many microseconds. */
#define MAX_DELAY_US 8000

typedef struct
{
  char        *base;      /* a fresh temporary folder */
  char        *path;      /* base/patients, the store folder */
  GFile       *folder;
  char        *ids[N_DOCUMENTS];
  char        *files[N_DOCUMENTS];
  guint64      counters[N_DOCUMENTS];  /* the last version seen on disk */
} Folder;

/* The version a document holds: its notes are "save <counter>". */
static gboolean
parse_counter (const char *notes,
               guint64    *counter)
{
  return notes != NULL && g_str_has_prefix (notes, "save ") &&
         g_ascii_string_to_unsigned (notes + 5, 10, 0, G_MAXUINT64, counter, NULL);
}

static void
set_counter (LimberPatient *patient,
             guint64        counter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strdup_printf ("save %" G_GUINT64_FORMAT, counter);

  g_assert_true (limber_patient_set_text (patient, &patient->notes, notes, &error));
  g_assert_no_error (error);
}

static LimberPatient *
new_patient (LimberStore *store,
             guint        i)
{
  g_autoptr(GPtrArray) templates = limber_store_list_templates (store, NULL);
  g_autofree char *name = g_strdup_printf ("Patient %u", i);
  LimberPatient *patient = limber_patient_new (name);
  LimberProgram *program;

  g_assert_cmpuint (templates->len, >, 0);
  program = limber_program_new_from_template (g_ptr_array_index (templates, 0), "Hip program");
  g_ptr_array_add (patient->programs, program);
  patient->active_program = g_strdup (program->id);
  set_counter (patient, 0);

  return patient;
}

static void
folder_init (Folder *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = NULL;

  folder->base = g_dir_make_tmp ("limber-crash-XXXXXX", &error);
  g_assert_no_error (error);
  folder->path = g_build_filename (folder->base, "patients", NULL);
  folder->folder = g_file_new_for_path (folder->path);

  store = limber_store_new (folder->folder, NULL);
  g_assert_true (limber_store_load (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autoptr(LimberPatient) patient = new_patient (store, i);

      g_assert_true (limber_store_save (store, patient, &error));
      g_assert_no_error (error);
      folder->ids[i] = g_strdup (patient->id);
      folder->files[i] = g_strdup (limber_store_item_get_file (limber_store_lookup (store,
                                                                                   patient->id)));
    }
}

static void
folder_clear (Folder *folder)
{
  remove_tree (folder->base);
  g_free (folder->base);
  g_free (folder->path);
  g_object_unref (folder->folder);
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_free (folder->ids[i]);
      g_free (folder->files[i]);
    }
}

/* The child: loads the store as Limber does, says so on @ready_fd, then saves a new version
 * of each document in turn until it is killed. Never returns. */
static void G_GNUC_NORETURN
run_child (Folder *folder,
           int     ready_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = limber_store_new (folder->folder, NULL);
  LimberPatient *patients[N_DOCUMENTS];
  guint64 counters[N_DOCUMENTS];

  if (!limber_store_load (store, &error))
    _exit (2);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      LimberStoreItem *item = limber_store_lookup (store, folder->ids[i]);

      if (item == NULL || !(patients[i] = limber_store_open (store, item, &error)) ||
          !parse_counter (patients[i]->notes, &counters[i]))
        _exit (3);
    }

  if (write (ready_fd, "r", 1) != 1)
    _exit (4);

  for (guint round = 0; ; round++)
    {
      guint i = round % N_DOCUMENTS;
      g_autofree char *notes = g_strdup_printf ("save %" G_GUINT64_FORMAT, ++counters[i]);

      g_free (patients[i]->notes);
      patients[i]->notes = g_steal_pointer (&notes);
      if (!limber_store_save (store, patients[i], &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (5);
        }
    }
}

/* Every document is there, parses, and holds a version at least as new as the last one seen. */
static guint64
check_documents (Folder *folder,
                 guint   round,
                 guint32 seed)
{
  guint64 advanced = 0;

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *path = g_build_filename (folder->path, folder->files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberPatient) patient = NULL;
      guint64 counter;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error) ||
          !(bytes = g_bytes_new_take (g_steal_pointer (&contents), length),
            patient = limber_patient_load (bytes, folder->files[i], &error)))
        g_error ("round %u (seed %u): %s: %s", round, seed, folder->files[i], error->message);

      g_assert_cmpstr (patient->id, ==, folder->ids[i]);
      g_assert_true (parse_counter (patient->notes, &counter));
      if (counter < folder->counters[i])
        g_error ("round %u (seed %u): %s went back from save %" G_GUINT64_FORMAT " to %"
                 G_GUINT64_FORMAT, round, seed, folder->files[i], folder->counters[i], counter);

      advanced += counter - folder->counters[i];
      folder->counters[i] = counter;
    }

  return advanced;
}

/* The names in the folder: documents (exactly the patients'), and temporary files. */
static guint
count_files (Folder *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder->path, 0, NULL);
  const char *name;
  guint temp = 0, documents = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      if (name[0] == '.' && g_str_has_suffix (name, ".tmp"))
        temp++;
      else
        {
          gboolean known = FALSE;

          for (guint i = 0; i < N_DOCUMENTS; i++)
            known |= g_str_equal (name, folder->files[i]);
          if (!known)
            g_error ("an unexpected file in the store folder: %s", name);
          documents++;
        }
    }

  g_assert_cmpuint (documents, ==, N_DOCUMENTS);
  return temp;
}

static void
test_crash_safety_kill (void)
{
  Folder folder = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberStore) store = NULL;
  const char *seed_text = g_getenv ("LIMBER_CRASH_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : g_random_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 start = g_get_monotonic_time ();
  guint64 saves = 0;
  guint temp_files;

  /* Printed first, so a failure can be run again with LIMBER_CRASH_SEED. */
  g_test_message ("seed %u (set LIMBER_CRASH_SEED to repeat)", seed);
  folder_init (&folder);

  for (guint round = 0; round < N_KILLS; round++)
    {
      int fds[2];
      char byte;
      int status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_child (&folder, fds[1]);
        }

      close (fds[1]);
      if (read (fds[0], &byte, 1) != 1)
        {
          waitpid (pid, &status, 0);
          g_error ("round %u (seed %u): the child could not open the store (exit %d)", round,
                   seed, WIFEXITED (status) ? WEXITSTATUS (status) : -1);
        }
      close (fds[0]);

      g_usleep (g_rand_int_range (rand, 0, MAX_DELAY_US + 1));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed, not ended on its own by a failed save. */
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("round %u (seed %u): the child ended with status %d before it was killed",
                 round, seed, status);

      saves += check_documents (&folder, round, seed);
    }

  temp_files = count_files (&folder);
  g_test_message ("%u kills, %" G_GUINT64_FORMAT " saves reached the disk, %u temporary "
                  "files left, %.1f s", N_KILLS, saves, temp_files,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  /* The kills must land among the saves, not all before the first. */
  g_assert_cmpuint (saves, >=, N_KILLS / 2);

  /* The next start: every patient listed, nothing unreadable, temporary files ignored. */
  store = limber_store_new (folder.folder, NULL);
  g_assert_true (limber_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, N_DOCUMENTS);
  g_assert_cmpuint (g_list_model_get_n_items (limber_store_get_unreadable (store)), ==, 0);
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      LimberStoreItem *item = limber_store_lookup (store, folder.ids[i]);
      g_autoptr(LimberPatient) patient = NULL;

      g_assert_nonnull (item);
      patient = limber_store_open (store, item, &error);
      g_assert_no_error (error);

      /* And it saves again over what the crashes left. */
      set_counter (patient, folder.counters[i] + 1);
      g_assert_true (limber_store_save (store, patient, &error));
      g_assert_no_error (error);
    }

  folder_clear (&folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limber/crash-safety/kill", test_crash_safety_kill);

  return g_test_run ();
}
