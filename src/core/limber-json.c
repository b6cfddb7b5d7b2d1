/* limber-json.c: strict readers for the JSON documents Limber loads. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-json.h"

/* The earliest year of a moment in a document: no record is older. */
#define MIN_YEAR 1900

G_DEFINE_QUARK (limber-data-error-quark, limber_data_error)

char *
limber_json_place_format (const LimberJsonPlace *place,
                          const char            *member)
{
  g_return_val_if_fail (place != NULL, NULL);

  if (place->path != NULL && *place->path != '\0')
    {
      if (member == NULL)
        return g_strdup (place->path);
      return g_strdup_printf ("%s.%s", place->path, member);
    }

  return g_strdup (member != NULL ? member : "(document)");
}

static void G_GNUC_PRINTF (5, 6)
set_error (GError               **error,
           LimberDataError        code,
           const LimberJsonPlace *place,
           const char            *member,
           const char            *format,
           ...)
{
  g_autofree char *field = limber_json_place_format (place, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LIMBER_DATA_ERROR, code, "%s: %s: %s", place->file, field, message);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
      return "a whole number";
    case G_TYPE_DOUBLE:
      return "a decimal number";
    default:
      return "an unknown value";
    }
}

/* Limber's documents nest a few levels; json-glib parses recursively, so a document nested
 * a million levels deep would overflow the stack before any check could refuse it. */
#define MAX_DEPTH 64
/* json-glib reads a whole number past 2^63 as a wrong one (2^64 as -1): longer runs of digits
 * are refused here, rather than reported with a value the file does not hold. */
#define MAX_DIGITS 18
/* The longest text in a document is a clinic's logo, at most 1 MB before base64. */
#define MAX_STRING (4u << 20)

static gboolean
check_depth (GBytes      *bytes,
             const char  *file,
             GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize string_start = 0, member_start = 0, member_length = 0;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            {
              in_string = FALSE;
              if (i - string_start > MAX_STRING)
                {
                  g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                               "%s: a text larger than %u MB", file, MAX_STRING >> 20);
                  return FALSE;
                }
              /* At the top, the last text before a nested value is its member's name. */
              if (depth == 1)
                {
                  member_start = string_start;
                  member_length = i - string_start;
                }
            }
        }
      else if (data[i] == '"')
        {
          in_string = TRUE;
          string_start = i + 1;
        }
      else if ((data[i] == '[' || data[i] == '{') && ++depth > MAX_DEPTH)
        {
          g_autofree char *member = g_utf8_make_valid (data + member_start, MIN (member_length, 100));

          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE,
                       "%s: %s: nested more than %u levels deep", file,
                       member_length > 0 ? member : "(document)", MAX_DEPTH);
          return FALSE;
        }
      else if ((data[i] == ']' || data[i] == '}') && depth > 0)
        depth--;
      else if (g_ascii_isdigit (data[i]) && (i == 0 || data[i - 1] != '.'))
        {
          gsize end = i;

          while (end < size && g_ascii_isdigit (data[end]))
            end++;
          /* Decimals and exponents are doubles, which json-glib reads right. */
          if (end - i > MAX_DIGITS && (end == size || (data[end] != '.' && data[end] != 'e' &&
                                                       data[end] != 'E')))
            {
              g_autofree char *member = g_utf8_make_valid (data + member_start,
                                                           MIN (member_length, 100));

              g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                           "%s: %s: a whole number of more than %u digits", file,
                           member_length > 0 ? member : "(document)", MAX_DIGITS);
              return FALSE;
            }
          i = end - 1;
        }
    }

  return TRUE;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* The value of a \u escape with its four hex digits, or -1 when @p does not start one. */
static int
read_escape (const char *p,
             const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* Past a string that starts at p, or NULL when it does not end or has an escape that is not
 * JSON's (the fault and what it is then go in *fault and *what). */
static const char *
skip_string (const char  *p,
             const char  *end,
             const char **fault,
             const char **what)
{
  for (p++; p < end && *p != '"'; p++)
    {
      int escape, low;

      if (*p != '\\')
        continue;
      if (p + 1 < end && p[1] != '\0' && strchr ("\"\\/bfnrt", p[1]))
        {
          p++;
          continue;
        }

      escape = read_escape (p, end);
      if (escape >= 0xd800 && escape <= 0xdbff &&
          (low = read_escape (p + 6, end)) >= 0xdc00 && low <= 0xdfff)
        p += 11;
      else if (escape >= 0 && (escape < 0xd800 || escape > 0xdfff))
        p += 5;
      else
        {
          *fault = p;
          *what = escape < 0 ? "an escape JSON has not, such as \\x or \\u12"
                             : "an unpaired surrogate escape such as \\ud800";
          return NULL;
        }
    }

  return p < end ? p + 1 : NULL;
}

/* What json-glib 1.6 gets wrong, looked for before it reads a document: it takes an object or
 * an array after the first value as part of the document and leaks it ("{…}{…}" loaded); it
 * decodes an unpaired surrogate escape ("\ud800") into bytes that are not UTF-8, to be saved
 * as a file that cannot be read again; it takes escapes JSON has not ("\x"), and leaks on
 * some ("\ud8h"). Returns the fault and says what it is, or NULL when there is none or the
 * document is broken otherwise (json-glib then says where). */
#define OUTSIDE_TEXT " \t\n\r{}[],:-+.0123456789eEtruefalsn"

static const char *
find_fault (const char  *data,
            const char  *end,
            const char **what)
{
  const char *p = skip_space (data, end), *fault = NULL;
  int depth = 0;

  /* Outside text, only structure, numbers, true, false and null: json-glib also takes
   * comments, and leaks on some ("{/1{/}{}"). */
  *what = "a character JSON has not outside text, such as / or '";
  if (p < end && !strchr ("{[\"", *p))
    {
      /* A number or a literal. */
      for (; p < end && !strchr (" \t\n\r{}[]\",:", *p); p++)
        if (!strchr (OUTSIDE_TEXT, *p))
          return p;
    }
  else
    do
      {
        if (p >= end)
          return NULL;
        if (*p == '"')
          {
            if (!(p = skip_string (p, end, &fault, what)))
              return fault;
            continue;
          }
        if (!strchr (OUTSIDE_TEXT, *p))
          return p;
        if (*p == '{' || *p == '[')
          depth++;
        else if (*p == '}' || *p == ']')
          depth--;
        p++;
      }
    while (depth > 0);

  *what = "more follows the end of the document";
  p = skip_space (p, end);
  return p < end ? p : NULL;
}

JsonObject *
limber_json_parse_object (GBytes      *bytes,
                          const char  *file,
                          JsonParser **parser_out,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *data, *fault, *what;
  gsize size;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (parser_out != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE,
                   "%s: the file is empty", file);
      return NULL;
    }

  /* Checked before any parsing: a 100 MB file takes seconds and hundreds of MB to parse. */
  if (size > LIMBER_JSON_MAX_SIZE)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE,
                   "%s: the file is larger than %u MB", file, LIMBER_JSON_MAX_SIZE >> 20);
      return NULL;
    }

  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE,
                   "%s: the file is not valid UTF-8 text", file);
      return NULL;
    }

  if (!check_depth (bytes, file, error))
    return NULL;

  if ((fault = find_fault (data, data + size, &what)) != NULL)
    {
      guint line = 1;

      for (const char *p = data; p < fault; p++)
        line += *p == '\n';
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE,
                   "%s: not valid JSON: line %u: %s", file, line, what);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* json-glib's message may quote text it decoded: keep it UTF-8 for the UI. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_PARSE,
                   "%s: not valid JSON: %s", file, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_TYPE,
                   "%s: expected a JSON object at the top, got %s", file,
                   root != NULL ? describe_node (root) : "nothing");
      return NULL;
    }

  *parser_out = g_steal_pointer (&parser);
  return json_node_get_object (root);
}

gboolean
limber_json_check_members (JsonObject            *object,
                           const LimberJsonPlace *place,
                           const char * const    *known,
                           GError               **error)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        {
          set_error (error, LIMBER_DATA_ERROR_UNKNOWN_FIELD, place, name, "unknown field");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static JsonNode *
get_member (JsonObject            *object,
            const LimberJsonPlace *place,
            const char            *member,
            GError               **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    set_error (error, LIMBER_DATA_ERROR_MISSING, place, member, "missing");

  return node;
}

const char *
limber_json_get_string (JsonObject            *object,
                        const LimberJsonPlace *place,
                        const char            *member,
                        GError               **error)
{
  JsonNode *node;
  const char *value;

  if (!(node = get_member (object, place, member, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected text, got %s", describe_node (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (value == NULL || is_blank (value))
    {
      set_error (error, LIMBER_DATA_ERROR_VALUE, place, member, "expected text, got an empty string");
      return NULL;
    }

  return value;
}

gboolean
limber_json_get_uint (JsonObject            *object,
                      const LimberJsonPlace *place,
                      const char            *member,
                      guint                  min,
                      guint                  max,
                      guint                 *out,
                      GError               **error)
{
  JsonNode *node;
  gint64 value;

  if (!(node = get_member (object, place, member, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected a whole number %u–%u, got %s", min, max, describe_node (node));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < (gint64) min || value > (gint64) max)
    {
      set_error (error, LIMBER_DATA_ERROR_RANGE, place, member,
                 "expected %u–%u, got %" G_GINT64_FORMAT, min, max, value);
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

gboolean
limber_json_get_double (JsonObject            *object,
                        const LimberJsonPlace *place,
                        const char            *member,
                        double                 min,
                        double                 max,
                        double                *out,
                        GError               **error)
{
  JsonNode *node;
  double value;

  if (!(node = get_member (object, place, member, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected a number %g–%g, got %s", min, max, describe_node (node));
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || value < min || value > max)
    {
      set_error (error, LIMBER_DATA_ERROR_RANGE, place, member,
                 "expected %g–%g, got %g", min, max, value);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* A document's schema_version: one this Limber writes or an older one, never a newer one. */
gboolean
limber_json_check_version (JsonObject            *object,
                           const LimberJsonPlace *place,
                           guint                  supported,
                           GError               **error)
{
  guint version;

  if (!limber_json_get_uint (object, place, "schema_version", 1, G_MAXINT, &version, error))
    return FALSE;

  if (version > supported)
    {
      set_error (error, LIMBER_DATA_ERROR_VERSION, place, "schema_version",
                 "this version of Limber reads version %u, got %u", supported, version);
      return FALSE;
    }

  return TRUE;
}

gboolean
limber_json_get_enum (JsonObject            *object,
                      const LimberJsonPlace *place,
                      const char            *member,
                      GType                  enum_type,
                      int                   *out,
                      GError               **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  g_autoptr(GString) allowed = g_string_new (NULL);
  GEnumValue *enum_value;
  const char *nick;

  if (!(nick = limber_json_get_string (object, place, member, error)))
    return FALSE;

  enum_value = g_enum_get_value_by_nick (enum_class, nick);
  if (enum_value != NULL)
    {
      *out = enum_value->value;
      return TRUE;
    }

  for (guint i = 0; i < enum_class->n_values; i++)
    g_string_append_printf (allowed, "%s\"%s\"", i > 0 ? ", " : "",
                            enum_class->values[i].value_nick);

  set_error (error, LIMBER_DATA_ERROR_VALUE, place, member,
             "expected one of %s, got \"%s\"", allowed->str, nick);
  return FALSE;
}

JsonObject *
limber_json_get_object (JsonObject            *object,
                        const LimberJsonPlace *place,
                        const char            *member,
                        gboolean               optional,
                        GError               **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!optional)
        set_error (error, LIMBER_DATA_ERROR_MISSING, place, member, "missing");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected an object, got %s", describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
limber_json_get_array (JsonObject            *object,
                       const LimberJsonPlace *place,
                       const char            *member,
                       guint                  min_items,
                       GError               **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!(node = get_member (object, place, member, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected a list, got %s", describe_node (node));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) < min_items)
    {
      set_error (error, LIMBER_DATA_ERROR_RANGE, place, member,
                 "expected at least %u item%s, got %u", min_items, min_items == 1 ? "" : "s",
                 json_array_get_length (array));
      return NULL;
    }

  return array;
}

GStrv
limber_json_get_strv (JsonObject            *object,
                      const LimberJsonPlace *place,
                      const char            *member,
                      guint                  min_items,
                      GError               **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (!(array = limber_json_get_array (object, place, member, min_items, error)))
    return NULL;

  builder = g_strv_builder_new ();
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *value = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        value = json_node_get_string (node);

      if (value == NULL || is_blank (value))
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", member, i);
          set_error (error, LIMBER_DATA_ERROR_TYPE, place, item, "expected text, got %s",
                     value != NULL ? "an empty string" : describe_node (node));
          return NULL;
        }

      g_strv_builder_add (builder, value);
    }

  return g_strv_builder_end (builder);
}

/* Text a person reads: non-empty, translated through Limber's catalogue. */
gboolean
limber_json_dup_text (JsonObject            *object,
                      const LimberJsonPlace *place,
                      const char            *member,
                      char                 **out,
                      GError               **error)
{
  const char *text = limber_json_get_string (object, place, member, error);

  if (text == NULL)
    return FALSE;

  *out = g_strdup (g_dgettext (GETTEXT_PACKAGE, text));
  return TRUE;
}

gboolean
limber_json_dup_texts (JsonObject            *object,
                       const LimberJsonPlace *place,
                       const char            *member,
                       guint                  min_items,
                       GStrv                 *out,
                       GError               **error)
{
  GStrv strv = limber_json_get_strv (object, place, member, min_items, error);

  if (strv == NULL)
    return FALSE;

  for (guint i = 0; strv[i] != NULL; i++)
    {
      char *translated = g_strdup (g_dgettext (GETTEXT_PACKAGE, strv[i]));

      g_free (strv[i]);
      strv[i] = translated;
    }

  *out = strv;
  return TRUE;
}

/* Text a person typed: may be empty, is never translated. A missing optional member is "". */
gboolean
limber_json_get_user_text (JsonObject            *object,
                           const LimberJsonPlace *place,
                           const char            *member,
                           gboolean               optional,
                           const char           **out,
                           GError               **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && optional)
    {
      *out = "";
      return TRUE;
    }

  if (!(node = get_member (object, place, member, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected text, got %s", describe_node (node));
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
limber_json_get_bool (JsonObject            *object,
                      const LimberJsonPlace *place,
                      const char            *member,
                      gboolean              *out,
                      GError               **error)
{
  JsonNode *node;

  if (!(node = get_member (object, place, member, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_error (error, LIMBER_DATA_ERROR_TYPE, place, member,
                 "expected true or false, got %s", describe_node (node));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A moment as ISO 8601 text with its offset, such as "2026-11-26T09:30:00Z", from 1900 on:
 * it is written back in UTC with a four-digit year, so one whose UTC falls before the year
 * 1000 or after 9999 could not be read again. */
GDateTime *
limber_json_get_date_time (JsonObject            *object,
                           const LimberJsonPlace *place,
                           const char            *member,
                           GError               **error)
{
  const char *text = limber_json_get_string (object, place, member, error);
  g_autoptr(GDateTime) utc = NULL;
  GDateTime *value;

  if (text == NULL)
    return NULL;

  value = g_date_time_new_from_iso8601 (text, NULL);
  if (value != NULL &&
      (!(utc = g_date_time_to_utc (value)) || g_date_time_get_year (utc) < MIN_YEAR))
    g_clear_pointer (&value, g_date_time_unref);
  if (value == NULL)
    set_error (error, LIMBER_DATA_ERROR_VALUE, place, member,
               "expected a date and time such as \"2026-11-26T09:30:00Z\", got \"%s\"", text);

  return value;
}

/* A calendar day as "YYYY-MM-DD". */
GDate *
limber_json_get_date (JsonObject            *object,
                      const LimberJsonPlace *place,
                      const char            *member,
                      GError               **error)
{
  const char *text = limber_json_get_string (object, place, member, error);
  GDate *date;

  if (text == NULL)
    return NULL;

  if (!(date = limber_date_parse_iso (text)))
    set_error (error, LIMBER_DATA_ERROR_VALUE, place, member,
               "expected a date such as \"1956-03-21\", got \"%s\"", text);

  return date;
}

/* "YYYY-MM-DD" and nothing else; NULL for anything else or a day that does not exist. */
GDate *
limber_date_parse_iso (const char *text)
{
  unsigned year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/* "YYYY-MM-DD", or "" for no date. */
char *
limber_date_format_iso (GDate *date)
{
  if (date == NULL)
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A member with text, for the writers of documents. */
void
limber_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* Times are stored in UTC with microseconds, so they sort and compare as text too. */
void
limber_json_add_date_time (JsonBuilder *builder,
                           const char  *member,
                           GDateTime   *value)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (value);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");

  limber_json_add_string (builder, member, text);
}
