/* limber-dosage.h: how much of an exercise to do: repetitions, hold, side, how often. */
#pragma once

#include <json-glib/json-glib.h>

#include "limber-json.h"
#include "limber-types.h"
#include "limber-units.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_DOSAGE (limber_dosage_get_type ())

/* Ranges a dosage must fall in; wide enough for any clinical prescription. */
#define LIMBER_DOSAGE_MAX_SETS 10
#define LIMBER_DOSAGE_MAX_REPS 100
#define LIMBER_DOSAGE_MAX_HOLD_SECONDS 600
#define LIMBER_DOSAGE_MAX_TIMES_PER_DAY 6
#define LIMBER_DOSAGE_MAX_AMPLITUDE_CM 200.0

typedef struct
{
  guint           sets;
  guint           reps_min;
  guint           reps_max;
  LimberRepUnit   rep_unit;
  guint           hold_seconds;
  LimberSide      side;
  guint           days_per_week_min;
  guint           days_per_week_max;
  guint           times_per_day;
  LimberAmplitude amplitude;
  double          amplitude_cm;
  double          amplitude_in;
} LimberDosage;

GType         limber_dosage_get_type         (void) G_GNUC_CONST;
LimberDosage *limber_dosage_copy             (const LimberDosage    *dosage);
void          limber_dosage_free             (LimberDosage          *dosage);
gboolean      limber_dosage_load             (LimberDosage          *dosage,
                                              JsonObject            *object,
                                              const LimberJsonPlace *place,
                                              GError               **error);
char         *limber_dosage_format           (const LimberDosage    *dosage);
char         *limber_dosage_format_amount    (const LimberDosage    *dosage);
char         *limber_dosage_format_frequency (const LimberDosage    *dosage);
char         *limber_dosage_format_amplitude (const LimberDosage    *dosage,
                                              LimberUnits            units);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberDosage, limber_dosage_free)

G_END_DECLS
