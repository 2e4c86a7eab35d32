/*
 * The team's side of hiring over HTTP: assessments, invites and accommodations. Each handler
 * parses, calls the domain (assessments.h, invites.h) and renders; errors go through the one
 * errno-to-HTTP table (errmap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "assessments.h"
#include "errmap.h"
#include "invites.h"
#include "lang.h"
#include "pkg.h"
#include "queue.h"
#include "webhook.h"

/*** Rendering ***/

static json_t *ms_or_null(int64_t ms)
{
    return ms ? json_integer(ms) : json_null();
}

static json_t *languages_json(const char *list)
{
    if (!*list)
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

json_t *api_assessment_json(const struct assessment_row *a)
{
    json_t *events = json_array(), *problems = json_array();
    for (size_t e = 0; e < assessment_nevents; e++)
        if (assessments_event_on(a->webhook_events, assessment_events[e].name))
            json_array_append_new(events, json_string(assessment_events[e].name));
    for (size_t i = 0; i < a->nproblems; i++)
        json_array_append_new(problems,
                              json_pack("{s:s, s:s, s:f}", "slug", a->problems[i].slug, "title",
                                        a->problems[i].title, "points", a->problems[i].points));
    return json_pack("{s:I, s:s, s:s, s:I, s:o, s:o, s:b, s:i, s:s, s:o, s:I, s:I, s:o, s:b, "
                     "s:o, s:o}",
                     "id", (json_int_t)a->id, "title", a->title, "rules", a->rules,
                     "duration_minutes", (json_int_t)(a->duration_s / 60), "opens_at",
                     ms_or_null(a->opens_at), "closes_at", ms_or_null(a->closes_at),
                     "show_hidden_results", a->show_hidden, "max_submissions", a->max_submissions,
                     "counts", a->counts, "webhook_url",
                     a->webhook_url ? json_string(a->webhook_url) : json_null(), "created_at",
                     (json_int_t)a->created_at, "invites", (json_int_t)a->invites, "webhook_events",
                     events, "submit_drafts_at_end", a->submit_drafts_at_end, "languages",
                     languages_json(a->languages), "problems", problems);
}

json_t *api_invite_json(const struct invite_row *i, int64_t now)
{
    return json_pack(
        "{s:I, s:s, s:s, s:I, s:I, s:o, s:o, s:o, s:o, s:s, s:I}", "id", (json_int_t)i->id, "name",
        i->name, "email", i->email, "created_at", (json_int_t)i->created_at, "expires_at",
        (json_int_t)i->expires_at, "started_at", ms_or_null(i->started_at), "ends_at",
        ms_or_null(i->ends_at), "finished_at", ms_or_null(i->finished_at), "finish_reason",
        i->finish_reason[0] ? json_string(i->finish_reason) : json_null(), "state",
        invite_state_name(invites_state(i, now)), "extra_minutes", (json_int_t)(i->extra_s / 60));
}

/*** Fields ***/

/* Checks `webhook_events` of an assessment body; the space-separated list into `out`. */
static void webhook_events_field(json_t *j, json_t *errors, char *out, size_t size)
{
    out[0] = 0;
    for (size_t e = 0; !j && e < assessment_nevents; e++)
        if (assessment_events[e].by_default)
            snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? " " : "",
                     assessment_events[e].name);
    if (!j)
        return;
    bool ok = json_is_array(j);
    for (size_t i = 0; ok && i < json_array_size(j); i++) {
        const char *name = json_string_value(json_array_get(j, i));
        size_t e = 0;
        while (name && e < assessment_nevents && strcmp(assessment_events[e].name, name))
            e++;
        ok = e < assessment_nevents;
        if (ok && !assessments_event_on(out, name))
            snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? " " : "", name);
    }
    if (!ok)
        api_field_error(errors, "webhook_events",
                        "must be a list of events among candidate.finished, "
                        "candidate.score_changed and submission.judged");
}

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
        char field[32];
        snprintf(field, sizeof(field), "languages/%zu", i);
        const struct lang *l = id ? lang_by_id(id) : NULL;
        if (!l || !l->submissions) {
            api_field_error(
                errors, field,
                "'%s' is not a language of this judge (GET /api/v1/languages lists them)",
                id ? id : "(not a string)");
            continue;
        }
        if (used && assessments_language_allowed(out, id)) {
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

static int64_t json_ms(json_t *j)
{
    return json_is_integer(j) ? (int64_t)json_integer_value(j) : 0;
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

/* The positive integer id of path parameter `i`, or 0. */
static int64_t path_id(const struct req *r, int i)
{
    char *end;
    long long id = strtoll(r->params[i], &end, 10);
    return *end || id < 1 ? 0 : id;
}

/*** Assessments ***/

int64_t api_assessment_own(struct server *s, struct req *r)
{
    int64_t id = path_id(r, 0);
    int rc = id ? assessments_owned(s->db, &r->who, id) : -ENOENT;
    if (rc == -ENOENT && id)
        reply_problem(r, 404, "no assessment %lld", (long long)id);
    else if (rc == -ENOENT)
        reply_problem(r, 404, "no assessment '%.64s'", r->params[0]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read assessment %lld: %s", (long long)id,
                      strerror(-rc));
    return rc ? 0 : id;
}

/* The fields of an assessment's body, checked and read into `a` (its strings borrowed from
 * `body` or from the buffers passed); problems into `slugs` and `points`. False with `errors`
 * filled when something is wrong. For POST and PUT alike. */
struct assessment_body {
    struct assessment_new a;
    const char *slugs[PROBLEMS_MAX];
    double points[PROBLEMS_MAX];
    char events[ASSESSMENT_EVENTS_LEN], langs[ASSESSMENT_LANGS_LEN];
};

static bool assessment_body_read(struct server *s, struct req *r, json_t *body, json_t *errors,
                                 struct assessment_body *b)
{
    reqcheck_assessment(body, errors);
    webhook_events_field(json_object_get(body, "webhook_events"), errors, b->events,
                         sizeof(b->events));
    languages_field(json_object_get(body, "languages"), errors, b->langs, sizeof(b->langs));
    json_t *jdrafts = json_object_get(body, "submit_drafts_at_end");
    if (jdrafts && !json_is_boolean(jdrafts))
        api_field_error(errors, "submit_drafts_at_end", "must be true or false");
    json_t *problems = json_object_get(body, "problems");
    size_t np = json_array_size(problems);
    /* The shape is checked above; here, that each problem exists and this team may use it. */
    for (size_t i = 0; json_is_array(problems) && i < np && i < PROBLEMS_MAX; i++) {
        json_t *p = json_array_get(problems, i), *pts = json_object_get(p, "points");
        const char *slug = json_string_value(json_object_get(p, "slug"));
        char field[64];
        snprintf(field, sizeof(field), "problems/%zu", i);
        if (slug && pkg_slug_valid(slug) && assessments_problem_usable(s->db, &r->who, slug))
            api_field_error(errors, field, "no problem '%s' that this team may use", slug);
        b->slugs[i] = slug;
        b->points[i] = pts ? json_number_value(pts) : 100.0;
    }
    if (json_array_size(errors))
        return false;
    json_t *jr = json_object_get(body, "rules"), *jm = json_object_get(body, "max_submissions");
    json_t *jcount = json_object_get(body, "counts"), *jw = json_object_get(body, "webhook_url");
    b->a = (struct assessment_new){
        .title = json_string_value(json_object_get(body, "title")),
        .rules = jr ? json_string_value(jr) : "",
        .duration_s = (int64_t)json_integer_value(json_object_get(body, "duration_minutes")) * 60,
        .opens_at = json_ms(json_object_get(body, "opens_at")),
        .closes_at = json_ms(json_object_get(body, "closes_at")),
        .show_hidden = json_is_true(json_object_get(body, "show_hidden_results")),
        .max_submissions = jm ? (int)json_integer_value(jm) : 0,
        .counts = jcount ? json_string_value(jcount) : "best",
        .webhook_url = jw && !json_is_null(jw) ? json_string_value(jw) : NULL,
        .webhook_events = b->events,
        .submit_drafts_at_end = !json_is_false(jdrafts),
        .languages = b->langs,
        .slugs = b->slugs,
        .points = b->points,
        .nproblems = np,
    };
    return true;
}

static void reply_invalid(struct req *r, json_t *errors, const char *what)
{
    size_t n = json_array_size(errors);
    reply_problem_errors(r, 422, json_incref(errors), "the %s has %zu invalid field%s", what, n,
                         n == 1 ? "" : "s");
}

/* 409 for an edit after a candidate started: what they were shown stays as it was. */
static void reply_started(struct req *r, int64_t id, int64_t started, const char *what)
{
    reply_problem(r, 409,
                  "assessment %lld cannot change %s: %lld candidate%s started it already, under "
                  "the assessment as it was then (create a new assessment instead)",
                  (long long)id, what, (long long)started, started == 1 ? " has" : "s have");
}

/* The assessment `id` as JSON with, when one was made, the team's new webhook secret. */
static void reply_assessment(struct server *s, struct req *r, int64_t id, const char *secret,
                             unsigned status)
{
    struct assessment_row row = {0};
    int rc = assessments_get(s->db, id, &row);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read assessment %lld: %s", (long long)id,
                      strerror(-rc));
        return;
    }
    json_t *out = api_assessment_json(&row);
    assessment_row_release(&row);
    /* The team's first webhook's signing secret, shown in this answer alone. */
    if (secret && secret[0])
        json_object_set_new(out, "webhook_secret", json_string(secret));
    if (status == 201) {
        char loc[64];
        snprintf(loc, sizeof(loc), "/api/v1/assessments/%lld", (long long)id);
        http_header(r, "Location", loc);
    }
    reply_json(r, status, out);
}

void api_assessment_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    struct assessment_body *b = calloc(1, sizeof(*b));
    char secret[WEBHOOK_SECRET_LEN] = "";
    if (!body)
        goto out;
    if (!b) {
        reply_problem(r, 503, "out of memory");
        goto out;
    }
    if (!assessment_body_read(s, r, body, errors, b)) {
        reply_invalid(r, errors, "assessment");
        goto out;
    }
    int64_t id = 0;
    int rc = assessments_create(s->db, &r->who, &b->a, &id, secret);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot create the assessment: %s",
                      strerror(-rc));
        goto out;
    }
    reply_assessment(s, r, id, secret, 201);
out:
    free(b);
    json_decref(errors);
    json_decref(body);
}

/* PUT: the whole assessment again (settings, problems, points), until the first candidate starts
 * it; from then on what candidates were shown stays as it was (409). */
void api_assessment_put(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    struct assessment_body *b = calloc(1, sizeof(*b));
    char secret[WEBHOOK_SECRET_LEN] = "";
    int64_t id = 0, started = 0;
    if (!body || !(id = api_assessment_own(s, r)))
        goto out;
    if (!b) {
        reply_problem(r, 503, "out of memory");
        goto out;
    }
    if (!assessment_body_read(s, r, body, errors, b)) {
        reply_invalid(r, errors, "assessment");
        goto out;
    }
    int rc = assessments_replace(s->db, &r->who, id, &b->a, secret, &started);
    if (rc == -EALREADY)
        reply_started(r, id, started, "any more");
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot edit assessment %lld: %s", (long long)id,
                      strerror(-rc));
    else
        reply_assessment(s, r, id, secret, 200);
out:
    free(b);
    json_decref(errors);
    json_decref(body);
}

/* PATCH: the fields that may change on their own, with what the body may hold for each. */
static const struct {
    const char *name;
    const char *what;
} patchable[] = {
    {"languages", "a list of language ids, or null for every language"},
};
#define NPATCHABLE (sizeof(patchable) / sizeof(patchable[0]))

/*
 * PATCH: the allowed languages, until the first candidate starts (a started candidate was shown
 * the list and may be writing in one of them; taking a language away mid-session would refuse
 * their work, adding one would favour those who start later).
 */
void api_assessment_patch(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    int64_t id = 0, started = 0;
    if (!body || !(id = api_assessment_own(s, r)))
        goto out;
    const char *key;
    json_t *value;
    json_object_foreach(body, key, value)
    {
        size_t i = 0;
        while (i < NPATCHABLE && strcmp(patchable[i].name, key))
            i++;
        if (i == NPATCHABLE)
            api_field_error(errors, strpbrk(key, "/~") ? "(a field)" : key,
                            "'%.40s' cannot be changed by PATCH, which changes only "
                            "\"languages\" (PUT replaces the whole assessment)",
                            key);
    }
    json_t *jl = json_object_get(body, "languages");
    char langs[ASSESSMENT_LANGS_LEN] = "";
    if (!jl)
        api_field_error(errors, "languages", "is required: %s", patchable[0].what);
    else
        languages_field(jl, errors, langs, sizeof(langs));
    if (json_array_size(errors)) {
        reply_invalid(r, errors, "change");
        goto out;
    }
    int rc = assessments_set_languages(s->db, id, langs, &started);
    if (rc == -EALREADY)
        reply_started(r, id, started, "its languages");
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot change assessment %lld: %s",
                      (long long)id, strerror(-rc));
    else
        reply_assessment(s, r, id, NULL, 200);
out:
    json_decref(errors);
    json_decref(body);
}

void api_assessments_list(struct server *s, struct req *r)
{
    struct assessment_row *list = NULL;
    size_t n = 0;
    int rc = assessments_list(s->db, &r->who, &list, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot list the assessments: %s",
                      strerror(-rc));
        goto out;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_assessment_json(&list[i]));
    reply_json(r, 200, json_pack("{s:o}", "assessments", a));
out:
    assessments_list_free(list, n);
}

void api_assessment_get(struct server *s, struct req *r)
{
    struct assessment_row row = {0};
    int64_t id = api_assessment_own(s, r);
    if (!id)
        goto out;
    int rc = assessments_get(s->db, id, &row);
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read assessment %lld: %s", (long long)id,
                      strerror(-rc));
    else
        reply_json(r, 200, api_assessment_json(&row));
out:
    assessment_row_release(&row);
}

void api_assessment_delete(struct server *s, struct req *r)
{
    int64_t id = api_assessment_own(s, r);
    if (!id)
        return;
    int rc = assessments_delete(s->db, id);
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot delete assessment %lld: %s",
                      (long long)id, strerror(-rc));
    else
        reply_empty(r, 204);
}

/*** Invites ***/

void api_invite_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    int64_t aid = body ? api_assessment_own(s, r) : 0;
    if (!aid)
        goto out;
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
        reply_problem_errors(r, 422, json_incref(errors), "the invite has invalid fields");
        goto out;
    }
    char token[INVITE_TOKEN_LEN], link[128];
    int64_t now = db_now_ms(), id = 0;
    int64_t expires = now + (jx ? (int64_t)json_integer_value(jx) * 3600000 : INVITE_DEFAULT_MS);
    int rc = invites_create(s->db, aid, name, email, expires, now, token, &id);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot create the invite: %s", strerror(-rc));
        goto out;
    }
    snprintf(link, sizeof(link), "/invite#%s", token);
    reply_json(r, 201,
               json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:I, s:s}", "id", (json_int_t)id,
                         "assessment_id", (json_int_t)aid, "name", name, "email", email, "token",
                         token, "link", link, "expires_at", (json_int_t)expires, "created_at",
                         (json_int_t)now, "state", "invited"));
out:
    json_decref(errors);
    json_decref(body);
}

void api_invites_list(struct server *s, struct req *r)
{
    struct invite_row *list = NULL;
    size_t n = 0;
    int64_t aid = api_assessment_own(s, r);
    if (!aid)
        goto out;
    int rc = invites_list(s->db, aid, &list, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot list the invites: %s", strerror(-rc));
        goto out;
    }
    int64_t now = db_now_ms();
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_invite_json(&list[i], now));
    reply_json(r, 200, json_pack("{s:o}", "invites", a));
out:
    invites_list_free(list, n);
}

void api_invite_delete(struct server *s, struct req *r)
{
    int64_t id = path_id(r, 0);
    int rc = id ? invites_revoke(s->db, &r->who, id, db_now_ms()) : -ENOENT;
    /* Streams the candidate has open look again at their token, and close (invites_token_live). */
    if (!rc)
        queue_wake_all(s);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no active invite '%.64s'", r->params[0]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot revoke the invite: %s", strerror(-rc));
    else
        reply_empty(r, 204);
}

/*** Accommodations ***/

/* The invite of path parameter 0 if the caller owns it: its id, or 0 after replying. */
static int64_t invite_own(struct server *s, struct req *r)
{
    int64_t id = path_id(r, 0);
    int rc = id ? invites_owned(s->db, &r->who, id) : -ENOENT;
    /* Another team's invite is as absent as a missing one. */
    if (rc == -ENOENT)
        reply_problem(r, 404, "no invite '%.64s'", r->params[0]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the invite: %s", strerror(-rc));
    return rc ? 0 : id;
}

static void reply_invite(struct server *s, struct req *r, int64_t id)
{
    struct invite_row i;
    int rc = invites_get(s->db, id, 0, &i);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the invite: %s", strerror(-rc));
        return;
    }
    reply_json(r, 200, api_invite_json(&i, db_now_ms()));
    invite_row_release(&i);
}

/*
 * Extra time for one candidate (invites_extra_time says when it counts); a finished session is
 * re-opened instead.
 */
void api_invite_extra_time(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    if (!body)
        goto out;
    int64_t minutes = minutes_field(body, "minutes", EXTRA_MINUTES_MAX, errors);
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "invalid extra time");
        goto out;
    }
    int64_t id = invite_own(s, r);
    if (!id)
        goto out;
    int rc = invites_extra_time(s->db, id, minutes, db_now_ms());
    if (rc == -EEXIST) {
        reply_problem(r, 409,
                      "invite %lld is revoked or its session is finished; a finished session "
                      "gets more time by POST /api/v1/invites/%lld/reopen",
                      (long long)id, (long long)id);
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot add the time: %s", strerror(-rc));
        goto out;
    }
    r->audit_detail = json_pack("{s:I}", "minutes", (json_int_t)minutes);
    reply_invite(s, r, id);
out:
    json_decref(errors);
    json_decref(body);
}

/* Opens a finished session again until a new end: `minutes` from now, or `ends_at`. */
void api_invite_reopen(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    if (!body)
        goto out;
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
        ends = now + minutes_field(body, "minutes", REOPEN_MINUTES_MAX, errors) * 60000;
    }
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "invalid new end");
        goto out;
    }
    int64_t id = invite_own(s, r);
    if (!id)
        goto out;
    int rc = invites_reopen(s->db, id, ends, now);
    if (rc == -EEXIST) {
        reply_problem(r, 409,
                      "invite %lld has no finished session to re-open (revoked, not started, or "
                      "still running: add time with POST /api/v1/invites/%lld/extra-time)",
                      (long long)id, (long long)id);
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot re-open the session: %s", strerror(-rc));
        goto out;
    }
    r->audit_detail = json_pack("{s:I}", "ends_at", (json_int_t)ends);
    reply_invite(s, r, id);
out:
    json_decref(errors);
    json_decref(body);
}
