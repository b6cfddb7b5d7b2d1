/* limber-application.c: app-wide actions, accelerators and the About window. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-application.h"
#include "limber-export-command.h"
#include "limber-home-window.h"
#include "limber-program-file.h"
#include "limber-session-log.h"
#include "limber-preferences-window.h"
#include "limber-renderer.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberLibrary  *library;
  GError         *library_error;
  GPtrArray      *pending_files;   /* files named on the command line, opened at activation */
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Limber developers", NULL };
  GtkApplication *application = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Limber"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Limber developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Home exercise programs for physical therapy clinics"),
                        "website", "https://github.com/limber/Limber",
                        "issue-url", "https://github.com/limber/Limber/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Limber developers",
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Exercise library"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The hip exercises, their dosages and cautions are "
                                        "adapted from a physical therapist’s consumer article "
                                        "on exercises for hip pain (Verywell Health)."));
  gtk_window_present (GTK_WINDOW (about));
}

/* One Preferences window: asked for again, the open one is shown. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWidget *preferences;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (LIMBER_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  preferences = limber_preferences_window_new (gtk_application_get_active_window (application));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window closes as its close button would: one with a change the folder refused asks
   * first, and stays. The application ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void clinic_view_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data);

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "clinic-view", clinic_view_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
library_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           GApplication     *application)
{
  g_application_quit (application);
}

/* A library that does not load is a broken installation: say which file and field, then quit. */
static void
show_library_error (LimberApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("The Exercise Library Could Not Be Loaded"),
                                   self->library_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (library_error_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
limber_application_startup (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->library = limber_library_new ();
  if (!limber_library_load_resource (self->library, LIMBER_LIBRARY_RESOURCE_PATH,
                                     &self->library_error))
    g_warning ("%s", self->library_error->message);
}

static GtkWindow *
find_window (LimberApplication *self,
             GType              type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static LimberWindow *
clinic_window (LimberApplication *self)
{
  GtkWindow *window = find_window (self, LIMBER_TYPE_WINDOW);

  if (window == NULL)
    window = GTK_WINDOW (limber_window_new (ADW_APPLICATION (self), self->library));
  return LIMBER_WINDOW (window);
}

static LimberHomeWindow *
home_window (LimberApplication *self)
{
  GtkWindow *window = find_window (self, LIMBER_TYPE_HOME_WINDOW);

  if (window == NULL)
    window = GTK_WINDOW (limber_home_window_new (ADW_APPLICATION (self), self->library));
  return LIMBER_HOME_WINDOW (window);
}

/* Limber opens as it was last used: the clinic's records, or the patient's own program. */
static void
limber_application_activate (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *view = g_settings_get_string (settings, "view");
  GtkWindow *window;

  if (self->library_error != NULL)
    {
      show_library_error (self);
      return;
    }

  if (self->pending_files != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      g_application_open (application, (GFile **) files->pdata, files->len, "");
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL && g_str_equal (view, "patient"))
    window = GTK_WINDOW (home_window (self));
  else if (window == NULL)
    window = GTK_WINDOW (clinic_window (self));

  gtk_window_present (window);
}

/* A program file (double-clicked, or given on the command line) opens in the patient's view;
 * a session log opens in the clinic's, imported into the record it belongs to. */
static void
limber_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (self->library_error != NULL)
    {
      show_library_error (self);
      return;
    }

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      if (name != NULL && g_str_has_suffix (name, LIMBER_LOG_FILE_EXTENSION))
        {
          LimberWindow *window = clinic_window (self);

          gtk_window_present (GTK_WINDOW (window));
          limber_patients_view_import_log (limber_window_get_patients_view (window), files[i]);
        }
      else
        {
          LimberHomeWindow *window = home_window (self);

          gtk_window_present (GTK_WINDOW (window));
          if (limber_home_window_open_file (window, files[i]))
            g_settings_set_string (settings, "view", "patient");
        }
    }
}

/* From the patient's view back to the clinic's records, which open from then on. */
static void
clinic_view_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LimberApplication *self = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *home = find_window (self, LIMBER_TYPE_HOME_WINDOW);

  g_settings_set_string (settings, "view", "clinic");
  gtk_window_present (GTK_WINDOW (clinic_window (self)));
  if (home != NULL)
    gtk_window_destroy (home);
}

/* `limber --export-still EXERCISE_ID FILE` draws a demonstration's still picture with no
 * display; GTK is not started. */
static int
export_still (const char         *id,
              const char * const *files)
{
  g_autoptr(LimberMotion) motion = NULL;
  g_autoptr(GError) error = NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("Usage: limber --export-still EXERCISE_ID FILE.png|FILE.svg\n"));
      return 2;
    }

  if (!(motion = limber_motion_new_for_id (id, &error)))
    {
      g_auto(GStrv) ids = g_resources_enumerate_children (LIMBER_MOTION_RESOURCE_PATH,
                                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *known = NULL;

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        if (g_str_has_suffix (ids[i], ".json"))
          ids[i][strlen (ids[i]) - 5] = '\0';
      known = ids != NULL ? g_strjoinv (", ", ids) : g_strdup ("");
      /* Translators: the first %s is the error, the second a list of exercise ids */
      g_printerr (_("limber: %s. Known exercises: %s\n"), error->message, known);
      return 1;
    }

  if (!limber_renderer_export_still (motion, files[0], &error))
    {
      g_printerr ("limber: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* `limber --export-pdf PROGRAM.limber OUT.pdf` or `limber --export-pdf --patient NAME OUT.pdf`
 * makes a handout with no display; GTK is not started. */
static int
export_pdf (GVariantDict       *options,
            const char * const *files)
{
  const char *patient = NULL, *paper = NULL;
  g_autofree char *trimmed = NULL;
  gboolean large_print = FALSE;
  guint n_files = files != NULL ? g_strv_length ((char **) files) : 0;

  g_variant_dict_lookup (options, "patient", "&s", &patient);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "large-print", "b", &large_print);
  if (patient != NULL)
    trimmed = g_strstrip (g_strdup (patient));

  /* A blank name or file name is a slip of the command line, not a patient or a file. */
  if (n_files != (patient != NULL ? 1 : 2) || files[n_files - 1][0] == '\0' ||
      (trimmed != NULL && trimmed[0] == '\0'))
    {
      g_printerr (_("Usage: limber --export-pdf [--large-print] [--paper=a4|letter] "
                    "PROGRAM.limber OUT.pdf\n"
                    "       limber --export-pdf [--large-print] [--paper=a4|letter] "
                    "--patient NAME OUT.pdf\n"));
      return 2;
    }
  return limber_export_pdf_command (patient != NULL ? NULL : files[0], patient,
                                    files[n_files - 1], large_print, paper);
}

/* `limber FILE…`, as a double click runs it. The options took the file names, so GApplication
 * does not open them itself: a running Limber is sent them, or this one opens them once it is
 * activated. */
static int
open_command_line_files (LimberApplication   *self,
                         const char * const  *names)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (names[i]));

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("limber: %s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (G_APPLICATION (self)))
    {
      g_application_open (G_APPLICATION (self), (GFile **) self->pending_files->pdata,
                          self->pending_files->len, "");
      return 0;
    }
  return -1;
}

static int
limber_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *id;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  if (g_variant_dict_contains (options, "export-pdf"))
    return export_pdf (options, files);
  if (g_variant_dict_lookup (options, "export-still", "&s", &id))
    return export_still (id, files);
  if (g_variant_dict_contains (options, "patient") || g_variant_dict_contains (options, "paper") ||
      g_variant_dict_contains (options, "large-print"))
    {
      g_printerr (_("limber: --patient, --paper and --large-print go with --export-pdf\n"));
      return 2;
    }
  if (files != NULL && files[0] != NULL)
    return open_command_line_files (LIMBER_APPLICATION (application), files);
  return -1;
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = (LimberApplication *)object;

  g_clear_object (&self->library);
  g_clear_error (&self->library_error);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_application_parent_class)->dispose (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = limber_application_dispose;
  application_class->startup = limber_application_startup;
  application_class->activate = limber_application_activate;
  application_class->open = limber_application_open;
  application_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  const GOptionEntry entries[] = {
    { "export-still", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write an exercise’s still picture (start and end positions) to FILE, as PNG or SVG "
         "by its extension, and quit"), N_("EXERCISE_ID") },
    { "export-pdf", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write a program’s handout to OUT.pdf, from a program file or the active program of "
         "--patient, and quit"), NULL },
    { "patient", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-pdf: the patient, by name, whose active program to print"), N_("NAME") },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-pdf: print in large type"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-pdf: the paper size, a4 or letter (the default follows Preferences)"),
      N_("SIZE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
