/* limber-store.h: the folder of patient documents, one file each, written atomically and
 * never over a change made meanwhile by another computer. */
#pragma once

#include <gio/gio.h>

#include "limber-patient.h"

G_BEGIN_DECLS

#define LIMBER_STORE_ERROR (limber_store_error_quark ())

typedef enum
{
  LIMBER_STORE_ERROR_CONFLICT,   /* the document changed since it was read */
  LIMBER_STORE_ERROR_VANISHED,   /* the document was deleted since it was read */
  LIMBER_STORE_ERROR_WRITE,      /* the folder or disk refused the write */
  LIMBER_STORE_ERROR_READ,       /* the document could not be read or understood */
  LIMBER_STORE_ERROR_FOLDER,     /* the folder itself could not be used */
} LimberStoreError;

/* The steps of an atomic write, where a test can make it fail. */
typedef enum
{
  LIMBER_WRITE_STEP_NONE,
  LIMBER_WRITE_STEP_OPEN,
  LIMBER_WRITE_STEP_WRITE,
  LIMBER_WRITE_STEP_SYNC,
  LIMBER_WRITE_STEP_CLOSE,
  LIMBER_WRITE_STEP_RENAME,
  LIMBER_WRITE_STEP_SYNC_FOLDER,
} LimberWriteStep;

#define LIMBER_TYPE_STORE_ITEM (limber_store_item_get_type ())
G_DECLARE_FINAL_TYPE (LimberStoreItem, limber_store_item, LIMBER, STORE_ITEM, GObject)

#define LIMBER_TYPE_STORE (limber_store_get_type ())
G_DECLARE_FINAL_TYPE (LimberStore, limber_store, LIMBER, STORE, GObject)

GQuark           limber_store_error_quark         (void);

/* One line of the patient list: what it shows and searches, without reading the document. */
const char      *limber_store_item_get_file       (LimberStoreItem *item);
const char      *limber_store_item_get_id         (LimberStoreItem *item);
const char      *limber_store_item_get_name       (LimberStoreItem *item);
const char      *limber_store_item_get_condition  (LimberStoreItem *item);
const char      *limber_store_item_get_notes      (LimberStoreItem *item);
gboolean         limber_store_item_get_archived   (LimberStoreItem *item);
int              limber_store_item_get_age        (LimberStoreItem *item,
                                                   GDate           *today);
const char      *limber_store_item_get_problem    (LimberStoreItem *item);
gboolean         limber_store_item_matches        (LimberStoreItem *item,
                                                   const char      *folded_query);

char            *limber_store_fold                (const char      *text);
char            *limber_store_get_default_folder  (void);
LimberStore     *limber_store_new                 (GFile           *folder,
                                                   const char      *cache_folder);
void             limber_store_set_create_folder   (LimberStore     *self,
                                                   gboolean         create);
GFile           *limber_store_get_folder          (LimberStore     *self);
gboolean         limber_store_load                (LimberStore     *self,
                                                   GError         **error);
GListModel      *limber_store_get_unreadable      (LimberStore     *self);
LimberStoreItem *limber_store_lookup              (LimberStore     *self,
                                                   const char      *id);
LimberPatient   *limber_store_open                (LimberStore     *self,
                                                   LimberStoreItem *item,
                                                   GError         **error);
gboolean         limber_store_save                (LimberStore     *self,
                                                   LimberPatient   *patient,
                                                   GError         **error);
LimberPatient   *limber_store_save_as_copy        (LimberStore     *self,
                                                   LimberPatient   *patient,
                                                   GError         **error);
gboolean         limber_store_delete              (LimberStore     *self,
                                                   LimberPatient   *patient,
                                                   GError         **error);
gboolean         limber_store_refresh_file        (LimberStore     *self,
                                                   const char      *file);
gboolean         limber_store_is_current          (LimberStore     *self,
                                                   LimberPatient   *patient);
void             limber_store_hide                (LimberStore     *self,
                                                   const char      *id);
void             limber_store_unhide              (LimberStore     *self,
                                                   const char      *id);
gboolean         limber_store_write_cache         (LimberStore     *self,
                                                   GError         **error);

GPtrArray       *limber_store_list_templates      (LimberStore     *self,
                                                   GStrv           *problems);
gboolean         limber_store_save_template       (LimberStore     *self,
                                                   LimberProgram   *template,
                                                   GError         **error);

gboolean         limber_write_file_atomically     (GFile           *folder,
                                                   const char      *name,
                                                   const char      *data,
                                                   gsize            length,
                                                   LimberWriteStep  fail_at,
                                                   gboolean         crash,
                                                   GError         **error);
void             limber_store_set_fault           (LimberStore     *self,
                                                   LimberWriteStep  step,
                                                   gboolean         crash);

G_END_DECLS
