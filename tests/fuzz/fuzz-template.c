/* fuzz-template.c: a program template, saved and loaded again. */

#include "config.h"

#include "fuzz-common.h"
#include "limber-patient.h"

static gpointer
load (GBytes      *bytes,
      const char  *file,
      GError     **error)
{
  return limber_template_load (bytes, file, error);
}

static char *
save (gpointer  template,
      gsize    *length)
{
  return limber_template_to_data (template, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberProgram) template = NULL;
  g_autoptr(GError) error = NULL;

  template = limber_template_load (bytes, FUZZ_FILE, &error);
  fuzz_check_result (template, error, FUZZ_FILE);
  if (template != NULL)
    fuzz_check_round_trip (template, load, save, (GDestroyNotify) limber_program_free);
  return 0;
}
