/* limber-program-file.c: reads and writes `.limber` program files. The file travels with
 * the patient, so it is read as strictly as a patient document. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-patient-private.h"
#include "limber-program-file.h"

LimberClinic *
limber_clinic_new (void)
{
  LimberClinic *clinic = g_new0 (LimberClinic, 1);

  clinic->name = g_strdup ("");
  clinic->address = g_strdup ("");
  clinic->phone = g_strdup ("");
  clinic->therapist = g_strdup ("");
  return clinic;
}

LimberClinic *
limber_clinic_copy (const LimberClinic *clinic)
{
  LimberClinic *copy = g_new0 (LimberClinic, 1);

  copy->name = g_strdup (clinic->name);
  copy->address = g_strdup (clinic->address);
  copy->phone = g_strdup (clinic->phone);
  copy->therapist = g_strdup (clinic->therapist);
  copy->logo = clinic->logo != NULL ? g_bytes_ref (clinic->logo) : NULL;
  return copy;
}

void
limber_clinic_free (LimberClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->name);
  g_free (clinic->address);
  g_free (clinic->phone);
  g_free (clinic->therapist);
  g_clear_pointer (&clinic->logo, g_bytes_unref);
  g_free (clinic);
}

/* A logo is told by its first bytes, not by a name that may lie. */
const char *
limber_logo_get_media_type (GBytes *logo)
{
  static const guchar png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const char *data = g_bytes_get_data (logo, &size);
  g_autofree char *head = NULL;

  if (size >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    return "image/png";

  head = g_strndup (data, MIN (size, 4096));
  if (strstr (head, "<svg") != NULL)
    return "image/svg+xml";

  return NULL;
}

static gboolean
prefix_file (GError     **error,
             const char  *file)
{
  if (file != NULL)
    g_prefix_error (error, "%s: ", file);
  return FALSE;
}

/* A logo is drawn on every handout, in the window's thread: a picture that would take seconds
 * or hundreds of megabytes to draw (a huge PNG, an SVG that repeats itself) is refused. @file,
 * when not NULL, starts the message. */
gboolean
limber_logo_check (GBytes      *logo,
                   const char  *file,
                   GError     **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (logo, &size);
  const char *type = limber_logo_get_media_type (logo);

  if (size > LIMBER_CLINIC_MAX_LOGO)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   _("the logo is larger than %u KB"), LIMBER_CLINIC_MAX_LOGO / 1024);
      return prefix_file (error, file);
    }
  if (type == NULL)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   _("the logo is neither a PNG nor an SVG picture"));
      return prefix_file (error, file);
    }

  if (g_str_equal (type, "image/png"))
    {
      /* The size is in the header (IHDR), before any pixel is decoded. */
      guint32 width = size >= 24 ? GUINT32_FROM_BE (*(guint32 *) (gpointer) (data + 16)) : 0;
      guint32 height = size >= 24 ? GUINT32_FROM_BE (*(guint32 *) (gpointer) (data + 20)) : 0;

      if (width > LIMBER_LOGO_MAX_PIXELS || height > LIMBER_LOGO_MAX_PIXELS)
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                       _("the logo is %u × %u pixels; at most %u on each side"), width, height,
                       LIMBER_LOGO_MAX_PIXELS);
          return prefix_file (error, file);
        }
    }
  else
    {
      g_autofree char *text = g_strndup ((const char *) data, size);
      guint uses = 0;

      /* <use>, <svg:use> and the like: each may copy a part that holds more of them. */
      for (const char *p = text; (p = strchr (p, '<')) != NULL; p++)
        {
          const char *name = p + 1, *colon;

          while (*name == ' ')
            name++;
          colon = name;
          while (g_ascii_isalnum (*colon) || *colon == '_' || *colon == '-' || *colon == '.')
            colon++;
          if (*colon == ':')
            name = colon + 1;
          if (g_str_has_prefix (name, "use") &&
              (name[3] == '/' || name[3] == '>' || g_ascii_isspace (name[3])))
            uses++;
        }
      if (strstr (text, "<!ENTITY") != NULL || uses > LIMBER_LOGO_MAX_USES)
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       _("the logo repeats its parts too often to draw (more than %u <use> "
                         "elements, or entities)"), LIMBER_LOGO_MAX_USES);
          return prefix_file (error, file);
        }
    }
  return TRUE;
}

gboolean
limber_clinic_set_logo (LimberClinic  *clinic,
                        GBytes        *logo,
                        const char    *file,
                        GError       **error)
{
  g_return_val_if_fail (clinic != NULL, FALSE);

  if (logo != NULL && !limber_logo_check (logo, file, error))
    return FALSE;

  g_clear_pointer (&clinic->logo, g_bytes_unref);
  clinic->logo = logo != NULL ? g_bytes_ref (logo) : NULL;
  return TRUE;
}

LimberProgramFile *
limber_program_file_new (const char          *patient_name,
                         const LimberProgram *program,
                         const LimberClinic  *clinic,
                         GDateTime           *exported)
{
  LimberProgramFile *file = g_new0 (LimberProgramFile, 1);

  g_return_val_if_fail (patient_name != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);

  file->patient_name = g_strdup (patient_name);
  file->program = limber_program_copy (program);
  file->clinic = clinic != NULL ? limber_clinic_copy (clinic) : limber_clinic_new ();
  file->exported = exported != NULL ? g_date_time_ref (exported) : g_date_time_new_now_utc ();
  return file;
}

void
limber_program_file_free (LimberProgramFile *file)
{
  if (file == NULL)
    return;
  g_free (file->patient_name);
  g_free (file->patient_id);
  g_clear_pointer (&file->clinic, limber_clinic_free);
  g_clear_pointer (&file->program, limber_program_free);
  g_clear_pointer (&file->exported, g_date_time_unref);
  g_free (file);
}

static gboolean
dup_text (JsonObject            *object,
          const LimberJsonPlace *place,
          const char            *member,
          guint                  max_chars,
          char                 **out,
          GError               **error)
{
  const char *text;

  if (!limber_json_get_user_text (object, place, member, TRUE, &text, error) ||
      !limber_check_length (text, max_chars, place, member, error))
    return FALSE;

  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

/* Base64 that g_base64_decode () would read past silently is refused here. */
static GBytes *
decode_base64 (const char  *encoded,
               const char  *file,
               GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize decoded_length;
  guchar *decoded;

  /* Line breaks, as the base64 tool writes every 76 characters, are allowed. */
  for (const char *p = encoded; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (text, *p);

  if (text->len > (LIMBER_CLINIC_MAX_LOGO / 3 + 1) * 4)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_RANGE,
                   "%s: clinic.logo: the logo is larger than %u KB", file,
                   LIMBER_CLINIC_MAX_LOGO / 1024);
      return NULL;
    }
  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      if (!g_ascii_isalnum (c) && c != '+' && c != '/' && !(c == '=' && i + 2 >= text->len))
        {
          g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                       "%s: clinic.logo: expected base64 text, got “%c”", file,
                       g_ascii_isprint (c) ? c : '?');
          return NULL;
        }
    }
  if (text->len % 4 != 0)
    {
      g_set_error (error, LIMBER_DATA_ERROR, LIMBER_DATA_ERROR_VALUE,
                   "%s: clinic.logo: base64 text is cut short", file);
      return NULL;
    }

  decoded = g_base64_decode (text->str, &decoded_length);
  return g_bytes_new_take (decoded, decoded_length);
}

static gboolean
load_clinic (JsonObject    *root,
             const char    *file,
             LimberClinic  *clinic,
             GError       **error)
{
  static const char * const members[] = { "name", "address", "phone", "therapist", "logo", NULL };
  LimberJsonPlace place = { file, "clinic" };
  const char *logo_text;
  g_autoptr(GBytes) logo = NULL;
  JsonObject *object;

  if (!(object = limber_json_get_object (root, &(LimberJsonPlace) { file, "" }, "clinic", FALSE,
                                         error)) ||
      !limber_json_check_members (object, &place, members, error) ||
      !dup_text (object, &place, "name", LIMBER_PATIENT_MAX_NAME, &clinic->name, error) ||
      !dup_text (object, &place, "address", LIMBER_CLINIC_MAX_TEXT, &clinic->address, error) ||
      !dup_text (object, &place, "phone", LIMBER_PATIENT_MAX_NAME, &clinic->phone, error) ||
      !dup_text (object, &place, "therapist", LIMBER_PATIENT_MAX_NAME, &clinic->therapist, error) ||
      !limber_json_get_user_text (object, &place, "logo", TRUE, &logo_text, error))
    return FALSE;

  if (logo_text[0] == '\0')
    return TRUE;

  if (!(logo = decode_base64 (logo_text, file, error)))
    return FALSE;

  {
    g_autofree char *where = g_strdup_printf ("%s: clinic.logo", file);

    return limber_clinic_set_logo (clinic, logo, where, error);
  }
}

/* The record the program came from, optional: files written before it was kept have none.
 * Limber on the patient's PC keeps their log under it, so the log finds its way back. */
static gboolean
load_patient_id (JsonObject            *patient,
                 const LimberJsonPlace *place,
                 char                 **out,
                 GError               **error)
{
  const char *id;

  if (!json_object_has_member (patient, "id"))
    return TRUE;

  if (!(id = limber_json_get_string (patient, place, "id", error)) ||
      !limber_check_length (id, LIMBER_PATIENT_MAX_NAME, place, "id", error))
    return FALSE;

  *out = g_strdup (id);
  return TRUE;
}

LimberProgramFile *
limber_program_file_load (GBytes      *bytes,
                          const char  *file,
                          GError     **error)
{
  static const char * const members[] = {
    "schema_version", "kind", "exported", "patient", "clinic", "program", NULL
  };
  static const char * const patient_members[] = { "id", "name", "large_print", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LimberProgramFile) result = g_new0 (LimberProgramFile, 1);
  LimberJsonPlace place = { file, "" };
  LimberJsonPlace patient_place = { file, "patient" };
  LimberJsonPlace program_place = { file, "program" };
  JsonObject *root, *patient, *program;
  const char *name;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  result->clinic = limber_clinic_new ();

  if (!(root = limber_document_parse (bytes, file, LIMBER_PROGRAM_FILE_SCHEMA_VERSION, &parser,
                                      error)) ||
      !limber_document_check_kind (root, file, "program", error) ||
      !limber_json_check_members (root, &place, members, error))
    return NULL;

  if (!(result->exported = limber_json_get_date_time (root, &place, "exported", error)) ||
      !(patient = limber_json_get_object (root, &place, "patient", FALSE, error)) ||
      !limber_json_check_members (patient, &patient_place, patient_members, error) ||
      !(name = limber_json_get_string (patient, &patient_place, "name", error)) ||
      !limber_check_length (name, LIMBER_PATIENT_MAX_NAME, &patient_place, "name", error) ||
      !limber_json_get_bool (patient, &patient_place, "large_print", &result->large_print, error) ||
      !load_patient_id (patient, &patient_place, &result->patient_id, error) ||
      !load_clinic (root, file, result->clinic, error) ||
      !(program = limber_json_get_object (root, &place, "program", FALSE, error)) ||
      !(result->program = limber_program_load_plain (program, &program_place, error)))
    return NULL;

  result->patient_name = g_strdup (name);
  return g_steal_pointer (&result);
}

char *
limber_program_file_to_data (const LimberProgramFile *file,
                             gsize                   *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (file->exported);
  g_autofree char *exported = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, LIMBER_PROGRAM_FILE_SCHEMA_VERSION);
  limber_json_add_string (builder, "kind", "program");
  limber_json_add_string (builder, "exported", exported);

  json_builder_set_member_name (builder, "patient");
  json_builder_begin_object (builder);
  if (file->patient_id != NULL)
    limber_json_add_string (builder, "id", file->patient_id);
  limber_json_add_string (builder, "name", file->patient_name);
  json_builder_set_member_name (builder, "large_print");
  json_builder_add_boolean_value (builder, file->large_print);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "clinic");
  json_builder_begin_object (builder);
  limber_json_add_string (builder, "name", file->clinic->name);
  limber_json_add_string (builder, "address", file->clinic->address);
  limber_json_add_string (builder, "phone", file->clinic->phone);
  limber_json_add_string (builder, "therapist", file->clinic->therapist);
  if (file->clinic->logo != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (file->clinic->logo, &size);
      g_autofree char *encoded = g_base64_encode (data, size);

      limber_json_add_string (builder, "logo", encoded);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "program");
  limber_program_save_plain (builder, file->program);
  json_builder_end_object (builder);

  return limber_document_to_data (builder, length);
}

/* One part of a file name: characters that Windows shares and FAT drives refuse become "-",
 * and a long name is cut at a character, so the whole stays well under 255 bytes. */
static void
append_part (GString    *name,
             const char *part)
{
  const char *end = part;

  /* At most this many bytes, ending at a whole character. */
  while (*end != '\0' && g_utf8_next_char (end) - part <= LIMBER_FILE_NAME_PART_BYTES)
    end = g_utf8_next_char (end);

  for (const char *p = part; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Controls and direction overrides could disguise the name's ending ("fdp.exe"); joiners,
       * which some scripts' names need, stay. */
      if (g_unichar_iscntrl (c) || c == 0x061c || c == 0x200e || c == 0x200f ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
          (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (name, '-');
      else
        g_string_append_len (name, p, g_utf8_next_char (p) - p);
    }
}

/* "Zoë Ødegård – Hip pain – 2026-11-26.pdf": a name no file system refuses. */
char *
limber_program_file_suggest_name (const char *patient_name,
                                  const char *program_name,
                                  GDateTime  *date,
                                  const char *extension)
{
  g_autofree char *day = date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  append_part (name, patient_name);
  g_string_append (name, " – ");
  append_part (name, program_name);
  if (day != NULL)
    g_string_append_printf (name, " – %s", day);

  /* A leading dot would hide the file. */
  while (name->str[0] == '.')
    g_string_erase (name, 0, 1);

  g_string_append (name, extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}
