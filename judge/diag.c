#define _GNU_SOURCE
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void diag_add(struct diag *d, const char *fmt, ...)
{
    if (d->n >= 1000)
        return; /* a broken package can say a lot; the first thousand are enough */
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    int rc = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (rc < 0)
        return;
    char **p = realloc(d->items, (d->n + 1) * sizeof(*p));
    if (!p) {
        free(s);
        return;
    }
    d->items = p;
    d->items[d->n++] = s;
}

void diag_release(struct diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        free(d->items[i]);
    free(d->items);
    d->items = NULL;
    d->n = 0;
}
