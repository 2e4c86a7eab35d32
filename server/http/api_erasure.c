/* Erasure: one candidate, a whole team (admin), and a team's retention period (erasure.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "erasure.h"
#include "errmap.h"
#include "queue.h"

/* Path parameter `i` as an id, or 0 when it is not one. */
static int64_t param_id(const struct req *r, int i)
{
    char *end;
    long long id = strtoll(r->params[i], &end, 10);
    return *end || id < 1 ? 0 : id;
}

/* The team of path parameter 0 when the caller is it or the admin: its id, or 0 after replying
 * (another team's is as absent as a missing one). */
static int64_t team_param(struct req *r)
{
    int64_t team = param_id(r, 0);
    if (!team || (r->who.role == ROLE_TEAM && r->who.team_id != team)) {
        reply_problem(r, 404, "no team '%.64s'", r->params[0]);
        return 0;
    }
    return team;
}

void api_candidate_erase(struct server *s, struct req *r)
{
    int64_t aid = param_id(r, 0), invite = param_id(r, 1);
    int rc = aid && invite ? erasure_candidate(s->db, &r->who, aid, invite) : -ENOENT;
    /* Streams the candidate has open look at their token again, and close. */
    if (!rc)
        queue_wake_all(s);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no candidate '%.64s' in assessment '%.64s'", r->params[1],
                      r->params[0]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot erase the candidate: %s", strerror(-rc));
    else
        reply_empty(r, 204);
}

void api_team_delete(struct server *s, struct req *r)
{
    int64_t team = team_param(r);
    if (!team)
        return;
    int rc = erasure_team(s->db, team);
    if (!rc)
        queue_wake_all(s);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no team %lld", (long long)team);
    else if (rc == -EEXIST)
        reply_problem(r, 409,
                      "team %lld's problems are still used by another team's assessments or "
                      "submissions",
                      (long long)team);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot delete the team: %s", strerror(-rc));
    else
        reply_empty(r, 204);
}

static void reply_retention(struct req *r, int64_t team, int64_t days)
{
    reply_json(r, 200,
               json_pack("{s:I, s:o}", "team_id", (json_int_t)team, "days",
                         days < 0 ? json_null() : json_integer(days)));
}

void api_retention_get(struct server *s, struct req *r)
{
    int64_t team = team_param(r), days = -1;
    if (!team)
        return;
    int rc = erasure_retention_get(s->db, team, &days);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no team %lld", (long long)team);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the retention: %s", strerror(-rc));
    else
        reply_retention(r, team, days);
}

void api_retention_put(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    if (!body)
        goto out;
    json_t *jd = json_object_get(body, "days");
    int64_t days = -1;
    if (!jd)
        api_field_error(errors, "days", "is required (null: keep candidates until erased)");
    else if (json_is_integer(jd) && json_integer_value(jd) >= 0 &&
             json_integer_value(jd) <= RETENTION_DAYS_MAX)
        days = json_integer_value(jd);
    else if (!json_is_null(jd))
        api_field_error(errors, "days", "must be null or an integer from 0 to %d",
                        RETENTION_DAYS_MAX);
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "invalid retention");
        goto out;
    }
    int64_t team = team_param(r);
    if (!team)
        goto out;
    int rc = erasure_retention_set(s->db, team, days);
    if (rc == -ENOENT) {
        reply_problem(r, 404, "no team %lld", (long long)team);
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot set the retention: %s", strerror(-rc));
        goto out;
    }
    r->audit_detail = json_pack("{s:o}", "days", days < 0 ? json_null() : json_integer(days));
    reply_retention(r, team, days);
out:
    json_decref(errors);
    json_decref(body);
}
