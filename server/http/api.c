/*
 * The route table, and the service endpoints: health, readiness, metrics and the OpenAPI
 * document. Each route says who may call it and what body it takes, so that http.c refuses the
 * rest before any handler runs.
 */
#define _GNU_SOURCE
#include "api.h"
#include "errmap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "drafts.h"
#include "metrics.h"
#include "practice.h"
#include "problems.h"
#include "queue.h"
#include "ratelimit.h"
#include "webhook.h"

extern const char openapi_json[];

static void healthz(struct server *s, struct req *r)
{
    long running = 0, depth = queue_depth(s, &running);
    bool ok = s->ready && !s->stopping && depth >= 0;
    json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:I, s:I, s:{s:i, s:i}}", "status",
                          s->stopping ? "stopping"
                          : s->ready  ? "ok"
                                      : "starting",
                          "store", db_kind_of(s->db) == DB_POSTGRES ? "postgresql" : "sqlite",
                          "sandbox", sandbox_mode(s->sb), "workers", s->cfg.workers, "queue",
                          (json_int_t)depth, "judging", (json_int_t)running, "import", "done",
                          (int)s->import_done, "total", (int)s->import_total);
    reply_json(r, ok ? 200 : 503, o);
}

/* Ready for more work: healthy, and the queue has room. */
static void readyz(struct server *s, struct req *r)
{
    long depth = queue_depth(s, NULL);
    bool ok = s->ready && !s->stopping && depth >= 0 && (unsigned long)depth < s->cfg.queue_max;
    json_t *o = json_pack("{s:b, s:I, s:I}", "ready", ok, "queue", (json_int_t)depth, "queue_max",
                          (json_int_t)s->cfg.queue_max);
    reply_json(r, ok ? 200 : 503, o);
}

static void metrics(struct server *s, struct req *r)
{
    struct strbuf b = STRBUF_INIT(0);
    long running = 0, depth = queue_depth(s, &running);
    int64_t problems = 0;
    problems_count(s->db, &problems); /* 0 when unreadable: a gauge, not a failure */
    struct metrics_gauges g = {depth, running, s->cfg.workers, sandbox_mode(s->sb), (long)problems};
    metrics_render(s->metrics, &g, &b);
    reply_bytes(r, 200, "text/plain; version=0.0.4; charset=utf-8", strbuf_str(&b), b.len);
    strbuf_release(&b);
}

static void openapi(struct server *s, struct req *r)
{
    reply_bytes(r, 200, "application/json", openapi_json, strlen(openapi_json));
}

bool api_rate_ok(struct server *s, struct req *r, const char *what)
{
    if (r->who.role == ROLE_ADMIN)
        return true;
    char key[96];
    double per_min;
    if (r->who.role == ROLE_ANON) {
        snprintf(key, sizeof(key), "%s:addr:%s", what, r->client);
        per_min = s->cfg.anon_per_min;
    } else if (r->who.role == ROLE_CANDIDATE) {
        /* Invites are not rows of `tokens` (token_id is 0): one bucket per invite. */
        snprintf(key, sizeof(key), "%s:invite:%lld", what, (long long)r->who.invite_id);
        per_min = s->cfg.token_per_min;
    } else {
        snprintf(key, sizeof(key), "%s:token:%lld", what, (long long)r->who.token_id);
        per_min = s->cfg.token_per_min;
    }
    unsigned retry = 1;
    if (ratelimit_take(s->ratelimit, key, per_min, per_min / 6 > 1 ? per_min / 6 : 1, &retry))
        return true;
    char v[16];
    snprintf(v, sizeof(v), "%u", retry ? retry : 1);
    http_header(r, "Retry-After", v);
    reply_problem(r, 429, "too many %s requests (%g a minute allowed for %s); retry in %s s", what,
                  per_min, r->who.role == ROLE_ANON ? "an anonymous address" : "a token", v);
    return false;
}

/*** The audit log and the webhook log: pages, newest first ***/

#define PAGE_DEFAULT 50

/*
 * The page a list request asks for (?limit=1..PAGE_MAX, ?before=ID) and whose rows it may see
 * (a team its own; the admin every team's, or ?team=N's). False after replying 422.
 */
static bool page_args(struct req *r, int *limit, int64_t *before, int64_t *team)
{
    json_t *errors = json_array();
    const char *l = http_query(r, "limit"), *b = http_query(r, "before"),
               *t = http_query(r, "team");
    char *end;
    *limit = PAGE_DEFAULT;
    *before = 0;
    *team = r->who.role == ROLE_TEAM ? r->who.team_id : -1;
    if (l) {
        long v = strtol(l, &end, 10);
        if (*end || !*l || v < 1 || v > PAGE_MAX)
            api_field_error(errors, "limit", "must be an integer from 1 to %d", PAGE_MAX);
        else
            *limit = (int)v;
    }
    if (b) {
        long long v = strtoll(b, &end, 10);
        if (*end || !*b || v < 1)
            api_field_error(errors, "before",
                            "must be a positive id (the previous page's "
                            "next_before)");
        else
            *before = v;
    }
    if (t && r->who.role == ROLE_ADMIN) {
        long long v = strtoll(t, &end, 10);
        if (*end || !*t || v < 0)
            api_field_error(errors, "team", "must be a team id (0: the admin's own)");
        else
            *team = v;
    }
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid query parameters");
        return false;
    }
    json_decref(errors);
    return true;
}

static json_t *page_json(const char *key, json_t *list, int64_t next)
{
    return json_pack("{s:o, s:o}", key, list, "next_before",
                     next ? json_integer(next) : json_null());
}

/* A paged log (`lister`: audit_list, webhook_deliveries) as {key: [...], next_before}. */
typedef int (*page_lister)(dbc *c, int64_t team_id, int64_t before, int limit, json_t **out,
                           int64_t *next);

static void reply_page(struct server *s, struct req *r, page_lister lister, const char *key,
                       const char *what)
{
    int limit;
    int64_t before, team, next = 0;
    if (!page_args(r, &limit, &before, &team))
        return;
    json_t *list = NULL;
    dbc *c = db_get(s->db);
    int rc = c ? lister(c, team, before, limit, &list, &next) : -EIO;
    db_put(s->db, c);
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the %s: %s", what, strerror(-rc));
    else
        reply_json(r, 200, page_json(key, list, next));
}

static void audit_get(struct server *s, struct req *r)
{
    reply_page(s, r, audit_list, "entries", "audit log");
}

static void webhook_deliveries_get(struct server *s, struct req *r)
{
    reply_page(s, r, webhook_deliveries, "deliveries", "delivery log");
}

/* A new signing secret, shown this once; the old one stops signing at once. */
static void webhook_secret_post(struct server *s, struct req *r)
{
    int limit;
    int64_t before, team;
    if (!page_args(r, &limit, &before, &team))
        return;
    if (team < 0)
        team = 0; /* the admin without ?team: its own assessments' secret */
    char secret[WEBHOOK_SECRET_LEN];
    int rc = webhook_secret_rotate(s->db, team, secret);
    if (rc == -ENOENT) {
        reply_problem(r, 404, "no team %lld", (long long)team);
        return;
    }
    if (rc) {
        reply_problem(r, 500, "cannot store a new secret");
        return;
    }
    r->audit_detail = json_pack("{s:I}", "team_id", (json_int_t)team);
    reply_json(r, 201,
               json_pack("{s:s, s:I, s:s}", "secret", secret, "team_id", (json_int_t)team, "note",
                         "shown once: store it now; the previous secret no "
                         "longer signs"));
}

static void webhook_redeliver_post(struct server *s, struct req *r)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id < 1) {
        reply_problem(r, 404, "no delivery '%.64s'", r->params[0]);
        return;
    }
    json_t *d = NULL;
    dbc *c = db_get(s->db);
    int rc =
        c ? webhook_redeliver(c, r->who.role == ROLE_TEAM ? r->who.team_id : -1, id, &d) : -EIO;
    db_put(s->db, c);
    if (rc == -ENOENT) {
        /* Another team's delivery is as absent as a missing one. */
        reply_problem(r, 404, "no delivery %lld", id);
        return;
    }
    if (rc) {
        reply_problem(r, 500, "cannot queue the delivery again: %s", strerror(-rc));
        return;
    }
    r->audit_detail = json_pack("{s:I}", "redelivery_of", (json_int_t)id);
    reply_json(r, 202, d);
}

/*
 * The routes. Each row: method, pattern, name (metrics, logs), who may call it, its body, the
 * handler, its flags (ROUTE_*: a candidate may call it too, it is never rate-limited, it answers
 * while the judge stops, it does not read the session cookie), the audit log's action for it, or
 * NULL, and the least role within a team that may call it (members and team keys alike; the
 * instance admin may call every route). The last column is the one statement of what each role
 * may do (docs/hiring.md, "People and roles"): read-only reads lists and reports, never a
 * candidate's code; a reviewer also reads code and writes reviews; a recruiter also manages
 * problems, assessments, invites, accommodations, exports and the team's keys; an admin also
 * its members, retention, webhooks and the audit log. The audit log records every
 * route by which a team (or the admin) creates, changes, deletes, revokes, exports or reads a
 * candidate's code; reads of their own lists are not actions.
 */
const struct route api_routes[] = {
    {"GET", "/healthz", "healthz", ACCESS_ANY, BODY_NONE, healthz,
     ROUTE_CANDIDATE | ROUTE_RATE_EXEMPT | ROUTE_WHILE_STOPPING, NULL, TEAM_READ_ONLY},
    {"GET", "/readyz", "readyz", ACCESS_ANY, BODY_NONE, readyz,
     ROUTE_CANDIDATE | ROUTE_RATE_EXEMPT | ROUTE_WHILE_STOPPING, NULL, TEAM_READ_ONLY},
    {"GET", "/metrics", "metrics", ACCESS_ANY, BODY_NONE, metrics, ROUTE_RATE_EXEMPT, NULL,
     TEAM_READ_ONLY},
    {"GET", "/openapi.json", "openapi", ACCESS_ANY, BODY_NONE, openapi, ROUTE_CANDIDATE, NULL,
     TEAM_READ_ONLY},
    {"GET", "/api/v1/me", "me", ACCESS_TOKEN, BODY_NONE, api_me, 0, NULL, TEAM_READ_ONLY},
    {"GET", "/api/v1/languages", "languages", ACCESS_ANY, BODY_NONE, api_languages, ROUTE_CANDIDATE,
     NULL, TEAM_READ_ONLY},
    {"GET", "/api/v1/problems", "problems", ACCESS_ANY, BODY_NONE, api_problems_list, 0, NULL,
     TEAM_READ_ONLY},
    {"GET", "/api/v1/problems/{}", "problem", ACCESS_ANY, BODY_NONE, api_problem_get, 0, NULL,
     TEAM_READ_ONLY},
    {"PUT", "/api/v1/problems/{}", "problem_put", ACCESS_TOKEN, BODY_FILE, api_problem_put, 0,
     "problem.import", TEAM_RECRUITER},
    {"DELETE", "/api/v1/problems/{}", "problem_delete", ACCESS_TOKEN, BODY_NONE, api_problem_delete,
     0, "problem.delete", TEAM_RECRUITER},
    {"GET", "/api/v1/problems/{}/verification", "problem_verification", ACCESS_TOKEN, BODY_NONE,
     api_problem_verification, 0, NULL, TEAM_READ_ONLY},
    {"POST", "/api/v1/submissions", "submit", ACCESS_ANY, BODY_JSON, api_submission_post,
     ROUTE_CANDIDATE, NULL, TEAM_READ_ONLY},
    {"GET", "/api/v1/submissions", "submissions", ACCESS_ANY, BODY_NONE, api_submissions_list,
     ROUTE_CANDIDATE, NULL, TEAM_READ_ONLY},
    {"GET", "/api/v1/submissions/{}", "submission", ACCESS_ANY, BODY_NONE, api_submission_get,
     ROUTE_CANDIDATE, NULL, TEAM_REVIEWER},
    {"GET", "/api/v1/submissions/{}/events", "submission_events", ACCESS_ANY, BODY_NONE,
     api_submission_events, ROUTE_CANDIDATE, NULL, TEAM_READ_ONLY},
    {"POST", "/api/v1/submissions/{}/rejudge", "rejudge", ACCESS_ADMIN, BODY_NONE,
     api_submission_rejudge, 0, "submission.rejudge", TEAM_ADMIN},
    {"GET", "/api/v1/practice/submissions", "practice_submissions", ACCESS_ANY, BODY_NONE,
     api_practice_submissions, 0, NULL, TEAM_READ_ONLY},
    {"GET", "/api/v1/practice/progress", "practice_progress", ACCESS_ANY, BODY_NONE,
     api_practice_progress, 0, NULL, TEAM_READ_ONLY},
    {"POST", "/api/v1/run", "run", ACCESS_ANY, BODY_JSON, api_run, ROUTE_CANDIDATE, NULL,
     TEAM_READ_ONLY},
    {"GET", "/api/v1/teams", "teams", ACCESS_ADMIN, BODY_NONE, api_teams_list, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/teams", "team_post", ACCESS_ADMIN, BODY_JSON, api_team_post, 0, "team.create",
     TEAM_ADMIN},
    {"DELETE", "/api/v1/teams/{}", "team_delete", ACCESS_ADMIN, BODY_NONE, api_team_delete, 0,
     "team.delete", TEAM_ADMIN},
    {"GET", "/api/v1/teams/{}/retention", "retention", ACCESS_TOKEN, BODY_NONE, api_retention_get,
     0, NULL, TEAM_READ_ONLY},
    {"PUT", "/api/v1/teams/{}/retention", "retention_put", ACCESS_TOKEN, BODY_JSON,
     api_retention_put, 0, "team.retention", TEAM_ADMIN},
    {"GET", "/api/v1/teams/{}/keys", "team_keys", ACCESS_TOKEN, BODY_NONE, api_team_keys_list, 0,
     NULL, TEAM_RECRUITER},
    {"POST", "/api/v1/teams/{}/keys", "team_key_post", ACCESS_TOKEN, BODY_JSON, api_team_key_post,
     0, "key.create", TEAM_RECRUITER},
    {"DELETE", "/api/v1/keys/{}", "key_delete", ACCESS_TOKEN, BODY_NONE, api_key_delete, 0,
     "key.revoke", TEAM_RECRUITER},
    {"POST", "/api/v1/auth/login", "auth_login", ACCESS_ANY, BODY_JSON, api_auth_login,
     ROUTE_NO_SESSION, "session.login", TEAM_READ_ONLY},
    {"POST", "/api/v1/auth/link", "auth_link", ACCESS_ANY, BODY_JSON, api_auth_link,
     ROUTE_NO_SESSION, "session.login", TEAM_READ_ONLY},
    {"POST", "/api/v1/auth/logout", "auth_logout", ACCESS_TOKEN, BODY_NONE, api_auth_logout, 0,
     "session.logout", TEAM_READ_ONLY},
    {"PUT", "/api/v1/auth/password", "auth_password", ACCESS_TOKEN, BODY_JSON, api_auth_password, 0,
     "member.password", TEAM_READ_ONLY},
    {"GET", "/api/v1/teams/{}/members", "members", ACCESS_TOKEN, BODY_NONE, api_members_list, 0,
     NULL, TEAM_ADMIN},
    {"POST", "/api/v1/teams/{}/members", "member_post", ACCESS_TOKEN, BODY_JSON, api_member_post, 0,
     "member.add", TEAM_ADMIN},
    {"PATCH", "/api/v1/teams/{}/members/{}", "member_patch", ACCESS_TOKEN, BODY_JSON,
     api_member_patch, 0, "member.change", TEAM_ADMIN},
    {"DELETE", "/api/v1/teams/{}/members/{}", "member_delete", ACCESS_TOKEN, BODY_NONE,
     api_member_delete, 0, "member.remove", TEAM_ADMIN},
    {"POST", "/api/v1/teams/{}/members/{}/login-link", "member_login_link", ACCESS_TOKEN, BODY_NONE,
     api_member_login_link, 0, "member.login_link", TEAM_ADMIN},
    {"POST", "/api/v1/assessments", "assessment_post", ACCESS_TOKEN, BODY_JSON, api_assessment_post,
     0, "assessment.create", TEAM_RECRUITER},
    {"GET", "/api/v1/assessments", "assessments", ACCESS_TOKEN, BODY_NONE, api_assessments_list, 0,
     NULL, TEAM_READ_ONLY},
    {"GET", "/api/v1/assessments/{}", "assessment", ACCESS_TOKEN, BODY_NONE, api_assessment_get, 0,
     NULL, TEAM_READ_ONLY},
    {"PUT", "/api/v1/assessments/{}", "assessment_put", ACCESS_TOKEN, BODY_JSON, api_assessment_put,
     0, "assessment.edit", TEAM_RECRUITER},
    {"DELETE", "/api/v1/assessments/{}", "assessment_delete", ACCESS_TOKEN, BODY_NONE,
     api_assessment_delete, 0, "assessment.delete", TEAM_RECRUITER},
    {"PATCH", "/api/v1/assessments/{}", "assessment_patch", ACCESS_TOKEN, BODY_JSON,
     api_assessment_patch, 0, "assessment.update", TEAM_RECRUITER},
    {"POST", "/api/v1/assessments/{}/invites", "invite_post", ACCESS_TOKEN, BODY_JSON,
     api_invite_post, 0, "invite.create", TEAM_RECRUITER},
    {"POST", "/api/v1/assessments/{}/invites/bulk", "invites_bulk", ACCESS_TOKEN, BODY_JSON,
     api_invites_bulk, 0, "invite.bulk_create", TEAM_RECRUITER},
    {"GET", "/api/v1/assessments/{}/invites", "invites", ACCESS_TOKEN, BODY_NONE, api_invites_list,
     0, NULL, TEAM_READ_ONLY},
    {"DELETE", "/api/v1/invites/{}", "invite_delete", ACCESS_TOKEN, BODY_NONE, api_invite_delete, 0,
     "invite.revoke", TEAM_RECRUITER},
    {"GET", "/api/v1/assessments/{}/report", "report", ACCESS_TOKEN, BODY_NONE, api_report, 0,
     "report.view", TEAM_READ_ONLY},
    {"GET", "/api/v1/assessments/{}/report.csv", "report_csv", ACCESS_TOKEN, BODY_NONE,
     api_report_csv, 0, "report.export", TEAM_RECRUITER},
    {"GET", "/api/v1/assessments/{}/candidates/{}", "candidate_detail", ACCESS_TOKEN, BODY_NONE,
     api_candidate_detail, 0, "candidate.code.view", TEAM_REVIEWER}, /* every submission's source */
    {"DELETE", "/api/v1/assessments/{}/candidates/{}", "candidate_erase", ACCESS_TOKEN, BODY_NONE,
     api_candidate_erase, 0, "candidate.erase", TEAM_RECRUITER},
    {"PUT", "/api/v1/assessments/{}/candidates/{}/review", "review_put", ACCESS_TOKEN, BODY_JSON,
     api_review_put, 0, "review.write", TEAM_REVIEWER},
    {"PUT", "/api/v1/assessments/{}/candidates/{}/submissions/{}/review", "submission_review_put",
     ACCESS_TOKEN, BODY_JSON, api_submission_review_put, 0, "review.write", TEAM_REVIEWER},
    {"GET", "/api/v1/assessments/{}/similarity", "similarity", ACCESS_TOKEN, BODY_NONE,
     api_similarity, 0, "similarity.code.view", TEAM_REVIEWER}, /* the flagged pairs' sources */
    {"GET", "/api/v1/assessments/{}/candidates/{}/timeline", "timeline", ACCESS_TOKEN, BODY_NONE,
     api_timeline, 0, "candidate.timeline.view", TEAM_REVIEWER},
    {"GET", "/api/v1/assessments/{}/candidates/{}/snapshots/{}", "snapshot", ACCESS_TOKEN,
     BODY_NONE, api_snapshot_get, 0, "candidate.code.view", TEAM_REVIEWER}, /* a saved draft */
    {"POST", "/api/v1/invites/{}/extra-time", "invite_extra_time", ACCESS_TOKEN, BODY_JSON,
     api_invite_extra_time, 0, "invite.extra_time", TEAM_RECRUITER},
    {"POST", "/api/v1/invites/{}/reopen", "invite_reopen", ACCESS_TOKEN, BODY_JSON,
     api_invite_reopen, 0, "invite.reopen", TEAM_RECRUITER},
    {"GET", "/api/v1/audit", "audit", ACCESS_TOKEN, BODY_NONE, audit_get, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/webhooks/secret", "webhook_secret_post", ACCESS_TOKEN, BODY_NONE,
     webhook_secret_post, 0, "webhook.secret.rotate", TEAM_ADMIN},
    {"GET", "/api/v1/webhooks/deliveries", "webhook_deliveries", ACCESS_TOKEN, BODY_NONE,
     webhook_deliveries_get, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/webhooks/deliveries/{}/redeliver", "webhook_redeliver", ACCESS_TOKEN,
     BODY_NONE, webhook_redeliver_post, 0, "webhook.redeliver", TEAM_ADMIN},
    {"GET", "/api/v1/candidate", "candidate", ACCESS_CANDIDATE, BODY_NONE, api_candidate_session, 0,
     NULL, TEAM_ADMIN},
    {"POST", "/api/v1/candidate/start", "candidate_start", ACCESS_CANDIDATE, BODY_NONE,
     api_candidate_start, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/candidate/finish", "candidate_finish", ACCESS_CANDIDATE, BODY_NONE,
     api_candidate_finish, 0, NULL, TEAM_ADMIN},
    {"GET", "/api/v1/candidate/problems/{}", "candidate_problem", ACCESS_CANDIDATE, BODY_NONE,
     api_candidate_problem, 0, NULL, TEAM_ADMIN},
    {"GET", "/api/v1/candidate/drafts/{}", "draft", ACCESS_CANDIDATE, BODY_NONE, api_draft_get, 0,
     NULL, TEAM_ADMIN},
    {"PUT", "/api/v1/candidate/drafts/{}", "draft_put", ACCESS_CANDIDATE, BODY_JSON, api_draft_put,
     0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/candidate/signals", "signal_post", ACCESS_CANDIDATE, BODY_JSON,
     api_signal_post, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/worker/claim", "worker_claim", ACCESS_WORKER, BODY_NONE, api_worker_claim, 0,
     NULL, TEAM_ADMIN},
    {"POST", "/api/v1/worker/jobs/{}/heartbeat", "worker_heartbeat", ACCESS_WORKER, BODY_NONE,
     api_worker_heartbeat, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/worker/jobs/{}/progress", "worker_progress", ACCESS_WORKER, BODY_JSON,
     api_worker_progress, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/worker/jobs/{}/result", "worker_result", ACCESS_WORKER, BODY_JSON,
     api_worker_result, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/worker/jobs/{}/release", "worker_release", ACCESS_WORKER, BODY_NONE,
     api_worker_release, 0, NULL, TEAM_ADMIN},
    {"GET", "/api/v1/worker/packages/{}", "worker_package", ACCESS_WORKER, BODY_NONE,
     api_worker_package, 0, NULL, TEAM_ADMIN},
    {"GET", "/api/v1/workers/tokens", "worker_tokens", ACCESS_ADMIN, BODY_NONE,
     api_worker_tokens_list, 0, NULL, TEAM_ADMIN},
    {"POST", "/api/v1/workers/tokens", "worker_token_post", ACCESS_ADMIN, BODY_JSON,
     api_worker_token_post, 0, "worker_token.create", TEAM_ADMIN},
    {NULL, NULL, NULL, ACCESS_ANY, BODY_NONE, NULL, 0, NULL, 0},
};
