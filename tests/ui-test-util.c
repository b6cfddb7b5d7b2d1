/* ui-test-util.c: see ui-test-util.h. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui-test-util.h"

/* Starts GTK and libadwaita; FALSE (the test skipped) when there is no display. In CI a
 * missing display is a failure, never a silent skip. */
gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        g_error ("no display: run the window tests under Xvfb");
      g_test_skip ("no display");
      return FALSE;
    }

  adw_init ();
  return TRUE;
}

/* Runs what the main loop has pending. */
void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
wait_for (gboolean (*condition) (gpointer),
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  drain ();
}

gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found,
                 gboolean   mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (widget))
    return;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found, mapped_only);
}

/* The widgets of @type under @widget that a person can see: mapped ones only. */
void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  collect_widgets (widget, type, found, TRUE);
}

/* Every widget of @type under @widget, shown or not. */
void
collect_all (GtkWidget *widget,
             GType      type,
             GPtrArray *found)
{
  collect_widgets (widget, type, found, FALSE);
}

/* The first widget of @type under @root whose "title" or "label" is @text. */
GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_all (root, type, found);
  for (guint i = 0; i < found->len; i++)
    {
      GObject *widget = g_ptr_array_index (found, i);
      g_autofree char *title = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "title"))
        g_object_get (widget, "title", &title, NULL);
      else if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "label"))
        g_object_get (widget, "label", &title, NULL);

      if (g_strcmp0 (title, text) == 0)
        return GTK_WIDGET (widget);
    }

  return NULL;
}

GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_all (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The visible window of @type: a dialog answered before may still be on its way out. */
GtkWidget *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

/* What a click does, without the pressed-look delay of gtk_widget_activate(). */
void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}


static gboolean
has_label_with (gpointer data)
{
  GtkWidget *root = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_all (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (strstr (label, text) != NULL && gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
        return TRUE;
    }
  return FALSE;
}

/* Waits until a label shown under @root says @text, as a toast does. */
void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gpointer data[2] = { root, (gpointer) text };

  wait_for (has_label_with, data);
}

static gboolean
has_dialog_with (gpointer data)
{
  GtkWidget *dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  const char *body = dialog != NULL ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)) : NULL;

  return body != NULL && strstr (body, data) != NULL;
}

/* Waits for a message dialog whose body says @text, then closes it. */
void
wait_for_dialog (const char *text)
{
  wait_for (has_dialog_with, (gpointer) text);
  gtk_window_destroy (GTK_WINDOW (find_window (ADW_TYPE_MESSAGE_DIALOG)));
  drain ();
}
