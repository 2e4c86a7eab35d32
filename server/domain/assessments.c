/*
 * Assessments and their problems (assessments.h). A team builds one from problems (its own or
 * public); its candidates, their sessions and the report live in invites.c, sessions.c and
 * reports.c. Times are integer milliseconds (db_now_ms), passed in: no SQL clock function.
 */
#define _GNU_SOURCE
#include "assessments.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problems.h"
#include "webhook.h"

const struct assessment_event assessment_events[] = {
    {"candidate.finished", true,
     "the candidate finished (or the time ran out) and every submission is judged: the total"},
    {"candidate.score_changed", true, "a finished candidate's total moved (a rejudge)"},
    {"submission.judged", false, "one submission of a candidate was judged (again)"},
};
const size_t assessment_nevents = sizeof(assessment_events) / sizeof(assessment_events[0]);

/* Is `word` one of the `sep`-separated items of `list`? */
static bool listed(const char *list, char sep, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, sep);
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, word, n))
            return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

bool assessments_event_on(const char *list, const char *event)
{
    return listed(list, ' ', event);
}

bool assessments_language_allowed(const char *list, const char *language)
{
    return !list || !*list || listed(list, ',', language);
}

void assessment_row_release(struct assessment_row *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->rules);
    free(a->webhook_url);
    for (size_t i = 0; i < a->nproblems; i++)
        free(a->problems[i].title);
    free(a->problems);
    memset(a, 0, sizeof(*a));
}

void assessments_list_free(struct assessment_row *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        assessment_row_release(&list[i]);
    free(list);
}

/*** Reading ***/

int assessments_owned(db *d, const struct principal *who, int64_t id)
{
    int64_t team = 0;
    dbc *c = db_get(d);
    if (!c)
        return -EIO;
    int rc = dbc_scalar(
        c, &team, "SELECT coalesce(team_id, 0) AS team FROM assessments WHERE id = ?", "i", id);
    /* Another team's assessment is as absent as a missing one. */
    if (rc == 0 && !(who->role == ROLE_ADMIN || (who->role == ROLE_TEAM && team == who->team_id)))
        rc = -ENOENT;
    db_put(d, c);
    return rc;
}

int assessments_problem_usable(db *d, const struct principal *who, const char *slug)
{
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? 0 : -EIO;
    /* The row problems_can_read() judges, read here on this API (store.c's reader is SQLite's). */
    if (!rc)
        rc = dbc_query(c, &rows,
                       "SELECT coalesce(team_id, 0) AS team_id, public, CASE WHEN deleted_at IS "
                       "NULL THEN 0 ELSE 1 END AS deleted FROM problems WHERE slug = ?",
                       "s", slug);
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 1) {
        struct problem_row p = {.team_id = dbrows_int(rows, "team_id"),
                                .public = dbrows_int(rows, "public") != 0,
                                .deleted = dbrows_int(rows, "deleted") != 0};
        snprintf(p.slug, sizeof(p.slug), "%s", slug);
        rc = problems_can_read(who, &p) ? 0 : -ENOENT;
    } else if (rc == 0) {
        rc = -ENOENT;
    }
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

static int read_problems(dbc *c, struct assessment_row *a)
{
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT ap.slug AS slug, coalesce(v.title, ap.slug) AS title, ap.points "
                       "AS points FROM assessment_problems ap "
                       "LEFT JOIN problems p ON p.slug = ap.slug "
                       "LEFT JOIN problem_versions v ON v.id = p.current "
                       "WHERE ap.assessment_id = ? ORDER BY ap.position",
                       "i", a->id);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        struct assessment_problem *more =
            realloc(a->problems, (a->nproblems + 1) * sizeof(*a->problems));
        if (!more) {
            rc = -ENOMEM;
            break;
        }
        a->problems = more;
        struct assessment_problem *p = &more[a->nproblems];
        snprintf(p->slug, sizeof(p->slug), "%s", dbrows_text(rows, "slug"));
        p->points = dbrows_double(rows, "points");
        if (!(p->title = dbrows_strdup(rows, "title"))) {
            rc = -ENOMEM;
            break;
        }
        a->nproblems++;
        rc = 0;
    }
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

int assessments_read(dbc *c, int64_t id, struct assessment_row *out)
{
    struct assessment_row a = {0};
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT id, coalesce(team_id, 0) AS team_id, title, rules, duration_s, "
                       "coalesce(opens_at, 0) AS opens_at, coalesce(closes_at, 0) AS closes_at, "
                       "show_hidden, max_submissions, counts, webhook_url, created_at, "
                       "(SELECT count(*) FROM invites WHERE assessment_id = a.id) AS invites, "
                       "webhook_events, submit_drafts_at_end, coalesce(languages, '') AS languages "
                       "FROM assessments a WHERE id = ?",
                       "i", id);
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    a.id = dbrows_int(rows, "id");
    a.team_id = dbrows_int(rows, "team_id");
    a.duration_s = dbrows_int(rows, "duration_s");
    a.opens_at = dbrows_int(rows, "opens_at");
    a.closes_at = dbrows_int(rows, "closes_at");
    a.show_hidden = dbrows_int(rows, "show_hidden") != 0;
    a.max_submissions = (int)dbrows_int(rows, "max_submissions");
    snprintf(a.counts, sizeof(a.counts), "%s", dbrows_text(rows, "counts"));
    a.created_at = dbrows_int(rows, "created_at");
    a.invites = dbrows_int(rows, "invites");
    snprintf(a.webhook_events, sizeof(a.webhook_events), "%s",
             dbrows_null(rows, "webhook_events") ? "" : dbrows_text(rows, "webhook_events"));
    a.submit_drafts_at_end = dbrows_int(rows, "submit_drafts_at_end") != 0;
    snprintf(a.languages, sizeof(a.languages), "%s", dbrows_text(rows, "languages"));
    rc = -ENOMEM;
    if (!(a.title = dbrows_strdup(rows, "title")) || !(a.rules = dbrows_strdup(rows, "rules")))
        goto out;
    if (!dbrows_null(rows, "webhook_url") && !(a.webhook_url = dbrows_strdup(rows, "webhook_url")))
        goto out;
    dbrows_free(rows);
    rows = NULL;
    rc = read_problems(c, &a);
    if (rc)
        goto out;
    *out = a;
    memset(&a, 0, sizeof(a));
out:
    dbrows_free(rows);
    assessment_row_release(&a);
    return rc;
}

int assessments_get(db *d, int64_t id, struct assessment_row *out)
{
    dbc *c = db_get(d);
    int rc = c ? assessments_read(c, id, out) : -EIO;
    db_put(d, c);
    return rc;
}

int assessments_list(db *d, const struct principal *who, struct assessment_row **out, size_t *n)
{
    struct assessment_row *list = NULL;
    size_t count = 0;
    int64_t *ids = NULL;
    size_t nids = 0;
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? 0 : -EIO;
    if (!rc)
        rc = dbc_query(c, &rows,
                       "SELECT id FROM assessments WHERE ? = 1 OR team_id = ? ORDER BY id DESC",
                       "ii", (int64_t)(who->role == ROLE_ADMIN),
                       who->role == ROLE_TEAM ? who->team_id : (int64_t)-1);
    /* The ids first: a connection reads one result at a time. */
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        int64_t *more = realloc(ids, (nids + 1) * sizeof(*ids));
        if (!more) {
            rc = -ENOMEM;
            break;
        }
        ids = more;
        ids[nids++] = dbrows_int(rows, "id");
        rc = 0;
    }
    if (rc < 0)
        goto out;
    rc = 0;
    list = calloc(nids + 1, sizeof(*list));
    if (!list) {
        rc = -ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < nids; i++) {
        rc = assessments_read(c, ids[i], &list[count]);
        if (rc == -ENOENT) /* deleted meanwhile */
            continue;
        if (rc)
            goto out;
        count++;
    }
    rc = 0;
    *out = list;
    *n = count;
    list = NULL;
out:
    assessments_list_free(list, count);
    free(ids);
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

/*** Writing ***/

int assessments_create(db *d, const struct principal *who, const struct assessment_new *a,
                       int64_t *id, char *secret)
{
    int64_t team = who->role == ROLE_TEAM ? who->team_id : 0, made = 0;
    char fresh[WEBHOOK_SECRET_LEN] = "";
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (rc)
        goto out;
    rc = dbc_scalar(c, &made,
                    "INSERT INTO assessments (team_id, title, rules, duration_s, opens_at, "
                    "closes_at, show_hidden, max_submissions, counts, webhook_url, created_at, "
                    "webhook_events, submit_drafts_at_end, languages) VALUES (nullif(?, 0), ?, ?, "
                    "?, nullif(?, 0), nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, nullif(?, '')) "
                    "RETURNING id",
                    "issiiiiissisis", team, a->title, a->rules, a->duration_s, a->opens_at,
                    a->closes_at, (int64_t)a->show_hidden, (int64_t)a->max_submissions, a->counts,
                    a->webhook_url, db_now_ms(), a->webhook_events,
                    (int64_t)a->submit_drafts_at_end, a->languages);
    for (size_t i = 0; !rc && i < a->nproblems; i++)
        rc = dbc_run(c,
                     "INSERT INTO assessment_problems (assessment_id, position, slug, points) "
                     "VALUES (?, ?, ?, ?)",
                     "iisd", made, (int64_t)i, a->slugs[i], a->points[i]);
    /*
     * The team's first webhook gets the team's signing secret, shown to the creator alone
     * (webhook.h makes a new one on demand).
     */
    if (!rc && a->webhook_url) {
        rc = webhook_secret_new(c, team, true, fresh);
        rc = rc == 1 ? 0 : rc;
    }
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        goto out;
    *id = made;
    memcpy(secret, fresh, sizeof(fresh));
out:
    db_put(d, c);
    return rc;
}

/* Inside the caller's transaction: -EALREADY, with how many into *started, once a candidate of
 * `id` has started (a started candidate was shown the assessment and relies on it). The check
 * runs in the transaction that writes, so a candidate starting meanwhile waits for it or wins. */
static int none_started(dbc *c, int64_t id, int64_t *started)
{
    int64_t n = 0;
    int rc = dbc_scalar(c, &n,
                        "SELECT count(*) AS n FROM invites WHERE assessment_id = ? AND started_at "
                        "IS NOT NULL",
                        "i", id);
    if (rc)
        return rc;
    *started = n;
    return n ? -EALREADY : 0;
}

int assessments_replace(db *d, const struct principal *who, int64_t id,
                        const struct assessment_new *a, char *secret, int64_t *started)
{
    int64_t team = who->role == ROLE_TEAM ? who->team_id : 0;
    char fresh[WEBHOOK_SECRET_LEN] = "";
    *started = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = none_started(c, id, started);
    if (!rc)
        rc =
            dbc_run(c,
                    "UPDATE assessments SET title = ?, rules = ?, duration_s = ?, "
                    "opens_at = nullif(?, 0), closes_at = nullif(?, 0), show_hidden = ?, "
                    "max_submissions = ?, counts = ?, webhook_url = ?, webhook_events = ?, "
                    "submit_drafts_at_end = ?, languages = nullif(?, '') WHERE id = ?",
                    "ssiiiiisssisi", a->title, a->rules, a->duration_s, a->opens_at, a->closes_at,
                    (int64_t)a->show_hidden, (int64_t)a->max_submissions, a->counts, a->webhook_url,
                    a->webhook_events, (int64_t)a->submit_drafts_at_end, a->languages, id);
    if (!rc && !dbc_changes(c))
        rc = -ENOENT;
    if (!rc)
        rc = dbc_run(c, "DELETE FROM assessment_problems WHERE assessment_id = ?", "i", id);
    for (size_t i = 0; !rc && i < a->nproblems; i++)
        rc = dbc_run(c,
                     "INSERT INTO assessment_problems (assessment_id, position, slug, points) "
                     "VALUES (?, ?, ?, ?)",
                     "iisd", id, (int64_t)i, a->slugs[i], a->points[i]);
    /* A webhook added by the edit: the team's signing secret is made if it has none yet. */
    if (!rc && a->webhook_url) {
        rc = webhook_secret_new(c, team, true, fresh);
        rc = rc == 1 ? 0 : rc;
    }
    if (!rc)
        rc = dbc_commit(c);
    if (!rc)
        memcpy(secret, fresh, sizeof(fresh));
    db_put(d, c);
    return rc;
}

int assessments_set_languages(db *d, int64_t id, const char *languages, int64_t *started)
{
    *started = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = none_started(c, id, started);
    if (!rc)
        rc = dbc_run(c, "UPDATE assessments SET languages = nullif(?, '') WHERE id = ?", "si",
                     languages, id);
    if (!rc && !dbc_changes(c))
        rc = -ENOENT;
    if (!rc)
        rc = dbc_commit(c);
    db_put(d, c);
    return rc;
}

int assessments_delete(db *d, int64_t id)
{
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = dbc_run(c,
                     "DELETE FROM submissions WHERE invite_id IN (SELECT id FROM invites "
                     "WHERE assessment_id = ?)",
                     "i", id);
    if (!rc)
        rc = dbc_run(c, "DELETE FROM assessments WHERE id = ?", "i", id);
    if (!rc && !dbc_changes(c))
        rc = -ENOENT;
    if (!rc)
        rc = dbc_commit(c);
    db_put(d, c);
    return rc;
}

/*** Problems in use ***/

int assessments_has_problem(dbc *c, int64_t aid, const char *slug)
{
    int64_t one = 0;
    int rc = dbc_scalar(c, &one,
                        "SELECT 1 AS one FROM assessment_problems WHERE assessment_id = ? AND "
                        "slug = ?",
                        "is", aid, slug);
    return rc == 0 ? 1 : rc == -ENOENT ? 0 : rc;
}

int assessments_problem_in_use(db *d, const char *slug, int64_t now, char *title, size_t size)
{
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? 0 : -EIO;
    /*
     * Not ended: it still takes candidates (no closing time, or one ahead) and has an invite
     * that may be used, or a session runs now.
     */
    if (!rc)
        rc = dbc_query(
            c, &rows,
            "SELECT a.title AS title FROM assessments a JOIN assessment_problems ap "
            "ON ap.assessment_id = a.id WHERE ap.slug = ? AND EXISTS (SELECT 1 FROM invites i "
            "WHERE i.assessment_id = a.id AND i.revoked_at IS NULL AND i.finished_at IS NULL AND "
            "((i.started_at IS NOT NULL AND i.ends_at > ?) OR (i.started_at IS NULL AND "
            "i.expires_at > ? AND (a.closes_at IS NULL OR a.closes_at > ?)))) "
            "ORDER BY a.id LIMIT 1",
            "siii", slug, now, now, now);
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 1)
        snprintf(title, size, "%s", dbrows_text(rows, "title"));
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}
