/* limber-guide-page.h: the library's general safety advice and red flags. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_GUIDE_PAGE (limber_guide_page_get_type ())

G_DECLARE_FINAL_TYPE (LimberGuidePage, limber_guide_page, LIMBER, GUIDE_PAGE, GtkWidget)

void limber_guide_page_set_library (LimberGuidePage *self,
                                    LimberLibrary   *library);

G_END_DECLS
