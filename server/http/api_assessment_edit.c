/*
 * PUT /api/v1/assessments/{id}: a team edits its assessment (settings, problems, points) until the
 * first candidate starts it; from then on what candidates were shown stays as it was (409).
 */
#include <errno.h>

#include "api.h"
#include "assess.h"

void api_assessment_put(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    sqlite3 *c = db_acquire(s->db);
    int64_t id = assess_own(s, r, c);
    json_t *errors = json_array(), *out = NULL;
    int rc = id ? assess_edit(s, c, &r->who, id, body, errors, &out) : 0;
    db_release(s->db, c);
    json_decref(body);
    if (!id) { /* assess_own answered 404 */
        json_decref(errors);
        return;
    }
    if (rc == -EINVAL) {
        size_t n = json_array_size(errors);
        reply_problem_errors(r, 422, errors, "the assessment has %zu invalid field%s", n,
                             n == 1 ? "" : "s");
        return;
    }
    json_decref(errors);
    if (rc == -EBUSY)
        reply_problem(r, 409,
                      "assessment %lld cannot be edited: a candidate has started it (create a "
                      "new assessment instead)",
                      (long long)id);
    else if (rc)
        reply_problem(r, 500, "cannot edit assessment %lld", (long long)id);
    else
        reply_json(r, 200, out);
}
