/*
 * Practice history on the server, keyed by a browser's practice token (see practice.h). The
 * token is no secret of much worth (it reaches only a list of anonymous submissions, which are
 * readable by their ids anyway), but it is still stored as a hash, like every token.
 */
#define _GNU_SOURCE
#include "practice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "pkg.h"

/* The request's practice token hashed into `hash`; false when absent or malformed. */
static bool practice_hash(struct req *r, unsigned char hash[32])
{
    const char *t = http_request_header(r, "X-Practice-Token");
    size_t n = t ? strlen(t) : 0;
    if (n < PRACTICE_TOKEN_MIN || n > PRACTICE_TOKEN_MAX ||
        strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != n)
        return false;
    auth_hash(t, hash);
    return true;
}

static bool need_token(struct req *r, unsigned char hash[32])
{
    if (practice_hash(r, hash))
        return true;
    reply_problem(r, 400,
                  "send this browser's practice token in the X-Practice-Token header: %d to %d "
                  "characters of A-Z, a-z, 0-9, - and _",
                  PRACTICE_TOKEN_MIN, PRACTICE_TOKEN_MAX);
    return false;
}

void practice_record(struct server *s, struct req *r, const char *id, const char *slug)
{
    unsigned char hash[32];
    if (r->who.role != ROLE_ANON || !practice_hash(r, hash))
        return;
    sqlite3 *c = db_acquire(s->db);
    db_exec(c,
            "INSERT OR IGNORE INTO practice_submissions (practice_hash, submission_id, slug, "
            "created_at) VALUES (?, ?, ?, ?)",
            "bssi", hash, 32, id, slug, db_now_ms());
    db_release(s->db, c);
}

void api_practice_submissions(struct server *s, struct req *r)
{
    unsigned char hash[32];
    if (!need_token(r, hash))
        return;
    const char *problem = http_query(r, "problem");
    const char *lim = http_query(r, "limit");
    char *end = NULL;
    long limit = lim ? strtol(lim, &end, 10) : 50;
    if ((problem && !pkg_slug_valid(problem)) || (lim && (*end || limit < 1 || limit > 200))) {
        json_t *e = json_array();
        if (problem && !pkg_slug_valid(problem))
            api_field_error(e, "problem", "'%.64s' is not a problem id", problem);
        if (lim && (*end || limit < 1 || limit > 200))
            api_field_error(e, "limit", "is a number from 1 to 200");
        reply_problem_errors(r, 422, e, "invalid query parameter");
        return;
    }
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT s.id, s.slug, s.status, s.verdict, s.score, s.max_score, "
                                  "s.time_ms, s.created_at FROM practice_submissions p JOIN "
                                  "submissions s ON s.id = p.submission_id WHERE "
                                  "p.practice_hash = ? AND (? IS NULL OR p.slug = ?) "
                                  "ORDER BY s.seq DESC LIMIT ?",
                                  "bssi", hash, 32, problem, problem, (int64_t)limit);
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(
            list, json_pack("{s:s, s:s, s:s, s:o, s:f, s:f, s:I, s:I}", "id",
                            sqlite3_column_text(st, 0), "problem", sqlite3_column_text(st, 1),
                            "status", sqlite3_column_text(st, 2), "verdict",
                            sqlite3_column_type(st, 3) == SQLITE_NULL
                                ? json_null()
                                : json_string((const char *)sqlite3_column_text(st, 3)),
                            "score", sqlite3_column_double(st, 4), "max_score",
                            sqlite3_column_double(st, 5), "time_ms",
                            (json_int_t)sqlite3_column_int64(st, 6), "created_at",
                            (json_int_t)sqlite3_column_int64(st, 7)));
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o}", "submissions", list));
}

void api_practice_progress(struct server *s, struct req *r)
{
    unsigned char hash[32];
    if (!need_token(r, hash))
        return;
    sqlite3 *c = db_acquire(s->db);
    /* Solved: an accepted submission; attempted: any other; pending: not judged yet. */
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT p.slug, max(s.verdict = 'AC'), "
                                  "max(CASE WHEN s.max_score > 0 THEN s.score * 100 / s.max_score "
                                  "ELSE 0 END), sum(s.status != 'done'), count(*), "
                                  "max(s.created_at) FROM practice_submissions p JOIN submissions "
                                  "s ON s.id = p.submission_id WHERE p.practice_hash = ? "
                                  "GROUP BY p.slug ORDER BY p.slug",
                                  "b", hash, 32);
    json_t *probs = json_object();
    int64_t pending = 0;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        pending += sqlite3_column_int64(st, 3);
        json_object_set_new(probs, (const char *)sqlite3_column_text(st, 0),
                            json_pack("{s:s, s:f, s:I, s:I, s:I}", "state",
                                      sqlite3_column_int(st, 1) ? "solved" : "attempted", "best",
                                      sqlite3_column_double(st, 2), "pending",
                                      (json_int_t)sqlite3_column_int64(st, 3), "submissions",
                                      (json_int_t)sqlite3_column_int64(st, 4), "last_at",
                                      (json_int_t)sqlite3_column_int64(st, 5)));
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o, s:I}", "problems", probs, "pending", (json_int_t)pending));
}
