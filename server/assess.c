/*
 * Assessments. A team builds one from problems (its own or public), invites candidates, and reads
 * the report. A candidate's session is a row of `invites`: started_at and ends_at are set once,
 * by the server's clock, and every submission is checked against them, so the timer cannot be
 * stretched from the browser. A background thread ends sessions whose time ran out (finishing
 * them "by time") and delivers the finish webhooks with retries.
 */
#define _GNU_SOURCE
#include "assess.h"

#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "queue.h"
#include "similarity.h"
#include "store.h"
#include "webhook.h"

#define INVITE_DEFAULT (168 * 3600 * 1000ll)

/*** Shared pieces ***/

static int64_t json_ms(json_t *j)
{
    return json_is_integer(j) ? (int64_t)json_integer_value(j) : 0;
}

static json_t *ms_or_null(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
               ? json_null()
               : json_integer(sqlite3_column_int64(st, col));
}

/* The assessment in the path, the caller's own; replies 404 and returns 0 when not. */
static int64_t own_assessment(struct server *s, struct req *r, sqlite3 *c)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id < 1) {
        reply_problem(r, 404, "no assessment '%.64s'", r->params[0]);
        return 0;
    }
    sqlite3_stmt *st = db_prepare(c, "SELECT coalesce(team_id, 0) FROM assessments WHERE id = ?",
                                  "i", (int64_t)id);
    bool found = st && sqlite3_step(st) == SQLITE_ROW;
    int64_t team = found ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    bool mine = found &&
                (r->who.role == ROLE_ADMIN || (r->who.role == ROLE_TEAM && team == r->who.team_id));
    if (!mine) {
        /* Another team's assessment is as absent as a missing one. */
        reply_problem(r, 404, "no assessment %lld", id);
        return 0;
    }
    return id;
}

static json_t *assessment_json(sqlite3 *c, int64_t id)
{
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, title, rules, duration_s, opens_at, closes_at, "
                                  "show_hidden, max_submissions, counts, webhook_url, created_at, "
                                  "(SELECT count(*) FROM invites WHERE assessment_id = a.id) "
                                  "FROM assessments a WHERE id = ?",
                                  "i", id);
    json_t *o = NULL;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        o = json_pack("{s:I, s:s, s:s, s:I, s:o, s:o, s:b, s:i, s:s, s:o, s:I, s:I}", "id",
                      (json_int_t)sqlite3_column_int64(st, 0), "title", sqlite3_column_text(st, 1),
                      "rules", sqlite3_column_text(st, 2), "duration_minutes",
                      (json_int_t)(sqlite3_column_int64(st, 3) / 60), "opens_at", ms_or_null(st, 4),
                      "closes_at", ms_or_null(st, 5), "show_hidden_results",
                      sqlite3_column_int(st, 6), "max_submissions", sqlite3_column_int(st, 7),
                      "counts", sqlite3_column_text(st, 8), "webhook_url",
                      sqlite3_column_type(st, 9) == SQLITE_NULL
                          ? json_null()
                          : json_string((const char *)sqlite3_column_text(st, 9)),
                      "created_at", (json_int_t)sqlite3_column_int64(st, 10), "invites",
                      (json_int_t)sqlite3_column_int64(st, 11));
    }
    sqlite3_finalize(st);
    if (!o)
        return NULL;
    json_t *problems = json_array();
    st = db_prepare(
        c,
        "SELECT ap.slug, coalesce(v.title, ap.slug), ap.points FROM assessment_problems ap "
        "LEFT JOIN problems p ON p.slug = ap.slug "
        "LEFT JOIN problem_versions v ON v.id = p.current "
        "WHERE ap.assessment_id = ? ORDER BY ap.position",
        "i", id);
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(problems,
                              json_pack("{s:s, s:s, s:f}", "slug", sqlite3_column_text(st, 0),
                                        "title", sqlite3_column_text(st, 1), "points",
                                        sqlite3_column_double(st, 2)));
    sqlite3_finalize(st);
    json_object_set_new(o, "problems", problems);
    return o;
}

/*** Assessments (team side) ***/

void api_assessment_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    reqcheck_assessment(body, errors);
    const char *title = json_string_value(json_object_get(body, "title"));
    json_t *jr = json_object_get(body, "rules");
    const char *rules = jr ? json_string_value(jr) : "";
    json_t *problems = json_object_get(body, "problems");
    json_t *jd = json_object_get(body, "duration_minutes");
    json_t *jo = json_object_get(body, "opens_at"), *jc = json_object_get(body, "closes_at");
    json_t *jh = json_object_get(body, "show_hidden_results");
    json_t *jm = json_object_get(body, "max_submissions");
    json_t *jcount = json_object_get(body, "counts");
    const char *counts = jcount ? json_string_value(jcount) : "best";
    json_t *jw = json_object_get(body, "webhook_url");
    const char *webhook = jw && !json_is_null(jw) ? json_string_value(jw) : NULL;
    size_t np = json_array_size(problems);
    sqlite3 *c = db_acquire(s->db);
    /* The shape is checked above; here, that each problem exists and this team may use it. */
    for (size_t i = 0; json_is_array(problems) && i < np && i < PROBLEMS_MAX; i++) {
        const char *slug = json_string_value(json_object_get(json_array_get(problems, i), "slug"));
        struct problem_row row;
        char field[64];
        snprintf(field, sizeof(field), "problems/%zu", i);
        if (slug && pkg_slug_valid(slug) &&
            (store_problem(s, c, slug, &row) || !store_can_read(&r->who, &row)))
            api_field_error(errors, field, "no problem '%s' that this team may use", slug);
    }
    if (json_array_size(errors)) {
        db_release(s->db, c);
        json_decref(body);
        reply_problem_errors(r, 422, errors, "the assessment has %zu invalid field%s",
                             json_array_size(errors), json_array_size(errors) == 1 ? "" : "s");
        return;
    }
    json_decref(errors);
    int64_t now = db_now_ms(), id = 0;
    int rc = db_begin(c);
    if (rc == SQLITE_OK) {
        sqlite3_stmt *st = db_prepare(
            c,
            "INSERT INTO assessments (team_id, title, rules, duration_s, opens_at, closes_at, "
            "show_hidden, max_submissions, counts, webhook_url, created_at) VALUES (nullif(?, 0), "
            "?, ?, ?, nullif(?, 0), nullif(?, 0), ?, ?, ?, ?, ?)",
            "issiiiiissi", r->who.role == ROLE_TEAM ? r->who.team_id : 0, title, rules,
            (int64_t)json_integer_value(jd) * 60, json_ms(jo), json_ms(jc),
            (int64_t)json_is_true(jh), (int64_t)(jm ? json_integer_value(jm) : 0), counts, webhook,
            now);
        rc = st ? sqlite3_step(st) : SQLITE_ERROR;
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_finalize(st);
        id = sqlite3_last_insert_rowid(c);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < np; i++) {
        json_t *p = json_array_get(problems, i);
        json_t *pts = json_object_get(p, "points");
        rc = db_exec(c,
                     "INSERT INTO assessment_problems (assessment_id, position, slug, points) "
                     "VALUES (?, ?, ?, ?)",
                     "iisd", id, (int64_t)i, json_string_value(json_object_get(p, "slug")),
                     pts ? json_number_value(pts) : 100.0);
    }
    if (rc == SQLITE_OK)
        rc = db_commit(c);
    json_t *out = rc == SQLITE_OK ? assessment_json(c, id) : NULL;
    db_release(s->db, c);
    json_decref(body);
    if (!out) {
        reply_problem(r, 500, "cannot create the assessment");
        return;
    }
    char loc[64];
    snprintf(loc, sizeof(loc), "/api/v1/assessments/%lld", (long long)id);
    http_header(r, "Location", loc);
    reply_json(r, 201, out);
}

void api_assessments_list(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id FROM assessments WHERE ? OR team_id = ? "
                                  "ORDER BY id DESC",
                                  "ii", (int64_t)(r->who.role == ROLE_ADMIN),
                                  r->who.role == ROLE_TEAM ? r->who.team_id : -1);
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        json_t *a = assessment_json(c, sqlite3_column_int64(st, 0));
        if (a)
            json_array_append_new(list, a);
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o}", "assessments", list));
}

void api_assessment_get(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t id = own_assessment(s, r, c);
    json_t *a = id ? assessment_json(c, id) : NULL;
    db_release(s->db, c);
    if (id)
        a ? reply_json(r, 200, a) : reply_problem(r, 500, "cannot read the assessment");
}

void api_assessment_delete(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t id = own_assessment(s, r, c);
    int rc = SQLITE_OK;
    if (id) {
        /* Its candidates' submissions go with it; their judgements are of no one's use then. */
        rc = db_begin(c);
        if (rc == SQLITE_OK)
            rc = db_exec(c,
                         "DELETE FROM submissions WHERE invite_id IN (SELECT id FROM invites "
                         "WHERE assessment_id = ?) AND status = 'done'",
                         "i", id);
        if (rc == SQLITE_OK)
            rc = db_exec(c,
                         "UPDATE submissions SET invite_id = NULL WHERE invite_id IN (SELECT id "
                         "FROM invites WHERE assessment_id = ?)",
                         "i", id);
        if (rc == SQLITE_OK)
            rc = db_exec(c, "DELETE FROM assessments WHERE id = ?", "i", id);
        if (rc == SQLITE_OK)
            rc = db_commit(c);
    }
    db_release(s->db, c);
    if (!id)
        return;
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot delete the assessment");
    else
        reply_empty(r, 204);
}

/*** Invites ***/

static const char *invite_state(sqlite3_stmt *st, int col, int64_t now)
{
    /* Columns from `col`: revoked_at, finished_at, started_at, ends_at, expires_at. */
    if (sqlite3_column_type(st, col) != SQLITE_NULL)
        return "revoked";
    if (sqlite3_column_type(st, col + 1) != SQLITE_NULL)
        return "finished";
    if (sqlite3_column_type(st, col + 2) != SQLITE_NULL)
        return sqlite3_column_int64(st, col + 3) <= now ? "finished" : "started";
    if (sqlite3_column_int64(st, col + 4) <= now)
        return "expired";
    return "invited";
}

#define INVITE_COLS                                                                                \
    "i.id, i.name, i.email, i.created_at, i.expires_at, i.started_at, i.ends_at, "                 \
    "i.finished_at, i.finish_reason, i.revoked_at, i.finished_at, i.started_at, i.ends_at, "       \
    "i.expires_at"

static json_t *invite_json(sqlite3_stmt *st, int64_t now)
{
    return json_pack(
        "{s:I, s:s, s:s, s:I, s:I, s:o, s:o, s:o, s:o, s:s}", "id",
        (json_int_t)sqlite3_column_int64(st, 0), "name", sqlite3_column_text(st, 1), "email",
        sqlite3_column_text(st, 2), "created_at", (json_int_t)sqlite3_column_int64(st, 3),
        "expires_at", (json_int_t)sqlite3_column_int64(st, 4), "started_at", ms_or_null(st, 5),
        "ends_at", ms_or_null(st, 6), "finished_at", ms_or_null(st, 7), "finish_reason",
        sqlite3_column_type(st, 8) == SQLITE_NULL
            ? json_null()
            : json_string((const char *)sqlite3_column_text(st, 8)),
        "state", invite_state(st, 9, now));
}

void api_invite_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = own_assessment(s, r, c);
    if (!aid) {
        db_release(s->db, c);
        json_decref(body);
        return;
    }
    json_t *errors = json_array();
    const char *name = json_string_value(json_object_get(body, "name"));
    const char *email = json_string_value(json_object_get(body, "email"));
    json_t *jx = json_object_get(body, "expires_in_hours");
    if (!name || !*name || strlen(name) > TITLE_MAX)
        api_field_error(errors, "name", "is required: the candidate's name, 1 to %d characters",
                        TITLE_MAX);
    if (!email || strlen(email) < 3 || strlen(email) > 254 || !strchr(email, '@') ||
        strchr(email, ' '))
        api_field_error(errors, "email", "is required: an e-mail address");
    if (jx &&
        (!json_is_integer(jx) || json_integer_value(jx) < 1 || json_integer_value(jx) > 24 * 365))
        api_field_error(errors, "expires_in_hours", "must be an integer from 1 to 8760");
    if (json_array_size(errors)) {
        db_release(s->db, c);
        json_decref(body);
        reply_problem_errors(r, 422, errors, "the invite has invalid fields");
        return;
    }
    json_decref(errors);
    char token[80];
    unsigned char hash[32];
    auth_new_token("ji_", token, sizeof(token), hash);
    int64_t now = db_now_ms();
    int64_t expires = now + (jx ? (int64_t)json_integer_value(jx) * 3600000 : INVITE_DEFAULT);
    int rc = db_exec(c,
                     "INSERT INTO invites (assessment_id, name, email, token_hash, expires_at, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                     "issbii", aid, name, email, hash, 32, expires, now);
    int64_t id = sqlite3_last_insert_rowid(c);
    db_release(s->db, c);
    if (rc != SQLITE_OK) {
        json_decref(body);
        reply_problem(r, 500, "cannot create the invite");
        return;
    }
    char link[128];
    snprintf(link, sizeof(link), "/invite#%s", token);
    reply_json(r, 201,
               json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:I, s:s}", "id", (json_int_t)id,
                         "assessment_id", (json_int_t)aid, "name", name, "email", email, "token",
                         token, "link", link, "expires_at", (json_int_t)expires, "created_at",
                         (json_int_t)now, "state", "invited"));
    json_decref(body);
}

void api_invites_list(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = own_assessment(s, r, c);
    if (!aid) {
        db_release(s->db, c);
        return;
    }
    int64_t now = db_now_ms();
    sqlite3_stmt *st = db_prepare(
        c, "SELECT " INVITE_COLS " FROM invites i WHERE assessment_id = ? ORDER BY id", "i", aid);
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(list, invite_json(st, now));
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o}", "invites", list));
}

void api_invite_delete(struct server *s, struct req *r)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    sqlite3 *c = db_acquire(s->db);
    int rc = SQLITE_OK, changed = 0;
    if (!*end && id > 0) {
        rc = db_exec(c,
                     "UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND "
                     "assessment_id IN (SELECT id FROM assessments WHERE ? OR team_id = ?)",
                     "iiii", db_now_ms(), (int64_t)id, (int64_t)(r->who.role == ROLE_ADMIN),
                     r->who.role == ROLE_TEAM ? r->who.team_id : -1);
        changed = sqlite3_changes(c);
    }
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot revoke the invite");
    else if (!changed)
        reply_problem(r, 404, "no active invite '%.64s'", r->params[0]);
    else
        reply_empty(r, 204);
}

/*** Scores ***/

struct cell {
    int submissions;
    double fraction; /* score / max_score of the counted submission */
    char verdict[8];
    char submission[SUBMISSION_ID_LEN + 1];
    int64_t seq;
    bool counted;
};

struct sheet {
    int64_t aid;
    bool last; /* counts the last submission, not the best */
    size_t nprob, ncand;
    char (*slugs)[72];
    double *points;
    int64_t *invites;
    struct cell *cells; /* ncand x nprob */
};

static void sheet_release(struct sheet *sh)
{
    free(sh->slugs);
    free(sh->points);
    free(sh->invites);
    free(sh->cells);
}

/* Fills the table of counted submissions of every candidate of an assessment. */
static int sheet_fill(sqlite3 *c, int64_t aid, struct sheet *sh)
{
    memset(sh, 0, sizeof(*sh));
    sh->aid = aid;
    sqlite3_stmt *st = db_prepare(c, "SELECT counts FROM assessments WHERE id = ?", "i", aid);
    sh->last = st && sqlite3_step(st) == SQLITE_ROW &&
               !strcmp((const char *)sqlite3_column_text(st, 0), "last");
    sqlite3_finalize(st);
    st = db_prepare(c,
                    "SELECT (SELECT count(*) FROM assessment_problems WHERE assessment_id = ?1), "
                    "(SELECT count(*) FROM invites WHERE assessment_id = ?1)",
                    "i", aid);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        sh->nprob = (size_t)sqlite3_column_int64(st, 0);
        sh->ncand = (size_t)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    sh->slugs = calloc(sh->nprob + 1, sizeof(*sh->slugs));
    sh->points = calloc(sh->nprob + 1, sizeof(*sh->points));
    sh->invites = calloc(sh->ncand + 1, sizeof(*sh->invites));
    sh->cells = calloc(sh->ncand * sh->nprob + 1, sizeof(*sh->cells));
    if (!sh->slugs || !sh->points || !sh->invites || !sh->cells)
        return -ENOMEM;
    st = db_prepare(c,
                    "SELECT slug, points FROM assessment_problems WHERE assessment_id = ? "
                    "ORDER BY position",
                    "i", aid);
    for (size_t i = 0; st && i < sh->nprob && sqlite3_step(st) == SQLITE_ROW; i++) {
        snprintf(sh->slugs[i], sizeof(sh->slugs[i]), "%s", sqlite3_column_text(st, 0));
        sh->points[i] = sqlite3_column_double(st, 1);
    }
    sqlite3_finalize(st);
    st = db_prepare(c, "SELECT id FROM invites WHERE assessment_id = ? ORDER BY id", "i", aid);
    for (size_t i = 0; st && i < sh->ncand && sqlite3_step(st) == SQLITE_ROW; i++)
        sh->invites[i] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = db_prepare(c,
                    "SELECT s.invite_id, s.slug, s.status, s.verdict, s.score, s.max_score, s.id, "
                    "s.seq FROM submissions s JOIN invites i ON i.id = s.invite_id "
                    "WHERE i.assessment_id = ? ORDER BY s.seq",
                    "i", aid);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        int64_t inv = sqlite3_column_int64(st, 0);
        const char *slug = (const char *)sqlite3_column_text(st, 1);
        size_t ci = 0, pi = 0;
        while (ci < sh->ncand && sh->invites[ci] != inv)
            ci++;
        while (pi < sh->nprob && strcmp(sh->slugs[pi], slug))
            pi++;
        if (ci == sh->ncand || pi == sh->nprob)
            continue;
        struct cell *cl = &sh->cells[ci * sh->nprob + pi];
        cl->submissions++;
        if (strcmp((const char *)sqlite3_column_text(st, 2), "done"))
            continue;
        double max = sqlite3_column_double(st, 5);
        double f = max > 0 ? sqlite3_column_double(st, 4) / max : 0;
        const char *v = (const char *)sqlite3_column_text(st, 3);
        bool ac = v && !strcmp(v, "AC");
        bool better = !cl->counted || sh->last || f > cl->fraction ||
                      (f == cl->fraction && ac && strcmp(cl->verdict, "AC"));
        if (better) {
            cl->counted = true;
            cl->fraction = f;
            snprintf(cl->verdict, sizeof(cl->verdict), "%s", v ? v : "");
            snprintf(cl->submission, sizeof(cl->submission), "%s", sqlite3_column_text(st, 6));
            cl->seq = sqlite3_column_int64(st, 7);
        }
    }
    sqlite3_finalize(st);
    return 0;
}

static double round2(double v)
{
    return round(v * 100) / 100;
}

/*** Similarity ***/

static char *template_of(sqlite3 *c, const char *slug)
{
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT json_extract(v.detail, '$.template') FROM problems p "
                                  "JOIN problem_versions v ON v.id = p.current WHERE p.slug = ?",
                                  "s", slug);
    char *t = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
                  ? db_column_strdup(st, 0)
                  : NULL;
    sqlite3_finalize(st);
    return t;
}

static char *source_of(sqlite3 *c, const char *id)
{
    sqlite3_stmt *st = db_prepare(c, "SELECT source FROM submissions WHERE id = ?", "s", id);
    char *t = st && sqlite3_step(st) == SQLITE_ROW ? db_column_strdup(st, 0) : NULL;
    sqlite3_finalize(st);
    return t;
}

static json_t *invite_ref(sqlite3 *c, int64_t invite, const char *submission, bool sources)
{
    sqlite3_stmt *st = db_prepare(c, "SELECT name FROM invites WHERE id = ?", "i", invite);
    json_t *o = json_pack(
        "{s:I, s:s, s:s}", "invite_id", (json_int_t)invite, "name",
        st && sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "",
        "submission", submission);
    sqlite3_finalize(st);
    if (sources) {
        char *src = source_of(c, submission);
        json_object_set_new(o, "source", json_string(src ? src : ""));
        free(src);
    }
    return o;
}

/* Flagged pairs, most alike first: within each problem, the candidates' counted submissions. */
static json_t *similar_pairs(sqlite3 *c, const struct sheet *sh, bool sources)
{
    json_t *pairs = json_array();
    for (size_t p = 0; p < sh->nprob; p++) {
        char *tmpl = template_of(c, sh->slugs[p]);
        struct fingerprints *fp = calloc(sh->ncand + 1, sizeof(*fp));
        for (size_t i = 0; fp && i < sh->ncand; i++) {
            const struct cell *cl = &sh->cells[i * sh->nprob + p];
            char *src = cl->counted ? source_of(c, cl->submission) : NULL;
            if (src)
                similarity_fingerprints(src, tmpl, &fp[i]);
            free(src);
        }
        for (size_t i = 0; fp && i < sh->ncand; i++) {
            for (size_t j = i + 1; j < sh->ncand; j++) {
                if (fp[i].n < SIMILARITY_MIN_FINGERPRINTS || fp[j].n < SIMILARITY_MIN_FINGERPRINTS)
                    continue;
                double score = similarity_score(&fp[i], &fp[j]);
                if (score < SIMILARITY_FLAG)
                    continue;
                json_array_append_new(
                    pairs, json_pack("{s:s, s:f, s:o, s:o}", "problem", sh->slugs[p], "score",
                                     round2(score), "a",
                                     invite_ref(c, sh->invites[i],
                                                sh->cells[i * sh->nprob + p].submission, sources),
                                     "b",
                                     invite_ref(c, sh->invites[j],
                                                sh->cells[j * sh->nprob + p].submission, sources)));
            }
        }
        for (size_t i = 0; fp && i < sh->ncand; i++)
            similarity_release(&fp[i]);
        free(fp);
        free(tmpl);
    }
    /* Most alike first. */
    size_t n = json_array_size(pairs);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0; j--) {
            double a = json_real_value(json_object_get(json_array_get(pairs, j - 1), "score"));
            double b = json_real_value(json_object_get(json_array_get(pairs, j), "score"));
            if (a >= b)
                break;
            json_t *x = json_incref(json_array_get(pairs, j));
            json_array_remove(pairs, j);
            json_array_insert_new(pairs, j - 1, x);
        }
    return pairs;
}

void api_similarity(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = own_assessment(s, r, c);
    struct sheet sh;
    if (aid && sheet_fill(c, aid, &sh) == 0)
        reply_json(r, 200,
                   json_pack("{s:o, s:f}", "pairs", similar_pairs(c, &sh, true), "threshold",
                             SIMILARITY_FLAG));
    else if (aid)
        reply_problem(r, 500, "cannot read the submissions");
    if (aid)
        sheet_release(&sh);
    db_release(s->db, c);
}

/*** Reports ***/

static json_t *report_json(sqlite3 *c, int64_t aid, const struct sheet *sh)
{
    int64_t now = db_now_ms();
    json_t *cands = json_array();
    double max_total = 0;
    for (size_t p = 0; p < sh->nprob; p++)
        max_total += sh->points[p];
    sqlite3_stmt *st = db_prepare(c, "SELECT " INVITE_COLS " FROM invites i WHERE id = ?", "");
    for (size_t i = 0; i < sh->ncand; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, sh->invites[i]);
        if (!st || sqlite3_step(st) != SQLITE_ROW)
            continue;
        json_t *o = invite_json(st, now);
        int64_t started = sqlite3_column_int64(st, 5), ends = sqlite3_column_int64(st, 6);
        int64_t fin = sqlite3_column_type(st, 7) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 7);
        int64_t until = fin ? fin : ends && ends < now ? ends : now;
        json_object_set_new(o, "invite_id", json_integer(sh->invites[i]));
        json_object_del(o, "id");
        json_object_set_new(o, "time_used_s",
                            started ? json_integer((until - started) / 1000) : json_null());
        json_t *probs = json_object();
        double total = 0;
        for (size_t p = 0; p < sh->nprob; p++) {
            const struct cell *cl = &sh->cells[i * sh->nprob + p];
            double sc = cl->counted ? sh->points[p] * cl->fraction : 0;
            total += sc;
            json_object_set_new(probs, sh->slugs[p],
                                json_pack("{s:f, s:f, s:o, s:i, s:o}", "score", round2(sc),
                                          "points", sh->points[p], "best_verdict",
                                          cl->counted ? json_string(cl->verdict) : json_null(),
                                          "submissions", cl->submissions, "submission",
                                          cl->counted ? json_string(cl->submission) : json_null()));
        }
        json_object_set_new(o, "problems", probs);
        json_object_set_new(o, "total", json_real(round2(total)));
        json_object_set_new(o, "max_total", json_real(max_total));
        json_array_append_new(cands, o);
    }
    sqlite3_finalize(st);
    json_t *a = assessment_json(c, aid);
    json_t *problems = json_incref(json_object_get(a, "problems"));
    return json_pack("{s:o, s:o, s:o, s:o}", "assessment", a, "problems", problems, "candidates",
                     cands, "similarity", similar_pairs(c, sh, false));
}

void api_report(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = own_assessment(s, r, c);
    struct sheet sh;
    if (aid && sheet_fill(c, aid, &sh) == 0)
        reply_json(r, 200, report_json(c, aid, &sh));
    else if (aid)
        reply_problem(r, 500, "cannot read the submissions");
    if (aid)
        sheet_release(&sh);
    db_release(s->db, c);
}

/* A CSV cell: quoted, and never read as a formula by a spreadsheet. */
static void csv_cell(struct strbuf *b, const char *v, bool last)
{
    strbuf_addstr(b, "\"");
    if (strchr("=+-@\t\r", v[0]) && v[0])
        strbuf_addstr(b, "'");
    for (const char *p = v; *p; p++)
        strbuf_addstr(b, *p == '"' ? "\"\"" : (char[]){*p, 0});
    strbuf_addstr(b, last ? "\"\r\n" : "\",");
}

static void csv_time(struct strbuf *b, json_t *ms)
{
    char t[32] = "";
    if (json_is_integer(ms)) {
        time_t secs = (time_t)(json_integer_value(ms) / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%SZ", &tm);
    }
    csv_cell(b, t, false);
}

void api_report_csv(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = own_assessment(s, r, c);
    struct sheet sh;
    if (!aid || sheet_fill(c, aid, &sh)) {
        if (aid) {
            reply_problem(r, 500, "cannot read the submissions");
            sheet_release(&sh);
        }
        db_release(s->db, c);
        return;
    }
    json_t *rep = report_json(c, aid, &sh);
    db_release(s->db, c);
    struct strbuf b = STRBUF_INIT(0);
    const char *fixed[] = {"name",        "email",       "state", "started_at",
                           "finished_at", "time_used_s", "total", "max_total"};
    for (size_t i = 0; i < 8; i++)
        csv_cell(&b, fixed[i], sh.nprob == 0 && i == 7);
    for (size_t p = 0; p < sh.nprob; p++) {
        char h[128];
        snprintf(h, sizeof(h), "%s score", sh.slugs[p]);
        csv_cell(&b, h, false);
        snprintf(h, sizeof(h), "%s verdict", sh.slugs[p]);
        csv_cell(&b, h, false);
        snprintf(h, sizeof(h), "%s submissions", sh.slugs[p]);
        csv_cell(&b, h, p + 1 == sh.nprob);
    }
    json_t *cands = json_object_get(rep, "candidates");
    for (size_t i = 0; i < json_array_size(cands); i++) {
        json_t *o = json_array_get(cands, i);
        char num[64];
        csv_cell(&b, json_string_value(json_object_get(o, "name")), false);
        csv_cell(&b, json_string_value(json_object_get(o, "email")), false);
        csv_cell(&b, json_string_value(json_object_get(o, "state")), false);
        csv_time(&b, json_object_get(o, "started_at"));
        csv_time(&b, json_object_get(o, "finished_at"));
        json_t *tu = json_object_get(o, "time_used_s");
        snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(tu));
        csv_cell(&b, json_is_integer(tu) ? num : "", false);
        snprintf(num, sizeof(num), "%.15g", json_real_value(json_object_get(o, "total")));
        csv_cell(&b, num, false);
        snprintf(num, sizeof(num), "%.15g", json_real_value(json_object_get(o, "max_total")));
        csv_cell(&b, num, sh.nprob == 0);
        for (size_t p = 0; p < sh.nprob; p++) {
            json_t *cell = json_object_get(json_object_get(o, "problems"), sh.slugs[p]);
            snprintf(num, sizeof(num), "%.15g", json_real_value(json_object_get(cell, "score")));
            csv_cell(&b, num, false);
            const char *v = json_string_value(json_object_get(cell, "best_verdict"));
            csv_cell(&b, v ? v : "", false);
            snprintf(num, sizeof(num), "%lld",
                     (long long)json_integer_value(json_object_get(cell, "submissions")));
            csv_cell(&b, num, p + 1 == sh.nprob);
        }
    }
    char disp[96];
    snprintf(disp, sizeof(disp), "attachment; filename=\"assessment-%lld.csv\"", (long long)aid);
    http_header(r, "Content-Disposition", disp);
    reply_bytes(r, 200, "text/csv; charset=utf-8", strbuf_str(&b), b.len);
    strbuf_release(&b);
    json_decref(rep);
    sheet_release(&sh);
}

void api_candidate_detail(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = own_assessment(s, r, c);
    if (!aid) {
        db_release(s->db, c);
        return;
    }
    char *end;
    long long inv = strtoll(r->params[1], &end, 10);
    int64_t now = db_now_ms();
    sqlite3_stmt *st =
        db_prepare(c, "SELECT " INVITE_COLS " FROM invites i WHERE id = ? AND assessment_id = ?",
                   "ii", (int64_t)(*end ? 0 : inv), aid);
    json_t *o = st && sqlite3_step(st) == SQLITE_ROW ? invite_json(st, now) : NULL;
    sqlite3_finalize(st);
    if (!o) {
        db_release(s->db, c);
        reply_problem(r, 404, "no candidate '%.64s' in assessment %lld", r->params[1],
                      (long long)aid);
        return;
    }
    json_t *subs = json_array();
    st = db_prepare(c, "SELECT id FROM submissions WHERE invite_id = ? ORDER BY seq", "i",
                    (int64_t)inv);
    char(*ids)[SUBMISSION_ID_LEN + 1] = NULL;
    size_t n = 0;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        void *grown = realloc(ids, (n + 1) * sizeof(*ids));
        if (!grown)
            break;
        ids = grown;
        snprintf(ids[n++], sizeof(ids[0]), "%s", sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    for (size_t i = 0; i < n; i++) {
        unsigned status;
        json_t *res = queue_result(s, ids[i], &r->who, true, &status);
        if (res)
            json_array_append_new(subs, res);
    }
    free(ids);
    json_object_set_new(o, "submissions", subs);
    reply_json(r, 200, o);
}

/*** The candidate's side ***/

struct session {
    int64_t invite, aid, started, ends, finished, expires, revoked, opens, closes, duration_s;
    int max_submissions;
    bool show_hidden;
};

static int session_load(sqlite3 *c, int64_t invite, struct session *ss)
{
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT i.id, i.assessment_id, coalesce(i.started_at, 0), coalesce(i.ends_at, 0), "
        "coalesce(i.finished_at, 0), i.expires_at, coalesce(i.revoked_at, 0), "
        "coalesce(a.opens_at, 0), coalesce(a.closes_at, 0), a.duration_s, a.max_submissions, "
        "a.show_hidden FROM invites i JOIN assessments a ON a.id = i.assessment_id WHERE i.id = ?",
        "i", invite);
    int rc = st && sqlite3_step(st) == SQLITE_ROW ? 0 : -ENOENT;
    if (!rc) {
        int64_t *f[] = {&ss->invite,  &ss->aid,     &ss->started, &ss->ends,   &ss->finished,
                        &ss->expires, &ss->revoked, &ss->opens,   &ss->closes, &ss->duration_s};
        for (int i = 0; i < 10; i++)
            *f[i] = sqlite3_column_int64(st, i);
        ss->max_submissions = sqlite3_column_int(st, 10);
        ss->show_hidden = sqlite3_column_int(st, 11);
    }
    sqlite3_finalize(st);
    return rc;
}

static const char *session_state(const struct session *ss, int64_t now)
{
    if (ss->revoked)
        return "revoked";
    if (ss->finished || (ss->started && ss->ends <= now))
        return "finished";
    if (ss->started)
        return "started";
    if (ss->expires <= now)
        return "expired";
    return "invited";
}

static void fmt_time(int64_t ms, char *out, size_t size)
{
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    strftime(out, size, "%Y-%m-%d %H:%M:%S UTC", &tm);
}

static json_t *session_json(struct server *s, sqlite3 *c, const struct principal *who)
{
    struct session ss;
    if (session_load(c, who->invite_id, &ss))
        return NULL;
    int64_t now = db_now_ms();
    json_t *a = assessment_json(c, ss.aid);
    if (!a)
        return NULL;
    json_object_del(a, "webhook_url");
    json_object_del(a, "invites");
    json_object_del(a, "created_at");
    struct sheet sh;
    bool started = ss.started != 0;
    if (sheet_fill(c, ss.aid, &sh) == 0) {
        size_t me = 0;
        while (me < sh.ncand && sh.invites[me] != who->invite_id)
            me++;
        json_t *probs = json_object_get(a, "problems");
        for (size_t p = 0; me < sh.ncand && p < json_array_size(probs); p++) {
            const struct cell *cl = &sh.cells[me * sh.nprob + p];
            json_t *o = json_array_get(probs, p);
            json_object_set_new(o, "submissions", json_integer(cl->submissions));
            json_object_set_new(o, "score",
                                json_real(cl->counted ? round2(sh.points[p] * cl->fraction) : 0));
            json_object_set_new(o, "best_verdict",
                                cl->counted ? json_string(cl->verdict) : json_null());
        }
    }
    sheet_release(&sh);
    sqlite3_stmt *st =
        db_prepare(c, "SELECT name, email FROM invites WHERE id = ?", "i", who->invite_id);
    json_t *cand = st && sqlite3_step(st) == SQLITE_ROW
                       ? json_pack("{s:s, s:s}", "name", sqlite3_column_text(st, 0), "email",
                                   sqlite3_column_text(st, 1))
                       : json_object();
    sqlite3_finalize(st);
    (void)s;
    return json_pack("{s:o, s:o, s:s, s:o, s:o, s:o, s:I, s:I}", "candidate", cand, "assessment", a,
                     "state", session_state(&ss, now), "started_at",
                     started ? json_integer(ss.started) : json_null(), "ends_at",
                     started ? json_integer(ss.ends) : json_null(), "finished_at",
                     ss.finished                 ? json_integer(ss.finished)
                     : started && ss.ends <= now ? json_integer(ss.ends)
                                                 : json_null(),
                     "expires_at", (json_int_t)ss.expires, "now", (json_int_t)now);
}

void api_candidate_session(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    json_t *o = session_json(s, c, &r->who);
    db_release(s->db, c);
    o ? reply_json(r, 200, o) : reply_problem(r, 500, "cannot read the session");
}

/* Enqueues the webhook of a finished candidate, when the assessment has one. */
static void enqueue_webhook(sqlite3 *c, int64_t invite, const char *reason)
{
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT a.webhook_url, a.id, i.name, i.email, i.finished_at "
                                  "FROM invites i JOIN assessments a ON a.id = i.assessment_id "
                                  "WHERE i.id = ? AND a.webhook_url IS NOT NULL",
                                  "i", invite);
    if (!st || sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return;
    }
    char *url = db_column_strdup(st, 0);
    int64_t aid = sqlite3_column_int64(st, 1);
    json_t *payload =
        json_pack("{s:s, s:I, s:I, s:s, s:s, s:I, s:s}", "event", "candidate.finished",
                  "assessment_id", (json_int_t)aid, "invite_id", (json_int_t)invite, "name",
                  sqlite3_column_text(st, 2), "email", sqlite3_column_text(st, 3), "finished_at",
                  (json_int_t)sqlite3_column_int64(st, 4), "reason", reason);
    sqlite3_finalize(st);
    struct sheet sh;
    if (sheet_fill(c, aid, &sh) == 0) {
        double total = 0, max_total = 0;
        for (size_t p = 0; p < sh.nprob; p++) {
            max_total += sh.points[p];
            for (size_t i = 0; i < sh.ncand; i++)
                if (sh.invites[i] == invite && sh.cells[i * sh.nprob + p].counted)
                    total += sh.points[p] * sh.cells[i * sh.nprob + p].fraction;
        }
        json_object_set_new(payload, "total", json_real(round2(total)));
        json_object_set_new(payload, "max_total", json_real(max_total));
    }
    sheet_release(&sh);
    char *body = json_dumps(payload, JSON_COMPACT);
    int64_t now = db_now_ms();
    db_exec(c,
            "INSERT INTO webhook_deliveries (invite_id, url, payload, next_at, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            "issii", invite, url, body, now, now);
    free(body);
    free(url);
    json_decref(payload);
}

void api_candidate_start(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    struct session ss;
    int64_t now = db_now_ms();
    char when[64];
    if (session_load(c, r->who.invite_id, &ss)) {
        db_release(s->db, c);
        reply_problem(r, 500, "cannot read the session");
        return;
    }
    const char *state = session_state(&ss, now);
    if (!strcmp(state, "started")) {
        json_t *o = session_json(s, c, &r->who);
        db_release(s->db, c);
        o ? reply_json(r, 200, o) : reply_problem(r, 500, "cannot read the session");
        return;
    }
    if (!strcmp(state, "finished")) {
        db_release(s->db, c);
        reply_problem(r, 409, "this assessment is finished; it cannot be started again");
        return;
    }
    if (!strcmp(state, "expired")) {
        fmt_time(ss.expires, when, sizeof(when));
        db_release(s->db, c);
        reply_problem(r, 403, "this invite expired at %s; ask the hiring team for a new one", when);
        return;
    }
    if (ss.opens && now < ss.opens) {
        fmt_time(ss.opens, when, sizeof(when));
        db_release(s->db, c);
        reply_problem(r, 403, "this assessment opens at %s", when);
        return;
    }
    if (ss.closes && now >= ss.closes) {
        fmt_time(ss.closes, when, sizeof(when));
        db_release(s->db, c);
        reply_problem(r, 403, "this assessment closed at %s", when);
        return;
    }
    int64_t ends = now + ss.duration_s * 1000;
    if (ss.closes && ends > ss.closes)
        ends = ss.closes;
    db_exec(c, "UPDATE invites SET started_at = ?, ends_at = ? WHERE id = ? AND started_at IS NULL",
            "iii", now, ends, r->who.invite_id);
    json_t *o = session_json(s, c, &r->who);
    db_release(s->db, c);
    o ? reply_json(r, 200, o) : reply_problem(r, 500, "cannot read the session");
}

void api_candidate_finish(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    struct session ss;
    int64_t now = db_now_ms();
    if (session_load(c, r->who.invite_id, &ss)) {
        db_release(s->db, c);
        reply_problem(r, 500, "cannot read the session");
        return;
    }
    if (!ss.started) {
        db_release(s->db, c);
        reply_problem(r, 409, "the assessment has not been started");
        return;
    }
    if (!ss.finished && ss.ends > now) {
        /* The finish and its webhook commit together: a crash between cannot lose the call. */
        int rc = db_begin(c);
        if (rc == SQLITE_OK)
            rc = db_exec(c,
                         "UPDATE invites SET finished_at = ?, finish_reason = 'finished' "
                         "WHERE id = ? AND finished_at IS NULL",
                         "ii", now, r->who.invite_id);
        if (rc == SQLITE_OK && sqlite3_changes(c))
            enqueue_webhook(c, r->who.invite_id, "finished");
        if (rc != SQLITE_OK || db_commit(c) != SQLITE_OK)
            db_rollback(c);
    }
    json_t *o = session_json(s, c, &r->who);
    db_release(s->db, c);
    o ? reply_json(r, 200, o) : reply_problem(r, 500, "cannot read the session");
}

/* Is `slug` a problem of the candidate's assessment? */
static bool in_assessment(sqlite3 *c, int64_t aid, const char *slug)
{
    sqlite3_stmt *st =
        db_prepare(c, "SELECT 1 FROM assessment_problems WHERE assessment_id = ? AND slug = ?",
                   "is", aid, slug);
    bool ok = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return ok;
}

void api_candidate_problem(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    struct session ss;
    const char *slug = r->params[0];
    if (session_load(c, r->who.invite_id, &ss) || !in_assessment(c, ss.aid, slug)) {
        db_release(s->db, c);
        reply_problem(r, 404, "no problem '%.64s' in this assessment", slug);
        return;
    }
    if (!ss.started) {
        db_release(s->db, c);
        reply_problem(r, 403, "start the assessment to see its problems");
        return;
    }
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT v.detail, v.version FROM problems p "
                                  "JOIN problem_versions v ON v.id = p.current WHERE p.slug = ?",
                                  "s", slug);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        json_t *d = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
        if (d) {
            json_object_set_new(d, "slug", json_string(slug));
            json_object_set_new(d, "version", json_integer(sqlite3_column_int(st, 1)));
            reply_json(r, 200, d);
        }
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (!r->status)
        reply_problem(r, 404, "problem '%.64s' is not available", slug);
}

bool assess_candidate_may_submit(struct server *s, struct req *r, const char *slug, bool counting)
{
    sqlite3 *c = db_acquire(s->db);
    struct session ss;
    int64_t now = db_now_ms();
    char when[64];
    bool ok = false;
    if (session_load(c, r->who.invite_id, &ss)) {
        reply_problem(r, 500, "cannot read the session");
    } else if (!in_assessment(c, ss.aid, slug)) {
        json_t *e = json_array();
        api_field_error(e, "problem", "'%s' is not a problem of this assessment", slug);
        reply_problem_errors(r, 422, e, "unknown problem");
    } else if (!ss.started) {
        reply_problem(r, 403, "start the assessment before submitting");
    } else if (ss.finished && ss.finished < ss.ends) {
        /* Finished early; finished by the clock (finished_at = ends_at) is "ran out" below. */
        fmt_time(ss.finished, when, sizeof(when));
        reply_problem(r, 403, "you finished this assessment at %s; no more submissions", when);
    } else if (now >= ss.ends) {
        fmt_time(ss.ends, when, sizeof(when));
        reply_problem(r, 403,
                      "the time for this assessment ran out at %s; the submissions made before "
                      "stand",
                      when);
    } else if (counting && ss.max_submissions) {
        sqlite3_stmt *st =
            db_prepare(c, "SELECT count(*) FROM submissions WHERE invite_id = ? AND slug = ?", "is",
                       r->who.invite_id, slug);
        int used = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        sqlite3_finalize(st);
        if (used >= ss.max_submissions)
            reply_problem(r, 403, "the cap of %d submissions for '%s' is reached",
                          ss.max_submissions, slug);
        else
            ok = true;
    } else {
        ok = true;
    }
    db_release(s->db, c);
    return ok;
}

/*** The background thread: time-outs and webhooks ***/

static pthread_t assess_thread;
static bool assess_running;

/* Sessions whose time ran out are finished by the clock, with their webhooks, once a second. */
static void *sweep_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        sqlite3 *c = db_acquire(s->db);
        int64_t now = db_now_ms();
        bool tx = db_begin(c) == SQLITE_OK;
        sqlite3_stmt *st = db_prepare(c,
                                      /* At most 64 a pass: each gets its webhook below. */
                                      "UPDATE invites SET finished_at = ends_at, "
                                      "finish_reason = 'time' WHERE id IN (SELECT id FROM "
                                      "invites WHERE finished_at IS NULL AND ends_at IS NOT "
                                      "NULL AND ends_at <= ? LIMIT 64) RETURNING id",
                                      "i", now);
        int64_t ended[64];
        int n = 0;
        while (st && sqlite3_step(st) == SQLITE_ROW)
            if (n < 64)
                ended[n++] = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        for (int i = 0; i < n; i++)
            enqueue_webhook(c, ended[i], "time");
        if (tx && db_commit(c) != SQLITE_OK)
            db_rollback(c);
        db_release(s->db, c);
        for (int i = 0; i < 10 && !s->stopping; i++)
            usleep(100000);
    }
    return NULL;
}

int assess_start(struct server *s)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = pthread_create(&assess_thread, NULL, sweep_main, s);
    assess_running = rc == 0;
    return rc ? -rc : webhook_start(s);
}

void assess_stop(struct server *s)
{
    (void)s;
    if (assess_running)
        pthread_join(assess_thread, NULL);
    assess_running = false;
    webhook_stop(s);
}
