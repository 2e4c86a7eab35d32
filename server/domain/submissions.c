/* Reading submissions and rejudging them; submissions.h says what each call promises. */
#define _GNU_SOURCE
#include "submissions.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Whether `who` may see a submission of team `team_id` (0: none) and invite `invite_id`. */
static bool visible(const struct principal *who, int64_t team_id, int64_t invite_id)
{
    if (who->role == ROLE_ADMIN)
        return true;
    /* A candidate's: the candidate and the assessment's team. */
    if (invite_id)
        return (who->role == ROLE_CANDIDATE && who->invite_id == invite_id) ||
               (who->role == ROLE_TEAM && team_id && who->team_id == team_id);
    if (who->role == ROLE_CANDIDATE)
        return false;
    /* Anonymous practice submissions are reached by their unguessable id alone. */
    if (team_id == 0)
        return true;
    return who->role == ROLE_TEAM && who->team_id == team_id;
}

void submission_row_release(struct submission_row *row)
{
    if (!row)
        return;
    free(row->slug);
    free(row->language);
    free(row->verdict);
    free(row->compile_output);
    free(row->source);
    free(row->error);
    for (size_t i = 0; i < row->ntests; i++)
        test_row_release(&row->tests[i]);
    free(row->tests);
    memset(row, 0, sizeof(*row));
}

/* The stored tests of row `seq`, in order, into row->tests. 0, -ENOMEM, -EIO. */
static int read_tests(dbc *c, int64_t seq, struct submission_row *row)
{
    dbrows *r = NULL;
    size_t cap = 0;
    int rc = dbc_query(c, &r,
                       "SELECT idx, name, grp, verdict, time_ms, memory_kb, message, sample, "
                       "wall_ms FROM submission_tests WHERE submission_seq = ? ORDER BY idx",
                       "i", seq);
    while (!rc && (rc = dbrows_next(r)) == 1) {
        rc = 0;
        if (row->ntests == cap) {
            size_t ncap = cap ? 2 * cap : 16;
            struct test_row *t = realloc(row->tests, ncap * sizeof(*t));
            if (!t) {
                rc = -ENOMEM;
                break;
            }
            row->tests = t;
            cap = ncap;
        }
        struct test_row *t = &row->tests[row->ntests++];
        *t = (struct test_row){.index = dbrows_int(r, "idx"),
                               .name = dbrows_strdup(r, "name"),
                               .group = dbrows_strdup(r, "grp"),
                               .verdict = dbrows_strdup(r, "verdict"),
                               .message = dbrows_strdup(r, "message"),
                               .sample = dbrows_int(r, "sample") != 0,
                               .time_ms = dbrows_int(r, "time_ms"),
                               .memory_kb = dbrows_int(r, "memory_kb"),
                               .wall_ms = dbrows_int(r, "wall_ms")};
        if (!t->name || !t->group || !t->verdict || !t->message)
            rc = -ENOMEM;
    }
    dbrows_free(r);
    return rc;
}

/* The row's columns; the strings into `row`. 0 or -ENOMEM. */
static int fill_row(const dbrows *r, bool with_source, struct submission_row *row)
{
    row->seq = dbrows_int(r, "seq");
    snprintf(row->id, sizeof(row->id), "%s", dbrows_text(r, "id"));
    snprintf(row->status, sizeof(row->status), "%s", dbrows_text(r, "status"));
    row->slug = dbrows_strdup(r, "slug");
    row->language = dbrows_strdup(r, "language");
    bool done = !strcmp(row->status, "done");
    row->verdict = done && !dbrows_null(r, "verdict") ? dbrows_strdup(r, "verdict") : NULL;
    row->score = dbrows_double(r, "score");
    row->max_score = dbrows_double(r, "max_score");
    row->time_ms = dbrows_int(r, "time_ms");
    row->memory_kb = dbrows_int(r, "memory_kb");
    row->compile_output = dbrows_strdup(r, "compile_output");
    row->source = with_source ? dbrows_strdup(r, "source") : NULL;
    row->error = dbrows_null(r, "error") ? NULL : dbrows_strdup(r, "error");
    row->team_id = dbrows_int(r, "team");
    row->invite_id = dbrows_int(r, "invite");
    row->problem_team_id = dbrows_int(r, "problem_team");
    row->problem_version = dbrows_int(r, "problem_version");
    row->show_hidden = dbrows_int(r, "show_hidden") != 0;
    row->created_at = dbrows_int(r, "created_at");
    row->finished_at = dbrows_null(r, "finished_at") ? 0 : dbrows_int(r, "finished_at");
    bool ok = row->slug && row->language && row->compile_output &&
              (!done || dbrows_null(r, "verdict") || row->verdict) &&
              (!with_source || row->source) && (dbrows_null(r, "error") || row->error);
    return ok ? 0 : -ENOMEM;
}

/* Merges the live progress of a submission judged here (status, compiler output, tests). */
static int merge_live(struct server *s, struct submission_row *row)
{
    char status[16];
    char *output = NULL;
    struct test_row *tests = NULL;
    size_t n = 0;
    int rc = queue_live_get(s, row->id, status, &output, &tests, &n);
    if (rc == -ENOENT)
        return 0; /* queued, or being judged elsewhere: the stored state is all there is */
    if (rc)
        return rc;
    snprintf(row->status, sizeof(row->status), "%s", status);
    if (output) {
        free(row->compile_output);
        row->compile_output = output;
    }
    row->tests = tests;
    row->ntests = n;
    return 0;
}

int submission_get(struct server *s, const char *id, const struct principal *who, bool with_source,
                   struct submission_row *out)
{
    struct submission_row row = {0};
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    int rc = dbc_query(
        c, &r,
        "SELECT seq, id, slug, language, status, verdict, score, max_score, time_ms, memory_kb, "
        "compile_output, coalesce(team_id, 0) AS team, created_at, finished_at, source, error, "
        "(SELECT v.version FROM problem_versions v WHERE v.id = submissions.version_id) AS "
        "problem_version, coalesce(invite_id, 0) AS invite, coalesce((SELECT a.show_hidden FROM "
        "invites i JOIN assessments a ON a.id = i.assessment_id WHERE i.id = "
        "submissions.invite_id), 0) AS show_hidden, coalesce((SELECT p.team_id FROM problems p "
        "WHERE p.slug = submissions.slug), 0) AS problem_team FROM submissions WHERE id = ?",
        "s", id);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    if (!visible(who, dbrows_int(r, "team"), dbrows_int(r, "invite"))) {
        rc = -ENOENT; /* another's is as good as none: its id says nothing */
        goto out;
    }
    rc = fill_row(r, with_source, &row);
    dbrows_free(r);
    r = NULL;
    if (rc)
        goto out;
    rc = strcmp(row.status, "done") ? merge_live(s, &row) : read_tests(c, row.seq, &row);
out:
    dbrows_free(r);
    db_put(s->db, c);
    if (rc) {
        submission_row_release(&row);
        return rc;
    }
    *out = row;
    return 0;
}

void submission_list_release(struct submission_summary *rows, size_t count)
{
    for (size_t i = 0; rows && i < count; i++) {
        free(rows[i].slug);
        free(rows[i].language);
        free(rows[i].verdict);
    }
    free(rows);
}

int submission_list(struct server *s, const struct submission_filter *f,
                    struct submission_summary **rows, size_t *count, bool *more)
{
    size_t limit = f->limit > 0 ? (size_t)f->limit : 1, n = 0;
    struct submission_summary *list = calloc(limit, sizeof(*list));
    if (!list)
        return -ENOMEM;
    bool past = false;
    dbc *c = db_get(s->db);
    int rc = c ? 0 : -EIO;
    dbrows *r = NULL;
    /* The figures over the samples alone too, for viewers who do not own the problem. */
    if (!rc)
        rc = dbc_query(
            c, &r,
            "SELECT seq, id, slug, language, status, verdict, score, max_score, time_ms, "
            "memory_kb, created_at, coalesce((SELECT p.team_id FROM problems p WHERE p.slug = "
            "s.slug), 0) AS problem_team, (SELECT coalesce(max(t.time_ms), 0) FROM "
            "submission_tests t WHERE t.submission_seq = s.seq AND t.sample = 1) AS sample_time, "
            "(SELECT coalesce(max(t.memory_kb), 0) FROM submission_tests t WHERE "
            "t.submission_seq = s.seq AND t.sample = 1) AS sample_memory FROM submissions s "
            "WHERE (? = 0 OR team_id = ?) AND (? = 0 OR invite_id = ?) AND "
            "(? IS NULL OR slug = ?) AND (? IS NULL OR status = ?) AND "
            "(? IS NULL OR verdict = ?) AND (? = 0 OR seq < ?) "
            "ORDER BY seq DESC LIMIT ?",
            "iiiissssssiii", f->team_id, f->team_id, f->invite_id, f->invite_id, f->slug, f->slug,
            f->status, f->status, f->verdict, f->verdict, f->before_seq, f->before_seq,
            (int64_t)limit + 1);
    while (!rc && (rc = dbrows_next(r)) == 1) {
        rc = 0;
        if (n == limit) {
            past = true;
            break;
        }
        struct submission_summary *o = &list[n++];
        o->seq = dbrows_int(r, "seq");
        snprintf(o->id, sizeof(o->id), "%s", dbrows_text(r, "id"));
        snprintf(o->status, sizeof(o->status), "%s", dbrows_text(r, "status"));
        o->slug = dbrows_strdup(r, "slug");
        o->language = dbrows_strdup(r, "language");
        o->verdict = dbrows_null(r, "verdict") ? NULL : dbrows_strdup(r, "verdict");
        o->score = dbrows_double(r, "score");
        o->max_score = dbrows_double(r, "max_score");
        o->time_ms = dbrows_int(r, "time_ms");
        o->memory_kb = dbrows_int(r, "memory_kb");
        o->sample_time_ms = dbrows_int(r, "sample_time");
        o->sample_memory_kb = dbrows_int(r, "sample_memory");
        o->problem_team_id = dbrows_int(r, "problem_team");
        o->created_at = dbrows_int(r, "created_at");
        if (!o->slug || !o->language || (!dbrows_null(r, "verdict") && !o->verdict))
            rc = -ENOMEM;
    }
    dbrows_free(r);
    db_put(s->db, c);
    /* A submission being judged here shows its live status, as GET of it does. */
    for (size_t i = 0; !rc && i < n; i++)
        if (!strcmp(list[i].status, "compiling"))
            queue_live_get(s, list[i].id, list[i].status, NULL, NULL, NULL);
    if (rc) {
        submission_list_release(list, n);
        return rc;
    }
    *rows = list;
    *count = n;
    *more = past;
    return 0;
}

int submission_rejudge(struct server *s, const char *id)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int64_t exists = 0;
    /* Against the problem's current version, unless it was deleted since. */
    int rc = dbc_run(c,
                     "UPDATE submissions SET status = 'queued', verdict = NULL, score = 0, "
                     "time_ms = 0, memory_kb = 0, compile_output = '', error = NULL, "
                     "finished_at = NULL, version_id = coalesce((SELECT p.current FROM problems p "
                     "WHERE p.slug = submissions.slug AND p.deleted_at IS NULL), version_id) "
                     "WHERE id = ? AND status = 'done'",
                     "s", id);
    if (rc || dbc_changes(c) == 1)
        goto out;
    rc = dbc_scalar(c, &exists, "SELECT count(*) AS n FROM submissions WHERE id = ?", "s", id);
    if (!rc)
        rc = exists ? -EALREADY : -ENOENT;
out:
    db_put(s->db, c);
    if (!rc)
        queue_notify(s, QUEUE_WORK | QUEUE_CHANGED);
    return rc;
}
