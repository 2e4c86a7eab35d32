/* strbuf: a growable byte buffer with a hard cap, for everything a user can make grow. */
#ifndef JUDGE_STRBUF_H
#define JUDGE_STRBUF_H

/* Thread-safety: none inside: a buffer is used by one thread at a time (its owner's lock). */

#include <stdbool.h>
#include <stddef.h>

/*
 * Invariants: `buf` is NULL or holds `len` bytes followed by a NUL; `len <= cap`; bytes past `cap`
 * are counted in `dropped` and never stored, so a flood costs no memory. `cap` of 0 means the
 * caller chose no cap (only for data the judge itself produces).
 */
struct strbuf {
    char *buf;
    size_t len;
    size_t alloc;
    size_t cap;
    size_t dropped;
};

#define STRBUF_INIT(c)                                                                             \
    {                                                                                              \
        NULL, 0, 0, (c), 0                                                                         \
    }

void strbuf_init(struct strbuf *sb, size_t cap);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
/* Appends up to the cap; returns 0, -ENOMEM, or -EFBIG when anything had to be dropped. */
int strbuf_add(struct strbuf *sb, const void *data, size_t n);
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the buffer (always NUL-terminated, never NULL) and leaves `sb` empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
/* The contents as a C string; "" when empty. Borrowed. */
const char *strbuf_str(const struct strbuf *sb);
bool strbuf_truncated(const struct strbuf *sb);

#endif
