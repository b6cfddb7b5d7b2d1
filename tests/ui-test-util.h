/* ui-test-util.h: what the tests under Xvfb share: starting GTK, letting the main loop run,
 * and finding the widgets a person would see. */
#pragma once

#include <adwaita.h>

#include "core-test-util.h"

G_BEGIN_DECLS

gboolean ui_test_init (int     *argc,
                       char  ***argv);
void     drain        (void);
void     wait_for     (gboolean (*condition) (gpointer),
                       gpointer  data);
gboolean is_mapped    (gpointer  widget);
void     collect      (GtkWidget *widget,
                       GType      type,
                       GPtrArray *found);
void     collect_all  (GtkWidget *widget,
                       GType      type,
                       GPtrArray *found);

GtkWidget *find_titled (GtkWidget  *root,
                        GType       type,
                        const char *text);
GtkWidget *find_first  (GtkWidget  *root,
                        GType       type);
GtkWidget *find_window (GType       type);
void       click       (GtkWidget  *button);
void       wait_for_label (GtkWidget  *root,
                           const char *text);
void       wait_for_dialog (const char *text);

G_END_DECLS
