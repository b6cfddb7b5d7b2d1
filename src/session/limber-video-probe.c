/* limber-video-probe.c: asks GStreamer's discoverer whether a file is a video it can decode
 * here, before it is copied into the clinic folder, so a text file renamed .webm or a film
 * whose codec is not installed is refused when it is attached, not when a patient needs it. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "limber-video.h"
#include "limber-video-probe.h"

#define PROBE_TIMEOUT (15 * GST_SECOND)

static void
set_not_playable (GError     **error,
                  GFile       *file,
                  const char  *why)
{
  g_autofree char *name = limber_video_display_name (file);

  g_set_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NOT_VIDEO,
               _("“%s” is not a video Limber can play: %s"), name, why);
}

/* Blocks for as long as GStreamer takes to read the start of the file: call it from a thread. */
gboolean
limber_video_probe (GFile   *file,
                    GError **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  GList *streams;
  gboolean has_video;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!gst_init_check (NULL, NULL, &local_error))
    {
      set_not_playable (error, file, local_error->message);
      return FALSE;
    }

  if (!(discoverer = gst_discoverer_new (PROBE_TIMEOUT, &local_error)))
    {
      set_not_playable (error, file, local_error->message);
      return FALSE;
    }

  uri = g_file_get_uri (file);
  info = gst_discoverer_discover_uri (discoverer, uri, &local_error);

  switch (info != NULL ? gst_discoverer_info_get_result (info) : GST_DISCOVERER_ERROR)
    {
    case GST_DISCOVERER_OK:
      break;
    case GST_DISCOVERER_MISSING_PLUGINS:
      set_not_playable (error, file, _("the codec it needs is not installed"));
      return FALSE;
    case GST_DISCOVERER_TIMEOUT:
      set_not_playable (error, file, _("reading it took too long"));
      return FALSE;
    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_BUSY:
    case GST_DISCOVERER_ERROR:
    default:
      set_not_playable (error, file, local_error != NULL ? local_error->message
                                                         : _("GStreamer could not read it"));
      return FALSE;
    }

  streams = gst_discoverer_info_get_video_streams (info);
  has_video = streams != NULL && !gst_discoverer_video_info_is_image (streams->data);
  gst_discoverer_stream_info_list_free (streams);
  if (!has_video)
    {
      set_not_playable (error, file, _("it has no moving picture"));
      return FALSE;
    }

  return TRUE;
}

/* Probes, then copies: nothing reaches the clinic folder that cannot be played. */
char *
limber_video_attach (GFile         *store_folder,
                     GFile         *source,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *basename = g_file_get_basename (source);

  /* The cheap refusal first, with the list of formats. */
  if (basename == NULL || limber_video_get_extension (basename) == NULL)
    return limber_video_import (store_folder, source, cancellable, error);

  if (!limber_video_probe (source, error))
    return NULL;

  return limber_video_import (store_folder, source, cancellable, error);
}

typedef struct
{
  GFile *store_folder;
  GFile *source;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_object_unref (data->store_folder);
  g_object_unref (data->source);
  g_free (data);
}

static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AttachData *data = task_data;
  GError *error = NULL;
  char *name = limber_video_attach (data->store_folder, data->source, cancellable, &error);

  if (name == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, name, g_free);
}

/* A film of a few hundred megabytes takes seconds to read twice: the window stays usable. */
void
limber_video_attach_async (GFile               *store_folder,
                           GFile               *source,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AttachData *data;

  g_return_if_fail (G_IS_FILE (store_folder));
  g_return_if_fail (G_IS_FILE (source));

  data = g_new0 (AttachData, 1);
  data->store_folder = g_object_ref (store_folder);
  data->source = g_object_ref (source);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_video_attach_async);
  g_task_set_task_data (task, data, (GDestroyNotify) attach_data_free);
  g_task_run_in_thread (task, attach_thread);
}

char *
limber_video_attach_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
