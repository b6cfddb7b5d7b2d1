/* test-hostile.c: one table of hostile inputs, each through a real loader: every one is
 * refused with a clear error naming the file, fast, without a crash, and nothing on disk
 * changes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "limber-motion.h"
#include "limber-program-file.h"
#include "limber-session-log.h"
#include "limber-store.h"
#include "limber-video.h"

#define FILE_NAME "hostile.json"
#define MAX_SECONDS 5
#define HUGE_SIZE (100 * 1024 * 1024)
#define DEEP 100000
#define PLACEHOLDER "\"@@HOSTILE@@\""

typedef enum
{
  LOADER_STORE,          /* a document in a store folder, listed as unreadable */
  LOADER_PATIENT,
  LOADER_PROGRAM_FILE,
  LOADER_PROGRAM_CHECK,  /* a program file that loads, checked against the library */
  LOADER_LOG,
  LOADER_TEMPLATE,
  LOADER_LIBRARY,        /* an exercise file in a copy of the library's folder */
  LOADER_MOTION,
  LOADER_VIDEO_NAME,     /* limber_video_check_name() and limber_video_resolve() */
} Loader;

typedef enum
{
  INPUT_LITERAL,
  INPUT_JUNK,            /* 4 KiB of random bytes from a fixed seed, NULs among them */
  INPUT_NESTED_ARRAYS,
  INPUT_NESTED_OBJECTS,
  INPUT_HUGE_STRING,     /* a 100 MB string in an object */
  INPUT_MUTATED,         /* the loader's valid document with one member set to @text */
  INPUT_DUPLICATE,       /* a copy of a patient already in the store */
  INPUT_LINK_DOCUMENT,   /* a link to a valid patient document outside the store */
  INPUT_LINK_PASSWD,     /* a link to /etc/passwd */
} Input;

typedef struct
{
  const char *name;
  Loader      loader;
  Input       input;
  const char *member;    /* INPUT_MUTATED: a path such as "programs/0/exercises/0/sets" */
  const char *text;      /* the literal, or the member's raw JSON value (NULL: removed) */
  const char *expected;  /* in the error's message */
} Row;

static const Row rows[] = {
  /* Empty files */
  { "store-empty", LOADER_STORE, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "patient-empty", LOADER_PATIENT, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "program-file-empty", LOADER_PROGRAM_FILE, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "log-empty", LOADER_LOG, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "template-empty", LOADER_TEMPLATE, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "library-empty", LOADER_LIBRARY, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "motion-empty", LOADER_MOTION, INPUT_LITERAL, NULL, "", "the file is empty" },
  { "video-empty", LOADER_VIDEO_NAME, INPUT_LITERAL, NULL, "", "not a video in the clinic folder" },

  /* Binary junk */
  { "store-junk", LOADER_STORE, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "patient-junk", LOADER_PATIENT, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "program-file-junk", LOADER_PROGRAM_FILE, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "log-junk", LOADER_LOG, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "template-junk", LOADER_TEMPLATE, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "library-junk", LOADER_LIBRARY, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "motion-junk", LOADER_MOTION, INPUT_JUNK, NULL, NULL, "not valid UTF-8" },
  { "text-not-json", LOADER_PATIENT, INPUT_LITERAL, NULL, "Patients: Ann", "not valid JSON" },

  /* Nested 100,000 levels */
  { "store-nested", LOADER_STORE, INPUT_NESTED_ARRAYS, NULL, NULL, "nested more than" },
  { "patient-nested-arrays", LOADER_PATIENT, INPUT_NESTED_ARRAYS, NULL, NULL, "nested more than" },
  { "patient-nested-objects", LOADER_PATIENT, INPUT_NESTED_OBJECTS, NULL, NULL, "nested more than" },
  { "program-file-nested", LOADER_PROGRAM_FILE, INPUT_NESTED_OBJECTS, NULL, NULL, "nested more than" },
  { "log-nested", LOADER_LOG, INPUT_NESTED_ARRAYS, NULL, NULL, "nested more than" },
  { "template-nested", LOADER_TEMPLATE, INPUT_NESTED_OBJECTS, NULL, NULL, "nested more than" },
  { "library-nested", LOADER_LIBRARY, INPUT_NESTED_ARRAYS, NULL, NULL, "nested more than" },
  { "motion-nested-arrays", LOADER_MOTION, INPUT_NESTED_ARRAYS, NULL, NULL, "nested more than" },
  { "motion-nested-objects", LOADER_MOTION, INPUT_NESTED_OBJECTS, NULL, NULL, "nested more than" },

  /* A 100 MB string */
  { "store-huge", LOADER_STORE, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },
  { "patient-huge", LOADER_PATIENT, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },
  { "program-file-huge", LOADER_PROGRAM_FILE, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },
  { "log-huge", LOADER_LOG, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },
  { "template-huge", LOADER_TEMPLATE, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },
  { "library-huge", LOADER_LIBRARY, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },
  { "motion-huge", LOADER_MOTION, INPUT_HUGE_STRING, NULL, NULL, "a text larger than 4 MB" },

  /* Wrong types, one for each kind of member */
  { "type-text", LOADER_PATIENT, INPUT_MUTATED, "name", "42", "name: expected text, got a whole number" },
  { "type-number", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/sets", "\"3\"", "sets: expected" },
  { "type-bool", LOADER_PATIENT, INPUT_MUTATED, "archived", "\"yes\"", "archived: expected true or false" },
  { "type-array", LOADER_PATIENT, INPUT_MUTATED, "programs", "{}", "programs: expected a list, got an object" },
  { "type-object", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/load", "[]", "load: expected an object" },
  { "type-date", LOADER_PATIENT, INPUT_MUTATED, "created", "true", "created: expected" },
  { "type-null", LOADER_PATIENT, INPUT_MUTATED, "id", "null", "id: expected text, got null" },
  { "type-top-array", LOADER_PATIENT, INPUT_LITERAL, NULL, "[1, 2]", "expected a JSON object at the top, got an array" },
  { "type-store", LOADER_STORE, INPUT_MUTATED, "archived", "1", "archived: expected true or false" },
  { "type-program-file", LOADER_PROGRAM_FILE, INPUT_MUTATED, "patient", "\"Ann\"", "patient: expected an object" },
  { "type-log", LOADER_LOG, INPUT_MUTATED, "sessions", "\"none\"", "sessions: expected a list, got a string" },
  { "type-template", LOADER_TEMPLATE, INPUT_MUTATED, "exercises", "{}", "exercises: expected a list, got an object" },
  { "type-exercise", LOADER_LIBRARY, INPUT_MUTATED, "steps", "\"Lie down.\"", "steps: expected" },
  { "type-motion", LOADER_MOTION, INPUT_MUTATED, "keyframes", "{}", "keyframes: expected" },

  /* Negative and huge numbers */
  { "sets-negative", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/sets", "-1", "sets: expected 1–10, got -1" },
  { "sets-1e308", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/sets", "1e308", "sets: expected" },
  { "sets-2^64", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/sets", "18446744073709551616", "programs: a whole number of more than 18 digits" },
  { "hold-negative", LOADER_TEMPLATE, INPUT_MUTATED, "exercises/0/hold_seconds", "-1", "hold_seconds: expected 0–600" },
  { "pain-huge", LOADER_LOG, INPUT_MUTATED, "sessions/0/exercises/0/pain", "1e308", "pain: expected" },
  { "weight-negative", LOADER_PROGRAM_FILE, INPUT_MUTATED, "program/exercises/0/load", "{\"kind\": \"ankle-weight\", \"amount\": -1, \"unit\": \"kg\"}", "amount" },
  { "version-2^64", LOADER_PATIENT, INPUT_MUTATED, "schema_version", "18446744073709551616", "schema_version: a whole number of more than 18 digits" },
  { "exercise-sets-negative", LOADER_LIBRARY, INPUT_MUTATED, "dosage/sets", "-1", "sets: expected 1–10" },
  { "motion-duration-huge", LOADER_MOTION, INPUT_MUTATED, "keyframes/0/duration", "1e308", "duration" },

  /* NaN and Infinity: not JSON */
  { "nan", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/sets", "NaN", "not valid JSON" },
  { "infinity", LOADER_LOG, INPUT_MUTATED, "sessions/0/exercises/0/pain", "Infinity", "not valid JSON" },
  { "motion-nan", LOADER_MOTION, INPUT_MUTATED, "keyframes/0/duration", "NaN", "not valid JSON" },
  { "weight-nan", LOADER_TEMPLATE, INPUT_MUTATED, "exercises/0/load", "{\"kind\": \"ankle-weight\", \"amount\": -Infinity, \"unit\": \"kg\"}", "not valid JSON" },

  /* Duplicate ids */
  { "duplicate-patient", LOADER_STORE, INPUT_DUPLICATE, NULL, NULL, "same patient id" },
  { "duplicate-session", LOADER_PATIENT, INPUT_MUTATED, "sessions/1/id", "\"session-1\"", "session-1" },
  { "duplicate-log-session", LOADER_LOG, INPUT_MUTATED, "sessions/1/id", "\"session-1\"", "session-1" },
  { "duplicate-prescription", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/1/id", "\"3756cec2-c18d-443f-9b99-7bd51d4b33db\"", "is used twice in this program" },

  /* References */
  { "unknown-exercise", LOADER_PROGRAM_CHECK, INPUT_MUTATED, "program/exercises/0/exercise", "\"no-such-exercise\"", "exercise “no-such-exercise” is not in the library" },
  { "progression-cycle", LOADER_LIBRARY, INPUT_MUTATED, "progressions", "[\"posterior-pelvic-tilt\"]", "cycle" },
  { "progression-self", LOADER_LIBRARY, INPUT_MUTATED, "progressions", "[\"bridge\"]", "another exercise" },
  { "progression-unknown", LOADER_LIBRARY, INPUT_MUTATED, "regressions", "[\"no-such-exercise\"]", "another exercise" },

  /* Paths where a video's name belongs */
  { "video-traversal", LOADER_VIDEO_NAME, INPUT_LITERAL, NULL, "../../etc/passwd", "not a video in the clinic folder" },
  { "video-absolute", LOADER_VIDEO_NAME, INPUT_LITERAL, NULL, "/etc/passwd", "not a video in the clinic folder" },
  { "prescription-video", LOADER_PATIENT, INPUT_MUTATED, "programs/0/exercises/0/video", "\"../../etc/passwd\"", "video" },
  { "store-prescription-video", LOADER_STORE, INPUT_MUTATED, "programs/0/exercises/0/video", "\"../../etc/passwd\"", "video" },
  { "template-video", LOADER_TEMPLATE, INPUT_MUTATED, "exercises/0/video", "\"../../etc/passwd\"", "video" },

  /* Links in the store folder */
  { "link-document", LOADER_STORE, INPUT_LINK_DOCUMENT, NULL, NULL, "link" },
  { "link-passwd", LOADER_STORE, INPUT_LINK_PASSWD, NULL, NULL, "link" },

  /* Invalid UTF-8 in names */
  { "name-utf8", LOADER_PATIENT, INPUT_MUTATED, "name", "\"Ren\xe9 \xff\"", "not valid UTF-8" },
  { "store-name-utf8", LOADER_STORE, INPUT_MUTATED, "name", "\"Ren\xe9\"", "not valid UTF-8" },
  { "program-name-utf8", LOADER_PROGRAM_FILE, INPUT_MUTATED, "program/name", "\"Hip \xc3\"", "not valid UTF-8" },
  { "log-name-utf8", LOADER_LOG, INPUT_MUTATED, "patient/name", "\"\xed\xa0\x80\"", "not valid UTF-8" },
  { "template-name-utf8", LOADER_TEMPLATE, INPUT_MUTATED, "name", "\"\xc0\xaf\"", "not valid UTF-8" },
  { "exercise-name-utf8", LOADER_LIBRARY, INPUT_MUTATED, "name", "\"Bridge\x80\"", "not valid UTF-8" },
};

/* ---- Valid documents, to spoil one member of ---- */

static GBytes *
read_source (const char *first,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  char *contents;
  gsize length;
  va_list args;

  va_start (args, first);
  relative = g_build_filename_valist (first, &args);
  va_end (args);
  path = g_test_build_filename (G_TEST_DIST, "..", relative, NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The example patient, with two sessions logged. */
static LimberPatient *
example_patient (void)
{
  g_autoptr(GBytes) bytes = read_source ("data", "store", "example-patient.json", NULL);
  g_autoptr(GError) error = NULL;
  LimberPatient *patient = limber_patient_load (bytes, "example-patient.json", &error);
  LimberProgram *program;

  g_assert_no_error (error);
  program = limber_patient_get_active_program (patient);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) started = g_date_time_new_utc (2024, 3, 1 + i, 9, 0, 0);
      LimberSession *session = limber_session_new (program->id, started);
      LimberPrescription *prescription = g_ptr_array_index (program->prescriptions, 0);

      g_free (session->id);
      session->id = g_strdup_printf ("session-%u", i + 1);
      limber_session_log (session, prescription->id, prescription->exercise_id,
                          LIMBER_OUTCOME_DONE, 2);
      limber_patient_add_session (patient, session);
    }

  return patient;
}

static GBytes *
valid_document (Loader loader)
{
  g_autoptr(LimberPatient) patient = NULL;
  char *data;
  gsize length;

  switch (loader)
    {
    case LOADER_STORE:
    case LOADER_PATIENT:
      patient = example_patient ();
      data = limber_patient_to_data (patient, &length);
      return g_bytes_new_take (data, length);
    case LOADER_LOG:
      {
        g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 3, 10, 9, 0, 0);
        g_autoptr(LimberLogFile) log = NULL;

        patient = example_patient ();
        log = limber_log_file_new_for_patient (patient, now);
        data = limber_log_file_to_data (log, &length);
        return g_bytes_new_take (data, length);
      }
    case LOADER_PROGRAM_FILE:
    case LOADER_PROGRAM_CHECK:
      return read_source ("examples", "hip-pain-starter.limber", NULL);
    case LOADER_TEMPLATE:
      return read_source ("data", "templates", "hip-pain.json", NULL);
    case LOADER_LIBRARY:
      return read_source ("data", "exercises", "bridge.json", NULL);
    case LOADER_MOTION:
      return read_source ("data", "motions", "bridge.json", NULL);
    case LOADER_VIDEO_NAME:
    default:
      g_assert_not_reached ();
    }
}

/* @bytes with the member at @member set to the raw JSON @text, or removed if NULL. */
static GBytes *
mutate (GBytes     *bytes,
        const char *member,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_auto(GStrv) parts = g_strsplit (member, "/", -1);
  g_autoptr(GString) out = NULL;
  guint n = g_strv_length (parts);
  JsonNode *node;
  char *data;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  node = json_parser_get_root (parser);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  if (text == NULL)
    json_object_remove_member (json_node_get_object (node), parts[n - 1]);
  else
    json_object_set_string_member (json_node_get_object (node), parts[n - 1], "@@HOSTILE@@");

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, NULL);
  out = g_string_new (data);
  g_free (data);
  if (text != NULL)
    g_assert_cmpuint (g_string_replace (out, PLACEHOLDER, text, 1), ==, 1);

  data = g_strndup (out->str, out->len);
  return g_bytes_new_take (data, out->len);
}

/* ---- Hostile bytes ---- */

static GBytes *
junk (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 *data = g_malloc (4096);

  for (guint i = 0; i < 4096; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  data[0] = '{';
  data[100] = '\0';

  return g_bytes_new_take (data, 4096);
}

static GBytes *
nested (gboolean objects)
{
  GString *text = g_string_new ("{\"schema_version\": 1, \"id\": ");

  for (guint i = 0; i < DEEP; i++)
    g_string_append (text, objects ? "{\"a\": " : "[");
  g_string_append (text, "1");
  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (text, objects ? '}' : ']');
  g_string_append_c (text, '}');

  return g_string_free_to_bytes (text);
}

static GBytes *
huge_string (void)
{
  static const char start[] = "{\"schema_version\": 1, \"name\": \"";
  static const char end[] = "\"}";
  gsize size = strlen (start) + HUGE_SIZE + strlen (end);
  char *data = g_malloc (size);

  memcpy (data, start, strlen (start));
  memset (data + strlen (start), 'a', HUGE_SIZE);
  memcpy (data + strlen (start) + HUGE_SIZE, end, strlen (end));

  return g_bytes_new_take (data, size);
}

static GBytes *
row_bytes (const Row *row)
{
  static GBytes *huge = NULL;

  switch (row->input)
    {
    case INPUT_LITERAL:
      return g_bytes_new_static (row->text, strlen (row->text));
    case INPUT_JUNK:
      return junk ();
    case INPUT_NESTED_ARRAYS:
      return nested (FALSE);
    case INPUT_NESTED_OBJECTS:
      return nested (TRUE);
    case INPUT_HUGE_STRING:
      /* Made once: kept for the rows after. */
      if (huge == NULL)
        huge = huge_string ();
      return g_bytes_ref (huge);
    case INPUT_MUTATED:
      {
        g_autoptr(GBytes) valid = valid_document (row->loader);

        return mutate (valid, row->member, row->text);
      }
    case INPUT_DUPLICATE:
    case INPUT_LINK_DOCUMENT:
    case INPUT_LINK_PASSWD:
      return valid_document (LOADER_PATIENT);
    default:
      g_assert_not_reached ();
    }
}

/* ---- What is on disk ---- */

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Every name, type, size, time and content below @path, as one checksum; links not followed. */
static void
add_tree (GChecksum  *checksum,
          const char *path)
{
  g_autofree char *line = NULL;
  GStatBuf buf;

  g_assert_cmpint (g_lstat (path, &buf), ==, 0);
  line = g_strdup_printf ("%s %o %" G_GINT64_FORMAT " %ld.%ld\n", path, buf.st_mode,
                          (gint64) buf.st_size, (long) buf.st_mtim.tv_sec,
                          (long) buf.st_mtim.tv_nsec);
  g_checksum_update (checksum, (const guchar *) line, -1);

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

          add_tree (checksum, child);
        }
    }
  else if (S_ISREG (buf.st_mode))
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_checksum_update (checksum, (const guchar *) contents, length);
    }
}

static char *
hash_tree (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  add_tree (checksum, path);
  add_tree (checksum, "/etc/passwd");
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- The loaders ---- */

typedef struct
{
  char          *base;     /* the test's temporary folder */
  char          *store;    /* base/store, with one valid patient */
  char          *library;  /* base/library, a copy of the shipped exercises */
  char          *outside;  /* base/outside, documents the store's links lead to */
  LimberLibrary *shipped;
} Fixture;

static void
copy_library (const char *to)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "..", "data", "exercises", NULL);
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *source = g_build_filename (from, name, NULL);
        g_autofree char *target = g_build_filename (to, name, NULL);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
        g_assert_true (g_file_set_contents (target, contents, length, NULL));
      }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->base = g_dir_make_tmp ("limber-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = g_build_filename (fixture->base, "store", NULL);
  fixture->library = g_build_filename (fixture->base, "library", NULL);
  fixture->outside = g_build_filename (fixture->base, "outside", NULL);
  g_assert_cmpint (g_mkdir (fixture->store, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->outside, 0700), ==, 0);
  copy_library (fixture->library);
  fixture->shipped = load_library ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->base);
  g_free (fixture->base);
  g_free (fixture->store);
  g_free (fixture->library);
  g_free (fixture->outside);
  g_object_unref (fixture->shipped);
}

/* The store's folder holds a valid patient and the hostile file; loading lists the file as
 * unreadable, and neither loading nor saving the other patient touches it. */
static void
run_store (Fixture    *fixture,
           const Row  *row,
           GBytes     *bytes,
           GError    **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->store);
  g_autoptr(LimberStore) store = limber_store_new (folder, NULL);
  g_autoptr(LimberPatient) patient = limber_patient_new ("Valid Patient");
  g_autoptr(LimberPatient) opened = NULL;
  g_autofree char *path = g_build_filename (fixture->store, FILE_NAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;
  GListModel *unreadable;
  LimberStoreItem *item;

  g_assert_true (limber_store_load (store, &local_error));
  g_assert_no_error (local_error);
  if (row->input == INPUT_DUPLICATE)
    {
      g_autoptr(LimberPatient) twin = limber_patient_load (bytes, FILE_NAME, &local_error);

      g_assert_no_error (local_error);
      g_free (patient->id);
      patient->id = g_strdup (twin->id);
    }
  g_assert_true (limber_store_save (store, patient, &local_error));
  g_assert_no_error (local_error);

  if (row->input == INPUT_LINK_DOCUMENT || row->input == INPUT_LINK_PASSWD)
    {
      g_autofree char *target = g_build_filename (fixture->outside, "other.json", NULL);

      write_bytes (target, bytes);
      g_assert_cmpint (symlink (row->input == INPUT_LINK_PASSWD ? "/etc/passwd" : target, path),
                       ==, 0);
    }
  else
    write_bytes (path, bytes);

  before = hash_tree (path);
  g_assert_true (limber_store_load (store, &local_error));
  g_assert_no_error (local_error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* The valid patient saves, beside the file that cannot be read. */
  item = limber_store_lookup (store, patient->id);
  g_assert_nonnull (item);
  g_assert_cmpstr (limber_store_item_get_file (item), !=, FILE_NAME);
  opened = limber_store_open (store, item, &local_error);
  g_assert_no_error (local_error);
  g_assert_true (limber_patient_set_text (opened, &opened->notes, "Saved again.", &local_error));
  g_assert_true (limber_store_save (store, opened, &local_error));
  g_assert_no_error (local_error);
  g_assert_true (limber_store_load (store, &local_error));
  g_assert_no_error (local_error);
  after = hash_tree (path);
  g_assert_cmpstr (before, ==, after);

  unreadable = limber_store_get_unreadable (store);
  for (guint i = 0; i < g_list_model_get_n_items (unreadable); i++)
    {
      g_autoptr(LimberStoreItem) bad = g_list_model_get_item (unreadable, i);

      if (g_str_equal (limber_store_item_get_file (bad), FILE_NAME))
        {
          g_set_error (error, LIMBER_STORE_ERROR, LIMBER_STORE_ERROR_READ, "%s: %s",
                       FILE_NAME, limber_store_item_get_problem (bad));
          return;
        }
    }
}

static void
run_library (Fixture    *fixture,
             const Row  *row,
             GBytes     *bytes,
             GError    **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->library);
  g_autoptr(LimberLibrary) library = limber_library_new ();

  g_assert_false (limber_library_load_directory (library, folder, error));
}

static void
run_video (Fixture    *fixture,
           const Row  *row,
           GError    **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->store);
  g_autoptr(GFile) resolved = NULL;
  g_autoptr(GError) resolve_error = NULL;

  g_assert_false (limber_video_check_name (row->text, FILE_NAME, error));
  resolved = limber_video_resolve (folder, row->text, &resolve_error);
  g_assert_null (resolved);
  g_assert_error (resolve_error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME);
}

static void
run_row (Fixture    *fixture,
         const Row  *row,
         GBytes     *bytes,
         GError    **error)
{
  switch (row->loader)
    {
    case LOADER_STORE:
      run_store (fixture, row, bytes, error);
      break;
    case LOADER_PATIENT:
      {
        g_autoptr(LimberPatient) patient = limber_patient_load (bytes, FILE_NAME, error);
        g_assert_true (patient == NULL);
      }
      break;
    case LOADER_PROGRAM_FILE:
      {
        g_autoptr(LimberProgramFile) file = limber_program_file_load (bytes, FILE_NAME, error);
        g_assert_true (file == NULL);
      }
      break;
    case LOADER_PROGRAM_CHECK:
      {
        g_autoptr(LimberProgramFile) file = limber_program_file_load (bytes, FILE_NAME, error);

        g_assert_nonnull (file);
        g_assert_false (limber_program_check_exercises (file->program, fixture->shipped,
                                                        FILE_NAME, error));
      }
      break;
    case LOADER_LOG:
      {
        g_autoptr(LimberLogFile) log = limber_log_file_load (bytes, FILE_NAME, error);
        g_assert_true (log == NULL);
      }
      break;
    case LOADER_TEMPLATE:
      {
        g_autoptr(LimberProgram) template = limber_template_load (bytes, FILE_NAME, error);
        g_assert_true (template == NULL);
      }
      break;
    case LOADER_LIBRARY:
      run_library (fixture, row, bytes, error);
      break;
    case LOADER_MOTION:
      {
        g_autoptr(LimberMotion) motion = limber_motion_new_from_bytes (bytes, FILE_NAME, error);
        g_assert_true (motion == NULL);
      }
      break;
    case LOADER_VIDEO_NAME:
      run_video (fixture, row, error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_hostile_row (Fixture       *fixture,
                  gconstpointer  data)
{
  const Row *row = data;
  g_autoptr(GBytes) bytes = row->loader == LOADER_VIDEO_NAME ? NULL : row_bytes (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 start, elapsed;

  /* A spoilt exercise replaces its own file; other hostile bytes come as a new file. */
  if (row->loader == LOADER_LIBRARY)
    {
      g_autofree char *path = g_build_filename (fixture->library, row->input == INPUT_MUTATED ?
                                                "bridge.json" : FILE_NAME, NULL);

      write_bytes (path, bytes);
    }

  /* The store's rows check their own file: the valid patient beside it is written. */
  if (row->loader != LOADER_STORE)
    before = hash_tree (fixture->base);

  start = g_get_monotonic_time ();
  run_row (fixture, row, bytes, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_nonnull (error);
  g_test_message ("%s (%.2f s): %s", row->name, elapsed / (double) G_USEC_PER_SEC,
                  error->message);
  g_assert_cmpint (elapsed, <, MAX_SECONDS * G_USEC_PER_SEC);
  if (strstr (error->message, row->expected) == NULL)
    g_error ("%s: expected “%s” in: %s", row->name, row->expected, error->message);
  if (row->loader != LOADER_VIDEO_NAME)
    g_assert_nonnull (strstr (error->message, row->loader == LOADER_LIBRARY &&
                                              row->input == INPUT_MUTATED ? "bridge.json"
                                                                         : FILE_NAME));
  else
    g_assert_nonnull (strstr (error->message, FILE_NAME));

  if (row->loader != LOADER_STORE)
    {
      after = hash_tree (fixture->base);
      g_assert_cmpstr (before, ==, after);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/limber/hostile/%s", rows[i].name);

      g_test_add (path, Fixture, &rows[i], fixture_setup, test_hostile_row, fixture_teardown);
    }

  return g_test_run ();
}
