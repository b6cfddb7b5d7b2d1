/* limber-session-start.c: see limber-session-start.h. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include "limber-player.h"
#include "limber-session-log.h"
#include "limber-session-start.h"

/* The player says "logged" after every exercise and at the end: the session so far replaces
 * the copy kept in the record, so a session left half way keeps what was done. */
static void
logged_cb (LimberPlayer  *player,
           LimberSession *session,
           gpointer       owner)
{
  LimberPatient *patient = g_object_get_data (G_OBJECT (player), "limber-patient");
  LimberSessionSavedFunc saved = g_object_get_data (G_OBJECT (player), "limber-saved");

  limber_patient_add_session (patient, limber_session_copy (session));
  saved (patient, owner);
}

/* Opens the player on @program (NULL: @patient's active program), with the clinic's videos from the store
 * folder @video_folder (NULL on the patient's own PC, where there are none). @owner (a
 * GObject) gets @saved calls for as long as it lives; the player keeps the record meanwhile. */
GtkWidget *
limber_session_start (GtkWindow              *parent,
                      LimberLibrary          *library,
                      LimberPatient          *patient,
                      const LimberProgram    *program,
                      GSettings              *settings,
                      GFile                  *video_folder,
                      LimberSessionSavedFunc  saved,
                      gpointer                owner)
{
  LimberPlayer *player;

  if (program == NULL)
    program = limber_patient_get_active_program (patient);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  player = limber_player_new (parent, library, program, settings);
  limber_player_set_video_folder (player, video_folder);
  g_object_set_data_full (G_OBJECT (player), "limber-patient", limber_patient_ref (patient),
                          (GDestroyNotify) limber_patient_unref);
  g_object_set_data (G_OBJECT (player), "limber-saved", saved);
  g_signal_connect_object (player, "logged", G_CALLBACK (logged_cb), owner, 0);
  gtk_window_present (GTK_WINDOW (player));

  return GTK_WIDGET (player);
}
