/* render: the hidden-test rule, applied once to every result that leaves the server. */
#include "render.h"

#include <string.h>

#include "problems.h"

struct render_view render_view_of(const struct principal *who, int64_t problem_team,
                                  bool show_hidden)
{
    /* Owning is being able to change the problem: the same rule as imports. */
    struct problem_row row = {.team_id = problem_team};
    struct render_view v = {.full = problems_can_write(who, &row)};
    v.drop_hidden = who->role == ROLE_CANDIDATE && !show_hidden;
    return v;
}

json_t *render_test(const struct render_view *v, const struct render_test *t)
{
    if (!t->sample && v->drop_hidden)
        return NULL;
    json_t *o = json_pack("{s:I, s:s, s:s, s:s}", "index", (json_int_t)t->index, "name",
                          t->name ? t->name : "", "group", t->group ? t->group : "", "verdict",
                          t->verdict ? t->verdict : "IE");
    if (!o)
        return NULL;
    /* Figures of a hidden test are a channel out of the sandbox (its input, bit by bit). */
    if (!t->sample && !v->full)
        return o;
    json_object_set_new(o, "time_ms", json_integer(t->time_ms));
    json_object_set_new(o, "wall_ms", json_integer(t->wall_ms));
    json_object_set_new(o, "memory_kb", json_integer(t->memory_kb));
    /* An accepted test has nothing to explain. */
    if (t->message && *t->message && t->verdict && strcmp(t->verdict, "AC"))
        json_object_set_new(o, "message", json_string(t->message));
    return o;
}

json_t *render_test_raw(const struct render_test *t)
{
    json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:b, s:I, s:I}", "index", (json_int_t)t->index,
                          "name", t->name ? t->name : "", "group", t->group ? t->group : "",
                          "verdict", t->verdict ? t->verdict : "IE", "sample", t->sample, "time_ms",
                          (json_int_t)t->time_ms, "memory_kb", (json_int_t)t->memory_kb);
    if (o)
        json_object_set_new(o, "wall_ms", json_integer(t->wall_ms));
    if (o && t->message && *t->message)
        json_object_set_new(o, "message", json_string(t->message));
    return o;
}

json_t *render_test_json(const struct render_view *v, const json_t *raw)
{
    if (!json_is_object(raw))
        return NULL;
    struct render_test t = {
        .index = json_integer_value(json_object_get(raw, "index")),
        .name = json_string_value(json_object_get(raw, "name")),
        .group = json_string_value(json_object_get(raw, "group")),
        .verdict = json_string_value(json_object_get(raw, "verdict")),
        .message = json_string_value(json_object_get(raw, "message")),
        /* Not saying is not being a sample: a missing flag hides. */
        .sample = json_is_true(json_object_get(raw, "sample")),
        .time_ms = json_integer_value(json_object_get(raw, "time_ms")),
        .memory_kb = json_integer_value(json_object_get(raw, "memory_kb")),
        .wall_ms = json_integer_value(json_object_get(raw, "wall_ms")),
    };
    return render_test(v, &t);
}

void render_figures_add(struct render_figures *f, const struct render_test *t)
{
    if (t->time_ms > f->all_time_ms)
        f->all_time_ms = t->time_ms;
    if (t->memory_kb > f->all_memory_kb)
        f->all_memory_kb = t->memory_kb;
    if (!t->sample)
        return;
    if (t->time_ms > f->sample_time_ms)
        f->sample_time_ms = t->time_ms;
    if (t->memory_kb > f->sample_memory_kb)
        f->sample_memory_kb = t->memory_kb;
}

void render_figures_set(const struct render_view *v, const struct render_figures *f, json_t *result)
{
    json_object_set_new(result, "time_ms",
                        json_integer(v->full ? f->all_time_ms : f->sample_time_ms));
    json_object_set_new(result, "memory_kb",
                        json_integer(v->full ? f->all_memory_kb : f->sample_memory_kb));
}
