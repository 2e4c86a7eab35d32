/*
 * Changing an assessment after it was made: PATCH /api/v1/assessments/{id}. What may change is
 * what candidates have not yet relied on: the allowed languages, until the first candidate starts
 * (a started candidate was shown the list and may be writing in one of them; taking a language
 * away mid-session would refuse their work, adding one would favour those who start later).
 */
#include <string.h>

#include "api.h"
#include "assess.h"
#include "store.h"

/* The fields PATCH takes, with what the body may hold for each. */
static const struct {
    const char *name;
    const char *what;
} editable[] = {
    {"languages", "a list of language ids, or null for every language"},
};
#define NEDITABLE (sizeof(editable) / sizeof(editable[0]))

void api_assessment_patch(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    sqlite3 *c = db_acquire(s->db);
    json_t *errors = json_array();
    int64_t id = assess_own(s, r, c);
    if (!id)
        goto out;
    const char *key;
    json_t *value;
    json_object_foreach(body, key, value)
    {
        size_t i = 0;
        while (i < NEDITABLE && strcmp(editable[i].name, key))
            i++;
        if (i == NEDITABLE)
            api_field_error(errors, strpbrk(key, "/~") ? "(a field)" : key,
                            "'%.40s' cannot be changed once the assessment is made; "
                            "PATCH changes only \"languages\"",
                            key);
    }
    json_t *jl = json_object_get(body, "languages");
    char langs[160] = "";
    if (!jl)
        api_field_error(errors, "languages", "is required: %s", editable[0].what);
    else
        assess_languages_field(jl, errors, langs, sizeof(langs));
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "the change has %zu invalid field%s",
                             json_array_size(errors), json_array_size(errors) == 1 ? "" : "s");
        goto out;
    }
    /* One statement, so that a candidate starting meanwhile either sees the old list or the new
     * one, never a session started under a list that then changes. */
    int rc = db_exec(c,
                     "UPDATE assessments SET languages = nullif(?, '') WHERE id = ? AND NOT EXISTS "
                     "(SELECT 1 FROM invites WHERE assessment_id = ? AND started_at IS NOT NULL)",
                     "sii", langs, id, id);
    if (rc != SQLITE_OK) {
        reply_problem(r, 500, "cannot change the assessment");
        goto out;
    }
    if (sqlite3_changes(c) == 0) {
        sqlite3_stmt *st = db_prepare(
            c, "SELECT count(*) FROM invites WHERE assessment_id = ? AND started_at IS NOT NULL",
            "i", id);
        int started = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        sqlite3_finalize(st);
        reply_problem(r, 409,
                      "the languages cannot change: %d candidate%s started this assessment "
                      "already, under the languages it allowed then (make a new assessment to "
                      "change them)",
                      started, started == 1 ? " has" : "s have");
        goto out;
    }
    json_t *a = assessment_json(c, id);
    if (a)
        reply_json(r, 200, a);
    else
        reply_problem(r, 500, "cannot read the assessment");
out:
    db_release(s->db, c);
    json_decref(errors);
    json_decref(body);
}
