/*
 * reqcheck: field-level validation of JSON request bodies. Pure (no database, no HTTP), so a
 * fuzzer drives it directly (tests/fuzz); the handlers add the checks that need the database.
 */
#ifndef SERVER_REQCHECK_H
#define SERVER_REQCHECK_H

/* Thread-safety: pure checks of one request's fields: any thread may call them. */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "server_caps.h"

/* Parses a request body that must be one JSON object (a new reference); NULL with `detail`
 * saying why. */
json_t *reqcheck_parse(const char *buf, size_t len, char *detail, size_t dsize);

/* Appends {"pointer": "/field", "detail": ...} to `errors` (borrowed). */
void api_field_error(json_t *errors, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

struct submission_fields {
    const char *problem, *language, *source, *input; /* borrowed from the body */
    size_t source_len, input_len;
};

/*
 * The fields of a submission (or, with `run`, of a run with optional "input"). Returns 0 with
 * field errors (if any) appended to `errors`, or 413 when the source or input is too large, with
 * `detail` saying which.
 */
int reqcheck_submission(json_t *body, bool run, struct submission_fields *f, json_t *errors,
                        char *detail, size_t dsize);

/* The fields of a new assessment that need no database; problems are checked for shape only. */
void reqcheck_assessment(json_t *body, json_t *errors);

#endif
