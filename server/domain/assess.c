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
#include "lang.h"
#include "queue.h"
#include "similarity.h"
#include "store.h"
#include "webhook.h"

#define INVITE_DEFAULT (168 * 3600 * 1000ll)

/* The webhook events, and which an assessment takes unless it says otherwise. */
static const struct {
    const char *name;
    bool by_default;
    const char *why;
} webhook_events[] = {
    {"candidate.finished", true,
     "the candidate finished (or the time ran out) and every submission is judged: the total"},
    {"candidate.score_changed", true, "a finished candidate's total moved (a rejudge)"},
    {"submission.judged", false, "one submission of a candidate was judged (again)"},
};
#define NEVENTS (sizeof(webhook_events) / sizeof(webhook_events[0]))

/* Checks `webhook_events` of an assessment body; the space-separated list into `out`. */
static void webhook_events_field(json_t *j, json_t *errors, char *out, size_t size)
{
    out[0] = 0;
    for (size_t e = 0; !j && e < NEVENTS; e++)
        if (webhook_events[e].by_default)
            snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? " " : "",
                     webhook_events[e].name);
    if (!j)
        return;
    bool ok = json_is_array(j);
    for (size_t i = 0; ok && i < json_array_size(j); i++) {
        const char *name = json_string_value(json_array_get(j, i));
        size_t e = 0;
        while (name && e < NEVENTS && strcmp(webhook_events[e].name, name))
            e++;
        ok = e < NEVENTS;
        if (ok && !strstr(out, name))
            snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? " " : "", name);
    }
    if (!ok)
        api_field_error(errors, "webhook_events",
                        "must be a list of events among candidate.finished, "
                        "candidate.score_changed and submission.judged");
}

/*** Shared pieces ***/

/*
 * `languages`: absent or null for every language, else a list of 1 to 16 distinct language ids
 * the judge knows, stored comma-separated in `out` ("" when absent).
 */
static void languages_field(json_t *j, json_t *errors, char *out, size_t size)
{
    out[0] = 0;
    if (!j || json_is_null(j))
        return;
    size_t n = json_array_size(j);
    if (!json_is_array(j) || n < 1 || n > 16) {
        api_field_error(errors, "languages", "must be a list of 1 to 16 language ids, or null");
        return;
    }
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        const char *id = json_string_value(json_array_get(j, i));
        char field[32], probe[24];
        snprintf(field, sizeof(field), "languages/%zu", i);
        const struct lang *l = id ? lang_by_id(id) : NULL;
        if (!l || !l->submissions) {
            api_field_error(
                errors, field,
                "'%s' is not a language of this judge (GET /api/v1/languages lists them)",
                id ? id : "(not a string)");
            continue;
        }
        snprintf(probe, sizeof(probe), ",%s,", id);
        char have[160];
        snprintf(have, sizeof(have), ",%s,", out);
        if (strstr(have, probe)) {
            api_field_error(errors, field, "'%s' is listed twice", id);
            continue;
        }
        int w = snprintf(out + used, size - used, "%s%s", used ? "," : "", id);
        if (w < 0 || (size_t)w >= size - used) {
            api_field_error(errors, "languages", "is too long");
            return;
        }
        used += (size_t)w;
    }
}

/* Whether `language` is among the comma-separated `list` (NULL or "": every language). */
static bool language_allowed(const char *list, const char *language)
{
    if (!list || !*list)
        return true;
    size_t n = strlen(language);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, language, n))
            return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

static json_t *languages_json(const char *list)
{
    if (!list || !*list)
        return json_null();
    json_t *a = json_array();
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        json_array_append_new(a, json_stringn(p, len));
        p += len + (end ? 1 : 0);
    }
    return a;
}

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

int64_t assess_own(struct server *s, struct req *r, sqlite3 *c)
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
                                  "(SELECT count(*) FROM invites WHERE assessment_id = a.id), "
                                  "webhook_events, submit_drafts_at_end, languages "
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
        json_t *events = json_array();
        const char *list = (const char *)sqlite3_column_text(st, 12);
        for (size_t e = 0; o && list && e < NEVENTS; e++)
            if (strstr(list, webhook_events[e].name))
                json_array_append_new(events, json_string(webhook_events[e].name));
        json_object_set_new(o, "webhook_events", events);
        json_object_set_new(o, "submit_drafts_at_end", json_boolean(sqlite3_column_int(st, 13)));
        json_object_set_new(o, "languages",
                            languages_json((const char *)sqlite3_column_text(st, 14)));
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
    char events[128];
    webhook_events_field(json_object_get(body, "webhook_events"), errors, events, sizeof(events));
    char langs[160];
    languages_field(json_object_get(body, "languages"), errors, langs, sizeof(langs));
    json_t *jdrafts = json_object_get(body, "submit_drafts_at_end");
    if (jdrafts && !json_is_boolean(jdrafts))
        api_field_error(errors, "submit_drafts_at_end", "must be true or false");
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
            "show_hidden, max_submissions, counts, webhook_url, created_at, webhook_events, "
            "submit_drafts_at_end, languages) VALUES (nullif(?, 0), ?, ?, ?, nullif(?, 0), "
            "nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, nullif(?, ''))",
            "issiiiiissisis", r->who.role == ROLE_TEAM ? r->who.team_id : 0, title, rules,
            (int64_t)json_integer_value(jd) * 60, json_ms(jo), json_ms(jc),
            (int64_t)json_is_true(jh), (int64_t)(jm ? json_integer_value(jm) : 0), counts, webhook,
            now, events, (int64_t)!json_is_false(jdrafts), langs);
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
    /*
     * The team's first webhook gets the team's signing secret, shown in this answer alone
     * (POST /api/v1/webhooks/secret makes a new one).
     */
    char secret[WEBHOOK_SECRET_LEN] = "";
    if (rc == SQLITE_OK && webhook &&
        webhook_secret_new_sqlite(c, r->who.role == ROLE_TEAM ? r->who.team_id : 0, true, secret) < 0)
        rc = SQLITE_ERROR;
    if (rc == SQLITE_OK)
        rc = db_commit(c);
    json_t *out = rc == SQLITE_OK ? assessment_json(c, id) : NULL;
    db_release(s->db, c);
    json_decref(body);
    if (!out) {
        reply_problem(r, 500, "cannot create the assessment");
        return;
    }
    if (secret[0])
        json_object_set_new(out, "webhook_secret", json_string(secret));
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
    int64_t id = assess_own(s, r, c);
    json_t *a = id ? assessment_json(c, id) : NULL;
    db_release(s->db, c);
    if (id)
        a ? reply_json(r, 200, a) : reply_problem(r, 500, "cannot read the assessment");
}

void api_assessment_delete(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t id = assess_own(s, r, c);
    int rc = SQLITE_OK;
    if (id) {
        /*
         * Every submission of its candidates goes with it, queued or being judged too: a worker
         * judging one then finds no row to record into (its guarded UPDATE changes nothing).
         */
        rc = db_begin(c);
        if (rc == SQLITE_OK)
            rc = db_exec(c,
                         "DELETE FROM submissions WHERE invite_id IN (SELECT id FROM invites "
                         "WHERE assessment_id = ?)",
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
    "i.expires_at, i.extra_s"

static json_t *invite_json(sqlite3_stmt *st, int64_t now)
{
    return json_pack(
        "{s:I, s:s, s:s, s:I, s:I, s:o, s:o, s:o, s:o, s:s, s:I}", "id",
        (json_int_t)sqlite3_column_int64(st, 0), "name", sqlite3_column_text(st, 1), "email",
        sqlite3_column_text(st, 2), "created_at", (json_int_t)sqlite3_column_int64(st, 3),
        "expires_at", (json_int_t)sqlite3_column_int64(st, 4), "started_at", ms_or_null(st, 5),
        "ends_at", ms_or_null(st, 6), "finished_at", ms_or_null(st, 7), "finish_reason",
        sqlite3_column_type(st, 8) == SQLITE_NULL
            ? json_null()
            : json_string((const char *)sqlite3_column_text(st, 8)),
        "state", invite_state(st, 9, now), "extra_minutes",
        (json_int_t)(sqlite3_column_int64(st, 14) / 60));
}

void api_invite_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = assess_own(s, r, c);
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
    int64_t aid = assess_own(s, r, c);
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
    /* Streams the candidate has open look again at their token, and close (assess_token_live). */
    if (changed)
        queue_wake_all(s);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot revoke the invite");
    else if (!changed)
        reply_problem(r, 404, "no active invite '%.64s'", r->params[0]);
    else
        reply_empty(r, 204);
}

/*** Accommodations ***/

/* Minutes an accommodation may add at once, and how far a re-opened session may end. */
#define EXTRA_MINUTES_MAX  1440
#define REOPEN_MINUTES_MAX (7 * 1440)

/* The invite of path parameter 0 if the caller's team owns it: its id, or 0 after a 404. */
static int64_t invite_own(struct req *r, sqlite3 *c)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    sqlite3_stmt *st =
        *end || id < 1
            ? NULL
            : db_prepare(c,
                         "SELECT 1 FROM invites WHERE id = ? AND assessment_id IN (SELECT id "
                         "FROM assessments WHERE ? OR team_id = ?)",
                         "iii", (int64_t)id, (int64_t)(r->who.role == ROLE_ADMIN),
                         r->who.role == ROLE_TEAM ? r->who.team_id : -1);
    bool mine = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!mine) {
        /* Another team's invite is as absent as a missing one. */
        reply_problem(r, 404, "no invite '%.64s'", r->params[0]);
        return 0;
    }
    return id;
}

/* The integer field `name` of `body` within 1..max; 0 after adding a field error. */
static int64_t minutes_field(json_t *body, const char *name, int64_t max, json_t *errors)
{
    json_t *j = json_object_get(body, name);
    if (!json_is_integer(j) || json_integer_value(j) < 1 || json_integer_value(j) > max) {
        api_field_error(errors, name, "must be an integer number of minutes from 1 to %lld",
                        (long long)max);
        return 0;
    }
    return json_integer_value(j);
}

static void reply_invite(struct req *r, sqlite3 *c, int64_t id)
{
    sqlite3_stmt *st = db_prepare(c, "SELECT " INVITE_COLS " FROM invites i WHERE id = ?", "i", id);
    json_t *o = st && sqlite3_step(st) == SQLITE_ROW ? invite_json(st, db_now_ms()) : NULL;
    sqlite3_finalize(st);
    o ? reply_json(r, 200, o) : reply_problem(r, 500, "cannot read the invite");
}

/*
 * Extra time for one candidate: before the start it is added when the session starts (past the
 * assessment's closing time too: an accommodation is owed in full); during the session, to its
 * end at once, so the sweep's time-up and the submission checks (both read ends_at) honour it.
 * A finished session is re-opened instead.
 */
void api_invite_extra_time(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    int64_t minutes = minutes_field(body, "minutes", EXTRA_MINUTES_MAX, errors);
    json_decref(body);
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid extra time");
        return;
    }
    json_decref(errors);
    sqlite3 *c = db_acquire(s->db);
    int64_t id = invite_own(r, c), now = db_now_ms();
    if (!id)
        goto out;
    /* One statement: a session the sweep finishes meanwhile is not extended behind its back. */
    int rc = db_exec(c,
                     "UPDATE invites SET extra_s = extra_s + ?1, ends_at = ends_at + ?1 * 1000 "
                     "WHERE id = ?2 AND revoked_at IS NULL AND finished_at IS NULL AND "
                     "(started_at IS NULL OR ends_at > ?3)",
                     "iii", minutes * 60, id, now);
    if (rc != SQLITE_OK) {
        reply_problem(r, 500, "cannot add the time");
        goto out;
    }
    if (!sqlite3_changes(c)) {
        reply_problem(r, 409,
                      "invite %lld is revoked or its session is finished; a finished session "
                      "gets more time by POST /api/v1/invites/%lld/reopen",
                      (long long)id, (long long)id);
        goto out;
    }
    r->audit_detail = json_pack("{s:I}", "minutes", (json_int_t)minutes);
    reply_invite(r, c, id);
out:
    db_release(s->db, c);
}

/*
 * Opens a finished session again until a new end (`minutes` from now, or `ends_at`): the finish
 * is undone, so the candidate submits again, the time-up sweep ends it anew (with final
 * submissions of the drafts), and candidate.finished goes out again then.
 */
void api_invite_reopen(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    int64_t now = db_now_ms(), ends = 0;
    json_t *je = json_object_get(body, "ends_at");
    if (je && json_object_get(body, "minutes")) {
        api_field_error(errors, "ends_at", "give either ends_at or minutes, not both");
    } else if (je) {
        if (!json_is_integer(je) || json_integer_value(je) <= now ||
            json_integer_value(je) > now + REOPEN_MINUTES_MAX * 60000ll)
            api_field_error(errors, "ends_at",
                            "must be a time in milliseconds since the epoch, in the future and "
                            "within %d days",
                            REOPEN_MINUTES_MAX / 1440);
        else
            ends = json_integer_value(je);
    } else {
        int64_t m = minutes_field(body, "minutes", REOPEN_MINUTES_MAX, errors);
        ends = now + m * 60000;
    }
    json_decref(body);
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid new end");
        return;
    }
    json_decref(errors);
    sqlite3 *c = db_acquire(s->db);
    int64_t id = invite_own(r, c);
    if (!id)
        goto out;
    int rc = db_exec(c,
                     "UPDATE invites SET ends_at = ?1, finished_at = NULL, finish_reason = NULL, "
                     "finals_at = NULL, finish_notified_at = NULL WHERE id = ?2 AND "
                     "revoked_at IS NULL AND started_at IS NOT NULL AND (finished_at IS NOT NULL "
                     "OR ends_at <= ?3)",
                     "iii", ends, id, now);
    if (rc != SQLITE_OK) {
        reply_problem(r, 500, "cannot re-open the session");
        goto out;
    }
    if (!sqlite3_changes(c)) {
        reply_problem(r, 409,
                      "invite %lld has no finished session to re-open (revoked, not started, or "
                      "still running: add time with POST /api/v1/invites/%lld/extra-time)",
                      (long long)id, (long long)id);
        goto out;
    }
    r->audit_detail = json_pack("{s:I}", "ends_at", (json_int_t)ends);
    reply_invite(r, c, id);
out:
    db_release(s->db, c);
}

/*** Scores ***/

struct cell {
    int submissions;
    double fraction; /* score / max_score of the counted submission */
    char verdict[8];
    char submission[SUBMISSION_ID_LEN + 1];
    int64_t seq;
    bool counted;
    bool final; /* a submission was made from the draft at time-up */
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
    st = db_prepare(
        c,
        "SELECT s.invite_id, s.slug, s.status, s.verdict, s.score, s.max_score, s.id, "
        "s.seq, s.origin IS NOT NULL FROM submissions s JOIN invites i ON i.id = s.invite_id "
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
        cl->final |= sqlite3_column_int(st, 8) != 0;
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

/* One counted submission to the problem being compared. */
struct sim_side {
    const struct sheet *sh; /* its assessment */
    size_t cand;            /* its candidate's row in sh */
    const char *submission; /* borrowed from sh */
    struct sim_doc *doc;
};

static json_t *side_json(sqlite3 *c, const struct sim_side *sd, bool sources, bool other)
{
    sqlite3_stmt *st =
        db_prepare(c, "SELECT name FROM invites WHERE id = ?", "i", sd->sh->invites[sd->cand]);
    json_t *o = json_pack(
        "{s:I, s:s, s:s}", "invite_id", (json_int_t)sd->sh->invites[sd->cand], "name",
        st && sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "",
        "submission", sd->submission);
    sqlite3_finalize(st);
    if (other) {
        st = db_prepare(c, "SELECT title FROM assessments WHERE id = ?", "i", sd->sh->aid);
        json_object_set_new(o, "assessment_id", json_integer(sd->sh->aid));
        json_object_set_new(o, "assessment_title",
                            json_string(st && sqlite3_step(st) == SQLITE_ROW
                                            ? (const char *)sqlite3_column_text(st, 0)
                                            : ""));
        sqlite3_finalize(st);
    }
    if (sources) {
        char *src = source_of(c, sd->submission);
        json_object_set_new(o, "source", json_string(src ? src : ""));
        free(src);
    }
    return o;
}

static json_t *pair_json(sqlite3 *c, const char *slug, const struct sim_side *a,
                         const struct sim_side *b, const struct similarity_result *res,
                         bool sources)
{
    bool other = a->sh != b->sh;
    char why[4][SIMILARITY_REASON_LEN];
    size_t nwhy = similarity_reasons(res, why, 4);
    json_t *reasons = json_array();
    for (size_t i = 0; i < nwhy; i++)
        json_array_append_new(reasons, json_string(why[i]));
    json_t *o = json_pack(
        "{s:s, s:f, s:s, s:{s:f, s:f}, s:o, s:o, s:o}", "problem", slug, "score",
        round2(res->score), "scope", other ? "other_assessment" : "this_assessment", "measures",
        "fingerprints", round2(res->fingerprints), "structure", round2(res->structure), "reasons",
        reasons, "a", side_json(c, a, sources, false), "b", side_json(c, b, sources, other));
    if (sources) {
        /* Where the two match, for the side-by-side view; lines are 1-based and inclusive. Out
         * of memory, the pair is still listed, with no regions (the score stands on its own). */
        struct similarity_region *rg = NULL;
        size_t n = 0;
        json_t *regions = json_array();
        if (similarity_regions(a->doc, b->doc, &rg, &n) == 0)
            for (size_t i = 0; i < n; i++)
                json_array_append_new(regions, json_pack("{s:[i,i], s:[i,i]}", "a",
                                                         (int)rg[i].a_from, (int)rg[i].a_to, "b",
                                                         (int)rg[i].b_from, (int)rg[i].b_to));
        free(rg);
        json_object_set_new(o, "regions", regions);
    }
    return o;
}

/*
 * The team's other assessments, each with its table of counted submissions; never another
 * team's (an assessment without a team compares with nothing else). 0 or -ENOMEM.
 */
static int other_sheets(sqlite3 *c, int64_t aid, struct sheet **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st =
        db_prepare(c,
                   "SELECT o.id FROM assessments a JOIN assessments o ON o.team_id = a.team_id "
                   "WHERE a.id = ? AND a.team_id IS NOT NULL AND o.id != a.id ORDER BY o.id",
                   "i", aid);
    int rc = st ? 0 : -ENOMEM;
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        struct sheet *more = realloc(*out, (*n + 1) * sizeof(**out));
        if (!more) {
            rc = -ENOMEM;
            break;
        }
        *out = more;
        rc = sheet_fill(c, sqlite3_column_int64(st, 0), &more[*n]);
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Prepares every counted submission of `sh` to `slug`, appending to sides; 0 or -ENOMEM. */
static int add_sides(sqlite3 *c, const struct sheet *sh, const char *slug, const char *tmpl,
                     struct sim_side **sides, size_t *n)
{
    size_t p = 0;
    while (p < sh->nprob && strcmp(sh->slugs[p], slug))
        p++;
    int rc = 0;
    for (size_t i = 0; p < sh->nprob && !rc && i < sh->ncand; i++) {
        const struct cell *cl = &sh->cells[i * sh->nprob + p];
        char *src = cl->counted ? source_of(c, cl->submission) : NULL;
        struct sim_doc *doc = NULL;
        if (src)
            rc = similarity_doc_new(src, tmpl, &doc);
        free(src);
        if (rc || !doc)
            continue;
        if (!similarity_doc_comparable(doc)) {
            similarity_doc_free(doc);
            continue;
        }
        struct sim_side *more = realloc(*sides, (*n + 1) * sizeof(**sides));
        if (!more) {
            similarity_doc_free(doc);
            rc = -ENOMEM;
            break;
        }
        *sides = more;
        more[(*n)++] = (struct sim_side){sh, i, cl->submission, doc};
    }
    return rc;
}

static int by_score_desc(const void *x, const void *y)
{
    double a = json_real_value(json_object_get(*(json_t *const *)x, "score"));
    double b = json_real_value(json_object_get(*(json_t *const *)y, "score"));
    return a < b ? 1 : a > b ? -1 : 0;
}

/*
 * Pairs scoring `lo` or more, most alike first: within each problem, the candidates' counted
 * submissions against each other and against those of the team's other assessments that have
 * the same problem. NULL on failure.
 */
static json_t *similar_pairs(sqlite3 *c, const struct sheet *sh, bool sources, double lo)
{
    struct sheet *others = NULL;
    size_t nothers = 0;
    json_t *pairs = json_array();
    int rc = pairs ? other_sheets(c, sh->aid, &others, &nothers) : -ENOMEM;
    for (size_t p = 0; !rc && p < sh->nprob; p++) {
        char *tmpl = template_of(c, sh->slugs[p]);
        struct sim_side *sides = NULL;
        size_t n = 0;
        rc = add_sides(c, sh, sh->slugs[p], tmpl, &sides, &n);
        size_t mine = n;
        for (size_t o = 0; !rc && o < nothers; o++)
            rc = add_sides(c, &others[o], sh->slugs[p], tmpl, &sides, &n);
        /* This assessment's candidates with each other, and with the other assessments'. */
        for (size_t i = 0; !rc && i < mine; i++)
            for (size_t j = i + 1; !rc && j < n; j++) {
                struct similarity_result res;
                rc = similarity_compare(sides[i].doc, sides[j].doc, &res);
                if (!rc && res.score >= lo)
                    json_array_append_new(
                        pairs, pair_json(c, sh->slugs[p], &sides[i], &sides[j], &res, sources));
            }
        for (size_t i = 0; i < n; i++)
            similarity_doc_free(sides[i].doc);
        free(sides);
        free(tmpl);
    }
    for (size_t o = 0; o < nothers; o++)
        sheet_release(&others[o]);
    free(others);
    if (rc) {
        json_decref(pairs);
        return NULL;
    }
    /* Most alike first; ties keep their order (problem, then candidate). */
    size_t n = json_array_size(pairs);
    json_t **v = malloc((n ? n : 1) * sizeof(*v));
    if (!v) {
        json_decref(pairs);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = json_incref(json_array_get(pairs, i));
    json_array_clear(pairs);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && by_score_desc(&v[j - 1], &v[j]) > 0; j--) {
            json_t *x = v[j];
            v[j] = v[j - 1];
            v[j - 1] = x;
        }
    for (size_t i = 0; i < n; i++)
        json_array_append_new(pairs, v[i]);
    free(v);
    return pairs;
}

/* Moves the pairs scoring below `flag` out of `pairs` into a new array (NULL on failure). */
static json_t *split_near(json_t *pairs, double flag)
{
    json_t *near = json_array();
    for (size_t i = 0; near && i < json_array_size(pairs);) {
        json_t *x = json_array_get(pairs, i);
        if (json_real_value(json_object_get(x, "score")) < flag) {
            json_array_append(near, x);
            json_array_remove(pairs, i);
        } else {
            i++;
        }
    }
    return near;
}

void api_similarity(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = assess_own(s, r, c);
    struct sheet sh;
    json_t *pairs = NULL, *near = NULL;
    if (aid && sheet_fill(c, aid, &sh) == 0 &&
        (pairs = similar_pairs(c, &sh, true, SIMILARITY_NEAR)) &&
        (near = split_near(pairs, SIMILARITY_FLAG)))
        reply_json(r, 200,
                   json_pack("{s:o, s:f, s:o, s:f}", "pairs", pairs, "threshold", SIMILARITY_FLAG,
                             "near_misses", near, "near_threshold", SIMILARITY_NEAR));
    else if (aid) {
        json_decref(pairs);
        reply_problem(r, 500, "cannot compare the submissions of assessment %lld", (long long)aid);
    }
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
        int64_t revoked =
            sqlite3_column_type(st, 9) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 9);
        /* The session ended at the first of: finishing, revocation, the end time, now. */
        int64_t until = fin ? fin : ends && ends < now ? ends : now;
        if (revoked && revoked < until)
            until = revoked;
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
                                json_pack("{s:f, s:f, s:o, s:i, s:o, s:b}", "score", round2(sc),
                                          "points", sh->points[p], "best_verdict",
                                          cl->counted ? json_string(cl->verdict) : json_null(),
                                          "submissions", cl->submissions, "submission",
                                          cl->counted ? json_string(cl->submission) : json_null(),
                                          "final_submission", cl->final));
        }
        json_object_set_new(o, "problems", probs);
        json_object_set_new(o, "total", json_real(round2(total)));
        json_object_set_new(o, "max_total", json_real(max_total));
        json_array_append_new(cands, o);
    }
    sqlite3_finalize(st);
    json_t *a = assessment_json(c, aid);
    json_t *problems = json_incref(json_object_get(a, "problems"));
    json_t *sim = similar_pairs(c, sh, false, SIMILARITY_FLAG);
    if (!sim) {
        json_decref(a);
        json_decref(problems);
        json_decref(cands);
        return NULL;
    }
    return json_pack("{s:o, s:o, s:o, s:o}", "assessment", a, "problems", problems, "candidates",
                     cands, "similarity", sim);
}

void api_report(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t aid = assess_own(s, r, c);
    struct sheet sh;
    json_t *rep = aid && sheet_fill(c, aid, &sh) == 0 ? report_json(c, aid, &sh) : NULL;
    if (rep)
        reply_json(r, 200, rep);
    else if (aid)
        reply_problem(r, 500, "cannot read the submissions of assessment %lld", (long long)aid);
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
    int64_t aid = assess_own(s, r, c);
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
    if (!rep) {
        reply_problem(r, 500, "cannot read the submissions of assessment %lld", (long long)aid);
        sheet_release(&sh);
        return;
    }
    struct strbuf b = STRBUF_INIT(0);
    /* A UTF-8 byte order mark: without it Excel reads the file as the local code page, and
     * names past ASCII come out garbled. */
    strbuf_addstr(&b, "\xEF\xBB\xBF");
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
    int64_t aid = assess_own(s, r, c);
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
    int64_t extra_s; /* accommodation: added to the session at its start */
    int max_submissions;
    bool show_hidden;
    char languages[160]; /* allowed, comma-separated; "": every language */
};

static int session_load(sqlite3 *c, int64_t invite, struct session *ss)
{
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT i.id, i.assessment_id, coalesce(i.started_at, 0), coalesce(i.ends_at, 0), "
        "coalesce(i.finished_at, 0), i.expires_at, coalesce(i.revoked_at, 0), "
        "coalesce(a.opens_at, 0), coalesce(a.closes_at, 0), a.duration_s, a.max_submissions, "
        "a.show_hidden, i.extra_s, coalesce(a.languages, '') FROM invites i JOIN assessments a "
        "ON a.id = i.assessment_id WHERE i.id = ?",
        "i", invite);
    int rc = st && sqlite3_step(st) == SQLITE_ROW ? 0 : -ENOENT;
    if (!rc) {
        int64_t *f[] = {&ss->invite,  &ss->aid,     &ss->started, &ss->ends,   &ss->finished,
                        &ss->expires, &ss->revoked, &ss->opens,   &ss->closes, &ss->duration_s};
        for (int i = 0; i < 10; i++)
            *f[i] = sqlite3_column_int64(st, i);
        ss->max_submissions = sqlite3_column_int(st, 10);
        ss->show_hidden = sqlite3_column_int(st, 11);
        ss->extra_s = sqlite3_column_int64(st, 12);
        snprintf(ss->languages, sizeof(ss->languages), "%s", sqlite3_column_text(st, 13));
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
    json_object_del(a, "webhook_events");
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
            json_object_set_new(o, "final_submission", json_boolean(cl->final));
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

/* The candidate's total and the assessment's maximum, as the report counts them. 0 or -ENOMEM. */
static int candidate_total(sqlite3 *c, int64_t aid, int64_t invite, double *total, double *max)
{
    struct sheet sh;
    int rc = sheet_fill(c, aid, &sh);
    double t = 0, m = 0;
    for (size_t p = 0; rc == 0 && p < sh.nprob; p++) {
        m += sh.points[p];
        for (size_t i = 0; i < sh.ncand; i++)
            if (sh.invites[i] == invite && sh.cells[i * sh.nprob + p].counted)
                t += sh.points[p] * sh.cells[i * sh.nprob + p].fraction;
    }
    sheet_release(&sh);
    if (rc == 0) {
        *total = round2(t);
        *max = m;
    }
    return rc;
}

/*
 * Queues webhook `event` about a candidate, when the assessment has a webhook: the candidate,
 * their total now, and the fields of `extra` (taken). Runs in the caller's transaction.
 */
static void enqueue_event(sqlite3 *c, int64_t invite, const char *event, json_t *extra)
{
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT a.webhook_url, a.id, i.name, i.email "
                                  "FROM invites i JOIN assessments a ON a.id = i.assessment_id "
                                  "WHERE i.id = ? AND a.webhook_url IS NOT NULL AND "
                                  "instr(' ' || a.webhook_events || ' ', ' ' || ? || ' ') > 0",
                                  "is", invite, event);
    if (!st || sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        json_decref(extra);
        return;
    }
    char *url = db_column_strdup(st, 0);
    int64_t aid = sqlite3_column_int64(st, 1);
    json_t *payload = json_pack("{s:s, s:I, s:I, s:s, s:s}", "event", event, "assessment_id",
                                (json_int_t)aid, "invite_id", (json_int_t)invite, "name",
                                sqlite3_column_text(st, 2), "email", sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    double total, max_total;
    if (candidate_total(c, aid, invite, &total, &max_total) == 0) {
        json_object_set_new(payload, "total", json_real(total));
        json_object_set_new(payload, "max_total", json_real(max_total));
    }
    if (extra)
        json_object_update(payload, extra);
    json_decref(extra);
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
    /* An accommodation comes on top, past the closing time too. */
    ends += ss.extra_s * 1000;
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
        /*
         * candidate.finished goes out from the sweep once every submission is judged. A finish
         * chosen by the candidate makes no final submissions (finals_at at once).
         */
        db_exec(c,
                "UPDATE invites SET finished_at = ?, finals_at = ?, finish_reason = 'finished' "
                "WHERE id = ? AND finished_at IS NULL",
                "iii", now, now, r->who.invite_id);
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

bool assess_candidate_may_submit(struct server *s, struct req *r, const char *slug,
                                 const char *language, bool counting)
{
    sqlite3 *c = db_acquire(s->db);
    struct session ss;
    int64_t now = db_now_ms();
    char when[64];
    bool ok = false;
    if (session_load(c, r->who.invite_id, &ss)) {
        reply_problem(r, 500, "cannot read the session");
    } else if (slug && !in_assessment(c, ss.aid, slug)) {
        json_t *e = json_array();
        api_field_error(e, "problem", "'%s' is not a problem of this assessment", slug);
        reply_problem_errors(r, 422, e, "unknown problem");
    } else if (language && !language_allowed(ss.languages, language)) {
        json_t *e = json_array();
        api_field_error(e, "language", "'%s' is not allowed in this assessment; allowed: %s",
                        language, ss.languages);
        reply_problem_errors(r, 422, e, "language not allowed");
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

bool assess_token_live(struct server *s, const struct principal *who)
{
    if (who->role != ROLE_CANDIDATE)
        return true;
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st =
        db_prepare(c, "SELECT revoked_at IS NULL FROM invites WHERE id = ?", "i", who->invite_id);
    bool live = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    db_release(s->db, c);
    return live;
}

int assess_problem_in_use(sqlite3 *c, const char *slug, char *title, size_t size)
{
    int64_t now = db_now_ms();
    /*
     * Not ended: it still takes candidates (no closing time, or one ahead) and has an invite
     * that may be used, or a session runs now.
     */
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT a.title FROM assessments a JOIN assessment_problems ap ON ap.assessment_id = a.id "
        "WHERE ap.slug = ?1 AND EXISTS (SELECT 1 FROM invites i WHERE i.assessment_id = a.id "
        "AND i.revoked_at IS NULL AND i.finished_at IS NULL AND ((i.started_at IS NOT NULL AND "
        "i.ends_at > ?2) OR (i.started_at IS NULL AND i.expires_at > ?2 AND "
        "(a.closes_at IS NULL OR a.closes_at > ?2)))) ORDER BY a.id LIMIT 1",
        "si", slug, now);
    int rc = !st ? -EIO : sqlite3_step(st) == SQLITE_ROW ? 1 : 0;
    if (rc == 1)
        snprintf(title, size, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc;
}

/*** The background thread: time-outs and webhooks ***/

static pthread_t assess_thread;
static bool assess_running;

/* Rows each step of the sweep takes a pass (the rest wait for the next second). */
#define SWEEP_BATCH   64
#define SWEEP_BATCH_S "64"

/* Step 1: sessions whose time ran out are finished by the clock; revoked ones ended then. */
static void sweep_time_up(sqlite3 *c, int64_t now)
{
    db_exec(c,
            "UPDATE invites SET finished_at = ends_at, finish_reason = 'time' "
            "WHERE finished_at IS NULL AND revoked_at IS NULL AND ends_at IS NOT NULL "
            "AND ends_at <= ?",
            "i", now);
}

struct final_draft {
    int64_t version_id;
    char slug[72], language[16];
    char *source;
};

/*
 * Step 2: for a session finished by the clock, each problem whose saved draft changed after its
 * last submission (or was never submitted, and is not the starter code) is judged as a final
 * submission, when the assessment says so. finals_at marks it done; a pass cut short (a full queue,
 * a crash) is taken again, and a draft already submitted is then no longer newer than its last
 * submission.
 */
static void sweep_finals(struct server *s, sqlite3 *c, int64_t now)
{
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT i.id, i.assessment_id, coalesce(a.team_id, 0), "
                                  "a.submit_drafts_at_end AND i.finish_reason = 'time' "
                                  "FROM invites i JOIN assessments a ON a.id = i.assessment_id "
                                  "WHERE i.finished_at IS NOT NULL AND i.finals_at IS NULL "
                                  "LIMIT " SWEEP_BATCH_S,
                                  "");
    struct {
        int64_t invite, aid, team;
        bool submit;
    } due[SWEEP_BATCH];
    int n = 0;
    while (st && n < SWEEP_BATCH && sqlite3_step(st) == SQLITE_ROW) {
        due[n].invite = sqlite3_column_int64(st, 0);
        due[n].aid = sqlite3_column_int64(st, 1);
        due[n].team = sqlite3_column_int64(st, 2);
        due[n].submit = sqlite3_column_int(st, 3);
        n++;
    }
    sqlite3_finalize(st);
    for (int i = 0; i < n; i++) {
        struct final_draft fd[PROBLEMS_MAX];
        size_t nd = 0;
        st = due[i].submit
                 ? db_prepare(c,
                              "SELECT d.slug, d.language, d.source, p.current FROM drafts d "
                              "JOIN assessment_problems ap ON ap.assessment_id = ?2 "
                              "AND ap.slug = d.slug JOIN problems p ON p.slug = d.slug "
                              "JOIN problem_versions v ON v.id = p.current "
                              "LEFT JOIN submissions last ON last.seq = (SELECT max(seq) FROM "
                              "submissions WHERE invite_id = d.invite_id AND slug = d.slug) "
                              "WHERE d.invite_id = ?1 AND length(trim(d.source)) > 0 "
                              /* the untouched starter code is nothing the candidate wrote */
                              "AND d.source != coalesce(json_extract(v.detail, '$.template'), '') "
                              "AND p.current IS NOT NULL AND (last.seq IS NULL OR "
                              "(d.updated_at > last.created_at AND d.source != last.source))",
                              "ii", due[i].invite, due[i].aid)
                 : NULL;
        while (st && nd < PROBLEMS_MAX && sqlite3_step(st) == SQLITE_ROW) {
            snprintf(fd[nd].slug, sizeof(fd[nd].slug), "%s", sqlite3_column_text(st, 0));
            snprintf(fd[nd].language, sizeof(fd[nd].language), "%s", sqlite3_column_text(st, 1));
            fd[nd].source = db_column_strdup(st, 2);
            fd[nd].version_id = sqlite3_column_int64(st, 3);
            if (fd[nd].source)
                nd++;
        }
        sqlite3_finalize(st);
        struct principal who = {.role = ROLE_CANDIDATE,
                                .team_id = due[i].team,
                                .invite_id = due[i].invite,
                                .assessment_id = due[i].aid};
        int rc = 0;
        for (size_t d = 0; d < nd; d++) {
            char id[SUBMISSION_ID_LEN + 1];
            struct submit_request req = {.version_id = fd[d].version_id,
                                         .slug = fd[d].slug,
                                         .language = fd[d].language,
                                         .source = fd[d].source,
                                         .who = &who,
                                         .client = "time-up"};
            if (!rc)
                rc = queue_submit(s, &req, id);
            if (!rc)
                db_exec(c, "UPDATE submissions SET origin = 'final' WHERE id = ?", "s", id);
            free(fd[d].source);
        }
        if (!rc)
            db_exec(c, "UPDATE invites SET finals_at = ? WHERE id = ?", "ii", now, due[i].invite);
    }
}

/*
 * Step 3: judged submissions of candidates are announced (submission.judged), again after a
 * rejudge; when the candidate's finish was announced already, a total that moved is announced
 * too (candidate.score_changed). Revoked candidates get no more events.
 */
static void sweep_judged(sqlite3 *c)
{
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT s.seq, s.id, s.invite_id, s.slug, s.verdict, s.score, s.max_score, "
        "s.origin IS NOT NULL, i.finish_notified_at IS NOT NULL, coalesce(i.notified_total, 0), "
        "i.assessment_id, i.revoked_at IS NOT NULL FROM submissions s "
        "JOIN invites i ON i.id = s.invite_id WHERE s.invite_id IS NOT NULL "
        "AND (s.notified_at IS NULL OR s.finished_at > s.notified_at) AND s.status = 'done' "
        "ORDER BY s.seq LIMIT " SWEEP_BATCH_S,
        "");
    struct {
        int64_t seq, invite, aid;
        char id[SUBMISSION_ID_LEN + 1], slug[72], verdict[8];
        double score, max_score, notified_total;
        bool final, settled, revoked;
    } j[SWEEP_BATCH];
    int n = 0;
    while (st && n < SWEEP_BATCH && sqlite3_step(st) == SQLITE_ROW) {
        j[n].seq = sqlite3_column_int64(st, 0);
        snprintf(j[n].id, sizeof(j[n].id), "%s", sqlite3_column_text(st, 1));
        j[n].invite = sqlite3_column_int64(st, 2);
        snprintf(j[n].slug, sizeof(j[n].slug), "%s", sqlite3_column_text(st, 3));
        snprintf(j[n].verdict, sizeof(j[n].verdict), "%s",
                 sqlite3_column_type(st, 4) == SQLITE_NULL
                     ? ""
                     : (const char *)sqlite3_column_text(st, 4));
        j[n].score = sqlite3_column_double(st, 5);
        j[n].max_score = sqlite3_column_double(st, 6);
        j[n].final = sqlite3_column_int(st, 7);
        j[n].settled = sqlite3_column_int(st, 8);
        j[n].notified_total = sqlite3_column_double(st, 9);
        j[n].aid = sqlite3_column_int64(st, 10);
        j[n].revoked = sqlite3_column_int(st, 11);
        n++;
    }
    sqlite3_finalize(st);
    for (int i = 0; i < n; i++) {
        db_exec(c, "UPDATE submissions SET notified_at = finished_at WHERE seq = ?", "i", j[i].seq);
        if (j[i].revoked)
            continue;
        enqueue_event(c, j[i].invite, "submission.judged",
                      json_pack("{s:s, s:s, s:s, s:f, s:f, s:b}", "submission", j[i].id, "problem",
                                j[i].slug, "verdict", j[i].verdict, "score", j[i].score,
                                "max_score", j[i].max_score, "final", j[i].final));
        double total, max_total;
        if (!j[i].settled || candidate_total(c, j[i].aid, j[i].invite, &total, &max_total))
            continue;
        /* The totals of earlier rows of this pass were stored already: read it again. */
        sqlite3_stmt *nt =
            db_prepare(c, "SELECT notified_total FROM invites WHERE id = ?", "i", j[i].invite);
        double before = nt && sqlite3_step(nt) == SQLITE_ROW ? sqlite3_column_double(nt, 0)
                                                             : j[i].notified_total;
        sqlite3_finalize(nt);
        if (fabs(total - before) < 0.005)
            continue;
        db_exec(c, "UPDATE invites SET notified_total = ? WHERE id = ?", "di", total, j[i].invite);
        enqueue_event(c, j[i].invite, "candidate.score_changed",
                      json_pack("{s:f, s:s}", "previous_total", before, "submission", j[i].id));
    }
}

/*
 * Step 4: a finished candidate settles once the final submissions are made and every one of
 * their submissions is judged and announced: candidate.finished goes out then, once, with the
 * total that includes the last-minute submissions.
 */
static void sweep_settle(sqlite3 *c, int64_t now)
{
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT i.id, i.assessment_id, i.finished_at, i.finish_reason FROM invites i "
        "WHERE i.finished_at IS NOT NULL AND i.finish_notified_at IS NULL "
        "AND i.revoked_at IS NULL AND i.finals_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
        "submissions s WHERE s.invite_id = i.id AND (s.status != 'done' OR s.notified_at IS NULL "
        "OR s.finished_at > s.notified_at)) LIMIT " SWEEP_BATCH_S,
        "");
    struct {
        int64_t invite, aid, finished;
        char reason[16];
    } due[SWEEP_BATCH];
    int n = 0;
    while (st && n < SWEEP_BATCH && sqlite3_step(st) == SQLITE_ROW) {
        due[n].invite = sqlite3_column_int64(st, 0);
        due[n].aid = sqlite3_column_int64(st, 1);
        due[n].finished = sqlite3_column_int64(st, 2);
        snprintf(due[n].reason, sizeof(due[n].reason), "%s", sqlite3_column_text(st, 3));
        n++;
    }
    sqlite3_finalize(st);
    for (int i = 0; i < n; i++) {
        double total = 0, max_total;
        candidate_total(c, due[i].aid, due[i].invite, &total, &max_total);
        db_exec(c, "UPDATE invites SET finish_notified_at = ?, notified_total = ? WHERE id = ?",
                "idi", now, total, due[i].invite);
        enqueue_event(c, due[i].invite, "candidate.finished",
                      json_pack("{s:I, s:s}", "finished_at", (json_int_t)due[i].finished, "reason",
                                due[i].reason));
    }
}

/* Runs the steps once a second; each writing step commits on its own. */
static void *sweep_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        sqlite3 *c = db_acquire(s->db);
        int64_t now = db_now_ms();
        sweep_time_up(c, now);
        /* Outside a transaction: queue_submit writes on a connection of its own. */
        sweep_finals(s, c, now);
        bool tx = db_begin(c) == SQLITE_OK;
        sweep_judged(c);
        sweep_settle(c, now);
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
