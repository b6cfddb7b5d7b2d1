/* main.c: starts Limber. Everything else lives in the libraries, so tests link the same code. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "limber-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) application = NULL;

  /* The command line prints and lays out pages in the user's language and paper size too. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = limber_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
