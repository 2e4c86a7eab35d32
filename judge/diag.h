/* diag: a list of messages (errors or warnings) that name the file and the problem they are about.
 */
#ifndef JUDGE_DIAG_H
#define JUDGE_DIAG_H

/* Thread-safety: a list belongs to one thread at a time; the functions share no state. */

#include <stddef.h>

struct diag {
    char **items;
    size_t n;
};

#define DIAG_INIT                                                                                  \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

/* Appends one formatted message; a message that cannot be stored is dropped (out of memory). */
void diag_add(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_release(struct diag *d);

#endif
