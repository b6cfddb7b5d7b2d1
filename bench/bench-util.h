/* bench-util.h: clocks and sorting the benchmarks share. */
#pragma once

double now_ms          (void);
double cpu_ms          (void);
int    compare_doubles (const void *a,
                        const void *b);
