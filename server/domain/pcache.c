/*
 * Prepared problems. A version's package lives in packages/HASH and its compiled parts in
 * cache/HASH; both are immutable, so a prepared problem is shared read-only by every worker.
 * Preparing happens under the cache's lock: it is rare (once per version per process) and two
 * workers must not compile into the same cache folder at once.
 */
#define _GNU_SOURCE
#include "pcache.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "problems.h"

struct entry {
    struct entry *next;
    int64_t version_id;
    struct problem *pr;
};

struct pcache {
    pthread_mutex_t lock;
    struct entry *entries;
};

struct pcache *pcache_new(void)
{
    struct pcache *pc = calloc(1, sizeof(*pc));
    if (pc)
        pthread_mutex_init(&pc->lock, NULL);
    return pc;
}

void pcache_free(struct pcache *pc)
{
    if (!pc)
        return;
    while (pc->entries) {
        struct entry *e = pc->entries;
        pc->entries = e->next;
        problem_free(e->pr);
        free(e);
    }
    pthread_mutex_destroy(&pc->lock);
    free(pc);
}

static struct problem *find(struct pcache *pc, int64_t id)
{
    for (struct entry *e = pc->entries; e; e = e->next)
        if (e->version_id == id)
            return e->pr;
    return NULL;
}

static void add(struct pcache *pc, int64_t id, struct problem *pr)
{
    struct entry *e = calloc(1, sizeof(*e));
    if (!e) {
        problem_free(pr);
        return;
    }
    e->version_id = id;
    e->pr = pr;
    e->next = pc->entries;
    pc->entries = e;
}

void pcache_put(struct server *s, int64_t version_id, struct problem *pr)
{
    pthread_mutex_lock(&s->pcache->lock);
    if (find(s->pcache, version_id))
        problem_free(pr);
    else
        add(s->pcache, version_id, pr);
    pthread_mutex_unlock(&s->pcache->lock);
}

static int load(struct server *s, int slot, int64_t id, struct problem **out, char *err,
                size_t errsize)
{
    struct problem_version v;
    char *dir = NULL, *cache = NULL;
    struct pkg *p = NULL;
    struct diag errors = DIAG_INIT;
    int rc = problems_version(s->db, id, &v);
    if (rc) {
        snprintf(err, errsize,
                 rc == -ENOENT ? "problem version %lld is not in the database"
                               : "cannot read problem version %lld",
                 (long long)id);
        goto out;
    }
    dir = fs_join(s->packages_dir, v.hash);
    cache = fs_join(s->cache_dir, v.hash);
    rc = dir && cache ? pkg_open(dir, v.slug, &p, &errors) : -ENOMEM;
    if (!rc) {
        /* The limit verification derived is the one the version was accepted with. */
        p->time_limit = (double)v.time_limit_ms / 1000.0;
        struct judge_env env = {s->sb, slot};
        rc = problem_prepare(&env, p, cache, out, &errors);
    }
    if (rc)
        snprintf(err, errsize, "cannot prepare problem '%s' version %lld: %s", v.slug,
                 (long long)id, errors.n ? errors.items[0] : strerror(-rc));
out:
    diag_release(&errors);
    free(dir);
    free(cache);
    return rc;
}

int pcache_get(struct server *s, int slot, int64_t version_id, const struct problem **out,
               char *err, size_t errsize)
{
    pthread_mutex_lock(&s->pcache->lock);
    struct problem *pr = find(s->pcache, version_id);
    int rc = 0;
    if (!pr) {
        rc = load(s, slot, version_id, &pr, err, errsize);
        if (!rc)
            add(s->pcache, version_id, pr);
    }
    pthread_mutex_unlock(&s->pcache->lock);
    if (!rc)
        *out = pr;
    return rc;
}

int pcache_lang_check(struct server *s, int64_t version_id, const struct lang *lang, char *why,
                      size_t size)
{
    struct problem_version v;
    char *dir = NULL;
    int rc = problems_version(s->db, version_id, &v);
    if (rc) {
        snprintf(why, size,
                 rc == -ENOENT ? "problem version %lld is not in the database"
                               : "cannot read problem version %lld",
                 (long long)version_id);
        goto out;
    }
    dir = fs_join(s->packages_dir, v.hash);
    struct judge_env env = {s->sb, 0};
    rc = dir ? judge_lang_check(s->sb ? &env : NULL, dir, v.slug, lang, why, size) : -ENOMEM;
out:
    free(dir);
    return rc;
}
