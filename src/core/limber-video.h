/* limber-video.h: the clinic's own demonstration videos, copied into the store folder's
 * videos/ under the SHA-256 of their content, and which exercise each one belongs to. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_VIDEO_ERROR (limber_video_error_quark ())

typedef enum
{
  LIMBER_VIDEO_ERROR_NAME,       /* a reference that is not a video in the store */
  LIMBER_VIDEO_ERROR_MISSING,    /* a well-formed reference whose file is not there */
  LIMBER_VIDEO_ERROR_NOT_VIDEO,  /* a file Limber does not accept as a video */
  LIMBER_VIDEO_ERROR_TOO_LARGE,
  LIMBER_VIDEO_ERROR_READ,
  LIMBER_VIDEO_ERROR_WRITE,
  LIMBER_VIDEO_ERROR_MAP,        /* videos/exercise-videos.json cannot be read or understood */
} LimberVideoError;

#define LIMBER_VIDEOS_FOLDER "videos"
#define LIMBER_VIDEO_MAP_FILE "exercise-videos.json"
#define LIMBER_VIDEO_MAX_SIZE (G_GUINT64_CONSTANT (1) << 30)

GQuark      limber_video_error_quark        (void);

gboolean    limber_video_name_is_valid      (const char    *name);
gboolean    limber_video_check_name         (const char    *name,
                                             const char    *where,
                                             GError       **error);
const char *limber_video_get_extension      (const char    *file_name);
const char * const *
            limber_video_get_extensions     (void);

GFile      *limber_video_get_folder         (GFile         *store_folder);
char       *limber_video_import             (GFile         *store_folder,
                                             GFile         *source,
                                             GCancellable  *cancellable,
                                             GError       **error);
GFile      *limber_video_resolve            (GFile         *store_folder,
                                             const char    *name,
                                             GError       **error);

GHashTable *limber_video_map_load           (GFile         *store_folder,
                                             GError       **error);
gboolean    limber_video_map_save           (GFile         *store_folder,
                                             GHashTable    *map,
                                             GError       **error);
char       *limber_video_dup_exercise_video (GFile         *store_folder,
                                             const char    *exercise_id,
                                             GError       **error);
gboolean    limber_video_set_exercise_video (GFile         *store_folder,
                                             const char    *exercise_id,
                                             const char    *name,
                                             GError       **error);
char       *limber_video_choose             (GFile         *store_folder,
                                             const char    *prescription_video,
                                             const char    *exercise_id,
                                             GError       **error);

char        *limber_video_display_name (GFile *file);

G_END_DECLS
