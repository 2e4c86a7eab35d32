/* report: judging results as the API's JSON (shared/CONTRACT.md section 3). */
#ifndef JUDGE_REPORT_H
#define JUDGE_REPORT_H

#include <jansson.h>

#include "judge.h"

/*
 * The result object: id, problem, language, status, verdict, score, max_score, time_ms, memory_kb,
 * compile_output, tests. `id` may be NULL (the command line has none). A new reference.
 */
json_t *report_result(const char *id, const struct problem *pr, const struct lang *lang,
                      const struct judge_result *res, const char *status);

#endif
