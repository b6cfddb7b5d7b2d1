/* limber-player.h: a window that plays one program as a guided session: the demonstration,
 * a countdown readable across a room, sound cues, and a short log after every exercise. */
#pragma once

#include <adwaita.h>

#include "limber-library.h"
#include "limber-patient.h"
#include "limber-session-log.h"
#include "limber-timeline.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PLAYER (limber_player_get_type ())

G_DECLARE_FINAL_TYPE (LimberPlayer, limber_player, LIMBER, PLAYER, AdwWindow)

LimberPlayer   *limber_player_new                (GtkWindow           *transient_for,
                                                  LimberLibrary       *library,
                                                  const LimberProgram *program,
                                                  GSettings           *settings);
void            limber_player_set_clock          (LimberPlayer        *self,
                                                  LimberClockFunc      clock,
                                                  gpointer             user_data);
LimberTimeline *limber_player_get_timeline       (LimberPlayer        *self);
LimberSession  *limber_player_get_session        (LimberPlayer        *self);
void            limber_player_set_demonstration  (LimberPlayer        *self,
                                                  GtkWidget           *widget);
void            limber_player_set_video_folder   (LimberPlayer        *self,
                                                  GFile               *folder);

G_END_DECLS
