/* limber-preferences-window.c: the Preferences window. Every row reads and writes its GSettings
 * key directly; whoever uses a key (the main window, the handouts) watches it. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-cues.h"
#include "limber-preferences-window.h"
#include "limber-store.h"
#include "limber-handout.h"
#include "limber-program-file.h"
#include "limber-units.h"

/* The logo preview is this tall; a wide logo may be up to three times as wide. */
#define LOGO_HEIGHT 48

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkNativeDialog      *chooser;

  AdwActionRow         *store_row;
  AdwActionRow         *store_default_row;
  AdwComboRow          *units_row;
  AdwPreferencesGroup  *paper_group;
  AdwComboRow          *paper_row;
  AdwEntryRow          *clinic_name_row;
  GtkTextView          *clinic_address_view;
  AdwEntryRow          *clinic_phone_row;
  AdwActionRow         *clinic_logo_row;
  GtkPicture           *clinic_logo_picture;
  GtkWidget            *clinic_logo_remove_button;
  AdwEntryRow          *therapist_name_row;
  AdwActionRow         *cues_row;
  GtkSwitch            *cues_switch;
  AdwActionRow         *volume_row;
  GtkScale             *volume_scale;
  LimberCues           *cues;          /* for the sample, made when first asked */
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* What went wrong with a file, in words that can follow "could not be opened: ". */
static const char *
describe_error (const GError *error)
{
  /* Translators: this and the next two follow "…could not be opened: " */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("it does not exist");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("you do not have permission to read it");
  if (error->domain == GDK_TEXTURE_ERROR || error->domain == GDK_PIXBUF_ERROR)
    return _("it is not a PNG or SVG image, or it is damaged");
  return error->message;
}

/* The message names a path and a reason, so it may be long: it wraps rather than being cut. */
static void
show_toast (LimberPreferencesWindow *self,
            const char              *text)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* A file chooser lives until its response; a new one replaces any still open. */
static void
run_chooser (LimberPreferencesWindow *self,
             GtkFileChooserNative    *chooser,
             GCallback                response_cb)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (self->chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
update_store (LimberPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "store-folder");
  g_autofree char *default_path = limber_store_get_default_folder ();
  g_autofree char *display = g_filename_display_name (folder[0] != '\0' ? folder : default_path);
  g_autofree char *default_display = g_filename_display_name (default_path);

  adw_action_row_set_subtitle (self->store_row, display);
  adw_action_row_set_subtitle (self->store_default_row, default_display);
  gtk_widget_set_visible (GTK_WIDGET (self->store_default_row), folder[0] != '\0');
}

/* The folder must exist and be one Limber may write to; else the old one stays. */
static void
set_store_folder (LimberPreferencesWindow *self,
                  GFile                   *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *name = g_file_get_parse_name (folder);
  g_autofree char *default_path = limber_store_get_default_folder ();
  g_autofree char *message = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = NULL;

  info = g_file_query_info (folder,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  /* Translators: these reasons follow "The folder “…” cannot be used: " */
  if (path == NULL)
    reason = _("it is not on this computer or a mounted network drive");
  else if (info == NULL)
    reason = describe_error (error);
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    reason = _("it is not a folder");
  else if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
           !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    reason = _("you do not have permission to change it");
  else if (!g_utf8_validate (path, -1, NULL))
    reason = _("its name has characters that cannot be saved");

  if (reason != NULL)
    {
      /* Translators: the first %s is a folder, the second why it cannot be used */
      message = g_strdup_printf (_("The folder “%s” cannot be used: %s"), name, reason);
      show_toast (self, message);
      return;
    }

  if (g_strcmp0 (path, default_path) == 0)
    g_settings_reset (self->settings, "store-folder");
  else
    g_settings_set_string (self->settings, "store-folder", path);
}

static void
store_chooser_response_cb (LimberPreferencesWindow *self,
                           int                      response,
                           GtkNativeDialog         *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        set_store_folder (self, folder);
    }

  g_clear_object (&self->chooser);
}

static void
store_choose_clicked_cb (LimberPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *folder = g_settings_get_string (self->settings, "store-folder");
  g_autofree char *path = folder[0] != '\0' ? g_steal_pointer (&folder) : limber_store_get_default_folder ();
  g_autoptr(GFile) current = g_file_new_for_path (path);

  chooser = gtk_file_chooser_native_new (_("Choose the Folder for Patient Records"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
  run_chooser (self, chooser, G_CALLBACK (store_chooser_response_cb));
}

static void
store_default_clicked_cb (LimberPreferencesWindow *self)
{
  g_settings_reset (self->settings, "store-folder");
}

/* The combo row's items are in LimberUnits order. */
static gboolean
units_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, limber_units_from_setting (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
units_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  LimberUnits units = g_value_get_uint (value) == LIMBER_UNITS_IMPERIAL ? LIMBER_UNITS_IMPERIAL
                                                                        : LIMBER_UNITS_METRIC;

  return g_variant_new_string (limber_units_to_setting (units));
}

static void
update_units (LimberPreferencesWindow *self)
{
  g_autofree char *units = g_settings_get_string (self->settings, "units");
  gboolean imperial = limber_units_from_setting (units) == LIMBER_UNITS_IMPERIAL;
  const char *which = imperial ? _("Heights in inches, loads in pounds")
                               : _("Heights in centimetres, loads in kilograms");
  g_autofree char *subtitle = units[0] == '\0'
                              /* Translators: the units, then why, as in "Heights in centimetres, loads in kilograms; following the language settings" */
                              ? g_strdup_printf (_("%s; following the language settings"), which)
                              : g_strdup (which);

  /* On the group, where it has the whole width: at 360 px the row needs it for the value. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->units_row),
                                                                                           ADW_TYPE_PREFERENCES_GROUP)),
                                         subtitle);
}

/* The combo row's items: Automatic (the locale's), A4, Letter. */
static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (name, "a4") ? 1 : g_str_equal (name, "letter") ? 2 : 0);
  return TRUE;
}

static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  static const char * const names[] = { "", "a4", "letter" };

  return g_variant_new_string (names[MIN (g_value_get_uint (value), 2)]);
}

static void
update_paper (LimberPreferencesWindow *self)
{
  g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");
  g_autofree char *description = NULL;

  if (paper[0] == '\0')
    /* Translators: %s is a paper size, A4 or Letter */
    description = g_strdup_printf (_("Printed and exported handouts. Automatic is %s, from the "
                                     "language settings"),
                                   limber_paper_from_locale () == LIMBER_PAPER_LETTER
                                   ? _("Letter") : _("A4"));
  else
    description = g_strdup (_("Printed and exported handouts"));
  adw_preferences_group_set_description (self->paper_group, description);
}

static char *
dup_address (LimberPreferencesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->clinic_address_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Setting a text buffer moves its cursor, so each side is written only when it differs. */
static void
address_changed_cb (LimberPreferencesWindow *self)
{
  g_autofree char *address = dup_address (self);
  g_autofree char *saved = g_settings_get_string (self->settings, "clinic-address");

  if (g_strcmp0 (address, saved) != 0)
    g_settings_set_string (self->settings, "clinic-address", address);
}

static void
update_address (LimberPreferencesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->clinic_address_view);
  g_autofree char *address = dup_address (self);
  g_autofree char *saved = g_settings_get_string (self->settings, "clinic-address");

  if (g_strcmp0 (address, saved) == 0)
    return;

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, saved, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

/* The logo as the handout will draw it: a PNG or SVG of a sensible size. */
static GdkTexture *
load_logo (GFile   *file,
           GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)) ||
      !limber_logo_check (bytes, NULL, error))
    return NULL;
  return gdk_texture_new_from_bytes (bytes, error);
}

/* Small, and picked by the user from their own files, so the logo is read right away. */
static void
update_logo (LimberPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "clinic-logo");
  g_autofree char *subtitle = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (path[0] == '\0')
    /* Translators: no logo is chosen */
    subtitle = g_strdup (_("None"));
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_filename_display_basename (path);

      texture = load_logo (file, &error);
      if (texture == NULL)
        /* Translators: %s is a file name, then why it could not be opened */
        subtitle = g_strdup_printf (_("The file “%s” could not be opened: %s"),
                                    name, describe_error (error));
      else
        subtitle = g_steal_pointer (&name);
    }

  if (texture != NULL)
    {
      int width = gdk_texture_get_width (texture);
      int height = MAX (gdk_texture_get_height (texture), 1);

      gtk_widget_set_size_request (GTK_WIDGET (self->clinic_logo_picture),
                                   CLAMP (LOGO_HEIGHT * width / height, LOGO_HEIGHT / 2,
                                          3 * LOGO_HEIGHT),
                                   LOGO_HEIGHT);
    }
  gtk_picture_set_paintable (self->clinic_logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->clinic_logo_picture), texture != NULL);
  adw_action_row_set_subtitle (self->clinic_logo_row, subtitle);
  gtk_widget_set_visible (self->clinic_logo_remove_button, path[0] != '\0');
}

/* A file that is no image is refused at once, rather than saved and reported later. */
static void
logo_chooser_response_cb (LimberPreferencesWindow *self,
                          int                      response,
                          GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  texture = load_logo (file, &error);
  if (path == NULL || texture == NULL || !g_utf8_validate (path, -1, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The file “%s” could not be opened: %s"), display,
                                 error != NULL ? describe_error (error)
                                               : _("its location cannot be saved"));
      show_toast (self, message);
      return;
    }

  g_settings_set_string (self->settings, "clinic-logo", path);
}

static void
logo_choose_clicked_cb (LimberPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* The handout draws PNG and SVG pictures (cairo and librsvg). */
  gtk_file_filter_set_name (filter, _("Images (PNG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");

  chooser = gtk_file_chooser_native_new (_("Choose the Clinic’s Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  run_chooser (self, chooser, G_CALLBACK (logo_chooser_response_cb));
}

static void
logo_remove_clicked_cb (LimberPreferencesWindow *self)
{
  g_settings_reset (self->settings, "clinic-logo");
}

/* The start cue at the chosen volume, through the same sound output as a session. */
static void
sample_clicked_cb (LimberPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->cues == NULL && gst_init_check (NULL, NULL, &error))
    self->cues = limber_cues_new (NULL, &error);
  if (self->cues != NULL)
    {
      limber_cues_set_volume (self->cues, gtk_range_get_value (GTK_RANGE (self->volume_scale)));
      limber_cues_play (self->cues, LIMBER_CUE_START, &error);
    }
  if (error != NULL)
    show_toast (self, error->message);
}

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = (LimberPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->cues);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, store_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow,
                                        store_default_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, paper_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow,
                                        clinic_address_view);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, clinic_phone_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, clinic_logo_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow,
                                        clinic_logo_picture);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow,
                                        clinic_logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow,
                                        therapist_name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, cues_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, cues_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_scale);
  gtk_widget_class_bind_template_callback (widget_class, sample_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_default_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_remove_clicked_cb);
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  /* The switch says "sound on"; the key says "muted". */
  g_settings_bind (self->settings, "cues-muted", self->cues_switch, "active",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_INVERT_BOOLEAN);
  g_settings_bind (self->settings, "cue-volume",
                   gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->cues_switch, "active", self->volume_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->cues_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->cues_row, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->volume_scale),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->volume_row, NULL, -1);

  g_signal_connect_object (self->settings, "changed::store-folder",
                           G_CALLBACK (update_store), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (update_units), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::paper-size",
                           G_CALLBACK (update_paper), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::clinic-address",
                           G_CALLBACK (update_address), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::clinic-logo",
                           G_CALLBACK (update_logo), self, G_CONNECT_SWAPPED);

  update_store (self);
  update_units (self);
  update_paper (self);
  update_address (self);
  update_logo (self);

  g_settings_bind_with_mapping (self->settings, "units", self->units_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, units_get_mapping, units_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get_mapping, paper_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "clinic-name", self->clinic_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-phone", self->clinic_phone_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "therapist-name", self->therapist_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (gtk_text_view_get_buffer (self->clinic_address_view), "changed",
                           G_CALLBACK (address_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Modal to @parent, and one of its application's windows so the app's shortcuts work in it. */
GtkWidget *
limber_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "application", parent != NULL ? gtk_window_get_application (parent)
                                                     : NULL,
                       NULL);
}
