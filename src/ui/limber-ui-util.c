/* limber-ui-util.c: small builders for the text lists the detail pages show. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "limber-ui-util.h"
#include "limber-video.h"

void
limber_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A marker (bullet or number) beside a wrapping paragraph. */
static GtkWidget *
list_item_new (const char *marker,
               const char *text,
               const char *marker_class)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *mark = gtk_label_new (marker);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (mark, marker_class);
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  /* A bullet says nothing to a screen reader; a step's number does. */
  if (g_str_equal (marker_class, "list-bullet"))
    gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (row), mark);
  gtk_box_append (GTK_BOX (row), label);

  return row;
}

void
limber_box_add_bullets (GtkBox             *box,
                        const char * const *items)
{
  g_return_if_fail (GTK_IS_BOX (box));

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    gtk_box_append (box, list_item_new ("•", items[i], "list-bullet"));
}

void
limber_box_add_numbered (GtkBox             *box,
                         const char * const *items)
{
  g_return_if_fail (GTK_IS_BOX (box));

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", i + 1);
      gtk_box_append (box, list_item_new (number, items[i], "step-number"));
    }
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), "limber-toast") == toast)
    g_object_set_data (G_OBJECT (overlay), "limber-toast", NULL);
}

/* Shows @toast (taking it) in the toast overlay around @widget, in place of the one shown
 * before: an old "Undo" should not wait in a queue behind the new one. */
/* A message in a toast that stays until it is dismissed, over @widget's window. */
void
limber_show_message (GtkWidget  *widget,
                     const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  limber_show_toast (widget, toast);
}

void
limber_show_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *previous;

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  previous = g_object_get_data (G_OBJECT (overlay), "limber-toast");
  if (previous != NULL)
    adw_toast_dismiss (previous);

  g_object_set_data (G_OBJECT (overlay), "limber-toast", toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* A library exercise as a list row: its name, and its muscles as the subtitle. It is a
 * GtkListBoxCreateWidgetFunc. */
GtkWidget *
limber_exercise_row_new (gpointer item,
                         gpointer user_data)
{
  LimberExercise *exercise = item;
  g_autofree char *summary = limber_exercise_dup_summary (exercise);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_exercise_get_name (exercise));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "exercise", g_object_ref (exercise), g_object_unref);

  return row;
}

LimberExercise *
limber_exercise_row_get_exercise (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "exercise") : NULL;
}

/* A heading above the first exercise of each kind; the library lists them kind by kind. */
void
limber_exercise_kind_header_func (GtkListBoxRow *row,
                                  GtkListBoxRow *before,
                                  gpointer       user_data)
{
  LimberExercise *previous = limber_exercise_row_get_exercise (before);
  LimberExerciseKind kind = limber_exercise_get_kind (limber_exercise_row_get_exercise (row));
  GtkWidget *header;

  if (previous != NULL && limber_exercise_get_kind (previous) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (kind == LIMBER_EXERCISE_KIND_STRETCH ? _("Stretches")
                                                               : _("Strengthening"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "list-header");
  gtk_list_box_row_set_header (row, header);
}

/* Marks @toast as belonging to the patient shown: its Undo ends when the patient is closed. */
void
limber_toast_set_scoped (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), "limber-scoped", GINT_TO_POINTER (TRUE));
}

void
limber_dismiss_scoped_toast (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = overlay != NULL ? g_object_get_data (G_OBJECT (overlay), "limber-toast") : NULL;

  if (toast != NULL && g_object_get_data (G_OBJECT (toast), "limber-scoped") != NULL)
    adw_toast_dismiss (toast);
}

/* "7 exercises · about 35 minutes": a program's size, as lists of programs show it. */
char *
limber_program_format_size (LimberProgram *program,
                            LimberLibrary *library)
{
  guint n = program->prescriptions->len;
  guint minutes = (limber_program_estimate_seconds (program, library) + 59) / 60;
  g_autofree char *exercises = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u exercise",
                                                             "%u exercises", n), n);

  if (n == 0)
    return g_steal_pointer (&exercises);

  /* Translators: "7 exercises · about 35 minutes" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · about %u minute",
                                       "%s · about %u minutes", minutes), exercises, minutes);
}

/* When a session started, as the logs list it: "Tuesday 24 November, 09:12". */
char *
limber_format_session_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a date and time, as in "Tuesday 24 November, 09:12"; see strftime(3) */
  return g_date_time_format (local, _("%A %-d %B, %H:%M"));
}

/* The videos Limber accepts, by type and, where the type is unknown, by extension. */
GtkFileFilter *
limber_video_file_filter_new (void)
{
  static const char * const mime_types[] = {
    "video/webm", "video/mp4", "video/x-m4v", "video/x-matroska", "video/ogg",
    "video/quicktime", NULL
  };
  const char * const *extensions = limber_video_get_extensions ();
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Videos"));
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; extensions[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, extensions[i]);

  return filter;
}

typedef struct
{
  GWeakRef             widget;
  LimberFileChosenFunc chosen;
} Choosing;

static void
choosing_response_cb (GtkNativeDialog *chooser,
                      int              response,
                      Choosing        *choosing)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&choosing->widget);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && widget != NULL && !gtk_widget_in_destruction (widget))
    choosing->chosen (widget, file);

  g_weak_ref_clear (&choosing->widget);
  g_free (choosing);
}

/* Asks for a file in a native chooser, modal on @widget's window, and calls @chosen with it if
 * one was chosen while @widget is still there. @filter (taken) may be NULL; @current_name is
 * the name a save starts with. */
void
limber_choose_file (GtkWidget            *widget,
                    const char           *title,
                    GtkFileChooserAction  action,
                    const char           *accept_label,
                    GtkFileFilter        *filter,
                    const char           *current_name,
                    LimberFileChosenFunc  chosen)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  Choosing *choosing = g_new0 (Choosing, 1);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  if (filter != NULL)
    {
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }

  g_weak_ref_init (&choosing->widget, widget);
  choosing->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (choosing_response_cb), choosing);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A filter for the files whose names end in @extension, and of @mime_type if not NULL. */
GtkFileFilter *
limber_file_filter_new (const char *name,
                        const char *extension,
                        const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", extension, NULL);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static const char *
without_file (const char *message,
              const char *file)
{
  gsize length = file != NULL ? strlen (file) : 0;

  if (length > 0 && strncmp (message, file, length) == 0 && g_str_has_prefix (message + length, ": "))
    return message + length + 2;
  return message;
}

/* Says that a file was not opened or imported, and why, in a dialog that keeps the whole
 * reason readable (a toast would cut it). The reason drops the file name it starts with, as
 * the readers put it there and the body already names the file. */
void
limber_show_file_error (GtkWidget    *widget,
                        const char   *heading,
                        const char   *body_format,
                        GFile        *file,
                        const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *body = NULL;
  const char *reason = error->message;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  reason = without_file (without_file (reason, path), name);
  body = g_strdup_printf (body_format, name, reason);
  g_message ("%s", body);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
