/*
 * fuzz_request: a request body, as the server validates it before any database look-up
 * (server/reqcheck.c): parsed as a JSON object, then checked as a submission, a run and a new
 * assessment. Invariants: a body without field errors has every required field, of the right
 * size; 413 only for a source or input past its cap; every error names a field and says why.
 */
#include <jansson.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "lang.h"
#include "pkg.h"
#include "reqcheck.h"

static void check_errors(json_t *errors, const char *what)
{
    size_t i;
    json_t *e;
    json_array_foreach(errors, i, e)
    {
        const char *ptr = json_string_value(json_object_get(e, "pointer"));
        const char *detail = json_string_value(json_object_get(e, "detail"));
        if (!ptr || ptr[0] != '/' || !detail || !*detail)
            fuzz_fail("%s: error %zu has no pointer or detail", what, i);
    }
}

static void check_submission(json_t *body, bool run)
{
    json_t *errors = json_array();
    struct submission_fields f;
    char detail[256] = "";
    int rc = reqcheck_submission(body, run, &f, errors, detail, sizeof(detail));
    if (rc == 413) {
        if (!detail[0])
            fuzz_fail("413 without a reason");
        if (f.source_len <= SOURCE_MAX &&
            json_string_length(json_object_get(body, "input")) <= RUN_INPUT_MAX)
            fuzz_fail("413 for a body within the caps");
    } else if (rc != 0) {
        fuzz_fail("reqcheck_submission returned %d", rc);
    } else if (json_array_size(errors) == 0) {
        if (!f.problem || !pkg_slug_valid(f.problem))
            fuzz_fail("accepted without a valid problem");
        const struct lang *l = f.language ? lang_by_id(f.language) : NULL;
        if (!l || !l->submissions)
            fuzz_fail("accepted without a known language");
        if (!f.source || !f.source_len || f.source_len > SOURCE_MAX ||
            strlen(f.source) != f.source_len)
            fuzz_fail("accepted a source that is missing, empty, too large or holds NUL");
        if (run && f.input && strlen(f.input) != f.input_len)
            fuzz_fail("accepted an input holding NUL");
    }
    check_errors(errors, run ? "run" : "submission");
    json_decref(errors);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char detail[512] = "";
    json_t *body = reqcheck_parse((const char *)data, size, detail, sizeof(detail));
    if (!body) {
        if (!detail[0])
            fuzz_fail("a body refused without a reason");
        return 0;
    }
    if (!json_is_object(body))
        fuzz_fail("reqcheck_parse gave a non-object");
    check_submission(body, false);
    check_submission(body, true);
    json_t *errors = json_array();
    reqcheck_assessment(body, errors);
    check_errors(errors, "assessment");
    json_decref(errors);
    json_decref(body);
    return 0;
}
