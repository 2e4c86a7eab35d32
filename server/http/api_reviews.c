/* Reviews: a reviewer's note and rating of a candidate or of one submission (reviews.h), and
 * the reviews in the report. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmap.h"
#include "reviews.h"

static json_t *review_json(const struct review_row *v)
{
    return json_pack(
        "{s:I, s:o, s:s, s:I, s:o, s:s, s:I, s:I}", "id", (json_int_t)v->id, "submission_id",
        v->submission_id[0] ? json_string(v->submission_id) : json_null(), "author", v->author,
        "author_key_id", (json_int_t)v->token_id, "rating",
        v->rating ? json_integer(v->rating) : json_null(), "note", v->note, "created_at",
        (json_int_t)v->created_at, "updated_at", (json_int_t)v->updated_at);
}

/* Writes the caller's review of the candidate in the path, of submission `sub` ("": of them). */
static void review_put(struct server *s, struct req *r, const char *sub)
{
    json_t *body = http_json_body(r), *errors = json_array();
    struct review_row v = {0};
    if (!body)
        goto out;
    json_t *jr = json_object_get(body, "rating"), *jn = json_object_get(body, "note");
    int rating = 0;
    if (jr && !json_is_null(jr)) {
        if (json_is_integer(jr) && json_integer_value(jr) >= 1 && json_integer_value(jr) <= 5)
            rating = (int)json_integer_value(jr);
        else
            api_field_error(errors, "rating", "must be null or an integer from 1 to 5");
    }
    if (jn && !json_is_string(jn))
        api_field_error(errors, "note", "must be a string");
    else if (jn && json_string_length(jn) > REVIEW_NOTE_MAX)
        api_field_error(errors, "note", "must have at most %d bytes", REVIEW_NOTE_MAX);
    if (!jr && !jn)
        api_field_error(errors, "rating", "a rating or a note is required");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "invalid review");
        goto out;
    }
    int64_t aid = api_assessment_own(s, r);
    if (!aid)
        goto out;
    char *end;
    long long invite = strtoll(r->params[1], &end, 10);
    int rc = *end || invite < 1 || strlen(sub) >= sizeof(v.submission_id)
                 ? -ENOENT
                 : reviews_put(s->db, &r->who, aid, invite, sub, rating,
                               jn ? json_string_value(jn) : "", &v);
    if (rc == -ENOENT && *sub)
        reply_problem(r, 404, "no submission '%.64s' of candidate '%.64s' in assessment %lld", sub,
                      r->params[1], (long long)aid);
    else if (rc == -ENOENT)
        reply_problem(r, 404, "no candidate '%.64s' in assessment %lld", r->params[1],
                      (long long)aid);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot write the review: %s", strerror(-rc));
    if (rc)
        goto out;
    /* The audit line names the subject and the rating; the note may name people: not kept. */
    r->audit_detail = json_pack("{s:I, s:o, s:o}", "invite_id", (json_int_t)invite, "submission_id",
                                *sub ? json_string(sub) : json_null(), "rating",
                                rating ? json_integer(rating) : json_null());
    snprintf(r->audit_target, sizeof(r->audit_target), "%lld", (long long)v.id);
    reply_json(r, 200, review_json(&v));
    free(v.author);
    free(v.note);
out:
    json_decref(errors);
    json_decref(body);
}

void api_review_put(struct server *s, struct req *r)
{
    review_put(s, r, "");
}

void api_submission_review_put(struct server *s, struct req *r)
{
    review_put(s, r, r->params[2]);
}

int api_report_reviews(struct server *s, int64_t aid, json_t *report)
{
    struct review_row *list = NULL;
    size_t n = 0;
    int rc = reviews_of_assessment(s->db, aid, &list, &n);
    if (rc)
        return rc;
    json_t *cands = json_object_get(report, "candidates");
    for (size_t i = 0; i < json_array_size(cands); i++) {
        json_t *o = json_array_get(cands, i), *all = json_array();
        json_int_t id = json_integer_value(json_object_get(o, "invite_id"));
        double sum = 0;
        int rated = 0;
        for (size_t k = 0; k < n; k++) {
            if (list[k].invite_id != id)
                continue;
            json_array_append_new(all, review_json(&list[k]));
            /* The mean is of the ratings of the candidate as a whole, not of submissions. */
            if (!list[k].submission_id[0] && list[k].rating) {
                sum += list[k].rating;
                rated++;
            }
        }
        json_object_set_new(o, "reviews", all);
        json_object_set_new(o, "rating", rated ? json_real(sum / rated) : json_null());
    }
    reviews_free(list, n);
    return 0;
}
