/* limber-ui-util.h: small builders for the text lists the detail pages show. */
#pragma once

#include <adwaita.h>

#include "limber-exercise.h"
#include "limber-patient.h"

G_BEGIN_DECLS

void limber_box_remove_all       (GtkBox             *box);
void limber_box_add_bullets      (GtkBox             *box,
                                  const char * const *items);
void limber_box_add_numbered     (GtkBox             *box,
                                  const char * const *items);

GtkWidget      *limber_exercise_row_new          (gpointer        exercise,
                                                  gpointer        user_data);
LimberExercise *limber_exercise_row_get_exercise (GtkListBoxRow  *row);
void            limber_exercise_kind_header_func (GtkListBoxRow  *row,
                                                  GtkListBoxRow  *before,
                                                  gpointer        user_data);
char *limber_program_format_size     (LimberProgram      *program,
                                      LimberLibrary      *library);
char *limber_format_session_time     (GDateTime          *time);
typedef void (*LimberFileChosenFunc) (GtkWidget *widget,
                                      GFile     *file);

void           limber_choose_file     (GtkWidget            *widget,
                                       const char           *title,
                                       GtkFileChooserAction  action,
                                       const char           *accept_label,
                                       GtkFileFilter        *filter,
                                       const char           *current_name,
                                       LimberFileChosenFunc  chosen);
GtkFileFilter *limber_file_filter_new (const char           *name,
                                       const char           *extension,
                                       const char           *mime_type);
void           limber_show_file_error (GtkWidget            *widget,
                                       const char           *heading,
                                       const char           *body_format,
                                       GFile                *file,
                                       const GError         *error);
void limber_show_message         (GtkWidget          *widget,
                                  const char         *message);
void limber_show_toast           (GtkWidget          *widget,
                                  AdwToast           *toast);
void limber_toast_set_scoped     (AdwToast           *toast);
void limber_dismiss_scoped_toast (GtkWidget          *widget);

GtkFileFilter *limber_video_file_filter_new (void);

G_END_DECLS
