/* db_pg_text: PostgreSQL's spelling of the domain's SQL text (no libpq: pure, any thread). */
#include "db_pg_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * `sql` with every `?` outside quotes and comments made $n: a bare `?` is one more than the
 * highest number so far, `?N` is $N, as SQLite numbers them. A new string, NULL when out of
 * memory.
 */
char *db_pg_placeholders(const char *sql)
{
    size_t len = strlen(sql), n = 0;
    for (const char *p = sql; *p; p++)
        n += *p == '?';
    char *out = malloc(len + n * 4 + 1);
    if (!out)
        return NULL;
    char *o = out;
    int highest = 0;
    const char *p = sql;
    while (*p) {
        if (*p == '\'' || *p == '"') {
            /* A quoted string or identifier; a doubled quote is one quote inside it. */
            char q = *p;
            *o++ = *p++;
            while (*p) {
                if (*p == q && p[1] == q) {
                    *o++ = *p++;
                    *o++ = *p++;
                } else if (*p == q) {
                    *o++ = *p++;
                    break;
                } else {
                    *o++ = *p++;
                }
            }
        } else if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                *o++ = *p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            size_t k = end ? (size_t)(end + 2 - p) : strlen(p);
            memcpy(o, p, k);
            o += k;
            p += k;
        } else if (*p == '?') {
            p++;
            int num = 0;
            if (*p >= '0' && *p <= '9') {
                while (*p >= '0' && *p <= '9' && num < 1000)
                    num = num * 10 + (*p++ - '0');
            } else {
                num = highest + 1;
            }
            if (num > highest)
                highest = num;
            o += sprintf(o, "$%d", num);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}
