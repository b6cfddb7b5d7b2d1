/* screenshot.c: renders the main window to a PNG with no window manager, for looking at the
 * UI under Xvfb and for the README and metainfo pictures.
 *   screenshot [--width W] [--height H] [--dark] [--exercise ID] [--search TEXT]
 *              [--demo-time SECONDS] [--reduced-motion] OUT.png */
#include "config.h"

#include <adwaita.h>

#include "limber-figure-view.h"
#include "limber-window.h"

static GtkWidget *
find_figure_view (GtkWidget *widget)
{
  if (LIMBER_IS_FIGURE_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_figure_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
render_cb (gpointer data)
{
  GtkWidget *window = data;
  const char *output = g_object_get_data (G_OBJECT (window), "output");
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, output))
    g_printerr ("screenshot: could not write %s\n", output);
  else
    g_printerr ("screenshot: %s (%d × %d)\n", output, width, height);

  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.png");
  g_autoptr(LimberLibrary) library = NULL;
  g_autofree char *exercise = NULL;
  g_autofree char *search = NULL;
  gboolean dark = FALSE, reduced_motion = FALSE;
  double demo_time = -1;
  int width = 1000, height = 700;
  LimberWindow *window;
  const GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "exercise", 0, 0, G_OPTION_ARG_STRING, &exercise, "Exercise to show", "ID" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Search text", "TEXT" },
    { "demo-time", 0, 0, G_OPTION_ARG_DOUBLE, &demo_time,
      "Pause the demonstration at this instant", "SECONDS" },
    { "reduced-motion", 0, 0, G_OPTION_ARG_NONE, &reduced_motion, "Animations off", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: screenshot [OPTION…] OUT.png");
      return 2;
    }

  gtk_init ();
  adw_init ();
  if (reduced_motion)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  /* What AdwApplication does for Limber itself. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  library = limber_library_new ();
  if (!limber_library_load_resource (library, LIMBER_LIBRARY_RESOURCE_PATH, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = g_object_new (LIMBER_TYPE_WINDOW, "library", library, NULL);
  g_object_set_data_full (G_OBJECT (window), "output", g_strdup (argv[1]), g_free);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (search != NULL)
    limber_window_set_search_text (window, search);
  if (exercise != NULL && !limber_window_show_exercise (window, exercise))
    {
      g_printerr ("screenshot: no exercise \"%s\"\n", exercise);
      return 1;
    }
  if (demo_time >= 0)
    {
      GtkWidget *view = find_figure_view (GTK_WIDGET (window));

      limber_figure_view_set_playing (LIMBER_FIGURE_VIEW (view), FALSE);
      limber_figure_view_set_time (LIMBER_FIGURE_VIEW (view), demo_time);
    }
  gtk_window_present (GTK_WINDOW (window));

  /* Long enough for the first frames and any leaflet transition. */
  g_timeout_add (1200, render_cb, window);

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
