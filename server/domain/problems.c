/*
 * Problems: their rows, rights and reads, the detail cache, and the stored packages' hashes.
 * Importing is in problems_import.c; both are the one module of problems.h.
 */
#define _GNU_SOURCE
#include "problems.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "pkg.h"

/*** The detail cache ***/

struct detail {
    struct detail *next;
    struct problem_row row;
    char *body;
    size_t len;
};

static pthread_rwlock_t detail_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct detail *details;
static uint64_t detail_gen;

bool problems_cache_get(const char *slug, struct problem_row *row, char **body, size_t *len)
{
    bool hit = false;
    pthread_rwlock_rdlock(&detail_lock);
    for (struct detail *d = details; d && !hit; d = d->next) {
        if (!strcmp(d->row.slug, slug)) {
            *body = malloc(d->len);
            if (*body) {
                memcpy(*body, d->body, d->len);
                *len = d->len;
                *row = d->row;
                hit = true;
            }
        }
    }
    pthread_rwlock_unlock(&detail_lock);
    return hit;
}

uint64_t problems_cache_generation(void)
{
    pthread_rwlock_rdlock(&detail_lock);
    uint64_t g = detail_gen;
    pthread_rwlock_unlock(&detail_lock);
    return g;
}

void problems_cache_put(const struct problem_row *row, const char *body, size_t len,
                        uint64_t generation)
{
    struct detail *d = calloc(1, sizeof(*d));
    if (!d || !(d->body = malloc(len ? len : 1))) {
        free(d);
        return;
    }
    memcpy(d->body, body, len);
    d->len = len;
    d->row = *row;
    pthread_rwlock_wrlock(&detail_lock);
    bool have = false;
    for (struct detail *e = details; e; e = e->next)
        have |= !strcmp(e->row.slug, row->slug);
    if (generation == detail_gen && !have) {
        d->next = details;
        details = d;
        d = NULL;
    }
    pthread_rwlock_unlock(&detail_lock);
    if (d) {
        free(d->body);
        free(d);
    }
}

void problems_cache_forget(const char *slug)
{
    pthread_rwlock_wrlock(&detail_lock);
    detail_gen++;
    for (struct detail **p = &details; *p; p = &(*p)->next) {
        if (!strcmp((*p)->row.slug, slug)) {
            struct detail *d = *p;
            *p = d->next;
            free(d->body);
            free(d);
            break;
        }
    }
    pthread_rwlock_unlock(&detail_lock);
}

void problems_cache_clear(void)
{
    pthread_rwlock_wrlock(&detail_lock);
    while (details) {
        struct detail *d = details;
        details = d->next;
        free(d->body);
        free(d);
    }
    detail_gen++;
    pthread_rwlock_unlock(&detail_lock);
}

/*** Rows and rights ***/

int problems_get(db *d, const char *slug, struct problem_row *out)
{
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc = c ? 0 : -EIO;
    if (!rc)
        rc = dbc_query(c, &r,
                       "SELECT p.slug AS slug, coalesce(p.team_id, 0) AS team_id, "
                       "p.public AS public, coalesce(p.current, 0) AS current, "
                       "coalesce(v.version, 0) AS version, "
                       "CASE WHEN p.deleted_at IS NULL THEN 0 ELSE 1 END AS deleted "
                       "FROM problems p LEFT JOIN problem_versions v ON v.id = p.current "
                       "WHERE p.slug = ?",
                       "s", slug);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    rc = 0;
    snprintf(out->slug, sizeof(out->slug), "%s", dbrows_text(r, "slug"));
    out->team_id = dbrows_int(r, "team_id");
    out->public = dbrows_int(r, "public") == 1;
    out->version_id = dbrows_int(r, "current");
    out->version = (int)dbrows_int(r, "version");
    out->deleted = dbrows_int(r, "deleted") == 1;
out:
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

bool problems_can_read(const struct principal *who, const struct problem_row *p)
{
    if (p->deleted)
        return false;
    if (p->public || who->role == ROLE_ADMIN)
        return true;
    return who->role == ROLE_TEAM && p->team_id == who->team_id;
}

bool problems_can_write(const struct principal *who, const struct problem_row *p)
{
    if (who->role == ROLE_ADMIN)
        return true;
    return who->role == ROLE_TEAM && p->team_id == who->team_id;
}

/*** Reads ***/

/*
 * The list reads five fields of the stored detail JSON; the engines spell JSON paths apart.
 * A boolean reads as 1 or 0 in both; the tags as the JSON text of their array.
 */
#define LIST_SQL(jtype, jmem, jfsig, jdiff, jtags)                                                 \
    "SELECT p.slug AS slug, v.title AS title, v.version AS version, p.public AS public, "          \
    "v.time_limit_ms AS time_ms, " jmem " AS memory_mb, " jtype                                    \
    " AS type, v.tests AS tests, " jfsig " AS function_signature, " jdiff " AS difficulty, " jtags \
    " AS tags "                                                                                    \
    "FROM problems p JOIN problem_versions v ON v.id = p.current "                                 \
    "WHERE p.deleted_at IS NULL AND (? = 1 OR p.public = 1 OR p.team_id = ?) ORDER BY p.slug"

static const char list_sqlite[] =
    LIST_SQL("json_extract(v.detail, '$.type')", "json_extract(v.detail, '$.limits.memory_mb')",
             "CASE WHEN json_extract(v.detail, '$.function_signature') THEN 1 ELSE 0 END",
             "json_extract(v.detail, '$.difficulty')", "json_extract(v.detail, '$.tags')");
static const char list_postgres[] =
    LIST_SQL("(v.detail::jsonb ->> 'type')", "(v.detail::jsonb #>> '{limits,memory_mb}')::bigint",
             "CASE WHEN (v.detail::jsonb ->> 'function_signature') = 'true' THEN 1 ELSE 0 END",
             "(v.detail::jsonb ->> 'difficulty')", "(v.detail::jsonb -> 'tags')::text");

static int summary_of(const dbrows *r, struct problem_summary *p)
{
    memset(p, 0, sizeof(*p));
    snprintf(p->slug, sizeof(p->slug), "%s", dbrows_text(r, "slug"));
    p->title = dbrows_strdup(r, "title");
    p->type = dbrows_strdup(r, "type");
    p->version = (int)dbrows_int(r, "version");
    p->public = dbrows_int(r, "public") == 1;
    p->time_ms = dbrows_int(r, "time_ms");
    p->memory_mb = dbrows_int(r, "memory_mb");
    p->tests = dbrows_int(r, "tests");
    p->function_signature = dbrows_int(r, "function_signature") == 1;
    /* Versions imported before there were tags have neither: NULL. */
    const char *diff = dbrows_text(r, "difficulty"), *tags = dbrows_text(r, "tags");
    p->difficulty = diff ? strdup(diff) : NULL;
    p->tags_json = tags ? strdup(tags) : NULL;
    if ((diff && !p->difficulty) || (tags && !p->tags_json))
        return -ENOMEM;
    return p->title && p->type ? 0 : -ENOMEM;
}

int problems_list(db *d, const struct principal *who, struct problem_summary **out, size_t *n)
{
    struct problem_summary *list = NULL;
    size_t len = 0;
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc = c ? 0 : -EIO;
    if (!rc)
        rc = dbc_query(c, &r, DB_SQL(c, list_sqlite, list_postgres), "ii",
                       (int64_t)(who->role == ROLE_ADMIN),
                       who->role == ROLE_TEAM ? who->team_id : (int64_t)-1);
    while (!rc && (rc = dbrows_next(r)) == 1) {
        struct problem_summary *more = realloc(list, (len + 1) * sizeof(*list));
        rc = more ? 0 : -ENOMEM;
        if (more)
            list = more;
        if (!rc)
            rc = summary_of(r, &list[len++]);
    }
    if (rc)
        goto out;
    *out = list;
    *n = len;
    list = NULL;
out:
    problems_list_free(list, len);
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

void problems_list_free(struct problem_summary *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++) {
        free(list[i].title);
        free(list[i].type);
        free(list[i].difficulty);
        free(list[i].tags_json);
    }
    free(list);
}

/* One text column of version `id`: `sql` names it `text`. */
static int version_text(db *d, const char *sql, int64_t id, char **out)
{
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &r, sql, "i", id) : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    rc = (*out = dbrows_strdup(r, "text")) ? 0 : -ENOMEM;
out:
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int problems_detail_text(db *d, int64_t version_id, char **out)
{
    return version_text(d, "SELECT detail AS text FROM problem_versions WHERE id = ?", version_id,
                        out);
}

int problems_verification_text(db *d, int64_t version_id, char **out)
{
    return version_text(d, "SELECT verification AS text FROM problem_versions WHERE id = ?",
                        version_id, out);
}

int problems_version(db *d, int64_t version_id, struct problem_version *out)
{
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc =
        c ? dbc_query(c, &r, "SELECT slug, hash, time_limit_ms FROM problem_versions WHERE id = ?",
                      "i", version_id)
          : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    rc = 0;
    snprintf(out->slug, sizeof(out->slug), "%s", dbrows_text(r, "slug"));
    snprintf(out->hash, sizeof(out->hash), "%s", dbrows_text(r, "hash"));
    out->time_limit_ms = dbrows_int(r, "time_limit_ms");
out:
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int problems_count(db *d, int64_t *out)
{
    dbc *c = db_get(d);
    int rc =
        c ? dbc_scalar(c, out, "SELECT count(*) AS n FROM problems WHERE deleted_at IS NULL", "")
          : -EIO;
    db_put(d, c);
    return rc;
}

int problems_delete(db *d, const char *slug)
{
    dbc *c = db_get(d);
    int rc =
        c ? dbc_run(c, "UPDATE problems SET deleted_at = ? WHERE slug = ?", "is", db_now_ms(), slug)
          : -EIO;
    if (!rc && dbc_changes(c) == 0)
        rc = -ENOENT;
    db_put(d, c);
    problems_cache_forget(slug);
    return rc;
}

/*** Stored packages ***/

int problems_hash_used(db *d, const char *hash)
{
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &r, "SELECT 1 AS used FROM problem_versions WHERE hash = ? LIMIT 1",
                           "s", hash)
               : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int problems_each_hash(db *d, int (*fn)(const char *hash, void *ud), void *ud)
{
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc =
        c ? dbc_query(c, &r, "SELECT DISTINCT hash FROM problem_versions ORDER BY hash", "") : -EIO;
    while (!rc && (rc = dbrows_next(r)) == 1)
        rc = fn(dbrows_text(r, "hash"), ud);
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

void problems_gc(struct server *s)
{
    /* A packages folder shared by the nodes of one store (--packages) may hold what another
     * node is importing right now: only a node's own folder is swept (and its cache always). */
    const char *dirs[] = {s->cfg.packages ? NULL : s->packages_dir, s->cache_dir};
    for (int i = 0; i < 2; i++) {
        DIR *d = dirs[i] ? opendir(dirs[i]) : NULL;
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strlen(e->d_name) != 64 || problems_hash_used(s->db, e->d_name) != 0)
                continue;
            char *p = fs_join(dirs[i], e->d_name);
            if (p && i == 0)
                fprintf(stderr,
                        "judged: removing package %s, stored by an import that did not finish\n",
                        e->d_name);
            if (p)
                fs_remove_tree(p);
            free(p);
        }
        if (d)
            closedir(d);
    }
}
