/* limber-ui-util.c: small builders for the text lists the detail pages show. */
#include "config.h"

#include "limber-ui-util.h"

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
