/* limber-library.h: the exercise library, a list of LimberExercise, and its general guidance. */
#pragma once

#include <gio/gio.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_LIBRARY (limber_library_get_type ())
#define LIMBER_LIBRARY_RESOURCE_PATH RESOURCE_PREFIX "/exercises"

G_DECLARE_FINAL_TYPE (LimberLibrary, limber_library, LIMBER, LIBRARY, GObject)

/* A titled list of advice, such as "Stretching safely" or the red flags. */
typedef struct
{
  char  *id;
  char  *title;
  GStrv  items;
} LimberGuideSection;

LimberLibrary            *limber_library_new                (void);
gboolean                  limber_library_load_resource      (LimberLibrary *self,
                                                             const char    *path,
                                                             GError       **error);
gboolean                  limber_library_load_directory     (LimberLibrary *self,
                                                             GFile         *directory,
                                                             GError       **error);
LimberExercise           *limber_library_lookup             (LimberLibrary *self,
                                                             const char    *id);
guint                     limber_library_get_n_guide_sections (LimberLibrary *self);
const LimberGuideSection *limber_library_get_guide_section  (LimberLibrary *self,
                                                             guint          position);
const LimberGuideSection *limber_library_lookup_guide_section (LimberLibrary *self,
                                                               const char    *id);

G_END_DECLS
