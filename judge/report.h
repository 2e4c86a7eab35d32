/* report: judging results as the API's JSON (shared/CONTRACT.md section 3). */
#ifndef JUDGE_REPORT_H
#define JUDGE_REPORT_H

/* Thread-safety: builders over borrowed results, no shared state: any thread may call them. */

#include <jansson.h>

#include "caps.h"
#include "judge.h"

/*
 * The result object: id, problem, language, status, verdict, score, max_score, time_ms, memory_kb,
 * compile_output, tests. `id` may be NULL (the command line has none). A new reference.
 */
json_t *report_result(const char *id, const struct problem *pr, const struct lang *lang,
                      const struct judge_result *res, const char *status);

/*
 * The wire form a remote worker posts to its server (POST /api/v1/worker/jobs/LEASE/result and
 * .../progress): every figure and message of every test, hidden or not, for the server to store
 * and to show by its own rules. Strings are made valid UTF-8 (see report_utf8_clean) and cut to
 * what the server takes. New references, NULL when out of memory; `pr` and `res` are borrowed.
 */
json_t *report_wire_test(const struct problem *pr, const struct test_result *t, size_t index);
/* The whole result: verdict, score, figures, compile_output, tests and error. `pr` may be NULL
 * (the problem could not be prepared: no tests then). */
json_t *report_wire_result(const struct problem *pr, const struct judge_result *res);

/*
 * A new copy of `s` (NULL: "") that JSON can carry: invalid UTF-8 bytes become '?', and it is cut
 * at `max` bytes on a character boundary (compiler diagnostics and checker messages quote the
 * program's bytes). NULL when out of memory; the caller frees it.
 */
char *report_utf8_clean(const char *s, size_t max);

#endif
