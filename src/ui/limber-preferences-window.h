/* limber-preferences-window.h: where patient records are kept, the units, and the clinic's and
 * therapist's details printed on handouts. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PREFERENCES_WINDOW (limber_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window,
                      LIMBER, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *limber_preferences_window_new (GtkWindow *parent);

G_END_DECLS
