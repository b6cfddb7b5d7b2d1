/* limber-patient-private.h: the document helpers that the patient record, templates and
 * program files (limber-program-file.c) share. */
#pragma once

#include "limber-patient.h"

G_BEGIN_DECLS

JsonObject    *limber_document_parse      (GBytes                *bytes,
                                           const char            *file,
                                           guint                  supported,
                                           JsonParser           **parser,
                                           GError               **error);
gboolean       limber_document_check_kind (JsonObject            *root,
                                           const char            *file,
                                           const char            *expected,
                                           GError               **error);
char          *limber_document_to_data    (JsonBuilder           *builder,
                                           gsize                 *length);
LimberProgram *limber_program_load_plain  (JsonObject            *object,
                                           const LimberJsonPlace *place,
                                           GError               **error);
void           limber_program_save_plain  (JsonBuilder           *builder,
                                           const LimberProgram   *program);
gboolean       limber_check_length        (const char            *text,
                                           guint                  max_chars,
                                           const LimberJsonPlace *place,
                                           const char            *member,
                                           GError               **error);

G_END_DECLS
