/* limber-handout-export.c: the window's ways out for a program: a PDF file, the printer, and a
 * program file. All three take the clinic from Preferences and the same handout layout. */
#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-export-command.h"
#include "limber-handout-export.h"

/* What the handout shows: the program, the patient's name and print size, the clinic. A logo
 * that cannot be used is left out, and @warning says why. */
LimberProgramFile *
limber_handout_content_new (LimberPatient  *patient,
                            LimberProgram  *program,
                            char          **warning)
{
  g_autoptr(GSettings) settings = limber_settings_new_if_installed ();
  g_autoptr(GError) logo_error = NULL;
  g_autoptr(LimberClinic) clinic = limber_clinic_new_from_settings (settings, &logo_error);
  LimberProgramFile *content;

  g_return_val_if_fail (patient != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);

  if (logo_error != NULL && warning != NULL)
    *warning = g_strdup (logo_error->message);

  content = limber_program_file_new (patient->name, program, clinic, NULL);
  content->large_print = patient->large_print;
  content->patient_id = g_strdup (patient->id);
  return content;
}

static LimberHandout *
handout_new (LimberLibrary  *library,
             LimberPatient  *patient,
             LimberProgram  *program,
             char          **warning)
{
  g_autoptr(LimberProgramFile) content = limber_handout_content_new (patient, program, warning);
  LimberHandout *handout = limber_handout_new (library, content);

  if (limber_handout_get_logo_problem (handout) != NULL && warning != NULL && *warning == NULL)
    *warning = g_strdup (limber_handout_get_logo_problem (handout));
  return handout;
}

gboolean
limber_handout_export_pdf (LimberLibrary  *library,
                           LimberPatient  *patient,
                           LimberProgram  *program,
                           GFile          *file,
                           char          **warning,
                           GError        **error)
{
  g_autoptr(GSettings) settings = limber_settings_new_if_installed ();
  g_autoptr(LimberHandout) handout = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (!limber_program_check_exercises (program, library, patient->name, error))
    return FALSE;
  handout = handout_new (library, patient, program, warning);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Limber can only save to a folder on this computer or a mounted share"));
      return FALSE;
    }
  return limber_handout_write_pdf (handout, limber_paper_from_settings (settings), path, error);
}

/* The file another Limber reads: an exercise this library lacks would make it unreadable. */
gboolean
limber_handout_save_program_file (LimberLibrary  *library,
                                  LimberPatient  *patient,
                                  LimberProgram  *program,
                                  GFile          *file,
                                  char          **warning,
                                  GError        **error)
{
  g_autoptr(LimberProgramFile) content = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!limber_program_check_exercises (program, library, patient->name, error))
    return FALSE;
  content = limber_handout_content_new (patient, program, warning);
  data = limber_program_file_to_data (content, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                  error);
}

/* The print dialog's paper decides the layout; the handout is laid out again for it. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LimberHandout     *handout)
{
  guint n_pages = limber_handout_paginate (handout, gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LimberHandout     *handout)
{
  limber_handout_draw_page (handout, gtk_print_context_get_cairo_context (context), page);
}

GtkPrintOperation *
limber_handout_print_operation_new (LimberLibrary  *library,
                                    LimberPatient  *patient,
                                    LimberProgram  *program,
                                    char          **warning,
                                    GError        **error)
{
  g_autoptr(GSettings) settings = limber_settings_new_if_installed ();
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperation *operation;
  LimberHandout *handout;

  if (!limber_program_check_exercises (program, library, patient->name, error))
    return NULL;

  setup = gtk_page_setup_new ();
  operation = gtk_print_operation_new ();
  handout = handout_new (library, patient, program, warning);
  job = limber_program_file_suggest_name (patient->name, program->name, NULL, "");

  paper = gtk_paper_size_new (limber_paper_from_settings (settings) == LIMBER_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The handout keeps its own margins, in points from the paper's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), handout);
  g_object_set_data_full (G_OBJECT (operation), "limber-handout", handout, g_object_unref);
  return operation;
}
