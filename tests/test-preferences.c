/* test-preferences.c: the Preferences window under Xvfb: each row shows its setting and writes
 * it back, a logo that cannot be opened is reported, and a chosen store folder can be undone. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-preferences-window.h"
#include "limber-units.h"
#include "ui-test-util.h"

static GSettings *settings;

static gpointer
find_row (GtkWidget  *window,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gpointer found = NULL;

  collect_all (window, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      {
        g_assert_null (found);
        found = g_ptr_array_index (rows, i);
      }

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find_button (GtkWidget  *parent,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_all (parent, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      /* An icon button is named by its tooltip. */
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0 ||
          g_strcmp0 (gtk_widget_get_tooltip_text (button), label) == 0)
        return button;
    }

  g_assert_not_reached ();
}

static GtkWidget *
window_new (void)
{
  GtkWidget *window = limber_preferences_window_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  drain ();

  return window;
}

static void
reset_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);

  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  drain ();
}

/* The combo shows the locale's units until a choice is made, then writes that choice. */
static void
test_preferences_units (void)
{
  static const char *keys[] = { "store-folder", "units", "clinic-name", "clinic-address",
                                "clinic-phone", "clinic-logo", "therapist-name" };
  GtkWidget *window;
  AdwComboRow *row;
  g_autofree char *units = NULL;

  reset_settings ();
  window = window_new ();
  row = find_row (window, ADW_TYPE_COMBO_ROW, "Measurement system");

  /* Opening the window writes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_user_value (settings, keys[i]);

      g_assert_null (value);
    }
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, limber_units_from_locale ());
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP))), ==,
                   "Heights in centimetres, loads in kilograms; following the language settings");

  adw_combo_row_set_selected (row, 1);
  drain ();
  units = g_settings_get_string (settings, "units");
  g_assert_cmpstr (units, ==, "imperial");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP))), ==,
                   "Heights in inches, loads in pounds");

  adw_combo_row_set_selected (row, 0);
  drain ();
  g_clear_pointer (&units, g_free);
  units = g_settings_get_string (settings, "units");
  g_assert_cmpstr (units, ==, "metric");

  /* A change made elsewhere shows at once. */
  g_settings_set_string (settings, "units", "imperial");
  drain ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_settings_reset (settings, "units");
  drain ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, limber_units_from_locale ());
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP))), ==,
                   "Heights in centimetres, loads in kilograms; following the language settings");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
type_into (GtkEditable *editable,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_set_position (editable, -1);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
      drain ();
    }
}

/* Each clinic field is saved as it is typed, the address with its line breaks. */
static void
test_preferences_clinic (void)
{
  GtkWidget *window;
  GtkTextView *address_view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *therapist = NULL;
  g_autofree char *address = NULL;

  reset_settings ();
  window = window_new ();

  type_into (find_row (window, ADW_TYPE_ENTRY_ROW, "Name"), "Riverside PT");
  name = g_settings_get_string (settings, "clinic-name");
  g_assert_cmpstr (name, ==, "Riverside PT");
  type_into (find_row (window, ADW_TYPE_ENTRY_ROW, "Phone"), "555 0100");
  phone = g_settings_get_string (settings, "clinic-phone");
  g_assert_cmpstr (phone, ==, "555 0100");
  type_into (find_row (window, ADW_TYPE_ENTRY_ROW, "Your name"), "Dana Okafor");
  therapist = g_settings_get_string (settings, "therapist-name");
  g_assert_cmpstr (therapist, ==, "Dana Okafor");

  collect_all (GTK_WIDGET (find_row (window, ADW_TYPE_PREFERENCES_ROW, "Address")),
           GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  address_view = g_ptr_array_index (views, 0);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (address_view)));
  buffer = gtk_text_view_get_buffer (address_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "12 Mill Lane\nRiverside", -1);
  drain ();
  address = g_settings_get_string (settings, "clinic-address");
  g_assert_cmpstr (address, ==, "12 Mill Lane\nRiverside");

  /* A change made elsewhere shows at once. */
  g_settings_set_string (settings, "clinic-address", "1 High Street");
  g_settings_set_string (settings, "clinic-name", "Hillside");
  drain ();
  g_clear_pointer (&address, g_free);
  g_object_get (buffer, "text", &address, NULL);
  g_assert_cmpstr (address, ==, "1 High Street");
  g_assert_cmpstr (gtk_editable_get_text (find_row (window, ADW_TYPE_ENTRY_ROW, "Name")), ==,
                   "Hillside");

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
write_png (const char *directory)
{
  static const guchar pixels[4 * 2 * 2] = { 255, 0, 0, 255, 0, 255, 0, 255,
                                            0, 0, 255, 255, 255, 255, 255, 255 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8A8, bytes, 8);
  char *path = g_build_filename (directory, "logo.png", NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

/* Paper: Automatic (the locale's, named in the group), A4 or Letter, and back to Automatic. */
static void
test_preferences_paper (void)
{
  GtkWidget *window;
  AdwComboRow *row;
  GtkWidget *group;
  g_autofree char *paper = NULL;

  reset_settings ();
  window = window_new ();
  row = find_row (window, ADW_TYPE_COMBO_ROW, "Paper size");
  group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "Automatic is A4"));

  adw_combo_row_set_selected (row, 2);
  drain ();
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "letter");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Printed and exported handouts");

  adw_combo_row_set_selected (row, 0);
  drain ();
  g_clear_pointer (&paper, g_free);
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "");

  g_settings_set_string (settings, "paper-size", "a4");
  drain ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* A logo that is missing or is no image is reported in words; nothing is shown for it. */
static void
test_preferences_logo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("limber-test-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autofree char *logo = NULL;
  GtkWidget *window;
  AdwActionRow *row;
  GtkWidget *remove;
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  GtkWidget *picture;

  g_assert_no_error (error);
  reset_settings ();
  window = window_new ();
  row = find_row (window, ADW_TYPE_ACTION_ROW, "Logo");
  remove = find_button (GTK_WIDGET (row), "Remove Logo");
  collect_all (GTK_WIDGET (row), GTK_TYPE_PICTURE, pictures);
  g_assert_cmpuint (pictures->len, ==, 1);
  picture = g_ptr_array_index (pictures, 0);

  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "None");
  g_assert_false (gtk_widget_get_visible (remove));
  g_assert_false (gtk_widget_get_visible (picture));

  g_settings_set_string (settings, "clinic-logo", "/nonexistent/limber/logo.png");
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "The file “logo.png” could not be opened: it does not exist");
  g_assert_true (gtk_widget_get_visible (remove));
  g_assert_false (gtk_widget_get_visible (picture));

  text = g_build_filename (directory, "logo.svg", NULL);
  g_assert_true (g_file_set_contents (text, "not an image", -1, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "clinic-logo", text);
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "The file “logo.svg” could not be opened: "
                   "the logo is neither a PNG nor an SVG picture");
  g_assert_false (gtk_widget_get_visible (picture));

  /* A PNG whose header claims 16,000 pixels a side is refused before it is decoded. */
  {
    g_autofree char *small = write_png (directory);
    g_autofree char *contents = NULL;
    g_autofree char *huge = g_build_filename (directory, "huge.png", NULL);
    gsize length;

    g_assert_true (g_file_get_contents (small, &contents, &length, NULL));
    *(guint32 *) (gpointer) (contents + 16) = GUINT32_TO_BE (16000);
    *(guint32 *) (gpointer) (contents + 20) = GUINT32_TO_BE (16000);
    g_assert_true (g_file_set_contents (huge, contents, length, NULL));
    g_settings_set_string (settings, "clinic-logo", huge);
    drain ();
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                     "The file “huge.png” could not be opened: "
                     "the logo is 16000 × 16000 pixels; at most 4096 on each side");
    g_assert_false (gtk_widget_get_visible (picture));
    g_unlink (huge);
  }

  png = write_png (directory);
  g_settings_set_string (settings, "clinic-logo", png);
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "logo.png");
  g_assert_true (gtk_widget_get_visible (picture));
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));

  g_signal_emit_by_name (remove, "clicked");
  drain ();
  logo = g_settings_get_string (settings, "clinic-logo");
  g_assert_cmpstr (logo, ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "None");
  g_assert_false (gtk_widget_get_visible (remove));
  g_assert_false (gtk_widget_get_visible (picture));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (png);
  g_unlink (text);
  g_rmdir (directory);
}

/* The folder in use is shown; a chosen one can be undone with "Use Default". */
static void
test_preferences_store_folder (void)
{
  g_autofree char *default_folder = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *folder = NULL;
  GtkWidget *window;
  AdwActionRow *row;
  GtkWidget *use_default;

  reset_settings ();
  window = window_new ();
  row = find_row (window, ADW_TYPE_ACTION_ROW, "Folder");
  use_default = find_button (window, "Use Default");

  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, default_folder);
  g_assert_false (gtk_widget_is_visible (use_default));

  g_settings_set_string (settings, "store-folder", "/srv/clinic/Limber & Co");
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "/srv/clinic/Limber & Co");
  g_assert_true (gtk_widget_is_visible (use_default));

  g_signal_emit_by_name (use_default, "clicked");
  drain ();
  folder = g_settings_get_string (settings, "store-folder");
  g_assert_cmpstr (folder, ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, default_folder);
  g_assert_false (gtk_widget_is_visible (use_default));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sound cues on or off, and their volume, written as they are set and shown when set elsewhere. */
static void
test_preferences_cues (void)
{
  GtkWidget *window;
  AdwActionRow *cues_row;
  AdwActionRow *volume_row;
  GtkSwitch *cues_switch;
  GtkRange *scale;

  reset_settings ();
  window = window_new ();
  cues_row = find_row (window, ADW_TYPE_ACTION_ROW, "Sound cues");
  volume_row = find_row (window, ADW_TYPE_ACTION_ROW, "Volume");
  cues_switch = GTK_SWITCH (find_first (GTK_WIDGET (cues_row), GTK_TYPE_SWITCH));
  scale = GTK_RANGE (find_first (GTK_WIDGET (volume_row), GTK_TYPE_SCALE));
  g_assert_nonnull (find_button (GTK_WIDGET (volume_row), "Play a Sample"));

  g_assert_true (gtk_switch_get_active (cues_switch));
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), 0.8, 1e-9);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (volume_row)));

  gtk_switch_set_active (cues_switch, FALSE);
  drain ();
  g_assert_true (g_settings_get_boolean (settings, "cues-muted"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (volume_row)));
  gtk_switch_set_active (cues_switch, TRUE);
  drain ();
  g_assert_false (g_settings_get_boolean (settings, "cues-muted"));

  gtk_range_set_value (scale, 0.3);
  drain ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "cue-volume"), 0.3, 1e-9);

  g_settings_set_double (settings, "cue-volume", 0.55);
  g_settings_set_boolean (settings, "cues-muted", TRUE);
  drain ();
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), 0.55, 1e-9);
  g_assert_false (gtk_switch_get_active (cues_switch));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!ui_test_init (&argc, &argv))
    return 0;
  settings = g_settings_new (APP_ID);

  g_test_add_func ("/limber/preferences/units", test_preferences_units);
  g_test_add_func ("/limber/preferences/clinic", test_preferences_clinic);
  g_test_add_func ("/limber/preferences/paper", test_preferences_paper);
  g_test_add_func ("/limber/preferences/logo", test_preferences_logo);
  g_test_add_func ("/limber/preferences/store-folder", test_preferences_store_folder);
  g_test_add_func ("/limber/preferences/cues", test_preferences_cues);

  status = g_test_run ();
  g_clear_object (&settings);

  return status;
}
