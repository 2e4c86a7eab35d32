#include "report.h"

#include <math.h>
#include <string.h>

static double round2(double v)
{
    return round(v * 100) / 100;
}

json_t *report_result(const char *id, const struct problem *pr, const struct lang *lang,
                      const struct judge_result *res, const char *status)
{
    const struct pkg *p = pr->pkg;
    bool done = !strcmp(status, "done");
    json_t *tests = json_array();
    for (size_t i = 0; i < res->ntests; i++) {
        const struct test_result *t = &res->tests[i];
        /* time_ms is CPU time, what decides TLE; wall_ms is real time, waits for a CPU too. */
        json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I}", "name", t->test->name, "group",
                              p->groups[t->test->group].name, "verdict", verdict_code(t->verdict),
                              "time_ms", (json_int_t)t->time_ms, "wall_ms", (json_int_t)t->wall_ms,
                              "memory_kb", (json_int_t)t->memory_kb);
        /* Hidden tests never say more than their verdict; samples explain themselves. */
        if (t->test->sample && t->verdict != V_AC && t->message[0])
            json_object_set_new(o, "message", json_string(t->message));
        json_array_append_new(tests, o);
    }
    json_t *r = json_pack(
        "{s:o, s:s, s:s, s:s, s:o, s:f, s:f, s:I, s:I, s:s, s:o}", "id",
        id ? json_string(id) : json_null(), "problem", p->slug, "language", lang->id, "status",
        status, "verdict", done ? json_string(verdict_code(res->verdict)) : json_null(), "score",
        round2(res->score), "max_score", round2(res->max_score), "time_ms",
        (json_int_t)res->time_ms, "memory_kb", (json_int_t)res->memory_kb, "compile_output",
        res->compile_output ? res->compile_output : "", "tests", tests);
    return r;
}
