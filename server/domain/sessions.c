/* Candidates' timed sessions (sessions.h). */
#define _GNU_SOURCE
#include "sessions.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load(dbc *c, int64_t invite, struct session *out)
{
    dbrows *rows = NULL;
    int rc = dbc_query(
        c, &rows,
        "SELECT i.id AS invite, i.assessment_id AS aid, coalesce(i.started_at, 0) AS started, "
        "coalesce(i.ends_at, 0) AS ends, coalesce(i.finished_at, 0) AS finished, i.expires_at "
        "AS expires, coalesce(i.revoked_at, 0) AS revoked, coalesce(a.opens_at, 0) AS opens, "
        "coalesce(a.closes_at, 0) AS closes, a.duration_s AS duration_s, a.max_submissions AS "
        "max_submissions, a.show_hidden AS show_hidden, i.extra_s AS extra_s, "
        "coalesce(a.languages, '') AS languages FROM invites i JOIN assessments a "
        "ON a.id = i.assessment_id WHERE i.id = ?",
        "i", invite);
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 1) {
        struct session ss = {
            .invite = dbrows_int(rows, "invite"),
            .aid = dbrows_int(rows, "aid"),
            .started = dbrows_int(rows, "started"),
            .ends = dbrows_int(rows, "ends"),
            .finished = dbrows_int(rows, "finished"),
            .expires = dbrows_int(rows, "expires"),
            .revoked = dbrows_int(rows, "revoked"),
            .opens = dbrows_int(rows, "opens"),
            .closes = dbrows_int(rows, "closes"),
            .duration_s = dbrows_int(rows, "duration_s"),
            .extra_s = dbrows_int(rows, "extra_s"),
            .max_submissions = (int)dbrows_int(rows, "max_submissions"),
            .show_hidden = dbrows_int(rows, "show_hidden") != 0,
        };
        snprintf(ss.languages, sizeof(ss.languages), "%s", dbrows_text(rows, "languages"));
        *out = ss;
        rc = 0;
    } else if (rc == 0) {
        rc = -ENOENT;
    }
    dbrows_free(rows);
    return rc;
}

/* A candidate's token names its invite: a session that cannot be read is the store's failure. */
static int load_own(dbc *c, int64_t invite, struct session *out)
{
    int rc = c ? load(c, invite, out) : -EIO;
    return rc == -ENOENT ? -EIO : rc;
}

int sessions_load(db *d, int64_t invite, struct session *out)
{
    dbc *c = db_get(d);
    int rc = c ? load(c, invite, out) : -EIO;
    db_put(d, c);
    return rc;
}

enum invite_state sessions_state(const struct session *ss, int64_t now)
{
    struct invite_row i = {.expires_at = ss->expires,
                           .started_at = ss->started,
                           .ends_at = ss->ends,
                           .finished_at = ss->finished,
                           .revoked_at = ss->revoked};
    return invites_state(&i, now);
}

/* Sets the reason of a refusal and returns its errno. */
static int refuse(enum session_refusal *why, enum session_refusal reason, int err)
{
    *why = reason;
    return err;
}

int sessions_may_submit(db *d, int64_t invite, const char *slug, const char *language,
                        bool counting, int64_t now, struct session *ss, enum session_refusal *why)
{
    *why = SESSION_OK;
    int64_t used = 0;
    dbc *c = db_get(d);
    int rc = load_own(c, invite, ss);
    if (rc)
        goto out;
    if (slug && (rc = assessments_has_problem(c, ss->aid, slug)) <= 0) {
        if (rc == 0)
            rc = refuse(why, SESSION_NOT_IN_ASSESSMENT, -EINVAL);
        goto out;
    }
    if (language && !assessments_language_allowed(ss->languages, language))
        rc = refuse(why, SESSION_LANGUAGE, -EINVAL);
    else if (!ss->started)
        rc = refuse(why, SESSION_NOT_STARTED, -EACCES);
    /* Finished early; finished by the clock (finished_at = ends_at) is "ran out" below. */
    else if (ss->finished && ss->finished < ss->ends)
        rc = refuse(why, SESSION_FINISHED_EARLY, -EACCES);
    else if (now >= ss->ends)
        rc = refuse(why, SESSION_TIME_UP, -EACCES);
    else
        rc = 0;
    if (rc || !counting || !ss->max_submissions)
        goto out;
    rc = dbc_scalar(c, &used,
                    "SELECT count(*) AS n FROM submissions WHERE invite_id = ? AND slug = ?", "is",
                    invite, slug);
    if (!rc && used >= ss->max_submissions)
        rc = refuse(why, SESSION_CAP, -EACCES);
out:
    db_put(d, c);
    return rc;
}

int sessions_start(db *d, int64_t invite, int64_t now, struct session *ss,
                   enum session_refusal *why)
{
    *why = SESSION_OK;
    dbc *c = db_get(d);
    int rc = load_own(c, invite, ss);
    if (rc)
        goto out;
    enum invite_state st = sessions_state(ss, now);
    if (st == INVITE_STARTED)
        goto out;
    if (st == INVITE_FINISHED || st == INVITE_REVOKED)
        rc = refuse(why, SESSION_FINISHED, -EEXIST);
    else if (st == INVITE_EXPIRED)
        rc = refuse(why, SESSION_EXPIRED, -EACCES);
    else if (ss->opens && now < ss->opens)
        rc = refuse(why, SESSION_NOT_OPEN, -EACCES);
    else if (ss->closes && now >= ss->closes)
        rc = refuse(why, SESSION_CLOSED, -EACCES);
    if (rc)
        goto out;
    int64_t ends = now + ss->duration_s * 1000;
    if (ss->closes && ends > ss->closes)
        ends = ss->closes;
    /* An accommodation comes on top, past the closing time too. */
    ends += ss->extra_s * 1000;
    rc = dbc_run(c,
                 "UPDATE invites SET started_at = ?, ends_at = ? WHERE id = ? AND "
                 "started_at IS NULL",
                 "iii", now, ends, invite);
    if (!rc)
        rc = load_own(c, invite, ss);
out:
    db_put(d, c);
    return rc;
}

int sessions_finish(db *d, int64_t invite, int64_t now)
{
    struct session ss;
    dbc *c = db_get(d);
    int rc = load_own(c, invite, &ss);
    if (!rc && !ss.started)
        rc = -EEXIST;
    /* A finish chosen by the candidate makes no final submissions (finals_at at once). */
    if (!rc && !ss.finished && ss.ends > now)
        rc = dbc_run(c,
                     "UPDATE invites SET finished_at = ?, finals_at = ?, finish_reason = "
                     "'finished' WHERE id = ? AND finished_at IS NULL",
                     "iii", now, now, invite);
    db_put(d, c);
    return rc;
}

void sessions_view_release(struct session_view *v)
{
    assessment_row_release(&v->assessment);
    reports_sheet_release(&v->sheet);
    free(v->name);
    free(v->email);
    memset(v, 0, sizeof(*v));
}

int sessions_view(db *d, int64_t invite, struct session_view *out)
{
    struct session_view v = {0};
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = load_own(c, invite, &v.session);
    if (!rc)
        rc = assessments_read(c, v.session.aid, &v.assessment);
    if (rc)
        goto out;
    /* The scores and the name are shown when they can be read; the session stands without. */
    if (reports_sheet_fill(c, v.session.aid, &v.sheet))
        reports_sheet_release(&v.sheet);
    v.sheet_row = reports_row_of(&v.sheet, invite);
    if (dbc_query(c, &rows, "SELECT name, email FROM invites WHERE id = ?", "i", invite) == 0 &&
        dbrows_next(rows) == 1) {
        v.name = dbrows_strdup(rows, "name");
        v.email = dbrows_strdup(rows, "email");
    }
    *out = v;
    memset(&v, 0, sizeof(v));
out:
    dbrows_free(rows);
    sessions_view_release(&v);
    db_put(d, c);
    return rc;
}

int sessions_problem(db *d, int64_t invite, const char *slug, char **detail, int64_t *version,
                     enum session_refusal *why)
{
    struct session ss;
    dbrows *rows = NULL;
    *why = SESSION_NOT_IN_ASSESSMENT;
    dbc *c = db_get(d);
    int rc = c ? load(c, invite, &ss) : -EIO;
    if (!rc)
        rc = assessments_has_problem(c, ss.aid, slug);
    if (rc <= 0) {
        rc = rc == 0 ? -ENOENT : rc;
        goto out;
    }
    *why = SESSION_NOT_STARTED;
    rc = -EACCES;
    if (!ss.started)
        goto out;
    *why = SESSION_PROBLEM_GONE;
    rc = dbc_query(c, &rows,
                   "SELECT v.detail AS detail, v.version AS version FROM problems p "
                   "JOIN problem_versions v ON v.id = p.current WHERE p.slug = ?",
                   "s", slug);
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    if (!(*detail = dbrows_strdup(rows, "detail"))) {
        rc = -ENOMEM;
        goto out;
    }
    *version = dbrows_int(rows, "version");
    *why = SESSION_OK;
    rc = 0;
out:
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}
