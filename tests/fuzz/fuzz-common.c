/* fuzz-common.c: the checks every fuzz target makes of a loader's answer. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "limber-json.h"
#include "limber-video.h"

/* GLib's own fatal messages stop on a breakpoint (SIGTRAP), which libFuzzer does not catch:
 * abort instead, so that the input is kept. */
static gboolean
is_fatal (GLogLevelFlags level)
{
  return (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0;
}

static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (is_fatal (level))
    abort ();
}

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, user_data);

  if (is_fatal (level))
    abort ();
  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (log_handler, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  return 0;
}

/* Exactly one of a result and an error, and the error says which file and why, in UTF-8. */
void
fuzz_check_result (gconstpointer  result,
                   const GError  *error,
                   const char    *file)
{
  if (result != NULL && error != NULL)
    g_error ("a result and an error: %s", error->message);
  if (result == NULL && error == NULL)
    g_error ("no result and no error");
  /* A prescription's video is checked by limber-video.c, in its own domain. */
  if (error != NULL && error->domain != LIMBER_DATA_ERROR &&
      !g_error_matches (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME))
    g_error ("an error outside LIMBER_DATA_ERROR: %s", error->message);
  if (error != NULL && !g_str_has_prefix (error->message, file))
    g_error ("an error that does not name the file: %s", error->message);
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    g_error ("an error that is not UTF-8, for a label to show: %s", error->message);
}

/* What a loader accepted, saved, must load again and save to the same bytes: a writer and a
 * reader that disagree would lose a patient's data on the next save. */
void
fuzz_check_round_trip (gpointer       loaded,
                       FuzzLoadFunc   load,
                       FuzzSaveFunc   save,
                       GDestroyNotify free_func)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *again_data = NULL;
  gsize length, again_length;
  char *data = save (loaded, &length);
  gpointer again;

  bytes = g_bytes_new_take (data, length);
  again = load (bytes, FUZZ_FILE, &error);
  if (again == NULL)
    g_error ("saved, it does not load again: %s\n%.*s", error->message, (int) length, data);

  again_data = save (again, &again_length);
  free_func (again);
  if (again_length != length || memcmp (again_data, data, length) != 0)
    g_error ("saved twice, it differs:\n%.*s\n----\n%.*s",
             (int) length, data, (int) again_length, again_data);
}
