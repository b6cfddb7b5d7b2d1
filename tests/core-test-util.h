/* core-test-util.h: what the tests of the model layers share. */
#pragma once

#include "limber-library.h"

G_BEGIN_DECLS

LimberLibrary *load_library (void);
void           remove_tree  (const char *path);

G_END_DECLS
