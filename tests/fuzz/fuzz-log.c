/* fuzz-log.c: a `.limberlog` file a patient exported, saved and loaded again. */

#include "config.h"

#include "fuzz-common.h"
#include "limber-session-log.h"

static gpointer
load (GBytes      *bytes,
      const char  *file,
      GError     **error)
{
  return limber_log_file_load (bytes, file, error);
}

static char *
save (gpointer  log,
      gsize    *length)
{
  return limber_log_file_to_data (log, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberLogFile) log = NULL;
  g_autoptr(GError) error = NULL;

  log = limber_log_file_load (bytes, FUZZ_FILE, &error);
  fuzz_check_result (log, error, FUZZ_FILE);
  if (log != NULL)
    fuzz_check_round_trip (log, load, save, (GDestroyNotify) limber_log_file_free);
  return 0;
}
