/* limber-session-start.c: see limber-session-start.h. */

#define G_LOG_DOMAIN "Limber"

#include "config.h"

#include "limber-player.h"
#include "limber-session-log.h"
#include "limber-session-start.h"

/* The player says "logged" after every exercise and at the end: the session so far replaces
 * the copy kept in the record, so a session left half way keeps what was done. The record is
 * named by its id, never held: the owner may have read it again meanwhile. */
static void
logged_cb (LimberPlayer  *player,
           LimberSession *session,
           gpointer       owner)
{
  const char *patient_id = g_object_get_data (G_OBJECT (player), "limber-patient-id");
  LimberSessionLoggedFunc logged = g_object_get_data (G_OBJECT (player), "limber-logged");

  logged (patient_id, session, owner);
}

/* Opens the player on @program (NULL: @patient's active program), with the clinic's videos from the store
 * folder @video_folder (NULL on the patient's own PC, where there are none). @owner (a
 * GObject) gets @logged calls for as long as it lives. */
GtkWidget *
limber_session_start (GtkWindow              *parent,
                      LimberLibrary          *library,
                      LimberPatient          *patient,
                      const LimberProgram    *program,
                      GSettings              *settings,
                      GFile                  *video_folder,
                      LimberSessionLoggedFunc logged,
                      gpointer                owner)
{
  LimberPlayer *player;

  if (program == NULL)
    program = limber_patient_get_active_program (patient);
  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  player = limber_player_new (parent, library, program, settings);
  limber_player_set_video_folder (player, video_folder);
  g_object_set_data_full (G_OBJECT (player), "limber-patient-id", g_strdup (patient->id), g_free);
  g_object_set_data (G_OBJECT (player), "limber-logged", logged);
  g_signal_connect_object (player, "logged", G_CALLBACK (logged_cb), owner, 0);
  gtk_window_present (GTK_WINDOW (player));

  return GTK_WIDGET (player);
}
