/* bench-util.h: clocks and sorting the benchmarks share. */
#pragma once

double now_ms          (void);
double cpu_ms          (void);
int    compare_doubles (const void *a,
                        const void *b);
void   bench_report    (const char *figure,
                        const char *target,
                        int         met,
                        const char *measured_format,
                        ...) __attribute__ ((format (printf, 4, 5)));
