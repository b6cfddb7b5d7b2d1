/* test-video.c: the clinic's videos: copied into the store under their SHA-256, refused when
 * GStreamer cannot play them, references that cannot leave videos/, the exercise-videos map,
 * a prescription's video, and the view that plays one or falls back to the figure. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "limber-exercise-page.h"
#include "limber-player.h"
#include "limber-prescription.h"
#include "limber-prescription-dialog.h"
#include "limber-video.h"
#include "limber-video-probe.h"
#include "limber-video-view.h"
#include "ui-test-util.h"

#define PASSWD "../../etc/passwd"
#define OTHER_MP4 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.mp4"

static char *webm_path;   /* made once, at start */
static LimberLibrary *library;

typedef struct
{
  char  *base;
  GFile *store;     /* base/store, as a clinic folder */
  char  *videos;    /* base/store/videos */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store = NULL;

  f->base = g_dir_make_tmp ("limber-video-XXXXXX", &error);
  g_assert_no_error (error);
  store = g_build_filename (f->base, "store", NULL);
  g_assert_cmpint (g_mkdir (store, 0700), ==, 0);
  f->store = g_file_new_for_path (store);
  f->videos = g_build_filename (store, "videos", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->base);
  g_free (f->base);
  g_free (f->videos);
  g_object_unref (f->store);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->base, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* 30 frames of GStreamer's test pattern, made with the encoder the clinic's films are played
 * with: vp8 in WebM. */
static char *
make_webm (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "bridge demo.webm", NULL);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  description = g_strdup_printf ("videotestsrc num-buffers=30 ! video/x-raw,width=160,height=120,"
                                 "framerate=15/1 ! vp8enc ! webmmux ! filesink location=\"%s\"",
                                 path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return g_steal_pointer (&path);
}

static char *
attach_webm (Fixture *f)
{
  g_autoptr(GFile) source = g_file_new_for_path (webm_path);
  g_autoptr(GError) error = NULL;
  char *name = limber_video_attach (f->store, source, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (name);
  return name;
}

/* ---- Names ---- */

static void
test_names (void)
{
  static const char * const refused[] = {
    PASSWD, "/etc/passwd", "", "x.webm", "videos/" "0123456789abcdef0123456789abcdef"
    "0123456789abcdef0123456789abcdef.webm",
    "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef.webm",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.WEBM",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.txt",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.webm/",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde.webm",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0.webm",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef..webm",
    NULL
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_video_name_is_valid (
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.webm"));
  g_assert_true (limber_video_name_is_valid (
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.mov"));
  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_false (limber_video_name_is_valid (refused[i]));
    }

  g_assert_false (limber_video_check_name (PASSWD, "ann.json: video", &error));
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME);
  g_assert_true (g_str_has_prefix (error->message,
                                   "ann.json: video: not a video in the clinic folder"));

  g_assert_cmpstr (limber_video_get_extension ("Bridge.MP4"), ==, "mp4");
  g_assert_null (limber_video_get_extension ("notes.txt"));
  g_assert_null (limber_video_get_extension ("webm"));
}

/* ---- Copying in ---- */

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *name = attach_webm (f);
  g_autofree char *again = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hash = NULL;
  gsize original_length, copy_length;
  GStatBuf buf, first;

  g_assert_true (g_file_get_contents (webm_path, &original, &original_length, NULL));
  copy_path = g_build_filename (f->videos, name, NULL);
  g_assert_cmpint (g_stat (copy_path, &first), ==, 0);

  /* Attached again: found by its content, not copied a second time. */
  again = attach_webm (f);
  g_assert_cmpint (g_stat (copy_path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_ino, ==, first.st_ino);

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) original, original_length);
  expected = g_strdup_printf ("%s.webm", hash);
  g_assert_cmpstr (name, ==, expected);
  g_assert_cmpstr (again, ==, name);

  /* Stored once, byte for byte, privately, and no temporary file left. */
  g_assert_cmpuint (count_files (f->videos), ==, 1);
  g_assert_true (g_file_get_contents (copy_path, &copy, &copy_length, NULL));
  g_assert_cmpmem (copy, copy_length, original, original_length);
  g_assert_cmpint (g_stat (f->videos, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (copy_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);
}

static void
assert_refused (Fixture    *f,
                const char *path,
                const char *message_start)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = limber_video_attach (f->store, source, NULL, &error);

  g_assert_null (name);
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NOT_VIDEO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, message_start));
  g_assert_cmpuint (count_files (f->videos), ==, 0);
}

static void
test_not_video (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *notes = write_file (f, "notes.txt", "Bridge: 3 × 10, hold 5 s.\n");
  g_autofree char *fake = write_file (f, "fake.webm", "Bridge: 3 × 10, hold 5 s.\n");

  assert_refused (f, notes, "“notes.txt” is not a video Limber can play: its name must end in");
  /* Named like a video, but GStreamer finds none in it. */
  assert_refused (f, fake, "“fake.webm” is not a video Limber can play: ");
  g_assert_false (g_file_test (f->videos, G_FILE_TEST_EXISTS));
}

/* ---- References ---- */

static void
test_resolve (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *name = attach_webm (f);
  static const char missing[] =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.webm";
  g_autofree char *link = g_build_filename (f->videos, missing, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  file = limber_video_resolve (f->store, name, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->videos, name, NULL);
  expected = g_file_new_for_path (path);
  g_assert_true (g_file_equal (file, expected));
  g_clear_object (&file);

  file = limber_video_resolve (f->store, missing, &error);
  g_assert_null (file);
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "The video “0123456789abcdef0123456789abcdef0123456789"
                   "abcdef0123456789abcdef.webm” is missing from the clinic folder");
  g_clear_error (&error);

  file = limber_video_resolve (f->store, PASSWD, &error);
  g_assert_null (file);
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME);
  g_clear_error (&error);

  /* A link named like a video is not followed, even to a real video. */
  g_assert_cmpint (symlink (webm_path, link), ==, 0);
  file = limber_video_resolve (f->store, missing, &error);
  g_assert_null (file);
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_READ);
  g_assert_true (strstr (error->message, "not a plain file") != NULL);
}

/* ---- The clinic's map ---- */

static char *
map_path (Fixture *f)
{
  return g_build_filename (f->videos, "exercise-videos.json", NULL);
}

static void
assert_map_refused (Fixture    *f,
                    const char *contents,
                    const char *message_part)
{
  g_autofree char *path = map_path (f);
  g_autofree char *after = NULL;
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = attach_webm (f);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  map = limber_video_map_load (f->store, &error);
  g_assert_null (map);
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MAP);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "videos/exercise-videos.json: "));
  g_assert_true (strstr (error->message, message_part) != NULL);
  g_clear_error (&error);

  /* A change is refused rather than written over what could not be read. */
  g_assert_false (limber_video_set_exercise_video (f->store, "bridge", name, &error));
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_MAP);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

static void
test_map (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *name = attach_webm (f);
  g_autofree char *found = NULL;
  g_autofree char *path = map_path (f);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(GError) error = NULL;

  /* No map yet: no videos, no error. */
  found = limber_video_dup_exercise_video (f->store, "bridge", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (limber_video_set_exercise_video (f->store, "bridge", name, &error));
  g_assert_no_error (error);
  g_assert_true (limber_video_set_exercise_video (f->store, "hip-hike", name, &error));
  found = limber_video_dup_exercise_video (f->store, "bridge", &error);
  g_assert_cmpstr (found, ==, name);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (strstr (text, "\"kind\" : \"exercise-videos\"") != NULL);

  /* What plays: the prescription's video, else the clinic's, else (NULL) the figure. */
  g_clear_pointer (&found, g_free);
  found = limber_video_choose (f->store, NULL, "bridge", &error);
  g_assert_cmpstr (found, ==, name);
  g_clear_pointer (&found, g_free);
  found = limber_video_choose (f->store, OTHER_MP4, "bridge", &error);
  g_assert_cmpstr (found, ==, OTHER_MP4);
  g_clear_pointer (&found, g_free);
  found = limber_video_choose (f->store, NULL, "bird-dog", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (limber_video_set_exercise_video (f->store, "bridge", NULL, &error));
  map = limber_video_map_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (map), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (map, "hip-hike"), ==, name);

  g_assert_false (limber_video_set_exercise_video (f->store, "bridge", PASSWD, &error));
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME);
}

static void
test_map_refused (Fixture       *f,
                  gconstpointer  data)
{
  assert_map_refused (f, "{\"schema_version\": 1, \"kind\": \"exercise-videos\", \"videos\": "
                      "{\"bridge\": \"" PASSWD "\"}}", "videos.bridge: not a video");
  assert_map_refused (f, "{\"schema_version\": 1, \"kind\": \"exercise-videos\", \"videos\": "
                      "{\"bridge\": 3}}", "videos.bridge");
  assert_map_refused (f, "{\"schema_version\": 1, \"kind\": \"exercise-videos\", \"videos\": {},"
                      " \"extra\": true}", "extra");
  assert_map_refused (f, "{\"schema_version\": 1, \"kind\": \"template\", \"videos\": {}}",
                      "kind");
  assert_map_refused (f, "{\"schema_version\": 1, \"kind\": \"exercise-videos\", \"videos\": "
                      "{\"../x\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
                      "abcdef.webm\"}}", "not an exercise id");
  assert_map_refused (f, "{\"schema_version\": 1,", "not valid JSON");
}

/* ---- A prescription's video ---- */

static LimberPrescription *
load_with_video (const char  *value,
                 GError     **error)
{
  static const LimberJsonPlace place = { "ann.json", "programs[0].exercises[3]" };
  LimberExercise *bridge = limber_library_lookup (library, "bridge");
  g_autoptr(LimberPrescription) p = limber_prescription_new_for_exercise (bridge);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  limber_prescription_save (p, builder);
  root = json_builder_get_root (builder);
  if (value != NULL)
    json_object_set_member (json_node_get_object (root), "video", json_from_string (value, NULL));

  return limber_prescription_load (json_node_get_object (root), &place, error);
}

static void
test_prescription (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const hostile[] = {
    "\"" PASSWD "\"", "\"/etc/passwd\"", "\"\"", "42", "null", "[\"x.webm\"]",
    "\"0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef.webm\"", NULL
  };
  g_autofree char *name = attach_webm (f);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", name);
  g_autoptr(LimberPrescription) none = NULL;
  g_autoptr(LimberPrescription) p = NULL;
  g_autoptr(LimberPrescription) copy = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  none = load_with_video (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none->video);

  p = load_with_video (quoted, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->video, ==, name);
  g_assert_false (limber_prescription_equal (p, none));

  copy = limber_prescription_copy (p);
  g_assert_true (limber_prescription_equal (p, copy));
  limber_prescription_save (copy, builder);
  root = json_builder_get_root (builder);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "video"), ==,
                   name);

  g_assert_true (limber_prescription_set_video (copy, NULL, &error));
  g_assert_true (limber_prescription_equal (copy, none) ||
                 g_strcmp0 (copy->id, none->id) != 0);
  g_assert_false (limber_prescription_set_video (copy, PASSWD, &error));
  g_assert_error (error, LIMBER_VIDEO_ERROR, LIMBER_VIDEO_ERROR_NAME);
  g_clear_error (&error);

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autoptr(LimberPrescription) refused = load_with_video (hostile[i], &error);

      g_test_message ("video = %s: %s", hostile[i], error != NULL ? error->message : "accepted");
      g_assert_null (refused);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message,
                                       "ann.json: programs[0].exercises[3].video"));
      g_clear_error (&error);
    }
}

/* ---- The view ---- */

static gboolean
has_frame (gpointer data)
{
  GtkMediaStream *stream = limber_video_view_get_media_stream (data);

  return stream != NULL && gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (stream)) > 0;
}

static gboolean
has_message (gpointer data)
{
  return limber_video_view_get_message (data) != NULL;
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  /* As on the exercise page: the figure's height follows its width, so it is measured in a
   * clamp (an unbounded width makes GTK complain about its height-for-width). */
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 600);
  gtk_window_set_child (GTK_WINDOW (window), clamp);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_view_plays (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *name = attach_webm (f);
  g_autoptr(GFile) file = limber_video_resolve (f->store, name, NULL);
  LimberVideoView *view = LIMBER_VIDEO_VIEW (limber_video_view_new ());
  GtkWidget *window = show_in_window (GTK_WIDGET (view));
  GtkMediaStream *stream;

  limber_video_view_show_motion (view, "bridge", 5);
  g_assert_false (limber_video_view_get_showing_video (view));

  limber_video_view_set_video (view, file);
  g_assert_true (limber_video_view_get_showing_video (view));
  stream = limber_video_view_get_media_stream (view);
  g_assert_nonnull (stream);
  g_assert_true (gtk_media_stream_get_muted (stream));
  g_assert_true (gtk_media_stream_get_loop (stream));

  /* GStreamer prepares the stream and knows the frame's size (160 × 120). */
  wait_for (has_frame, view);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (stream)), ==, 160);
  g_assert_null (gtk_media_stream_get_error (stream));
  g_assert_true (limber_video_view_get_showing_video (view));
  g_assert_null (limber_video_view_get_message (view));

  limber_video_view_set_video (view, NULL);
  g_assert_false (limber_video_view_get_showing_video (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_view_fallback (Fixture       *f,
                    gconstpointer  data)
{
  static const char broken[] =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.webm";
  g_autofree char *broken_path = NULL;
  g_autoptr(GFile) broken_file = NULL;
  LimberVideoView *view = LIMBER_VIDEO_VIEW (limber_video_view_new ());
  GtkWidget *window = show_in_window (GTK_WIDGET (view));
  g_autoptr(GError) error = NULL;

  limber_video_view_show_motion (view, "bridge", 5);

  /* A reference the store cannot resolve: the page says why, under the figure. */
  g_assert_null (limber_video_resolve (f->store, broken, &error));
  limber_video_view_show_problem (view, error->message);
  g_assert_false (limber_video_view_get_showing_video (view));
  g_assert_cmpstr (limber_video_view_get_message (view), ==,
                   "The clinic’s video could not be played: The video “" "0123456789abcdef"
                   "0123456789abcdef0123456789abcdef0123456789abcdef.webm” is missing from the "
                   "clinic folder. Showing the animation instead.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (limber_video_view_get_demonstration (view))));
  g_clear_error (&error);

  /* A file in the store that GStreamer fails on while playing: the stream's error. */
  g_assert_cmpint (g_mkdir (f->videos, 0700), ==, 0);
  broken_path = g_build_filename (f->videos, broken, NULL);
  g_file_set_contents (broken_path, "not a video at all", -1, &error);
  g_assert_no_error (error);
  broken_file = g_file_new_for_path (broken_path);

  limber_video_view_set_video (view, broken_file);
  wait_for (has_message, view);
  g_test_message ("%s", limber_video_view_get_message (view));
  g_assert_false (limber_video_view_get_showing_video (view));
  g_assert_true (g_str_has_prefix (limber_video_view_get_message (view),
                                   "The clinic’s video could not be played: "));
  g_assert_true (g_str_has_suffix (limber_video_view_get_message (view),
                                   ". Showing the animation instead."));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button for @action_name, if a person can see and press it. */
static gboolean
can_press (GtkWidget  *root,
           const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      return gtk_widget_is_sensitive (buttons->pdata[i]);

  return FALSE;
}

static gboolean
attached (gpointer data)
{
  return !limber_exercise_page_get_attaching (data);
}

static gboolean
page_has_frame (gpointer data)
{
  return has_frame (limber_exercise_page_get_video_view (data));
}

/* The therapist's way: attach on the exercise's page, see it play, remove it again. */
static void
test_exercise_page (Fixture       *f,
                    gconstpointer  data)
{
  LimberExercisePage *page = g_object_new (LIMBER_TYPE_EXERCISE_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  LimberVideoView *view = limber_exercise_page_get_video_view (page);
  g_autoptr(GFile) source = g_file_new_for_path (webm_path);
  g_autofree char *notes = write_file (f, "notes.txt", "Not a film.\n");
  g_autoptr(GFile) notes_file = g_file_new_for_path (notes);
  g_autofree char *name = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  limber_exercise_page_set_library (page, library);
  limber_exercise_page_set_exercise (page, limber_library_lookup (library, "bridge"));
  drain ();
  g_assert_false (can_press (window, "exercise.attach-video"));

  limber_exercise_page_set_store_folder (page, f->store);
  drain ();
  g_assert_false (limber_video_view_get_showing_video (view));
  g_assert_true (can_press (window, "exercise.attach-video"));
  g_assert_false (can_press (window, "exercise.remove-video"));

  /* A file GStreamer cannot play is refused and nothing is copied. */
  limber_exercise_page_attach_video (page, notes_file);
  wait_for (attached, page);
  g_assert_false (limber_video_view_get_showing_video (view));
  g_assert_cmpuint (count_files (f->videos), ==, 0);

  limber_exercise_page_attach_video (page, source);
  g_assert_true (limber_exercise_page_get_attaching (page));
  wait_for (attached, page);
  name = limber_video_dup_exercise_video (f->store, "bridge", NULL);
  g_assert_nonnull (name);
  g_assert_true (limber_video_view_get_showing_video (view));
  wait_for (page_has_frame, page);

  /* Another exercise has no video of its own. */
  limber_exercise_page_set_exercise (page, limber_library_lookup (library, "hip-hike"));
  g_assert_false (limber_video_view_get_showing_video (view));
  limber_exercise_page_set_exercise (page, limber_library_lookup (library, "bridge"));
  g_assert_true (limber_video_view_get_showing_video (view));
  drain ();
  g_assert_true (can_press (window, "exercise.remove-video"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.remove-video", NULL));
  g_assert_false (limber_video_view_get_showing_video (view));
  g_clear_pointer (&name, g_free);
  name = limber_video_dup_exercise_video (f->store, "bridge", NULL);
  g_assert_null (name);

  /* A map naming a file that is gone: the figure, and the reason under it. */
  g_assert_true (limber_video_set_exercise_video (f->store, "bridge",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.webm", NULL));
  limber_exercise_page_set_exercise (page, limber_library_lookup (library, "hip-hike"));
  limber_exercise_page_set_exercise (page, limber_library_lookup (library, "bridge"));
  g_assert_false (limber_video_view_get_showing_video (view));
  g_assert_nonnull (strstr (limber_video_view_get_message (view), "is missing from the clinic"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dialog_attached (gpointer data)
{
  return !limber_prescription_dialog_get_attaching (data);
}

/* The therapist's way for one patient: the dosage dialog's video row. */
static void
test_prescription_dialog (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LimberPrescription) prescription =
    limber_prescription_new_for_exercise (limber_library_lookup (library, "bridge"));
  LimberPrescriptionDialog *dialog =
    limber_prescription_dialog_new (NULL, library, prescription, LIMBER_UNITS_METRIC);
  g_autoptr(GFile) source = g_file_new_for_path (webm_path);
  g_autofree char *notes = write_file (f, "notes.txt", "Not a film.\n");
  g_autoptr(GFile) notes_file = g_file_new_for_path (notes);
  g_autofree char *name = attach_webm (f);

  gtk_window_present (GTK_WINDOW (dialog));
  drain ();
  /* Without a clinic folder there is nowhere to copy a video to. */
  g_assert_false (can_press (GTK_WIDGET (dialog), "dialog.attach-video"));

  limber_prescription_dialog_set_store_folder (dialog, f->store);
  drain ();
  g_assert_true (can_press (GTK_WIDGET (dialog), "dialog.attach-video"));
  g_assert_false (can_press (GTK_WIDGET (dialog), "dialog.remove-video"));

  limber_prescription_dialog_attach_video (dialog, notes_file);
  wait_for (dialog_attached, dialog);
  g_assert_null (limber_prescription_dialog_get_prescription (dialog)->video);
  g_assert_nonnull (find_titled (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                 "“notes.txt” is not a video Limber can play: its name must "
                                 "end in .webm, .mp4, .m4v, .mkv, .ogv, .mov"));

  limber_prescription_dialog_attach_video (dialog, source);
  g_assert_true (limber_prescription_dialog_get_attaching (dialog));
  wait_for (dialog_attached, dialog);
  g_assert_cmpstr (limber_prescription_dialog_get_prescription (dialog)->video, ==, name);
  /* The video was there already: stored once. */
  g_assert_cmpuint (count_files (f->videos), ==, 1);
  drain ();
  g_assert_true (can_press (GTK_WIDGET (dialog), "dialog.remove-video"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.remove-video", NULL));
  g_assert_null (limber_prescription_dialog_get_prescription (dialog)->video);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
player_has_frame (gpointer data)
{
  LimberVideoView *view = LIMBER_VIDEO_VIEW (find_first (data, LIMBER_TYPE_VIDEO_VIEW));

  return view != NULL && gtk_widget_get_mapped (GTK_WIDGET (view)) && has_frame (view);
}

static const char *
player_note (LimberPlayer *player)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (player),
                                                                LIMBER_TYPE_PLAYER, "note_label"));

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* The guided session plays the clinic's video for the exercise that has one, the figure for
 * the next, and says why when a prescription's video is missing from the folder. */
static void
test_player (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *name = attach_webm (f);
  g_autoptr(LimberProgram) program = limber_program_new ("Videos");
  g_autoptr(GError) error = NULL;
  LimberPrescription *first, *second;
  LimberPlayer *player;
  GtkWidget *stack;

  g_assert_true (limber_video_set_exercise_video (f->store, "bridge", name, &error));
  g_assert_no_error (error);
  first = limber_prescription_new_for_exercise (limber_library_lookup (library, "bridge"));
  second = limber_prescription_new_for_exercise (limber_library_lookup (library, "hip-hike"));
  g_ptr_array_add (program->prescriptions, first);
  g_ptr_array_add (program->prescriptions, second);
  g_assert_true (limber_prescription_set_video (second, OTHER_MP4, &error));

  player = limber_player_new (NULL, library, program, NULL);
  limber_player_set_video_folder (player, f->store);
  gtk_window_set_default_size (GTK_WINDOW (player), 1280, 800);
  gtk_window_present (GTK_WINDOW (player));
  stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (player), LIMBER_TYPE_PLAYER,
                                                     "demonstration_stack"));

  wait_for (player_has_frame, player);
  g_assert_null (player_note (player));

  /* The second exercise's own video is not in the folder: the figure, and why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (player), "player.skip-forward", NULL));
  drain ();
  click (find_titled (GTK_WIDGET (player), GTK_TYPE_TOGGLE_BUTTON, "S_kipped"));
  click (find_titled (GTK_WIDGET (player), GTK_TYPE_BUTTON, "_Continue"));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "figure");
  g_assert_nonnull (player_note (player));
  g_assert_nonnull (strstr (player_note (player), "The clinic’s video is not shown"));
  g_assert_nonnull (strstr (player_note (player), OTHER_MP4));

  gtk_window_destroy (GTK_WINDOW (player));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  int status;

  if (!ui_test_init (&argc, &argv))
    return 0;
  gst_init (&argc, &argv);

  library = load_library ();

  folder = g_dir_make_tmp ("limber-webm-XXXXXX", &error);
  g_assert_no_error (error);
  webm_path = make_webm (folder);

  g_test_add_func ("/limber/video/names", test_names);
  g_test_add ("/limber/video/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/limber/video/not-video", Fixture, NULL, fixture_set_up, test_not_video,
              fixture_tear_down);
  g_test_add ("/limber/video/resolve", Fixture, NULL, fixture_set_up, test_resolve,
              fixture_tear_down);
  g_test_add ("/limber/video/map", Fixture, NULL, fixture_set_up, test_map, fixture_tear_down);
  g_test_add ("/limber/video/map-refused", Fixture, NULL, fixture_set_up, test_map_refused,
              fixture_tear_down);
  g_test_add ("/limber/video/prescription", Fixture, NULL, fixture_set_up, test_prescription,
              fixture_tear_down);
  g_test_add ("/limber/video/view-plays", Fixture, NULL, fixture_set_up, test_view_plays,
              fixture_tear_down);
  g_test_add ("/limber/video/view-fallback", Fixture, NULL, fixture_set_up, test_view_fallback,
              fixture_tear_down);

  g_test_add ("/limber/video/exercise-page", Fixture, NULL, fixture_set_up, test_exercise_page,
              fixture_tear_down);

  g_test_add ("/limber/video/prescription-dialog", Fixture, NULL, fixture_set_up,
              test_prescription_dialog, fixture_tear_down);
  g_test_add ("/limber/video/player", Fixture, NULL, fixture_set_up, test_player,
              fixture_tear_down);

  status = g_test_run ();

  remove_tree (folder);
  g_free (webm_path);
  g_object_unref (library);
  return status;
}
