/* limber-application.h: the application: loads the exercise library once, opens windows. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())

G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new (void);

G_END_DECLS
