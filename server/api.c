/*
 * The route table, and the service endpoints: health, readiness, metrics and the OpenAPI
 * document. Each route says who may call it and what body it takes, so that http.c refuses the
 * rest before any handler runs.
 */
#define _GNU_SOURCE
#include "api.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "drafts.h"
#include "metrics.h"
#include "practice.h"
#include "queue.h"
#include "ratelimit.h"

extern const char openapi_json[];

static void healthz(struct server *s, struct req *r)
{
    long running = 0, depth = queue_depth(s, &running);
    bool ok = s->ready && !s->stopping && depth >= 0;
    json_t *o = json_pack("{s:s, s:s, s:i, s:I, s:I, s:{s:i, s:i}}", "status",
                          s->stopping ? "stopping"
                          : s->ready  ? "ok"
                                      : "starting",
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
    long running = 0, depth = queue_depth(s, &running), problems = 0;
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c, "SELECT count(*) FROM problems WHERE deleted_at IS NULL", "");
    if (st && sqlite3_step(st) == SQLITE_ROW)
        problems = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    db_release(s->db, c);
    struct metrics_gauges g = {depth, running, s->cfg.workers, sandbox_mode(s->sb), problems};
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

const struct route api_routes[] = {
    {"GET", "/healthz", "healthz", ACCESS_ANY, BODY_NONE, healthz, true},
    {"GET", "/readyz", "readyz", ACCESS_ANY, BODY_NONE, readyz, true},
    {"GET", "/metrics", "metrics", ACCESS_ANY, BODY_NONE, metrics, false},
    {"GET", "/openapi.json", "openapi", ACCESS_ANY, BODY_NONE, openapi, true},
    {"GET", "/api/v1/me", "me", ACCESS_TOKEN, BODY_NONE, api_me, false},
    {"GET", "/api/v1/languages", "languages", ACCESS_ANY, BODY_NONE, api_languages, true},
    {"GET", "/api/v1/problems", "problems", ACCESS_ANY, BODY_NONE, api_problems_list, false},
    {"GET", "/api/v1/problems/{}", "problem", ACCESS_ANY, BODY_NONE, api_problem_get, false},
    {"PUT", "/api/v1/problems/{}", "problem_put", ACCESS_TOKEN, BODY_FILE, api_problem_put, false},
    {"DELETE", "/api/v1/problems/{}", "problem_delete", ACCESS_TOKEN, BODY_NONE, api_problem_delete,
     false},
    {"GET", "/api/v1/problems/{}/verification", "problem_verification", ACCESS_TOKEN, BODY_NONE,
     api_problem_verification, false},
    {"POST", "/api/v1/submissions", "submit", ACCESS_ANY, BODY_JSON, api_submission_post, true},
    {"GET", "/api/v1/submissions", "submissions", ACCESS_ANY, BODY_NONE, api_submissions_list,
     true},
    {"GET", "/api/v1/submissions/{}", "submission", ACCESS_ANY, BODY_NONE, api_submission_get,
     true},
    {"GET", "/api/v1/submissions/{}/events", "submission_events", ACCESS_ANY, BODY_NONE,
     api_submission_events, true},
    {"POST", "/api/v1/submissions/{}/rejudge", "rejudge", ACCESS_ADMIN, BODY_NONE,
     api_submission_rejudge, false},
    {"GET", "/api/v1/practice/submissions", "practice_submissions", ACCESS_ANY, BODY_NONE,
     api_practice_submissions, false},
    {"GET", "/api/v1/practice/progress", "practice_progress", ACCESS_ANY, BODY_NONE,
     api_practice_progress, false},
    {"POST", "/api/v1/run", "run", ACCESS_ANY, BODY_JSON, api_run, true},
    {"GET", "/api/v1/teams", "teams", ACCESS_ADMIN, BODY_NONE, api_teams_list, false},
    {"POST", "/api/v1/teams", "team_post", ACCESS_ADMIN, BODY_JSON, api_team_post, false},
    {"GET", "/api/v1/teams/{}/keys", "team_keys", ACCESS_ADMIN, BODY_NONE, api_team_keys_list,
     false},
    {"POST", "/api/v1/teams/{}/keys", "team_key_post", ACCESS_ADMIN, BODY_JSON, api_team_key_post,
     false},
    {"DELETE", "/api/v1/keys/{}", "key_delete", ACCESS_ADMIN, BODY_NONE, api_key_delete, false},
    {"POST", "/api/v1/assessments", "assessment_post", ACCESS_TOKEN, BODY_JSON, api_assessment_post,
     false},
    {"GET", "/api/v1/assessments", "assessments", ACCESS_TOKEN, BODY_NONE, api_assessments_list,
     false},
    {"GET", "/api/v1/assessments/{}", "assessment", ACCESS_TOKEN, BODY_NONE, api_assessment_get,
     false},
    {"DELETE", "/api/v1/assessments/{}", "assessment_delete", ACCESS_TOKEN, BODY_NONE,
     api_assessment_delete, false},
    {"POST", "/api/v1/assessments/{}/invites", "invite_post", ACCESS_TOKEN, BODY_JSON,
     api_invite_post, false},
    {"GET", "/api/v1/assessments/{}/invites", "invites", ACCESS_TOKEN, BODY_NONE, api_invites_list,
     false},
    {"DELETE", "/api/v1/invites/{}", "invite_delete", ACCESS_TOKEN, BODY_NONE, api_invite_delete,
     false},
    {"GET", "/api/v1/assessments/{}/report", "report", ACCESS_TOKEN, BODY_NONE, api_report, false},
    {"GET", "/api/v1/assessments/{}/report.csv", "report_csv", ACCESS_TOKEN, BODY_NONE,
     api_report_csv, false},
    {"GET", "/api/v1/assessments/{}/candidates/{}", "candidate_detail", ACCESS_TOKEN, BODY_NONE,
     api_candidate_detail, false},
    {"GET", "/api/v1/assessments/{}/similarity", "similarity", ACCESS_TOKEN, BODY_NONE,
     api_similarity, false},
    {"GET", "/api/v1/assessments/{}/candidates/{}/timeline", "timeline", ACCESS_TOKEN, BODY_NONE,
     api_timeline, false},
    {"GET", "/api/v1/assessments/{}/candidates/{}/snapshots/{}", "snapshot", ACCESS_TOKEN,
     BODY_NONE, api_snapshot_get, false},
    {"GET", "/api/v1/candidate", "candidate", ACCESS_CANDIDATE, BODY_NONE, api_candidate_session,
     false},
    {"POST", "/api/v1/candidate/start", "candidate_start", ACCESS_CANDIDATE, BODY_NONE,
     api_candidate_start, false},
    {"POST", "/api/v1/candidate/finish", "candidate_finish", ACCESS_CANDIDATE, BODY_NONE,
     api_candidate_finish, false},
    {"GET", "/api/v1/candidate/problems/{}", "candidate_problem", ACCESS_CANDIDATE, BODY_NONE,
     api_candidate_problem, false},
    {"GET", "/api/v1/candidate/drafts/{}", "draft", ACCESS_CANDIDATE, BODY_NONE, api_draft_get,
     false},
    {"PUT", "/api/v1/candidate/drafts/{}", "draft_put", ACCESS_CANDIDATE, BODY_JSON, api_draft_put,
     false},
    {"POST", "/api/v1/candidate/signals", "signal_post", ACCESS_CANDIDATE, BODY_JSON,
     api_signal_post, false},
    {"POST", "/api/v1/worker/claim", "worker_claim", ACCESS_WORKER, BODY_NONE, api_worker_claim,
     false},
    {"POST", "/api/v1/worker/jobs/{}/heartbeat", "worker_heartbeat", ACCESS_WORKER, BODY_NONE,
     api_worker_heartbeat, false},
    {"POST", "/api/v1/worker/jobs/{}/progress", "worker_progress", ACCESS_WORKER, BODY_JSON,
     api_worker_progress, false},
    {"POST", "/api/v1/worker/jobs/{}/result", "worker_result", ACCESS_WORKER, BODY_JSON,
     api_worker_result, false},
    {"POST", "/api/v1/worker/jobs/{}/release", "worker_release", ACCESS_WORKER, BODY_NONE,
     api_worker_release, false},
    {"GET", "/api/v1/worker/packages/{}", "worker_package", ACCESS_WORKER, BODY_NONE,
     api_worker_package, false},
    {"GET", "/api/v1/workers/tokens", "worker_tokens", ACCESS_ADMIN, BODY_NONE,
     api_worker_tokens_list, false},
    {"POST", "/api/v1/workers/tokens", "worker_token_post", ACCESS_ADMIN, BODY_JSON,
     api_worker_token_post, false},
    {NULL, NULL, NULL, ACCESS_ANY, BODY_NONE, NULL, false},
};
