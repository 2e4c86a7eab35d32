/* Bulk invites from a CSV file (invites_bulk.h). */
#define _GNU_SOURCE
#include "invites_bulk.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth.h"

static const char *const status_names[] = {
    [BULK_CREATED] = "created",
    [BULK_INVALID] = "invalid",
    [BULK_DUPLICATE_IN_FILE] = "duplicate_in_file",
    [BULK_DUPLICATE_EXISTING] = "duplicate_existing",
};

const char *bulk_status_name(enum bulk_status st)
{
    return status_names[st];
}

void bulk_results_free(struct bulk_result *r, size_t n)
{
    for (size_t i = 0; r && i < n; i++) {
        free(r[i].name);
        free(r[i].email);
    }
    free(r);
}

#define CELLS_MAX 3

/*
 * One record of RFC 4180 CSV from *p (up to end): at most CELLS_MAX cells, each a new string into
 * cells[] (the count into *nc; more cells than that is -EINVAL); *lines counts the newlines
 * passed. 1 a record, 0 the end, -EINVAL an unterminated quote, -ENOMEM.
 */
static int csv_record(const char **p, const char *end, char **cells, size_t *nc, size_t *lines)
{
    *nc = 0;
    if (*p >= end)
        return 0;
    for (;;) {
        size_t cap = 64, len = 0;
        char *cell = malloc(cap);
        if (!cell)
            return -ENOMEM;
        bool quoted = *p < end && **p == '"';
        if (quoted)
            (*p)++;
        for (;;) {
            if (*p >= end) {
                if (quoted) {
                    free(cell);
                    return -EINVAL;
                }
                break;
            }
            char ch = **p;
            if (quoted && ch == '"') {
                if (*p + 1 < end && (*p)[1] == '"') {
                    *p += 2;
                } else {
                    (*p)++;
                    quoted = false;
                    continue;
                }
            } else if (!quoted && (ch == ',' || ch == '\n' || ch == '\r')) {
                break;
            } else {
                (*p)++;
                if (ch == '\n')
                    (*lines)++;
            }
            if (len + 2 > cap) {
                char *more = realloc(cell, cap *= 2);
                if (!more) {
                    free(cell);
                    return -ENOMEM;
                }
                cell = more;
            }
            cell[len++] = ch;
        }
        cell[len] = '\0';
        if (*nc == CELLS_MAX) {
            free(cell);
            return -EINVAL;
        }
        cells[(*nc)++] = cell;
        if (*p < end && **p == ',') {
            (*p)++;
            continue;
        }
        /* The end of the record: CRLF, LF or CR. */
        if (*p < end && **p == '\r')
            (*p)++;
        if (*p < end && **p == '\n')
            (*p)++;
        (*lines)++;
        return 1;
    }
}

/* Surrounding spaces go: a spreadsheet adds them. */
static void trim(char *s)
{
    size_t n = strlen(s), i = 0;
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    while (isspace((unsigned char)s[i]))
        i++;
    memmove(s, s + i, n - i + 1);
}

static void check_row(struct bulk_result *b, const char *extra)
{
    char *end;
    long long x = *extra ? strtoll(extra, &end, 10) : 0;
    if (!*b->name || strlen(b->name) > BULK_NAME_MAX)
        snprintf(b->why, sizeof(b->why), "the name must have 1 to %d bytes", BULK_NAME_MAX);
    else if (strlen(b->email) < 3 || strlen(b->email) > 254 || !strchr(b->email, '@') ||
             strchr(b->email, ' '))
        snprintf(b->why, sizeof(b->why), "'%.60s' is not an e-mail address", b->email);
    else if (*extra && (*end || x < 0 || x > EXTRA_MINUTES_MAX))
        snprintf(b->why, sizeof(b->why), "extra_minutes must be an integer from 0 to %d",
                 EXTRA_MINUTES_MAX);
    else
        b->extra_min = x;
    if (b->why[0])
        b->status = BULK_INVALID;
}

/* The rows of the file into *out, checked on their own and against the earlier ones. */
static int parse(const char *csv, size_t len, struct bulk_result **out, size_t *n, char *err,
                 size_t errsize)
{
    const char *p = csv, *end = csv + len;
    struct bulk_result *list = NULL;
    size_t count = 0, line = 1, cap = 0;
    int rc = 0;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    for (;;) {
        char *cells[CELLS_MAX] = {0};
        size_t nc = 0, at = line;
        rc = csv_record(&p, end, cells, &nc, &line);
        if (rc == -EINVAL)
            snprintf(err, errsize, "line %zu: %s", at,
                     nc == CELLS_MAX ? "more than 3 cells (name,email[,extra_minutes])"
                                     : "a quote is never closed");
        if (rc <= 0) {
            for (size_t i = 0; i < nc; i++)
                free(cells[i]);
            break;
        }
        rc = 0;
        for (size_t i = 0; i < nc; i++)
            trim(cells[i]);
        bool blank = nc == 1 && !*cells[0];
        bool header = count == 0 && at == 1 && !strcasecmp(cells[0], "name");
        if (!blank && !header && count == BULK_INVITES_MAX) {
            snprintf(err, errsize, "more than %d rows; split the file", BULK_INVITES_MAX);
            rc = -E2BIG;
        }
        if (!rc && !blank && !header && count == cap) {
            struct bulk_result *more = reallocarray(list, cap ? cap * 2 : 32, sizeof(*list));
            rc = more ? 0 : -ENOMEM;
            if (more) {
                list = more;
                cap = cap ? cap * 2 : 32;
            }
        }
        if (!rc && !blank && !header) {
            struct bulk_result *b = &list[count++];
            *b = (struct bulk_result){
                .line = at, .name = cells[0], .email = nc > 1 ? cells[1] : NULL};
            cells[0] = NULL;
            if (nc > 1)
                cells[1] = NULL;
            if (!b->email && !(b->email = strdup("")))
                rc = -ENOMEM;
            if (!rc)
                check_row(b, nc > 2 ? cells[2] : "");
            for (size_t k = 0; !rc && b->status == BULK_CREATED && k + 1 < count; k++)
                if (list[k].status != BULK_INVALID && !strcasecmp(list[k].email, b->email)) {
                    b->status = BULK_DUPLICATE_IN_FILE;
                    b->dup_line = list[k].line;
                }
        }
        for (size_t i = 0; i < nc; i++)
            free(cells[i]);
        if (rc)
            break;
    }
    if (!rc && !count) {
        snprintf(err, errsize, "no rows: want name,email[,extra_minutes] on each line");
        rc = -EINVAL;
    }
    if (rc) {
        bulk_results_free(list, count);
        return rc;
    }
    *out = list;
    *n = count;
    return 0;
}

int invites_bulk(db *d, int64_t aid, const char *csv, size_t len, int64_t expires_at, int64_t now,
                 struct bulk_result **out, size_t *n, size_t *created, char *err, size_t errsize)
{
    struct bulk_result *list = NULL;
    size_t count = 0, made = 0;
    dbc *c = NULL;
    int rc = parse(csv, len, &list, &count, err, errsize);
    if (rc)
        return rc;
    c = db_get(d);
    rc = c ? dbc_begin(c) : -EIO;
    for (size_t i = 0; !rc && i < count; i++) {
        struct bulk_result *b = &list[i];
        if (b->status != BULK_CREATED)
            continue;
        int64_t dup = 0;
        /* lower() is ASCII-only on both engines: the same rule for everyone. */
        rc = dbc_scalar(c, &dup,
                        "SELECT id FROM invites WHERE assessment_id = ? AND lower(email) = "
                        "lower(?) ORDER BY id LIMIT 1",
                        "is", aid, b->email);
        if (!rc) {
            b->status = BULK_DUPLICATE_EXISTING;
            b->dup_invite = dup;
            continue;
        }
        if (rc != -ENOENT)
            break;
        unsigned char hash[32];
        rc = auth_new_token("ji_", b->token, sizeof(b->token), hash);
        if (!rc)
            rc = dbc_scalar(c, &b->id,
                            "INSERT INTO invites (assessment_id, name, email, token_hash, "
                            "expires_at, created_at, extra_s) VALUES (?, ?, ?, ?, ?, ?, ?) "
                            "RETURNING id",
                            "issbiii", aid, b->name, b->email, hash, sizeof(hash), expires_at, now,
                            b->extra_min * 60);
        if (!rc)
            made++;
    }
    if (!rc)
        rc = dbc_commit(c);
    db_put(d, c);
    if (rc) {
        bulk_results_free(list, count);
        return rc;
    }
    *out = list;
    *n = count;
    *created = made;
    return 0;
}
