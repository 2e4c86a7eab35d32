/*
 * Importing a package (problems.h). The flow reads top-down in problems_import():
 *
 *   hash the folder -> wait for other imports of the slug or the content -> check the caller
 *   may write the slug -> unchanged content: done -> store the content under its hash ->
 *   verify it in an import slot within the budget -> record the new version in one transaction
 *
 * Any failure after the content was stored removes it again unless a version refers to it, so
 * a failed import leaves nothing behind. Submissions keep the version they were made against.
 */
#define _GNU_SOURCE
#include "problems.h"
#include "pkg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
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
#define IMPORTS_AT_ONCE  64          /* imports waiting or running at once */

/*** One import at a time per problem and per content ***/

/*
 * Imports run in parallel, except two of one problem (their versions would race) or of one
 * content (a failed one would remove the stored package the other is verifying).
 */
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

static void import_unclaim(const char *slug, const char *hash)
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

/*** The import budget ***/

/*
 * An import's verification has a wall-time budget (cfg.import_budget_s): a watch thread raises
 * the cancel flag verification looks at between runs once it is spent, or when the judge stops.
 */
enum cut { CUT_NONE = 0, CUT_BUDGET = 1, CUT_STOPPING = 2 };

struct budget {
    struct server *s;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool done, started;
    volatile int cancel; /* an enum cut */
    pthread_t thread;
};

static bool reached(const struct timespec *now, const struct timespec *end)
{
    return now->tv_sec > end->tv_sec ||
           (now->tv_sec == end->tv_sec && now->tv_nsec >= end->tv_nsec);
}

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
        if (reached(&now, &end)) {
            b->cancel = CUT_BUDGET;
            break;
        }
        if (b->s->stopping) {
            b->cancel = CUT_STOPPING;
            break;
        }
        /* Wake at least every second to see a SIGTERM. */
        wake = now;
        wake.tv_sec += 1;
        if (reached(&wake, &end))
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

/* Ends the watch. Returns what cut verification short. */
static enum cut budget_stop(struct budget *b)
{
    pthread_mutex_lock(&b->lock);
    b->done = true;
    pthread_cond_signal(&b->cond);
    pthread_mutex_unlock(&b->lock);
    if (b->started)
        pthread_join(b->thread, NULL);
    pthread_mutex_destroy(&b->lock);
    pthread_cond_destroy(&b->cond);
    return (enum cut)b->cancel;
}

/*** What readers are shown ***/

static json_t *read_text(const char *path, bool *truncated)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return json_string("");
    char *text = malloc(SAMPLE_SHOWN_MAX + 1);
    ssize_t n = text ? read(fd, text, SAMPLE_SHOWN_MAX) : -1;
    char extra;
    *truncated = n == (ssize_t)SAMPLE_SHOWN_MAX && read(fd, &extra, 1) == 1;
    close(fd);
    size_t len = n > 0 ? (size_t)n : 0;
    json_t *j = json_stringn_nocheck(text ? text : "", len);
    /* Not UTF-8: show it as bytes replaced, never fail the problem for it. */
    if (!j || !json_string_value(j))
        j = json_string("");
    free(text);
    return j;
}

static json_t *samples_json(const struct pkg *p)
{
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
    return samples;
}

static json_t *groups_json(const struct pkg *p)
{
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
    return groups;
}

/* GET /problems/{slug}: everything a candidate may see, and nothing secret. */
static json_t *detail_json(const struct problem *pr)
{
    const struct pkg *p = pr->pkg;
    /* Starter code per language ({lang: text}); `template` stays C's, as before. */
    json_t *templates = json_object();
    for (size_t i = 0; i < p->ntemplates; i++)
        json_object_set_new(templates, p->templates[i].lang, json_string(p->templates[i].text));
    /* The catalogue's difficulty and tags (GET /problems reads them from here too). */
    json_t *tags = json_array();
    for (const char *k = p->keywords; k && *k;) {
        size_t len = strcspn(k, "\n");
        json_array_append_new(tags, json_stringn(k, len));
        k += len + (k[len] == '\n');
    }
    return json_pack(
        "{s:s, s:s, s:s, s:o, s:{s:I, s:I, s:I}, s:o, s:o, s:s, s:I, s:o, s:b, s:o, s:o}", "title",
        p->name, "statement", p->statement ? p->statement : "", "type",
        p->scoring ? "scoring" : "pass-fail", "samples", samples_json(p), "limits", "time_ms",
        (json_int_t)pkg_time_limit_ms(p), "memory_mb", (json_int_t)p->memory_mb, "output_mb",
        (json_int_t)p->output_mb, "template",
        p->template_c ? json_string(p->template_c) : json_null(), "templates", templates,
        "validation", p->custom_validation ? "custom" : "default", "tests",
        (json_int_t)pkg_secret_count(p), "groups", groups_json(p), "function_signature",
        p->ninclude > 0, "difficulty", p->difficulty ? json_string(p->difficulty) : json_null(),
        "tags", tags);
}

/*** The steps of an import ***/

/* One import's state, passed from step to step. */
struct import {
    struct server *s;
    const char *dir, *slug;
    const struct principal *who;
    char hash[65];
    struct problem_row row;
    bool exists;
    char *stored, *cache; /* packages/HASH and cache/HASH */
    bool placed;          /* the content went (or may have gone) there: discard on failure */
    struct verify_report rep;
    struct problem *pr; /* what verification prepared, for the cache of problems */
    int64_t version_id;
    struct problems_import *out;
};

/* The caller may write the slug (or take a free one); decides the visibility. */
static int import_check_rights(struct import *im, int public_flag)
{
    int rc = problems_get(im->s->db, im->slug, &im->row);
    im->exists = rc == 0;
    if (rc && rc != -ENOENT) {
        snprintf(im->out->detail, sizeof(im->out->detail), "cannot read the database");
        return rc;
    }
    if (im->exists && !problems_can_write(im->who, &im->row)) {
        snprintf(im->out->detail, sizeof(im->out->detail),
                 im->row.deleted
                     ? "the slug '%s' was used by a problem of another team; pick another"
                     : "problem '%s' belongs to another team",
                 im->slug);
        return -EACCES;
    }
    im->out->public = public_flag >= 0 ? public_flag == 1
                      : im->exists     ? im->row.public
                                       : im->who->role == ROLE_ADMIN;
    return 0;
}

/*
 * Same content as the current version: nothing to verify or store; only the visibility may
 * change. 1 when so (the result is filled), 0 when the content is new, a negative errno.
 */
static int import_unchanged(struct import *im)
{
    if (!im->exists || im->row.deleted || !im->row.version_id)
        return 0;
    dbrows *r = NULL;
    dbc *c = db_get(im->s->db);
    int rc = c ? dbc_query(c, &r, "SELECT hash, verification FROM problem_versions WHERE id = ?",
                           "i", im->row.version_id)
               : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc != 1 || strcmp(dbrows_text(r, "hash"), im->hash)) {
        rc = 0; /* unreadable: verify it again rather than fail */
        goto out;
    }
    json_t *ver = json_loads(dbrows_text(r, "verification"), 0, NULL);
    im->out->verification = ver ? ver : json_object();
    im->out->warnings = json_incref(json_object_get(im->out->verification, "warnings"));
    if (!im->out->warnings)
        im->out->warnings = json_array();
    im->out->version = im->row.version;
    dbc_run(c, "UPDATE problems SET public = ? WHERE slug = ?", "is", (int64_t)im->out->public,
            im->slug);
    rc = 1;
out:
    dbrows_free(r);
    db_put(im->s->db, c);
    return rc;
}

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

/* Stores the content under its hash (a copy: the caller's folder goes away). */
static int import_store(struct import *im)
{
    struct server *s = im->s;
    int rc = 0;
    im->stored = fs_join(s->packages_dir, im->hash);
    im->cache = fs_join(s->cache_dir, im->hash);
    if (!im->stored || !im->cache)
        rc = -ENOMEM;
    if (!rc && !fs_is_dir(im->stored)) {
        char tmp[PATH_MAX];
        snprintf(tmp, sizeof(tmp), "%s/.import-%s", s->tmp_dir, im->hash);
        fs_remove_tree(tmp);
        rc = copy_tree(im->dir, tmp);
        if (!rc && rename(tmp, im->stored) < 0)
            rc = -errno;
        if (rc)
            fs_remove_tree(tmp);
    }
    im->placed = true; /* a folder no version names is this import's to remove */
    if (rc) {
        snprintf(im->out->detail, sizeof(im->out->detail), "cannot store the package: %s",
                 strerror(-rc));
        return rc == -ENOSPC || rc == -ENOMEM ? rc : -EIO;
    }
    return 0;
}

/* A verification that failed: every reason in `errors`, with the report. */
static int import_refused(struct import *im)
{
    json_t *errors = json_array();
    for (size_t i = 0; i < im->rep.errors.n; i++)
        json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer", "package", "detail",
                                                im->rep.errors.items[i]));
    for (size_t i = 0; i < im->rep.nsubs; i++) {
        const struct verify_sub *v = &im->rep.subs[i];
        if (v->ok)
            continue;
        char msg[1024];
        snprintf(msg, sizeof(msg), "'%s' should get %s but got %s%s%s", v->path, v->expected,
                 v->verdict, v->first_failure ? " on test " : "",
                 v->first_failure ? v->first_failure : "");
        json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer", v->path, "detail", msg));
    }
    snprintf(im->out->detail, sizeof(im->out->detail),
             "problem '%s' failed verification: %zu error%s", im->slug, json_array_size(errors),
             json_array_size(errors) == 1 ? "" : "s");
    im->out->errors = errors;
    im->out->verification = verify_report_json(&im->rep);
    return -EINVAL;
}

/* What a verification that did not pass means: the package's fault, or the judge's. */
static int import_verdict(struct import *im, int rc, enum cut cut)
{
    struct problems_import *out = im->out;
    if (rc == -ECANCELED && cut == CUT_BUDGET) {
        /* Over budget: the package's own code is too slow to verify; nothing of it is kept. */
        snprintf(out->detail, sizeof(out->detail),
                 "verifying the package took longer than the import budget of %u s "
                 "(--import-budget): its validators or reference submissions are too slow",
                 im->s->cfg.import_budget_s);
        out->errors = json_pack("[{s:s, s:s}]", "pointer", "package", "detail", out->detail);
        return -EINVAL;
    }
    if (rc == -ECANCELED) {
        snprintf(out->detail, sizeof(out->detail),
                 "the judge is shutting down; import the package again later");
        return -EBUSY;
    }
    if (rc) {
        snprintf(out->detail, sizeof(out->detail), "verification could not run: %s", strerror(-rc));
        return -EIO;
    }
    /* A reference submission that got IE is the judge's failure, not the package's. */
    for (size_t i = 0; i < im->rep.nsubs; i++) {
        const struct verify_sub *v = &im->rep.subs[i];
        if (v->judge_error) {
            snprintf(out->detail, sizeof(out->detail),
                     "the judge failed while verifying the package (not the package's fault): "
                     "problem '%s': '%s': the judge failed: %s",
                     im->slug, v->path, v->judge_error);
            return -EIO;
        }
    }
    return im->rep.ok ? 0 : import_refused(im);
}

/*
 * Verifies in a slot of the imports' own (never the Run button's), within the import budget: a
 * reference submission runs like any other, each run within its limits.
 */
static int import_verify(struct import *im)
{
    struct server *s = im->s;
    char client[96];
    queue_client_key(im->who, "", client, sizeof(client));
    int slot = import_slot_acquire(s, client, s->cfg.import_budget_s * 1000u);
    if (slot < 0) {
        snprintf(im->out->detail, sizeof(im->out->detail),
                 "every sandbox for imports (%d) stayed busy for %u s; retry later",
                 s->cfg.import_slots, s->cfg.import_budget_s);
        return -EBUSY;
    }
    struct judge_env env = {s->sb, slot};
    struct budget budget;
    budget_start(&budget, s);
    int rc = verify_problem_cancel(&env, im->stored, im->slug, im->cache, &budget.cancel, &im->rep,
                                   &im->pr);
    enum cut cut = budget_stop(&budget);
    import_slot_release(s, slot, client);
    return import_verdict(im, rc, cut);
}

/* Records version N+1 and makes it current, in one transaction. */
static int import_record(struct import *im)
{
    const struct pkg *p = im->pr->pkg;
    json_t *det = detail_json(im->pr);
    char *det_s = json_dumps(det, JSON_COMPACT),
         *ver_s = json_dumps(im->out->verification, JSON_COMPACT);
    int64_t now = db_now_ms(), version = 0;
    int64_t team = im->who->role == ROLE_TEAM ? im->who->team_id : 0;
    dbc *c = db_get(im->s->db);
    int rc = !c ? -EIO : !det_s || !ver_s ? -ENOMEM : dbc_begin(c);
    if (!rc && !im->exists)
        rc = dbc_run(c,
                     "INSERT INTO problems (slug, team_id, public, created_at, updated_at) "
                     "VALUES (?, nullif(?, 0), ?, ?, ?)",
                     "siiii", im->slug, team, (int64_t)im->out->public, now, now);
    if (!rc)
        rc = dbc_scalar(c, &version,
                        "SELECT coalesce(max(version), 0) + 1 AS version FROM problem_versions "
                        "WHERE slug = ?",
                        "s", im->slug);
    if (!rc)
        rc = dbc_scalar(c, &im->version_id,
                        "INSERT INTO problem_versions (slug, version, hash, title, time_limit_ms, "
                        "detail, verification, tests, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        "sississii", im->slug, version, im->hash, p->name,
                        (int64_t)pkg_time_limit_ms(p), det_s, ver_s, (int64_t)pkg_secret_count(p),
                        now);
    if (!rc)
        rc = dbc_run(c,
                     "UPDATE problems SET current = ?, public = ?, updated_at = ?, "
                     "deleted_at = NULL WHERE slug = ?",
                     "iiis", im->version_id, (int64_t)im->out->public, now, im->slug);
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        snprintf(im->out->detail, sizeof(im->out->detail), "%s",
                 rc == -ENOSPC ? "the disk is full" : "cannot write the database");
    im->out->version = (int)version;
    free(det_s);
    free(ver_s);
    json_decref(det);
    db_put(im->s->db, c); /* rolls back what an error left open */
    return rc;
}

/* After a failure: the stored content goes unless a version refers to it. */
static void import_discard(struct import *im)
{
    if (!im->placed || problems_hash_used(im->s->db, im->hash) != 0)
        return;
    if (im->stored)
        fs_remove_tree(im->stored);
    if (im->cache)
        fs_remove_tree(im->cache);
}

int problems_import(struct server *s, const char *dir, const char *slug,
                    const struct principal *who, int public_flag, struct problems_import *out)
{
    memset(out, 0, sizeof(*out));
    struct import im = {.s = s, .dir = dir, .slug = slug, .who = who, .out = out};
    if (pkg_tree_hash(dir, im.hash)) {
        snprintf(out->detail, sizeof(out->detail), "cannot read the package");
        return -EIO;
    }
    import_claim(slug, im.hash);
    int rc = import_check_rights(&im, public_flag);
    if (!rc)
        rc = import_unchanged(&im);
    if (rc == 1) {
        rc = 0;
        goto out;
    }
    if (!rc)
        rc = import_store(&im);
    if (!rc)
        rc = import_verify(&im);
    if (!rc) {
        out->verification = verify_report_json(&im.rep);
        out->warnings = json_incref(json_object_get(out->verification, "warnings"));
        if (!out->warnings)
            out->warnings = json_array();
        rc = import_record(&im);
    }
    if (rc)
        goto out;
    out->changed = true;
    out->created = !im.exists || im.row.deleted; /* a deleted problem is new again */
    pcache_put(s, im.version_id, im.pr);
    im.pr = NULL;
out:
    if (rc)
        import_discard(&im);
    else
        problems_cache_forget(slug); /* a new version, or its visibility changed */
    import_unclaim(slug, im.hash);
    problem_free(im.pr);
    verify_report_release(&im.rep);
    free(im.stored);
    free(im.cache);
    return rc;
}

void problems_import_release(struct problems_import *r)
{
    if (!r)
        return;
    json_decref(r->verification);
    json_decref(r->warnings);
    json_decref(r->errors);
    r->verification = r->warnings = r->errors = NULL;
}

/*** Every package of a folder, at start ***/

struct import_all {
    struct server *s;
    const char *dir;
    struct dirent **ents;
    int n, next;
    pthread_mutex_t lock;
};

static void import_log(const char *name, int rc, const struct problems_import *o)
{
    if (!rc)
        fprintf(stderr, "judged: import '%s': version %d%s\n", name, o->version,
                o->changed ? " (new)" : " (unchanged)");
    else
        fprintf(stderr, "judged: import '%s' failed (%s): %s\n", name, strerror(-rc), o->detail);
    for (size_t e = 0; e < json_array_size(o->errors); e++)
        fprintf(stderr, "judged:   %s\n",
                json_string_value(json_object_get(json_array_get(o->errors, e), "detail")));
}

static bool is_package(const char *dir, const char *name)
{
    char *p = fs_join(dir, name), *y = p ? fs_join(p, "problem.yaml") : NULL;
    bool yes = name[0] != '.' && y && fs_is_file(y);
    free(p);
    free(y);
    return yes;
}

static void import_one(struct server *s, const char *dir, const char *name)
{
    if (!is_package(dir, name) || s->stopping)
        return;
    char *p = fs_join(dir, name);
    if (!pkg_slug_valid(name)) {
        fprintf(stderr, "judged: import '%s': not a valid problem id ([a-z0-9-])\n", name);
    } else if (p) {
        struct principal admin = {.role = ROLE_ADMIN};
        struct problems_import o;
        int rc = problems_import(s, p, name, &admin, -1, &o);
        import_log(name, rc, &o);
        problems_import_release(&o);
    }
    s->import_done++;
    free(p);
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

void problems_import_all(struct server *s, const char *dir)
{
    struct import_all ia = {.s = s, .dir = dir};
    ia.n = scandir(dir, &ia.ents, NULL, alphasort);
    if (ia.n < 0) {
        fprintf(stderr, "judged: cannot read the problems folder '%s': %s\n", dir, strerror(errno));
        return;
    }
    int total = 0;
    for (int i = 0; i < ia.n; i++)
        total += is_package(dir, ia.ents[i]->d_name);
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
