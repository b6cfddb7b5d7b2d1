/* limber-guide-page.c: shows every section of the library's guidance; the red flags are set
 * apart in the same box style as an exercise's cautions. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include "limber-guide-page.h"
#include "limber-ui-util.h"

#define RED_FLAGS_SECTION "red-flags"

struct _LimberGuidePage
{
  GtkWidget  parent_instance;

  GtkBox *sections_box;
  GList  *section_widgets;
};

G_DEFINE_FINAL_TYPE (LimberGuidePage, limber_guide_page, GTK_TYPE_WIDGET)

static void
limber_guide_page_dispose (GObject *object)
{
  LimberGuidePage *self = (LimberGuidePage *)object;
  GtkWidget *child;

  g_clear_pointer (&self->section_widgets, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_GUIDE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_guide_page_parent_class)->dispose (object);
}

static void
limber_guide_page_class_init (LimberGuidePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_guide_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/limber-guide-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberGuidePage, sections_box);
}

static void
limber_guide_page_init (LimberGuidePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
section_new (const LimberGuideSection *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (section->title);
  gboolean red_flags = g_str_equal (section->id, RED_FLAGS_SECTION);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  if (red_flags)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_box_append (GTK_BOX (header), icon);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (box), header);
      gtk_widget_add_css_class (box, "red-flag-box");
    }
  else
    {
      gtk_box_append (GTK_BOX (box), title);
    }

  limber_box_add_bullets (GTK_BOX (items), (const char * const *) section->items);
  gtk_box_append (GTK_BOX (box), items);

  return box;
}

void
limber_guide_page_set_library (LimberGuidePage *self,
                               LimberLibrary   *library)
{
  guint n;

  g_return_if_fail (LIMBER_IS_GUIDE_PAGE (self));
  g_return_if_fail (LIMBER_IS_LIBRARY (library));

  for (GList *l = self->section_widgets; l != NULL; l = l->next)
    gtk_box_remove (self->sections_box, l->data);
  g_clear_pointer (&self->section_widgets, g_list_free);

  n = limber_library_get_n_guide_sections (library);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = section_new (limber_library_get_guide_section (library, i));

      gtk_box_append (self->sections_box, widget);
      self->section_widgets = g_list_append (self->section_widgets, widget);
    }
}
