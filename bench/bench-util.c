/* bench-util.c: see bench-util.h. */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "bench-util.h"

/* Wall time, in milliseconds. */
double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The processor time this process used: with the wall time, it tells a busy machine. */
double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* For qsort() of doubles, smallest first. */
int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* One row of the table that bench/run gathers from every benchmark's output:
 * "BENCH<tab>figure<tab>target<tab>measured<tab>met" (or "MISSED"). */
void
bench_report (const char *figure,
              const char *target,
              int         met,
              const char *measured_format,
              ...)
{
  va_list args;

  printf ("BENCH\t%s\t%s\t", figure, target);
  va_start (args, measured_format);
  vprintf (measured_format, args);
  va_end (args);
  printf ("\t%s\n", met ? "met" : "MISSED");
  fflush (stdout);
}
