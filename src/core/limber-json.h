/* limber-json.h: strict readers for the JSON documents Limber loads, with errors that name
 * the file, the field and what was expected. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LIMBER_DATA_ERROR (limber_data_error_quark ())

/* Above any document Limber writes: a patient's 12,000 sessions of 40 exercises each, its
 * largest, is about 100 MB. */
#define LIMBER_JSON_MAX_SIZE (256u << 20)

typedef enum
{
  LIMBER_DATA_ERROR_PARSE,
  LIMBER_DATA_ERROR_MISSING,
  LIMBER_DATA_ERROR_TYPE,
  LIMBER_DATA_ERROR_RANGE,
  LIMBER_DATA_ERROR_VALUE,
  LIMBER_DATA_ERROR_UNKNOWN_FIELD,
  LIMBER_DATA_ERROR_VERSION,
  LIMBER_DATA_ERROR_REFERENCE,
} LimberDataError;

/* Where a value sits: the file it came from and the path of its parent object. */
typedef struct
{
  const char *file;
  const char *path;
} LimberJsonPlace;

GQuark       limber_data_error_quark        (void);

JsonObject  *limber_json_parse_object       (GBytes                *bytes,
                                             const char            *file,
                                             JsonParser           **parser_out,
                                             GError               **error);
gboolean     limber_json_check_members      (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char * const    *known,
                                             GError               **error);
const char  *limber_json_get_string         (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             GError               **error);
gboolean     limber_json_get_uint           (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             guint                  min,
                                             guint                  max,
                                             guint                 *out,
                                             GError               **error);
gboolean     limber_json_get_double         (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             double                 min,
                                             double                 max,
                                             double                *out,
                                             GError               **error);
gboolean     limber_json_get_enum           (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             GType                  enum_type,
                                             int                   *out,
                                             GError               **error);
JsonObject  *limber_json_get_object         (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             gboolean               optional,
                                             GError               **error);
GStrv        limber_json_get_strv           (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             guint                  min_items,
                                             GError               **error);
JsonArray   *limber_json_get_array          (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             guint                  min_items,
                                             GError               **error);
gboolean     limber_json_dup_text           (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             char                 **out,
                                             GError               **error);
gboolean     limber_json_dup_texts          (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             guint                  min_items,
                                             GStrv                 *out,
                                             GError               **error);
gboolean     limber_json_check_version      (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             guint                  supported,
                                             GError               **error);
gboolean     limber_json_get_user_text      (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             gboolean               optional,
                                             const char           **out,
                                             GError               **error);
gboolean     limber_json_get_bool           (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             gboolean              *out,
                                             GError               **error);
GDateTime   *limber_json_get_date_time      (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             GError               **error);
GDate       *limber_json_get_date           (JsonObject            *object,
                                             const LimberJsonPlace *place,
                                             const char            *member,
                                             GError               **error);
GDate       *limber_date_parse_iso          (const char            *text);
char        *limber_date_format_iso         (GDate                 *date);
char        *limber_json_place_format       (const LimberJsonPlace *place,
                                             const char            *member);
void         limber_json_add_string         (JsonBuilder           *builder,
                                             const char            *member,
                                             const char            *value);

void         limber_json_add_date_time      (JsonBuilder           *builder,
                                             const char            *member,
                                             GDateTime             *value);

G_END_DECLS
