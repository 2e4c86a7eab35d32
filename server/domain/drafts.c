/*
 * Drafts: a candidate's code per problem, saved by the editor as it is written, so work is never
 * lost (another browser restores it; when the time runs out, a draft changed since its last
 * submission is judged as a final submission, see sweep.c). Every save that changes the code is
 * also a snapshot, and the browser reports pastes and focus losses: the hiring team plays the
 * snapshots back as a timeline with the submissions and these signals on it.
 */
#define _GNU_SOURCE
#include "drafts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void draft_row_release(struct draft_row *d)
{
    if (!d)
        return;
    free(d->language);
    free(d->source);
    memset(d, 0, sizeof(*d));
}

/*** The candidate's side ***/

int drafts_get(db *d, int64_t invite, const char *slug, struct draft_row *out)
{
    struct draft_row r = {0};
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &rows,
                           "SELECT d.language AS language, d.source AS source, d.updated_at AS "
                           "updated_at FROM drafts d JOIN invites i ON i.id = d.invite_id "
                           "WHERE d.invite_id = ? AND d.slug = ? AND i.started_at IS NOT NULL",
                           "is", invite, slug)
               : -EIO;
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    r.updated_at = dbrows_int(rows, "updated_at");
    r.language = dbrows_strdup(rows, "language");
    r.source = dbrows_strdup(rows, "source");
    rc = r.language && r.source ? 0 : -ENOMEM;
    if (!rc) {
        *out = r;
        memset(&r, 0, sizeof(r));
    }
out:
    draft_row_release(&r);
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

int drafts_put(db *d, int64_t invite, const char *slug, const char *language, const char *source,
               int64_t now, bool *changed, int64_t *updated)
{
    dbrows *rows = NULL;
    bool differs = true;
    int64_t at = now, kept = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = dbc_query(c, &rows,
                       "SELECT source, updated_at FROM drafts WHERE invite_id = ? AND slug = ?",
                       "is", invite, slug);
    if (!rc && (rc = dbrows_next(rows)) == 1) {
        /* A save that changes nothing is no snapshot: the timeline holds changes only. */
        differs = strcmp(dbrows_text(rows, "source"), source) != 0;
        at = differs ? now : dbrows_int(rows, "updated_at");
        rc = 0;
    }
    dbrows_free(rows);
    if (rc || !differs)
        goto out;
    rc = dbc_run(c,
                 "INSERT INTO drafts (invite_id, slug, language, source, updated_at) VALUES "
                 "(?, ?, ?, ?, ?) ON CONFLICT (invite_id, slug) DO UPDATE SET language = "
                 "excluded.language, source = excluded.source, updated_at = excluded.updated_at",
                 "isssi", invite, slug, language, source, now);
    /* Past the cap the draft is still saved; only its snapshot is not kept. */
    if (!rc)
        rc = dbc_scalar(c, &kept, "SELECT count(*) AS n FROM draft_snapshots WHERE invite_id = ?",
                        "i", invite);
    if (!rc && kept < SNAPSHOTS_MAX)
        rc = dbc_run(c,
                     "INSERT INTO draft_snapshots (invite_id, slug, source, at) VALUES "
                     "(?, ?, ?, ?)",
                     "issi", invite, slug, source, now);
out:
    if (!rc)
        rc = dbc_commit(c);
    if (!rc) {
        *changed = differs;
        *updated = at;
    }
    db_put(d, c);
    return rc;
}

int drafts_signal_add(db *d, int64_t invite, const char *kind, const char *slug, int64_t size,
                      int64_t duration_ms, int64_t now)
{
    int64_t kept = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = dbc_scalar(c, &kept, "SELECT count(*) AS n FROM candidate_signals WHERE invite_id = ?",
                        "i", invite);
    if (!rc && kept < SIGNALS_MAX)
        rc = dbc_run(c,
                     "INSERT INTO candidate_signals (invite_id, kind, slug, size, duration_ms, at) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     "issiii", invite, kind, slug, size, duration_ms, now);
    if (!rc)
        rc = dbc_commit(c);
    db_put(d, c);
    return rc;
}

/*** The team's side ***/

int drafts_candidate_of(db *d, int64_t aid, int64_t invite)
{
    int64_t one = 0;
    dbc *c = db_get(d);
    int rc =
        c ? dbc_scalar(c, &one, "SELECT 1 AS one FROM invites WHERE id = ? AND assessment_id = ?",
                       "ii", invite, aid)
          : -EIO;
    db_put(d, c);
    return rc;
}

void drafts_timeline_release(struct draft_timeline *t)
{
    free(t->snapshots);
    free(t->submissions);
    free(t->signals);
    memset(t, 0, sizeof(*t));
}

/* Grows *arr (of `size`-byte items, *n used) by one zeroed item: its address, or NULL. */
static void *grow(void **arr, size_t *n, size_t size)
{
    char *more = realloc(*arr, (*n + 1) * size);
    if (!more)
        return NULL;
    *arr = more;
    memset(more + *n * size, 0, size);
    return more + (*n)++ * size;
}

static int read_snapshots(dbc *c, int64_t invite, struct draft_timeline *t)
{
    dbrows *rows = NULL;
    /* Without their code: it comes one at a time, as the slider moves. */
    int rc = dbc_query(c, &rows,
                       "SELECT id, slug, at, length(source) AS length FROM draft_snapshots "
                       "WHERE invite_id = ? ORDER BY at, id",
                       "i", invite);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        struct draft_snapshot *x = grow((void **)&t->snapshots, &t->nsnapshots, sizeof(*x));
        if (!x) {
            rc = -ENOMEM;
            break;
        }
        x->id = dbrows_int(rows, "id");
        snprintf(x->slug, sizeof(x->slug), "%s", dbrows_text(rows, "slug"));
        x->at = dbrows_int(rows, "at");
        x->length = dbrows_int(rows, "length");
        rc = 0;
    }
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

static int read_submissions(dbc *c, int64_t invite, struct draft_timeline *t)
{
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT id, slug, created_at, status, verdict, score, max_score, "
                       "CASE WHEN origin IS NULL THEN 0 ELSE 1 END AS final FROM submissions "
                       "WHERE invite_id = ? ORDER BY seq",
                       "i", invite);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        struct draft_submission *x = grow((void **)&t->submissions, &t->nsubmissions, sizeof(*x));
        if (!x) {
            rc = -ENOMEM;
            break;
        }
        snprintf(x->id, sizeof(x->id), "%s", dbrows_text(rows, "id"));
        snprintf(x->slug, sizeof(x->slug), "%s", dbrows_text(rows, "slug"));
        snprintf(x->status, sizeof(x->status), "%s", dbrows_text(rows, "status"));
        const char *v = dbrows_text(rows, "verdict");
        snprintf(x->verdict, sizeof(x->verdict), "%s", v ? v : "");
        x->at = dbrows_int(rows, "created_at");
        x->score = dbrows_double(rows, "score");
        x->max_score = dbrows_double(rows, "max_score");
        x->final = dbrows_int(rows, "final") != 0;
        rc = 0;
    }
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

static int read_signals(dbc *c, int64_t invite, struct draft_timeline *t)
{
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT kind, coalesce(slug, '') AS slug, size, duration_ms, at "
                       "FROM candidate_signals WHERE invite_id = ? ORDER BY at, id",
                       "i", invite);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        struct draft_signal *x = grow((void **)&t->signals, &t->nsignals, sizeof(*x));
        if (!x) {
            rc = -ENOMEM;
            break;
        }
        snprintf(x->kind, sizeof(x->kind), "%s", dbrows_text(rows, "kind"));
        snprintf(x->slug, sizeof(x->slug), "%s", dbrows_text(rows, "slug"));
        x->size = dbrows_int(rows, "size");
        x->duration_ms = dbrows_int(rows, "duration_ms");
        x->at = dbrows_int(rows, "at");
        rc = 0;
    }
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

int drafts_timeline(db *d, int64_t invite, struct draft_timeline *out)
{
    struct draft_timeline t = {0};
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? read_snapshots(c, invite, &t) : -EIO;
    if (!rc)
        rc = read_submissions(c, invite, &t);
    if (!rc)
        rc = read_signals(c, invite, &t);
    if (!rc)
        rc = dbc_query(c, &rows,
                       "SELECT coalesce(started_at, 0) AS started_at, coalesce(finished_at, "
                       "revoked_at, ends_at, 0) AS ended_at FROM invites WHERE id = ?",
                       "i", invite);
    if (!rc && dbrows_next(rows) == 1) {
        t.started_at = dbrows_int(rows, "started_at");
        t.ended_at = dbrows_int(rows, "ended_at");
    }
    if (!rc) {
        *out = t;
        memset(&t, 0, sizeof(t));
    }
    drafts_timeline_release(&t);
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

int drafts_snapshot(db *d, int64_t invite, int64_t id, struct draft_snapshot *out)
{
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &rows,
                           "SELECT id, slug, at, source FROM draft_snapshots WHERE id = ? AND "
                           "invite_id = ?",
                           "ii", id, invite)
               : -EIO;
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    struct draft_snapshot s = {.id = dbrows_int(rows, "id"), .at = dbrows_int(rows, "at")};
    snprintf(s.slug, sizeof(s.slug), "%s", dbrows_text(rows, "slug"));
    rc = (s.source = dbrows_strdup(rows, "source")) ? 0 : -ENOMEM;
    if (!rc) {
        s.length = (int64_t)strlen(s.source);
        *out = s;
    }
out:
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}
