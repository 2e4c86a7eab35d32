/*
 * The practice history's HTTP side: the X-Practice-Token header is read here, the history itself
 * is the practice module's (practice.h).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmap.h"
#include "pkg.h"
#include "practice.h"

/* The request's practice token hashed into `hash`; false when absent or malformed. */
static bool token_hash(struct req *r, unsigned char hash[PRACTICE_HASH_LEN])
{
    const char *t = http_request_header(r, "X-Practice-Token");
    if (!practice_token_valid(t))
        return false;
    practice_hash(t, hash);
    return true;
}

static bool need_token(struct req *r, unsigned char hash[PRACTICE_HASH_LEN])
{
    if (token_hash(r, hash))
        return true;
    reply_problem(r, 400,
                  "send this browser's practice token in the X-Practice-Token header: %d to %d "
                  "characters of A-Z, a-z, 0-9, - and _",
                  PRACTICE_TOKEN_MIN, PRACTICE_TOKEN_MAX);
    return false;
}

void api_practice_record(struct server *s, struct req *r, const char *id, const char *slug)
{
    unsigned char hash[PRACTICE_HASH_LEN];
    if (r->who.role != ROLE_ANON || !token_hash(r, hash))
        return;
    /* The submission is accepted already: a history that misses it is no reason to fail it. */
    (void)practice_add(s->db, hash, id, slug, db_now_ms());
}

void api_practice_submissions(struct server *s, struct req *r)
{
    unsigned char hash[PRACTICE_HASH_LEN];
    struct practice_submission *list = NULL;
    size_t n = 0;
    if (!need_token(r, hash))
        goto out;
    const char *problem = http_query(r, "problem");
    const char *lim = http_query(r, "limit");
    char *end = NULL;
    long limit = lim ? strtol(lim, &end, 10) : 50;
    bool bad_limit = lim && (*end || limit < 1 || limit > PRACTICE_LIST_MAX);
    if ((problem && !pkg_slug_valid(problem)) || bad_limit) {
        json_t *e = json_array();
        if (problem && !pkg_slug_valid(problem))
            api_field_error(e, "problem", "'%.64s' is not a problem id", problem);
        if (bad_limit)
            api_field_error(e, "limit", "is a number from 1 to %d", PRACTICE_LIST_MAX);
        reply_problem_errors(r, 422, e, "invalid query parameter");
        goto out;
    }
    int rc = practice_list(s->db, hash, problem, (int)limit, &list, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the practice history: %s",
                      strerror(-rc));
        goto out;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        const struct practice_submission *p = &list[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:o, s:f, s:f, s:I, s:I}", "id", p->id,
                                           "problem", p->slug, "status", p->status, "verdict",
                                           p->verdict[0] ? json_string(p->verdict) : json_null(),
                                           "score", p->score, "max_score", p->max_score, "time_ms",
                                           (json_int_t)p->time_ms, "created_at",
                                           (json_int_t)p->created_at));
    }
    reply_json(r, 200, json_pack("{s:o}", "submissions", a));
out:
    free(list);
}

void api_practice_progress(struct server *s, struct req *r)
{
    unsigned char hash[PRACTICE_HASH_LEN];
    struct practice_problem *list = NULL;
    size_t n = 0;
    if (!need_token(r, hash))
        goto out;
    int rc = practice_progress(s->db, hash, &list, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the practice progress: %s",
                      strerror(-rc));
        goto out;
    }
    json_t *probs = json_object();
    int64_t pending = 0;
    for (size_t i = 0; i < n; i++) {
        const struct practice_problem *p = &list[i];
        pending += p->pending;
        json_object_set_new(
            probs, p->slug,
            json_pack("{s:s, s:f, s:I, s:I, s:I}", "state", p->solved ? "solved" : "attempted",
                      "best", p->best, "pending", (json_int_t)p->pending, "submissions",
                      (json_int_t)p->submissions, "last_at", (json_int_t)p->last_at));
    }
    reply_json(r, 200, json_pack("{s:o, s:I}", "problems", probs, "pending", (json_int_t)pending));
out:
    free(list);
}
