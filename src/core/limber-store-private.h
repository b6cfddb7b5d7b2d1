/* limber-store-private.h: the store's atomic write, opened to the other files of the store
 * folder (videos) that are too large to write from memory. */
#pragma once

#include "limber-store.h"

G_BEGIN_DECLS

/* Fills @fd, the temporary file that becomes @path; errors name @path. */
typedef gboolean (*LimberWriteFunc) (int          fd,
                                     const char  *path,
                                     gpointer     user_data,
                                     GError     **error);

gboolean limber_write_file_atomically_with (GFile            *folder,
                                            const char       *name,
                                            LimberWriteFunc   write_func,
                                            gpointer          user_data,
                                            GError          **error);

G_END_DECLS
