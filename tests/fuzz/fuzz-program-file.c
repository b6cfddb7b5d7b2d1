/* fuzz-program-file.c: a `.limber` program file, saved and loaded again. */

#include "config.h"

#include "fuzz-common.h"
#include "limber-program-file.h"

static gpointer
load (GBytes      *bytes,
      const char  *file,
      GError     **error)
{
  return limber_program_file_load (bytes, file, error);
}

static char *
save (gpointer  program_file,
      gsize    *length)
{
  return limber_program_file_to_data (program_file, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberProgramFile) program_file = NULL;
  g_autoptr(GError) error = NULL;

  program_file = limber_program_file_load (bytes, FUZZ_FILE, &error);
  fuzz_check_result (program_file, error, FUZZ_FILE);
  if (program_file != NULL)
    fuzz_check_round_trip (program_file, load, save, (GDestroyNotify) limber_program_file_free);
  return 0;
}
