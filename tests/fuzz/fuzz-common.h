/* fuzz-common.h: what every fuzz target shares: a GLib critical or warning is a bug and aborts,
 * a loader answers with a result or an error naming the file, and what it loaded saves and
 * loads again the same. */

#pragma once

#include <glib.h>

#define FUZZ_FILE "fuzz-input"

typedef gpointer (*FuzzLoadFunc) (GBytes      *bytes,
                                  const char  *file,
                                  GError     **error);
typedef char *   (*FuzzSaveFunc) (gpointer     loaded,
                                  gsize       *length);

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const guint8   *data,
                             size_t          size);

void fuzz_check_result      (gconstpointer   result,
                             const GError   *error,
                             const char     *file);
void fuzz_check_round_trip  (gpointer        loaded,
                             FuzzLoadFunc    load,
                             FuzzSaveFunc    save,
                             GDestroyNotify  free_func);
