/*
 * Problem storage. A package is stored once per content hash in packages/HASH and compiled into
 * cache/HASH; a problem's versions point at hashes. Importing content equal to the current
 * version's changes nothing; new content is verified first and becomes version N+1 only when the
 * verification passes, so a failed import leaves nothing behind. Submissions keep the version they
 * were made against.
 */
#define _GNU_SOURCE
#include "store.h"

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
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "pcache.h"
#include "queue.h"
#include "verify.h"

#define SAMPLE_SHOWN_MAX (64u << 10) /* a sample's input or answer shown in full up to this */

/*** Copying trees ***/

/* Copies regular files and folders; links and anything else are left out of stored packages. */
static int copy_tree(const char *src, const char *dst)
{
    int rc = fs_mkdirs(dst, 0755);
    DIR *d = rc ? NULL : opendir(src);
    if (!d)
        return rc ? rc : -errno;
    struct dirent *e;
    while (!rc && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *from = fs_join(src, e->d_name), *to = fs_join(dst, e->d_name);
        struct stat st;
        if (!from || !to)
            rc = -ENOMEM;
        else if (lstat(from, &st) < 0)
            rc = -errno;
        else if (S_ISDIR(st.st_mode))
            rc = copy_tree(from, to);
        else if (S_ISREG(st.st_mode))
            rc = fs_copy(from, to, st.st_mode & 0111 ? 0755 : 0644);
        free(from);
        free(to);
    }
    closedir(d);
    return rc;
}

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

bool store_detail_get(const char *slug, struct problem_row *row, char **body, size_t *len)
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

uint64_t store_detail_generation(void)
{
    pthread_rwlock_rdlock(&detail_lock);
    uint64_t g = detail_gen;
    pthread_rwlock_unlock(&detail_lock);
    return g;
}

void store_detail_put(const struct problem_row *row, const char *body, size_t len,
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

void store_detail_forget(const char *slug)
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

void store_detail_clear(void)
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

int store_problem(struct server *s, sqlite3 *c, const char *slug, struct problem_row *out)
{
    sqlite3_stmt *st =
        db_prepare(c,
                   "SELECT slug, coalesce(team_id, 0), public, coalesce(current, 0), "
                   "coalesce((SELECT version FROM problem_versions v "
                   "WHERE v.id = current), 0), deleted_at IS NOT NULL "
                   "FROM problems WHERE slug = ?",
                   "s", slug);
    if (!st)
        return -EIO;
    int step = sqlite3_step(st), rc = step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? -ENOENT : -EIO;
    if (!rc) {
        snprintf(out->slug, sizeof(out->slug), "%s", (const char *)sqlite3_column_text(st, 0));
        out->team_id = sqlite3_column_int64(st, 1);
        out->public = sqlite3_column_int(st, 2);
        out->version_id = sqlite3_column_int64(st, 3);
        out->version = sqlite3_column_int(st, 4);
        out->deleted = sqlite3_column_int(st, 5);
    }
    sqlite3_finalize(st);
    return rc;
}

bool store_can_read(const struct principal *who, const struct problem_row *p)
{
    if (p->deleted)
        return false;
    if (p->public || who->role == ROLE_ADMIN)
        return true;
    return who->role == ROLE_TEAM && p->team_id == who->team_id;
}

bool store_can_write(const struct principal *who, const struct problem_row *p)
{
    if (who->role == ROLE_ADMIN)
        return true;
    return who->role == ROLE_TEAM && p->team_id == who->team_id;
}

/*** Importing ***/

/*
 * Imports run in parallel, except two of one problem (their versions would race) or of one
 * content (a failed one would remove the stored package the other is verifying).
 */
#define IMPORTS_AT_ONCE 64
static pthread_mutex_t busy_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t busy_freed = PTHREAD_COND_INITIALIZER;
static struct {
    char slug[72], hash[65];
    bool used;
} busy[IMPORTS_AT_ONCE];

static bool import_busy(const char *slug, const char *hash, int *free_entry)
{
    *free_entry = -1;
    for (int i = 0; i < IMPORTS_AT_ONCE; i++) {
        if (!busy[i].used)
            *free_entry = *free_entry < 0 ? i : *free_entry;
        else if (!strcmp(busy[i].slug, slug) || !strcmp(busy[i].hash, hash))
            return true;
    }
    return *free_entry < 0;
}

static void import_claim(const char *slug, const char *hash)
{
    int e;
    pthread_mutex_lock(&busy_lock);
    while (import_busy(slug, hash, &e))
        pthread_cond_wait(&busy_freed, &busy_lock);
    snprintf(busy[e].slug, sizeof(busy[e].slug), "%s", slug);
    snprintf(busy[e].hash, sizeof(busy[e].hash), "%s", hash);
    busy[e].used = true;
    pthread_mutex_unlock(&busy_lock);
}

static void import_release(const char *slug, const char *hash)
{
    pthread_mutex_lock(&busy_lock);
    for (int i = 0; i < IMPORTS_AT_ONCE; i++)
        if (busy[i].used && !strcmp(busy[i].slug, slug) && !strcmp(busy[i].hash, hash)) {
            busy[i].used = false;
            break;
        }
    pthread_cond_broadcast(&busy_freed);
    pthread_mutex_unlock(&busy_lock);
}

static json_t *problem_json(unsigned status, const char *title, const char *detail)
{
    return json_pack("{s:s, s:s, s:I, s:s}", "type", "about:blank", "title", title, "status",
                     (json_int_t)status, "detail", detail);
}

static json_t *read_text(const char *path, bool *truncated)
{
    char *text = NULL;
    size_t len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return json_string("");
    text = malloc(SAMPLE_SHOWN_MAX + 1);
    ssize_t n = text ? read(fd, text, SAMPLE_SHOWN_MAX) : -1;
    char extra;
    *truncated = n == (ssize_t)SAMPLE_SHOWN_MAX && read(fd, &extra, 1) == 1;
    close(fd);
    len = n > 0 ? (size_t)n : 0;
    json_t *j = json_stringn_nocheck(text ? text : "", len);
    /* Not UTF-8: show it as bytes replaced, never fail the problem for it. */
    if (!j || !json_string_value(j))
        j = json_string("");
    free(text);
    return j;
}

/* GET /problems/{slug}: everything a candidate may see, and nothing secret. */
static json_t *detail_json(const struct problem *pr)
{
    const struct pkg *p = pr->pkg;
    json_t *samples = json_array();
    for (size_t i = 0; i < p->ntests; i++) {
        const struct pkg_test *t = &p->tests[i];
        if (!t->sample)
            continue;
        bool tin = false, tans = false;
        const char *base = strrchr(t->name, '/');
        json_t *o = json_pack("{s:s, s:o, s:o}", "name", base ? base + 1 : t->name, "input",
                              read_text(t->in_path, &tin), "answer", read_text(t->ans_path, &tans));
        if (tin || tans)
            json_object_set_new(o, "truncated", json_true());
        json_array_append_new(samples, o);
    }
    json_t *groups = json_array();
    for (size_t g = 0; g < p->ngroups; g++) {
        size_t n = 0;
        for (size_t i = 0; i < p->ntests; i++)
            n += p->tests[i].group == g;
        if (g == 0 || !n)
            continue;
        json_array_append_new(groups,
                              json_pack("{s:s, s:f, s:I}", "name", p->groups[g].name, "points",
                                        p->groups[g].points, "tests", (json_int_t)n));
    }
    /* Starter code per language ({lang: text}); `template` stays C's, as before. */
    json_t *templates = json_object();
    for (size_t i = 0; i < p->ntemplates; i++)
        json_object_set_new(templates, p->templates[i].lang, json_string(p->templates[i].text));
    return json_pack(
        "{s:s, s:s, s:s, s:o, s:{s:I, s:I, s:I}, s:o, s:o, s:s, s:I, s:o, s:b}", "title", p->name,
        "statement", p->statement ? p->statement : "", "type", p->scoring ? "scoring" : "pass-fail",
        "samples", samples, "limits", "time_ms", (json_int_t)pkg_time_limit_ms(p), "memory_mb",
        (json_int_t)p->memory_mb, "output_mb", (json_int_t)p->output_mb, "template",
        p->template_c ? json_string(p->template_c) : json_null(), "templates", templates,
        "validation", p->custom_validation ? "custom" : "default", "tests",
        (json_int_t)pkg_secret_count(p), "groups", groups, "function_signature", p->ninclude > 0);
}

static json_t *result_json(const char *slug, int version, bool public_, json_t *verification,
                           json_t *warnings, bool changed)
{
    return json_pack("{s:s, s:i, s:b, s:b, s:o, s:o}", "slug", slug, "version", version, "public",
                     public_, "changed", changed, "verification", verification, "warnings",
                     warnings);
}

static void drop_unreferenced(struct server *s, sqlite3 *c, const char *hash)
{
    sqlite3_stmt *st = db_prepare(c, "SELECT 1 FROM problem_versions WHERE hash = ?", "s", hash);
    bool used = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (used)
        return;
    char *dir = fs_join(s->packages_dir, hash), *cache = fs_join(s->cache_dir, hash);
    if (dir)
        fs_remove_tree(dir);
    if (cache)
        fs_remove_tree(cache);
    free(dir);
    free(cache);
}

/* A verification that failed, as 422 problem+json with every reason in `errors`. */
static json_t *failed_json(const char *slug, struct verify_report *rep)
{
    json_t *errors = json_array();
    for (size_t i = 0; i < rep->errors.n; i++)
        json_array_append_new(
            errors, json_pack("{s:s, s:s}", "pointer", "package", "detail", rep->errors.items[i]));
    for (size_t i = 0; i < rep->nsubs; i++) {
        const struct verify_sub *v = &rep->subs[i];
        if (v->ok)
            continue;
        char msg[1024];
        snprintf(msg, sizeof(msg), "'%s' should get %s but got %s%s%s", v->path, v->expected,
                 v->verdict, v->first_failure ? " on test " : "",
                 v->first_failure ? v->first_failure : "");
        json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer", v->path, "detail", msg));
    }
    char detail[512];
    snprintf(detail, sizeof(detail), "problem '%s' failed verification: %zu error%s", slug,
             json_array_size(errors), json_array_size(errors) == 1 ? "" : "s");
    json_t *o = problem_json(422, "Package failed verification", detail);
    json_object_set_new(o, "errors", errors);
    json_object_set_new(o, "verification", verify_report_json(rep));
    return o;
}

/*** The import budget ***/

/*
 * An import's verification has a wall-time budget (cfg.import_budget_s): a watch thread raises
 * the cancel flag verification looks at between runs once it is spent, or when the judge stops.
 */
struct budget {
    struct server *s;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool done, started;
    volatile int cancel;
    pthread_t thread;
};

static void *budget_main(void *arg)
{
    struct budget *b = arg;
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    end.tv_sec += b->s->cfg.import_budget_s;
    pthread_mutex_lock(&b->lock);
    while (!b->done) {
        struct timespec now, wake;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec)) {
            b->cancel = 1;
            break;
        }
        if (b->s->stopping) {
            b->cancel = 2;
            break;
        }
        /* Wake at least every second to see a SIGTERM. */
        wake = now;
        wake.tv_sec += 1;
        if (wake.tv_sec > end.tv_sec || (wake.tv_sec == end.tv_sec && wake.tv_nsec > end.tv_nsec))
            wake = end;
        pthread_cond_timedwait(&b->cond, &b->lock, &wake);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

static void budget_start(struct budget *b, struct server *s)
{
    memset(b, 0, sizeof(*b));
    b->s = s;
    pthread_mutex_init(&b->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&b->cond, &ca);
    pthread_condattr_destroy(&ca);
    /* Without the thread there is no budget, but the import still runs. */
    b->started = pthread_create(&b->thread, NULL, budget_main, b) == 0;
}

/* Ends the watch. Returns what cut verification short: 0 nothing, 1 the budget, 2 SIGTERM. */
static int budget_stop(struct budget *b)
{
    pthread_mutex_lock(&b->lock);
    b->done = true;
    pthread_cond_signal(&b->cond);
    pthread_mutex_unlock(&b->lock);
    if (b->started)
        pthread_join(b->thread, NULL);
    pthread_mutex_destroy(&b->lock);
    pthread_cond_destroy(&b->cond);
    return b->cancel;
}

int store_import(struct server *s, const char *dir, const char *slug, const struct principal *who,
                 int public_flag, struct import_outcome *out)
{
    out->status = 500;
    out->body = NULL;
    char hash[65];
    int rc = pkg_tree_hash(dir, hash);
    if (rc) {
        out->body = problem_json(500, "Internal Server Error", "cannot read the package");
        return rc;
    }
    import_claim(slug, hash);
    sqlite3 *c = db_acquire(s->db);
    struct problem_row row;
    char detail[512];
    rc = store_problem(s, c, slug, &row);
    bool exists = rc == 0;
    if (rc && rc != -ENOENT) {
        out->body = problem_json(500, "Internal Server Error", "cannot read the database");
        goto out;
    }
    rc = 0;
    if (exists && !row.deleted && !store_can_write(who, &row)) {
        out->status = 403;
        snprintf(detail, sizeof(detail), "problem '%s' belongs to another team", slug);
        out->body = problem_json(403, "Forbidden", detail);
        goto out;
    }
    if (exists && row.deleted && !store_can_write(who, &row)) {
        out->status = 403;
        snprintf(detail, sizeof(detail),
                 "the slug '%s' was used by a problem of another team; pick another", slug);
        out->body = problem_json(403, "Forbidden", detail);
        goto out;
    }
    bool public_ = public_flag >= 0 ? public_flag : exists ? row.public : who->role == ROLE_ADMIN;

    /* Same content as the current version: nothing to verify or store. */
    if (exists && !row.deleted && row.version_id) {
        sqlite3_stmt *st = db_prepare(c,
                                      "SELECT hash, verification FROM problem_versions "
                                      "WHERE id = ?",
                                      "i", row.version_id);
        if (st && sqlite3_step(st) == SQLITE_ROW &&
            !strcmp((const char *)sqlite3_column_text(st, 0), hash)) {
            json_t *ver = json_loads((const char *)sqlite3_column_text(st, 1), 0, NULL);
            json_t *warnings = json_incref(json_object_get(ver, "warnings"));
            sqlite3_finalize(st);
            db_exec(c, "UPDATE problems SET public = ? WHERE slug = ?", "is", (int64_t)public_,
                    slug);
            out->status = 200;
            out->body = result_json(slug, row.version, public_, ver ? ver : json_object(),
                                    warnings ? warnings : json_array(), false);
            goto out;
        }
        sqlite3_finalize(st);
    }

    /* Store the content under its hash (a copy: the caller's folder goes away). */
    char *stored = fs_join(s->packages_dir, hash), *cache = fs_join(s->cache_dir, hash);
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof(tmp), "%s/.import-%s", s->tmp_dir, hash);
    if (stored && !fs_is_dir(stored)) {
        fs_remove_tree(tmp);
        rc = copy_tree(dir, tmp);
        if (!rc && rename(tmp, stored) < 0)
            rc = -errno;
        if (rc)
            fs_remove_tree(tmp);
    }
    if (!stored || !cache || rc) {
        out->status = rc == -ENOSPC ? 507 : 500;
        snprintf(detail, sizeof(detail), "cannot store the package: %s",
                 strerror(rc ? -rc : ENOMEM));
        out->body = problem_json(
            out->status, rc == -ENOSPC ? "Insufficient Storage" : "Internal Server Error", detail);
        free(stored);
        free(cache);
        goto out;
    }

    /*
     * Verify in a slot of the imports' own (never the Run button's), within the import budget:
     * a reference submission runs like any other, each run within its limits.
     */
    char client[96];
    queue_client_key(who, "", client, sizeof(client));
    db_release(s->db, c); /* waiting and verifying take long; hold no connection meanwhile */
    c = NULL;
    int slot = import_slot_acquire(s, client, s->cfg.import_budget_s * 1000u);
    if (slot < 0) {
        c = db_acquire(s->db);
        out->status = 503;
        snprintf(detail, sizeof(detail),
                 "every sandbox for imports (%d) stayed busy for %u s; retry later",
                 s->cfg.import_slots, s->cfg.import_budget_s);
        out->body = problem_json(503, "Service Unavailable", detail);
        drop_unreferenced(s, c, hash);
        free(stored);
        free(cache);
        goto out;
    }
    struct judge_env env = {s->sb, slot};
    struct verify_report rep;
    struct problem *pr = NULL;
    struct budget budget;
    budget_start(&budget, s);
    rc = verify_problem_cancel(&env, stored, slug, cache, &budget.cancel, &rep, &pr);
    int cut = budget_stop(&budget);
    import_slot_release(s, slot, client);
    c = db_acquire(s->db);
    if (rc == -ECANCELED) {
        /* Over budget: the package's own code is too slow to verify; nothing of it is kept. */
        out->status = cut == 1 ? 422 : 503;
        if (cut == 1) {
            snprintf(detail, sizeof(detail),
                     "verifying the package took longer than the import budget of %u s "
                     "(--import-budget): its validators or reference submissions are too slow",
                     s->cfg.import_budget_s);
            json_t *errors = json_pack("[{s:s, s:s}]", "pointer", "package", "detail", detail);
            out->body = problem_json(422, "Unprocessable Content", detail);
            json_object_set_new(out->body, "errors", errors);
        } else {
            out->body = problem_json(503, "Service Unavailable",
                                     "the judge is shutting down; import the package again later");
        }
        verify_report_release(&rep);
        drop_unreferenced(s, c, hash);
        free(stored);
        free(cache);
        rc = 0;
        goto out;
    }
    /* A reference submission that got IE is the judge's failure, not the package's. */
    bool judge_failed = false;
    for (size_t i = 0; !rc && i < rep.nsubs; i++)
        judge_failed |= rep.subs[i].verdict && !strcmp(rep.subs[i].verdict, "IE") &&
                        strcmp(rep.subs[i].expected, "IE");
    if (rc || !rep.ok) {
        out->status = rc || judge_failed ? 500 : 422;
        if (judge_failed) {
            const char *why = "";
            for (size_t i = 0; i < rep.errors.n && !*why; i++)
                if (strstr(rep.errors.items[i], "judge failed"))
                    why = rep.errors.items[i];
            snprintf(detail, sizeof(detail),
                     "the judge failed while verifying the package (not the package's fault): %s",
                     why);
            out->body = problem_json(500, "Internal Server Error", detail);
        } else if (rc) {
            snprintf(detail, sizeof(detail), "verification could not run: %s", strerror(-rc));
            out->body = problem_json(500, "Internal Server Error", detail);
        } else {
            out->body = failed_json(slug, &rep);
        }
        verify_report_release(&rep);
        problem_free(pr);
        drop_unreferenced(s, c, hash);
        free(stored);
        free(cache);
        rc = 0;
        goto out;
    }
    json_t *verification = verify_report_json(&rep);
    json_t *det = detail_json(pr);
    char *det_s = json_dumps(det, JSON_COMPACT);
    char *ver_s = json_dumps(verification, JSON_COMPACT);
    int64_t now = db_now_ms();
    int version = 0;
    int64_t version_id = 0;
    int dbrc = db_begin(c);
    if (dbrc == SQLITE_OK && !exists)
        dbrc = db_exec(c,
                       "INSERT INTO problems (slug, team_id, public, created_at, updated_at) "
                       "VALUES (?, nullif(?, 0), ?, ?, ?)",
                       "siiii", slug, who->role == ROLE_TEAM ? who->team_id : 0, (int64_t)public_,
                       now, now);
    if (dbrc == SQLITE_OK) {
        sqlite3_stmt *st = db_prepare(
            c, "SELECT coalesce(max(version), 0) + 1 FROM problem_versions WHERE slug = ?", "s",
            slug);
        version = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        sqlite3_finalize(st);
        dbrc = version ? SQLITE_OK : SQLITE_ERROR;
    }
    if (dbrc == SQLITE_OK)
        dbrc =
            db_exec(c,
                    "INSERT INTO problem_versions (slug, version, hash, title, time_limit_ms, "
                    "detail, verification, tests, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "sississii", slug, (int64_t)version, hash, pr->pkg->name,
                    (int64_t)pkg_time_limit_ms(pr->pkg), det_s, ver_s,
                    (int64_t)pkg_secret_count(pr->pkg), now);
    version_id = sqlite3_last_insert_rowid(c);
    if (dbrc == SQLITE_OK)
        dbrc = db_exec(c,
                       "UPDATE problems SET current = ?, public = ?, updated_at = ?, "
                       "deleted_at = NULL WHERE slug = ?",
                       "iiis", version_id, (int64_t)public_, now, slug);
    if (dbrc == SQLITE_OK)
        dbrc = db_commit(c);
    free(det_s);
    free(ver_s);
    json_decref(det);
    if (dbrc != SQLITE_OK) {
        db_rollback(c);
        out->status = dbrc == SQLITE_FULL ? 507 : 500;
        out->body =
            problem_json(out->status, "Internal Server Error",
                         dbrc == SQLITE_FULL ? "the disk is full" : "cannot write the database");
        json_decref(verification);
        problem_free(pr);
        verify_report_release(&rep);
        free(stored);
        free(cache);
        goto out;
    }
    json_t *warnings = json_incref(json_object_get(verification, "warnings"));
    out->status = exists && !row.deleted ? 200 : 201; /* a deleted problem is new again */
    out->body = result_json(slug, version, public_, verification, warnings, true);
    pcache_put(s, version_id, pr);
    verify_report_release(&rep);
    free(stored);
    free(cache);
out:
    db_release(s->db, c);
    if (out->status < 300)
        store_detail_forget(slug); /* a new version, or its visibility changed */
    import_release(slug, hash);
    return rc;
}

void store_gc(struct server *s)
{
    /* A packages folder shared by the nodes of one store (--packages) may hold what another
     * node is importing right now: only a node's own folder is swept (and its cache always). */
    const char *dirs[] = {s->cfg.packages ? NULL : s->packages_dir, s->cache_dir};
    sqlite3 *c = db_acquire(s->db);
    for (int i = 0; i < 2; i++) {
        DIR *d = dirs[i] ? opendir(dirs[i]) : NULL;
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strlen(e->d_name) != 64)
                continue;
            sqlite3_stmt *st =
                db_prepare(c, "SELECT 1 FROM problem_versions WHERE hash = ?", "s", e->d_name);
            int step = st ? sqlite3_step(st) : SQLITE_ERROR;
            sqlite3_finalize(st);
            if (step == SQLITE_DONE) {
                char *p = fs_join(dirs[i], e->d_name);
                if (p && i == 0)
                    fprintf(stderr,
                            "judged: removing package %s, stored by an import that did "
                            "not finish\n",
                            e->d_name);
                if (p)
                    fs_remove_tree(p);
                free(p);
            }
        }
        if (d)
            closedir(d);
    }
    db_release(s->db, c);
}

struct import_all {
    struct server *s;
    const char *dir;
    struct dirent **ents;
    int n, next;
    pthread_mutex_t lock;
};

static void import_one(struct server *s, const char *dir, const char *name)
{
    char *p = fs_join(dir, name), *y = p ? fs_join(p, "problem.yaml") : NULL;
    if (name[0] != '.' && y && fs_is_file(y) && !s->stopping) {
        struct principal admin = {.role = ROLE_ADMIN};
        struct import_outcome o;
        if (!pkg_slug_valid(name)) {
            fprintf(stderr, "judged: import '%s': not a valid problem id ([a-z0-9-])\n", name);
        } else {
            store_import(s, p, name, &admin, -1, &o);
            const char *d = json_string_value(json_object_get(o.body, "detail"));
            json_t *ver = json_object_get(o.body, "version");
            if (o.status < 300)
                fprintf(stderr, "judged: import '%s': version %lld%s\n", name,
                        (long long)json_integer_value(ver),
                        json_is_true(json_object_get(o.body, "changed")) ? " (new)"
                                                                         : " (unchanged)");
            else
                fprintf(stderr, "judged: import '%s' failed (%u): %s\n", name, o.status,
                        d ? d : "");
            json_t *errs = json_object_get(o.body, "errors");
            for (size_t e = 0; e < json_array_size(errs); e++)
                fprintf(stderr, "judged:   %s\n",
                        json_string_value(json_object_get(json_array_get(errs, e), "detail")));
            json_decref(o.body);
        }
        s->import_done++;
    }
    free(p);
    free(y);
}

static void *import_thread(void *arg)
{
    struct import_all *ia = arg;
    for (;;) {
        pthread_mutex_lock(&ia->lock);
        int i = ia->next++;
        pthread_mutex_unlock(&ia->lock);
        if (i >= ia->n)
            return NULL;
        import_one(ia->s, ia->dir, ia->ents[i]->d_name);
    }
}

void store_import_all(struct server *s, const char *dir)
{
    struct import_all ia = {.s = s, .dir = dir};
    ia.n = scandir(dir, &ia.ents, NULL, alphasort);
    if (ia.n < 0) {
        fprintf(stderr, "judged: cannot read the problems folder '%s': %s\n", dir, strerror(errno));
        return;
    }
    int total = 0;
    for (int i = 0; i < ia.n; i++) {
        char *p = fs_join(dir, ia.ents[i]->d_name), *y = p ? fs_join(p, "problem.yaml") : NULL;
        total += ia.ents[i]->d_name[0] != '.' && y && fs_is_file(y);
        free(p);
        free(y);
    }
    s->import_total = total;
    /* As many at once as there are sandbox slots for imports. */
    pthread_mutex_init(&ia.lock, NULL);
    pthread_t threads[16];
    int nthreads = s->cfg.import_slots < 16 ? s->cfg.import_slots : 16, started = 0;
    for (int t = 1; t < nthreads; t++)
        started += pthread_create(&threads[started], NULL, import_thread, &ia) == 0;
    import_thread(&ia);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_mutex_destroy(&ia.lock);
    for (int i = 0; i < ia.n; i++)
        free(ia.ents[i]);
    free(ia.ents);
}
