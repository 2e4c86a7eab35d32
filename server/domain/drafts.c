/*
 * Drafts: a candidate's code per problem, saved by the editor as it is written, so work is never
 * lost (another browser restores it; when the time runs out, a draft changed since its last
 * submission is judged as a final submission, see assess.c's sweep). Every save that changes the
 * code is also a snapshot, and the browser reports pastes and focus losses: the hiring team plays
 * the snapshots back as a timeline with the submissions and these signals on it. Signals are
 * evidence to look at, never a verdict.
 */
#define _GNU_SOURCE
#include "drafts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "assess.h"
#include "lang.h"
#include "pkg.h"

/*** The candidate's side ***/

/* The problem in the path, when the candidate may write to it now (replies when not). */
static bool writable(struct server *s, struct req *r, const char *what)
{
    return assess_candidate_may_submit(s, r, r->params[0], NULL, false) && api_rate_ok(s, r, what);
}

void api_draft_get(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT d.language, d.source, d.updated_at FROM drafts d "
                                  "JOIN invites i ON i.id = d.invite_id WHERE d.invite_id = ? "
                                  "AND d.slug = ? AND i.started_at IS NOT NULL",
                                  "is", r->who.invite_id, r->params[0]);
    json_t *o = st && sqlite3_step(st) == SQLITE_ROW
                    ? json_pack("{s:s, s:s, s:s, s:I}", "problem", r->params[0], "language",
                                sqlite3_column_text(st, 0), "source", sqlite3_column_text(st, 1),
                                "updated_at", (json_int_t)sqlite3_column_int64(st, 2))
                    : NULL;
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (o)
        reply_json(r, 200, o);
    else
        reply_problem(r, 404, "no draft of '%.64s' is saved for this candidate", r->params[0]);
}

void api_draft_put(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *js = json_object_get(body, "source"), *jl = json_object_get(body, "language");
    const char *source = json_string_value(js);
    const char *language = jl ? json_string_value(jl) : "c";
    size_t len = json_string_length(js);
    json_t *errors = json_array();
    if (source && len > SOURCE_MAX) {
        json_decref(errors);
        json_decref(body);
        reply_problem(r, 413, "the draft is %zu bytes; at most %u are kept (as for a submission)",
                      len, SOURCE_MAX);
        return;
    }
    if (!source)
        api_field_error(errors, "source", js ? "must be a string" : "is required: the code");
    else if (strlen(source) != len)
        api_field_error(errors, "source", "holds a NUL character");
    const struct lang *lang = language ? lang_by_id(language) : NULL;
    if (!lang || !lang->submissions)
        api_field_error(errors, "language", "must be a language of this judge (c, cpp)");
    if (json_array_size(errors)) {
        json_decref(body);
        reply_problem_errors(r, 422, errors, "the draft has invalid fields");
        return;
    }
    json_decref(errors);
    if (!writable(s, r, "draft")) {
        json_decref(body);
        return;
    }
    sqlite3 *c = db_acquire(s->db);
    int64_t now = db_now_ms(), invite = r->who.invite_id;
    /* A save that changes nothing is no snapshot: the timeline holds changes only. */
    sqlite3_stmt *st = db_prepare(c, "SELECT source FROM drafts WHERE invite_id = ? AND slug = ?",
                                  "is", invite, r->params[0]);
    bool changed = !st || sqlite3_step(st) != SQLITE_ROW ||
                   strcmp((const char *)sqlite3_column_text(st, 0), source);
    sqlite3_finalize(st);
    int rc = db_begin(c);
    if (rc == SQLITE_OK && changed)
        rc =
            db_exec(c,
                    "INSERT INTO drafts (invite_id, slug, language, source, updated_at) VALUES "
                    "(?, ?, ?, ?, ?) ON CONFLICT (invite_id, slug) DO UPDATE SET language = "
                    "excluded.language, source = excluded.source, updated_at = excluded.updated_at",
                    "isssi", invite, r->params[0], language, source, now);
    /* Past the cap the draft is still saved; only its snapshot is not kept. */
    if (rc == SQLITE_OK && changed)
        rc = db_exec(c,
                     "INSERT INTO draft_snapshots (invite_id, slug, source, at) SELECT ?1, ?2, ?3, "
                     "?4 WHERE (SELECT count(*) FROM draft_snapshots WHERE invite_id = ?1) < ?5",
                     "issii", invite, r->params[0], source, now, (int64_t)SNAPSHOTS_MAX);
    if (rc == SQLITE_OK)
        rc = db_commit(c);
    if (rc != SQLITE_OK)
        db_rollback(c);
    st = db_prepare(c, "SELECT updated_at FROM drafts WHERE invite_id = ? AND slug = ?", "is",
                    invite, r->params[0]);
    int64_t updated = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : now;
    sqlite3_finalize(st);
    db_release(s->db, c);
    json_decref(body);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot save the draft");
    else
        reply_json(r, 200,
                   json_pack("{s:s, s:I, s:b}", "problem", r->params[0], "updated_at",
                             (json_int_t)updated, "changed", changed));
}

void api_signal_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *kind = json_string_value(json_object_get(body, "kind"));
    json_t *jp = json_object_get(body, "problem");
    const char *slug = json_string_value(jp);
    json_t *jsize = json_object_get(body, "size"), *jdur = json_object_get(body, "duration_ms");
    json_t *errors = json_array();
    if (!kind || (strcmp(kind, "paste") && strcmp(kind, "blur")))
        api_field_error(errors, "kind", "is required: \"paste\" or \"blur\"");
    if (jp && !json_is_null(jp) && (!slug || !pkg_slug_valid(slug)))
        api_field_error(errors, "problem", "must be the id of a problem of this assessment");
    if (jsize && (!json_is_integer(jsize) || json_integer_value(jsize) < 0 ||
                  json_integer_value(jsize) > SOURCE_MAX))
        api_field_error(errors, "size", "must be a count of characters from 0 to %u", SOURCE_MAX);
    if (jdur && (!json_is_integer(jdur) || json_integer_value(jdur) < 0 ||
                 json_integer_value(jdur) > 24 * 3600 * 1000))
        api_field_error(errors, "duration_ms", "must be milliseconds from 0 to a day");
    if (json_array_size(errors)) {
        json_decref(body);
        reply_problem_errors(r, 422, errors, "the signal has invalid fields");
        return;
    }
    json_decref(errors);
    /* Signals count only while the session runs, as submissions do. */
    if (!assess_candidate_may_submit(s, r, slug, NULL, false) || !api_rate_ok(s, r, "signal")) {
        json_decref(body);
        return;
    }
    sqlite3 *c = db_acquire(s->db);
    int rc = db_exec(
        c,
        "INSERT INTO candidate_signals (invite_id, kind, slug, size, duration_ms, at) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE (SELECT count(*) FROM candidate_signals "
        "WHERE invite_id = ?1) < ?7",
        "issiiii", r->who.invite_id, kind, slug, (int64_t)(jsize ? json_integer_value(jsize) : 0),
        (int64_t)(jdur ? json_integer_value(jdur) : 0), db_now_ms(), (int64_t)SIGNALS_MAX);
    db_release(s->db, c);
    json_decref(body);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot record the signal");
    else
        reply_empty(r, 204);
}

/*** The team's side ***/

/* The candidate in the path (second parameter) of the caller's assessment; replies when not. */
static int64_t own_candidate(struct server *s, struct req *r, sqlite3 *c)
{
    int64_t aid = assess_own(s, r, c);
    if (!aid)
        return 0;
    char *end;
    long long inv = strtoll(r->params[1], &end, 10);
    sqlite3_stmt *st = db_prepare(c, "SELECT id FROM invites WHERE id = ? AND assessment_id = ?",
                                  "ii", (int64_t)(*end || inv < 1 ? 0 : inv), aid);
    int64_t id = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (!id)
        reply_problem(r, 404, "no candidate '%.64s' in assessment %lld", r->params[1],
                      (long long)aid);
    return id;
}

void api_timeline(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t inv = own_candidate(s, r, c);
    if (!inv) {
        db_release(s->db, c);
        return;
    }
    json_t *snaps = json_array(), *subs = json_array(), *signals = json_array();
    /* Snapshots without their code (it comes one at a time, as the slider moves). */
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, slug, at, length(source) FROM draft_snapshots "
                                  "WHERE invite_id = ? ORDER BY at, id",
                                  "i", inv);
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(snaps, json_pack("{s:I, s:s, s:I, s:I}", "id",
                                               (json_int_t)sqlite3_column_int64(st, 0), "problem",
                                               sqlite3_column_text(st, 1), "at",
                                               (json_int_t)sqlite3_column_int64(st, 2), "length",
                                               (json_int_t)sqlite3_column_int64(st, 3)));
    sqlite3_finalize(st);
    st = db_prepare(c,
                    "SELECT id, slug, created_at, status, verdict, score, max_score, "
                    "origin IS NOT NULL FROM submissions WHERE invite_id = ? ORDER BY seq",
                    "i", inv);
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(
            subs, json_pack("{s:s, s:s, s:I, s:s, s:o, s:f, s:f, s:b}", "id",
                            sqlite3_column_text(st, 0), "problem", sqlite3_column_text(st, 1), "at",
                            (json_int_t)sqlite3_column_int64(st, 2), "status",
                            sqlite3_column_text(st, 3), "verdict",
                            sqlite3_column_type(st, 4) == SQLITE_NULL
                                ? json_null()
                                : json_string((const char *)sqlite3_column_text(st, 4)),
                            "score", sqlite3_column_double(st, 5), "max_score",
                            sqlite3_column_double(st, 6), "final", sqlite3_column_int(st, 7)));
    sqlite3_finalize(st);
    st = db_prepare(c,
                    "SELECT kind, slug, size, duration_ms, at FROM candidate_signals "
                    "WHERE invite_id = ? ORDER BY at, id",
                    "i", inv);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        json_t *o = json_pack("{s:s, s:o, s:I}", "kind", sqlite3_column_text(st, 0), "problem",
                              sqlite3_column_type(st, 1) == SQLITE_NULL
                                  ? json_null()
                                  : json_string((const char *)sqlite3_column_text(st, 1)),
                              "at", (json_int_t)sqlite3_column_int64(st, 4));
        if (!strcmp((const char *)sqlite3_column_text(st, 0), "paste"))
            json_object_set_new(o, "size", json_integer(sqlite3_column_int64(st, 2)));
        else
            json_object_set_new(o, "duration_ms", json_integer(sqlite3_column_int64(st, 3)));
        json_array_append_new(signals, o);
    }
    sqlite3_finalize(st);
    st = db_prepare(c,
                    "SELECT started_at, coalesce(finished_at, revoked_at, ends_at) FROM invites "
                    "WHERE id = ?",
                    "i", inv);
    json_t *o = json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:i}", "invite_id", (json_int_t)inv,
                          "started_at", json_null(), "ended_at", json_null(), "snapshots", snaps,
                          "submissions", subs, "signals", signals, "snapshots_max", SNAPSHOTS_MAX);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < 2; i++)
            if (sqlite3_column_type(st, i) != SQLITE_NULL)
                json_object_set_new(o, i ? "ended_at" : "started_at",
                                    json_integer(sqlite3_column_int64(st, i)));
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, o);
}

void api_snapshot_get(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    int64_t inv = own_candidate(s, r, c);
    if (!inv) {
        db_release(s->db, c);
        return;
    }
    char *end;
    long long sid = strtoll(r->params[2], &end, 10);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, slug, at, source FROM draft_snapshots "
                                  "WHERE id = ? AND invite_id = ?",
                                  "ii", (int64_t)(*end ? 0 : sid), inv);
    json_t *o =
        st && sqlite3_step(st) == SQLITE_ROW
            ? json_pack("{s:I, s:s, s:I, s:s}", "id", (json_int_t)sqlite3_column_int64(st, 0),
                        "problem", sqlite3_column_text(st, 1), "at",
                        (json_int_t)sqlite3_column_int64(st, 2), "source",
                        sqlite3_column_text(st, 3))
            : NULL;
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (o)
        reply_json(r, 200, o);
    else
        reply_problem(r, 404, "no snapshot '%.64s' of this candidate", r->params[2]);
}
