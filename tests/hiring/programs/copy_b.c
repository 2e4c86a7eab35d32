#include <stdlib.h>
#include "solution.h"

// helper: the smallest value that nobody marked
static int gap(const unsigned char *mark, int top) {
  for (int v = 0; v <= top; v++) {
    if (!mark[v]) return v;   /* found it */
  }
  return -1;
}

/* build the marks */
static unsigned char *marks_of(int *a, int n) {
  unsigned char *mark = calloc((size_t) n + 1, 1);
  if (mark == NULL) return NULL;
  for (int k = 0; k < n; k++) {
    if (a[k] >= 0 && a[k] <= n) mark[a[k]] = 1;
  }
  return mark;
}

int missing_number(int *a, int n) {
  unsigned char *mark = marks_of(a, n);
  if (mark == NULL) {
    // out of memory: fall back to the sum
    long long s = (long long) n * (n + 1) / 2;
    for (int k = 0; k < n; k++) s -= a[k];
    return (int) s;
  }
  int res = gap(mark, n);
  free(mark);
  return res;
}
