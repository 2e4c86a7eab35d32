/* Request bodies: their shape and fields, with one message per wrong field. */
#define _GNU_SOURCE
#include "reqcheck.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "pkg.h"

json_t *reqcheck_parse(const char *buf, size_t len, char *detail, size_t dsize)
{
    json_error_t e;
    json_t *j = json_loadb(buf ? buf : "", len, JSON_REJECT_DUPLICATES, &e);
    if (!j) {
        snprintf(detail, dsize, "the body is not valid JSON: %s (line %d, column %d)", e.text,
                 e.line, e.column);
        return NULL;
    }
    if (!json_is_object(j)) {
        json_decref(j);
        snprintf(detail, dsize, "the body must be a JSON object");
        return NULL;
    }
    return j;
}

void api_field_error(json_t *errors, const char *field, const char *fmt, ...)
{
    char detail[512], pointer[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    snprintf(pointer, sizeof(pointer), "/%s", field);
    json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer", pointer, "detail", detail));
}

int reqcheck_submission(json_t *body, bool run, struct submission_fields *f, json_t *errors,
                        char *detail, size_t dsize)
{
    memset(f, 0, sizeof(*f));
    json_t *jp = json_object_get(body, "problem"), *jl = json_object_get(body, "language"),
           *js = json_object_get(body, "source"), *ji = json_object_get(body, "input");
    f->problem = json_string_value(jp);
    f->language = json_string_value(jl);
    f->source = json_string_value(js);
    f->source_len = json_string_length(js);
    if (f->source && f->source_len > SOURCE_MAX) {
        snprintf(detail, dsize, "the source is %zu bytes; at most %u are accepted", f->source_len,
                 SOURCE_MAX);
        return 413;
    }
    if (run && ji && json_string_length(ji) > RUN_INPUT_MAX) {
        snprintf(detail, dsize, "the input is %zu bytes; at most %u are accepted",
                 json_string_length(ji), RUN_INPUT_MAX);
        return 413;
    }
    if (!f->problem)
        api_field_error(errors, "problem",
                        jp ? "must be a string (a problem id)" : "is required: the problem's id");
    else if (!pkg_slug_valid(f->problem))
        api_field_error(errors, "problem", "'%.80s' is not a problem id", f->problem);
    const struct lang *lang = f->language ? lang_by_id(f->language) : NULL;
    char ids[256];
    lang_list_ids(ids, sizeof(ids));
    if (!f->language)
        api_field_error(errors, "language", jl ? "must be a string" : "is required: one of %s",
                        ids);
    else if (!lang || !lang->submissions)
        api_field_error(errors, "language", "'%.40s' is not a language of this judge (%s)",
                        f->language, ids);
    else if (!lang_available(lang))
        api_field_error(errors, "language",
                        "'%s' is not available on this judge: its toolchain is not installed "
                        "(GET /api/v1/languages lists what is)",
                        f->language);
    if (!f->source)
        api_field_error(errors, "source", js ? "must be a string" : "is required: the program");
    else if (!f->source_len || strspn(f->source, " \t\r\n") == f->source_len)
        api_field_error(errors, "source", "is empty");
    else if (strlen(f->source) != f->source_len)
        api_field_error(errors, "source", "holds a NUL character");
    if (run && ji) {
        f->input = json_string_value(ji);
        f->input_len = json_string_length(ji);
        if (!f->input)
            api_field_error(errors, "input", "must be a string (the program's stdin)");
        else if (strlen(f->input) != f->input_len)
            api_field_error(errors, "input", "holds a NUL character");
    }
    return 0;
}

static bool is_ms(json_t *j)
{
    return json_is_integer(j) && json_integer_value(j) >= 0;
}

void reqcheck_assessment(json_t *body, json_t *errors)
{
    const char *title = json_string_value(json_object_get(body, "title"));
    json_t *jr = json_object_get(body, "rules");
    const char *rules = jr ? json_string_value(jr) : "";
    json_t *problems = json_object_get(body, "problems");
    json_t *jd = json_object_get(body, "duration_minutes");
    json_t *jo = json_object_get(body, "opens_at"), *jc = json_object_get(body, "closes_at");
    json_t *jh = json_object_get(body, "show_hidden_results");
    json_t *jm = json_object_get(body, "max_submissions");
    json_t *jcount = json_object_get(body, "counts");
    json_t *jw = json_object_get(body, "webhook_url");
    if (!title || !*title || strlen(title) > TITLE_MAX)
        api_field_error(errors, "title", "is required: a string of 1 to %d characters", TITLE_MAX);
    if (!rules || strlen(rules) > RULES_MAX)
        api_field_error(errors, "rules", "must be a string of at most %d characters", RULES_MAX);
    if (!json_is_integer(jd) || json_integer_value(jd) < 1 || json_integer_value(jd) > 1440)
        api_field_error(errors, "duration_minutes", "is required: an integer from 1 to 1440");
    if (jo && !json_is_null(jo) && !is_ms(jo))
        api_field_error(errors, "opens_at", "must be a time in milliseconds since the epoch");
    if (jc && !json_is_null(jc) && !is_ms(jc))
        api_field_error(errors, "closes_at", "must be a time in milliseconds since the epoch");
    if (is_ms(jo) && is_ms(jc) && json_integer_value(jc) <= json_integer_value(jo))
        api_field_error(errors, "closes_at", "must be after opens_at");
    if (jh && !json_is_boolean(jh))
        api_field_error(errors, "show_hidden_results", "must be true or false");
    if (jm && (!json_is_integer(jm) || json_integer_value(jm) < 0 || json_integer_value(jm) > 1000))
        api_field_error(errors, "max_submissions", "must be an integer from 0 (no cap) to 1000");
    const char *counts = jcount ? json_string_value(jcount) : "best";
    if (!counts || (strcmp(counts, "best") && strcmp(counts, "last")))
        api_field_error(errors, "counts", "must be \"best\" or \"last\"");
    const char *webhook = jw && !json_is_null(jw) ? json_string_value(jw) : NULL;
    if (jw && !json_is_null(jw) &&
        (!webhook || strlen(webhook) > 2000 ||
         (strncmp(webhook, "http://", 7) && strncmp(webhook, "https://", 8))))
        api_field_error(errors, "webhook_url", "must be an http:// or https:// URL");
    size_t np = json_array_size(problems);
    if (!json_is_array(problems) || np < 1 || np > PROBLEMS_MAX) {
        api_field_error(errors, "problems", "is required: a list of 1 to %d problems",
                        PROBLEMS_MAX);
        return;
    }
    for (size_t i = 0; i < np; i++) {
        json_t *p = json_array_get(problems, i);
        const char *slug = json_string_value(json_object_get(p, "slug"));
        json_t *pts = json_object_get(p, "points");
        char field[64];
        snprintf(field, sizeof(field), "problems/%zu", i);
        if (!slug || !pkg_slug_valid(slug)) {
            api_field_error(errors, field, "needs a \"slug\" naming a problem");
            continue;
        }
        if (pts &&
            (!json_is_number(pts) || json_number_value(pts) <= 0 || json_number_value(pts) > 10000))
            api_field_error(errors, field, "\"points\" must be a number above 0, at most 10000");
        for (size_t j = 0; j < i; j++) {
            json_t *o = json_object_get(json_array_get(problems, j), "slug");
            if (json_string_value(o) && !strcmp(json_string_value(o), slug))
                api_field_error(errors, field, "'%s' is in the list twice", slug);
        }
    }
}
