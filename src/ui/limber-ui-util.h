/* limber-ui-util.h: small builders for the text lists the detail pages show. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void limber_box_remove_all       (GtkBox             *box);
void limber_box_add_bullets      (GtkBox             *box,
                                  const char * const *items);
void limber_box_add_numbered     (GtkBox             *box,
                                  const char * const *items);

void limber_show_toast           (GtkWidget          *widget,
                                  AdwToast           *toast);

G_END_DECLS
