/* limber-player-private.h: what tests and the benchmark reach inside the player. */
#pragma once

#include "limber-cues.h"
#include "limber-player.h"

G_BEGIN_DECLS

void limber_player_set_cues (LimberPlayer *self,
                             LimberCues   *cues);
void limber_player_update   (LimberPlayer *self);

G_END_DECLS
