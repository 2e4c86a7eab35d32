#include "report.h"

#include <math.h>
#include <stdlib.h>
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

/*** The wire form of a remote worker ***/

char *report_utf8_clean(const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0, o = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        const unsigned char *p = (const unsigned char *)s + i;
        size_t len = p[0] < 0x80             ? 1
                     : (p[0] & 0xe0) == 0xc0 ? 2
                     : (p[0] & 0xf0) == 0xe0 ? 3
                     : (p[0] & 0xf8) == 0xf0 ? 4
                                             : 0;
        bool ok = len && i + len <= n && !(len == 2 && p[0] < 0xc2) && !(len == 4 && p[0] > 0xf4);
        for (size_t k = 1; ok && k < len; k++)
            ok = (p[k] & 0xc0) == 0x80;
        /* No overlong forms, no surrogates, nothing past U+10FFFF: what jansson accepts. */
        if (ok && len == 3)
            ok = !(p[0] == 0xe0 && p[1] < 0xa0) && !(p[0] == 0xed && p[1] >= 0xa0);
        if (ok && len == 4)
            ok = !(p[0] == 0xf0 && p[1] < 0x90) && !(p[0] == 0xf4 && p[1] >= 0x90);
        if (!ok)
            len = 1;
        if (o + len > max)
            break;
        if (ok) {
            memcpy(out + o, p, len);
        } else {
            out[o] = '?';
        }
        o += len;
        i += len;
    }
    out[o] = '\0';
    return out;
}

json_t *report_wire_test(const struct problem *pr, const struct test_result *t, size_t index)
{
    const struct pkg *p = pr->pkg;
    char *name = report_utf8_clean(t->test->name, REPORT_NAME_MAX);
    char *group = report_utf8_clean(p->groups[t->test->group].name, REPORT_GROUP_MAX);
    json_t *o =
        json_pack("{s:I, s:s, s:s, s:b, s:s, s:I, s:I, s:I}", "index", (json_int_t)index, "name",
                  name ? name : "", "group", group ? group : "", "sample", t->test->sample,
                  "verdict", verdict_code(t->verdict), "time_ms", (json_int_t)t->time_ms, "wall_ms",
                  (json_int_t)t->wall_ms, "memory_kb", (json_int_t)t->memory_kb);
    if (o && t->message[0]) {
        char *m = report_utf8_clean(t->message, REPORT_MESSAGE_MAX);
        if (m && *m)
            json_object_set_new(o, "message", json_string(m));
        free(m);
    }
    free(name);
    free(group);
    return o;
}

json_t *report_wire_result(const struct problem *pr, const struct judge_result *res)
{
    char *out = report_utf8_clean(res->compile_output, REPORT_COMPILE_OUTPUT_MAX);
    json_t *tests = json_array();
    for (size_t i = 0; pr && i < res->ntests; i++)
        json_array_append_new(tests, report_wire_test(pr, &res->tests[i], i));
    json_t *o = json_pack(
        "{s:s, s:f, s:f, s:I, s:I, s:s, s:o}", "verdict", verdict_code(res->verdict), "score",
        res->score, "max_score", res->max_score, "time_ms", (json_int_t)res->time_ms, "memory_kb",
        (json_int_t)res->memory_kb, "compile_output", out ? out : "", "tests", tests);
    if (o && res->error) {
        char *e = report_utf8_clean(res->error, REPORT_ERROR_MAX);
        json_object_set_new(o, "error", json_string(e ? e : "internal error"));
        free(e);
    }
    free(out);
    return o;
}
