/* fuzz-patient.c: a patient document of the store, saved and loaded again. */

#include "config.h"

#include "fuzz-common.h"
#include "limber-patient.h"

static gpointer
load (GBytes      *bytes,
      const char  *file,
      GError     **error)
{
  return limber_patient_load (bytes, file, error);
}

static char *
save (gpointer  patient,
      gsize    *length)
{
  return limber_patient_to_data (patient, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  patient = limber_patient_load (bytes, FUZZ_FILE, &error);
  fuzz_check_result (patient, error, FUZZ_FILE);
  if (patient != NULL)
    fuzz_check_round_trip (patient, load, save, (GDestroyNotify) limber_patient_unref);
  return 0;
}
