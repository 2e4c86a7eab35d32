#include "strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(struct strbuf *sb, size_t cap)
{
    *sb = (struct strbuf)STRBUF_INIT(cap);
}

void strbuf_release(struct strbuf *sb)
{
    if (!sb)
        return;
    free(sb->buf);
    strbuf_init(sb, sb->cap);
}

void strbuf_reset(struct strbuf *sb)
{
    sb->len = 0;
    sb->dropped = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

static int grow(struct strbuf *sb, size_t extra)
{
    size_t want = sb->len + extra + 1;
    if (want <= sb->alloc)
        return 0;
    size_t n = sb->alloc ? sb->alloc : 64;
    while (n < want)
        n *= 2;
    char *p = realloc(sb->buf, n);
    if (!p)
        return -ENOMEM;
    sb->buf = p;
    sb->alloc = n;
    return 0;
}

int strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
    size_t room = sb->cap ? sb->cap - sb->len : n;
    size_t take = n < room ? n : room;
    int rc = grow(sb, take);
    if (rc)
        return rc;
    memcpy(sb->buf + sb->len, data, take);
    sb->len += take;
    sb->buf[sb->len] = '\0';
    if (take < n) {
        sb->dropped += n - take;
        return -EFBIG;
    }
    return 0;
}

int strbuf_addstr(struct strbuf *sb, const char *s)
{
    return strbuf_add(sb, s, strlen(s));
}

int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return -EINVAL;
    if ((size_t)n < sizeof(small))
        return strbuf_add(sb, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big)
        return -ENOMEM;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = strbuf_add(sb, big, (size_t)n);
    free(big);
    return rc;
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
    if (!sb->buf && grow(sb, 0))
        return NULL;
    char *p = sb->buf;
    p[sb->len] = '\0';
    if (len)
        *len = sb->len;
    sb->buf = NULL;
    sb->len = sb->alloc = sb->dropped = 0;
    return p;
}

const char *strbuf_str(const struct strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

bool strbuf_truncated(const struct strbuf *sb)
{
    return sb->dropped > 0;
}
