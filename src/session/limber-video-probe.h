/* limber-video-probe.h: whether GStreamer can play a file, and attaching one to the store only
 * when it can. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean limber_video_probe         (GFile                *file,
                                     GError              **error);
char    *limber_video_attach        (GFile                *store_folder,
                                     GFile                *source,
                                     GCancellable         *cancellable,
                                     GError              **error);
void     limber_video_attach_async  (GFile                *store_folder,
                                     GFile                *source,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
char    *limber_video_attach_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
