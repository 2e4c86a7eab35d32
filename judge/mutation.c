/*
 * Mutation testing of a problem's tests. Every mutant of every accepted C submission is a job;
 * one thread per sandbox slot takes jobs in turn, writes the mutated file beside nothing else of
 * the package and judges it with the problem's limits, stopping at the first failing test (that
 * test killed it). The driver and the validator were compiled once when the problem was prepared,
 * so a mutant costs one compile and the tests up to its first failure.
 */
#define _GNU_SOURCE
#include "mutation.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fsutil.h"
#include "mutate.h"

enum outcome { O_PENDING, O_KILLED, O_SURVIVED, O_STILLBORN, O_EQUIVALENT, O_FAILED };

/* One source file of one accepted submission, and its mutants. */
struct target {
    const struct pkg_program *sub;
    size_t source; /* index into sub->sources */
    char *text;
    size_t len;
    struct mutant *mutants;
    size_t nmutants;
};

struct job {
    struct target *target;
    const struct mutant *m;
    enum outcome outcome;
    char *error; /* O_FAILED: what the judge said */
};

struct run {
    const struct problem *pr;
    const char *workdir;
    struct job *jobs;
    size_t njobs;
    atomic_size_t next;
};

struct worker {
    struct run *run;
    struct judge_env env;
    size_t index;
    int rc;
};

static int judge_mutant(struct worker *w, struct job *j)
{
    const struct target *t = j->target;
    const char *src = t->sub->sources[t->source];
    const char *base = strrchr(src, '/');
    char dir[64], name[512];
    snprintf(dir, sizeof(dir), "t%zu", w->index);
    char *folder = fs_join(w->run->workdir, dir);
    snprintf(name, sizeof(name), "%s", base ? base + 1 : src);
    char *path = folder ? fs_join(folder, name) : NULL;
    char *text = mutate_apply(t->text, t->len, j->m);
    const char **sources = calloc(t->sub->nsources, sizeof(*sources));
    int rc = folder && path && text && sources ? fs_mkdirs(folder, 0755) : -ENOMEM;
    if (!rc)
        rc = fs_write(path, text, strlen(text), 0644);
    if (!rc) {
        for (size_t i = 0; i < t->sub->nsources; i++)
            sources[i] = i == t->source ? path : t->sub->sources[i];
        struct judge_opts opts = {.stop_at_first_failure = true};
        struct judge_result res;
        rc = judge_submission(&w->env, w->run->pr, t->sub->lang, sources, t->sub->nsources, &opts,
                              &res);
        if (!rc) {
            switch (res.verdict) {
            case V_AC:
                j->outcome = O_SURVIVED;
                break;
            case V_CE:
                j->outcome = O_STILLBORN;
                break;
            case V_IE:
                j->outcome = O_FAILED;
                j->error = strdup(res.error ? res.error : "unknown");
                break;
            default:
                j->outcome = O_KILLED;
            }
            judge_result_release(&res);
        }
    }
    free(sources);
    free(text);
    free(path);
    free(folder);
    return rc;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&w->run->next, 1);
        if (i >= w->run->njobs)
            break;
        struct job *j = &w->run->jobs[i];
        if (j->outcome != O_PENDING)
            continue;
        int rc = judge_mutant(w, j);
        if (rc) {
            j->outcome = O_FAILED;
            if (asprintf(&j->error, "could not judge: %s", strerror(-rc)) < 0)
                j->error = NULL;
        }
    }
    return NULL;
}

/*** The equivalent list ***/

struct equivalents {
    char **path, **id;
    bool *used;
    unsigned *line;
    size_t n;
};

static void equivalents_release(struct equivalents *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->path[i]);
        free(e->id[i]);
    }
    free(e->path);
    free(e->id);
    free(e->used);
    free(e->line);
}

static int equivalents_read(const struct pkg *p, struct equivalents *e)
{
    memset(e, 0, sizeof(*e));
    char *file = fs_join(p->dir, MUTATION_EQUIVALENT_FILE);
    if (!file)
        return -ENOMEM;
    char *text = NULL;
    int rc = fs_is_file(file) ? fs_read(file, MUTATION_SOURCE_MAX, &text, NULL) : 0;
    free(file);
    if (rc || !text)
        return rc;
    unsigned lineno = 0;
    for (char *save = NULL, *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char path[4096], id[64];
        if (sscanf(line, "%4095s %63s", path, id) != 2)
            continue;
        size_t n = e->n + 1;
        char **np = realloc(e->path, n * sizeof(*np));
        if (np)
            e->path = np;
        char **ni = realloc(e->id, n * sizeof(*ni));
        if (ni)
            e->id = ni;
        bool *nu = realloc(e->used, n * sizeof(*nu));
        if (nu)
            e->used = nu;
        unsigned *nl = realloc(e->line, n * sizeof(*nl));
        if (nl)
            e->line = nl;
        if (!np || !ni || !nu || !nl) {
            rc = -ENOMEM;
            break;
        }
        e->path[e->n] = strdup(path);
        e->id[e->n] = strdup(id);
        e->used[e->n] = false;
        e->line[e->n] = lineno;
        e->n = n;
    }
    free(text);
    return rc;
}

static bool equivalents_has(struct equivalents *e, const char *path, const char *id)
{
    for (size_t i = 0; i < e->n; i++) {
        if (e->path[i] && e->id[i] && !strcmp(e->path[i], path) && !strcmp(e->id[i], id)) {
            e->used[i] = true;
            return true;
        }
    }
    return false;
}

/*** The run ***/

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* The targets: each source file of each accepted C submission, with its mutants. */
static int list_targets(const struct pkg *p, struct target **out, size_t *n,
                        struct mutation_report *rep)
{
    const struct lang *c = lang_by_id("c");
    struct target *ts = NULL;
    size_t nt = 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < p->nsubmissions; i++) {
        const struct pkg_program *sub = &p->submissions[i];
        if (strcmp(sub->expected, "accepted") || sub->lang != c)
            continue;
        for (size_t k = 0; !rc && k < sub->nsources; k++) {
            if (!fs_has_suffix(sub->sources[k], ".c"))
                continue;
            struct target *nv = realloc(ts, (nt + 1) * sizeof(*nv));
            if (!nv) {
                rc = -ENOMEM;
                break;
            }
            ts = nv;
            struct target *t = &ts[nt++];
            memset(t, 0, sizeof(*t));
            t->sub = sub;
            t->source = k;
            rc = fs_read(sub->sources[k], MUTATION_SOURCE_MAX, &t->text, &t->len);
            if (rc) {
                diag_add(&rep->errors, "problem '%s': cannot read '%s': %s", p->slug, sub->path,
                         strerror(-rc));
                rc = 0;
                continue;
            }
            size_t dropped = 0;
            rc = mutate_list(t->text, t->len, &t->mutants, &t->nmutants, &dropped);
            rep->dropped += dropped;
        }
    }
    *out = ts;
    *n = nt;
    return rc;
}

int mutation_run(const struct judge_env *envs, size_t nenv, const struct problem *pr,
                 const char *workdir, struct mutation_report *rep)
{
    memset(rep, 0, sizeof(*rep));
    if (!nenv)
        return -EINVAL;
    uint64_t start = now_ms();
    const struct pkg *p = pr->pkg;
    struct target *targets = NULL;
    size_t ntargets = 0;
    struct equivalents eq;
    struct run run = {.pr = pr, .workdir = workdir};
    struct worker *workers = NULL;
    pthread_t *threads = NULL;
    int rc = equivalents_read(p, &eq);
    if (!rc)
        rc = list_targets(p, &targets, &ntargets, rep);
    if (rc)
        goto out;
    for (size_t i = 0; i < ntargets; i++)
        run.njobs += targets[i].nmutants;
    run.jobs = calloc(run.njobs ? run.njobs : 1, sizeof(*run.jobs));
    workers = calloc(nenv, sizeof(*workers));
    threads = calloc(nenv, sizeof(*threads));
    if (!run.jobs || !workers || !threads) {
        rc = -ENOMEM;
        goto out;
    }
    for (size_t i = 0, k = 0; i < ntargets; i++) {
        for (size_t m = 0; m < targets[i].nmutants; m++, k++) {
            struct job *j = &run.jobs[k];
            j->target = &targets[i];
            j->m = &targets[i].mutants[m];
            if (equivalents_has(&eq, targets[i].sub->path, j->m->id))
                j->outcome = O_EQUIVALENT;
        }
    }
    atomic_init(&run.next, 0);
    size_t started = 0;
    for (; started < nenv; started++) {
        workers[started] = (struct worker){&run, envs[started], started, 0};
        if (pthread_create(&threads[started], NULL, worker_main, &workers[started]) != 0)
            break;
    }
    if (started == 0)
        worker_main(&(struct worker){&run, envs[0], 0, 0});
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);

    rep->generated = run.njobs;
    for (size_t k = 0; k < run.njobs; k++) {
        struct job *j = &run.jobs[k];
        const struct target *t = j->target;
        switch (j->outcome) {
        case O_KILLED:
            rep->killed++;
            break;
        case O_STILLBORN:
            rep->stillborn++;
            break;
        case O_EQUIVALENT:
            rep->equivalent++;
            break;
        case O_FAILED:
            rep->failed++;
            diag_add(&rep->errors, "problem '%s': '%s' mutant %s: the judge failed: %s", p->slug,
                     t->sub->path, j->m->id, j->error ? j->error : "unknown");
            break;
        case O_SURVIVED: {
            rep->survived++;
            struct mutation_survivor *ns =
                realloc(rep->survivors, (rep->nsurvivors + 1) * sizeof(*ns));
            if (!ns) {
                rc = -ENOMEM;
                break;
            }
            rep->survivors = ns;
            struct mutation_survivor *s = &rep->survivors[rep->nsurvivors++];
            s->path = strdup(t->sub->path);
            snprintf(s->id, sizeof(s->id), "%s", j->m->id);
            s->diff = mutate_diff(t->text, t->len, j->m, t->sub->path);
            break;
        }
        case O_PENDING:
            break;
        }
    }
    for (size_t i = 0; i < eq.n; i++)
        if (!eq.used[i])
            diag_add(&rep->warnings,
                     "problem '%s': %s line %u: '%s %s' names no mutant (the source changed?)",
                     p->slug, MUTATION_EQUIVALENT_FILE, eq.line[i], eq.path[i], eq.id[i]);
    size_t counted = rep->killed + rep->survived;
    rep->score = counted ? (double)rep->killed / (double)counted : 1.0;
out:
    rep->elapsed_ms = (unsigned)(now_ms() - start);
    for (size_t k = 0; run.jobs && k < run.njobs; k++)
        free(run.jobs[k].error);
    free(run.jobs);
    for (size_t i = 0; i < ntargets; i++) {
        free(targets[i].text);
        free(targets[i].mutants);
    }
    free(targets);
    free(workers);
    free(threads);
    equivalents_release(&eq);
    return rc;
}

void mutation_report_release(struct mutation_report *rep)
{
    if (!rep)
        return;
    for (size_t i = 0; i < rep->nsurvivors; i++) {
        free(rep->survivors[i].path);
        free(rep->survivors[i].diff);
    }
    free(rep->survivors);
    diag_release(&rep->errors);
    diag_release(&rep->warnings);
    memset(rep, 0, sizeof(*rep));
}

static json_t *diag_array(const struct diag *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->n; i++)
        json_array_append_new(a, json_string(d->items[i]));
    return a;
}

json_t *mutation_report_json(const struct mutation_report *rep)
{
    json_t *surv = json_array();
    for (size_t i = 0; i < rep->nsurvivors; i++) {
        const struct mutation_survivor *s = &rep->survivors[i];
        json_array_append_new(surv, json_pack("{s:s, s:s, s:s}", "path", s->path ? s->path : "",
                                              "id", s->id, "diff", s->diff ? s->diff : ""));
    }
    return json_pack("{s:f, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}", "score",
                     rep->score, "generated", (json_int_t)rep->generated, "killed",
                     (json_int_t)rep->killed, "survived", (json_int_t)rep->survived, "stillborn",
                     (json_int_t)rep->stillborn, "equivalent", (json_int_t)rep->equivalent,
                     "dropped", (json_int_t)rep->dropped, "failed", (json_int_t)rep->failed,
                     "elapsed_ms", (json_int_t)rep->elapsed_ms, "survivors", surv, "errors",
                     diag_array(&rep->errors), "warnings", diag_array(&rep->warnings));
}
