/*
 * practice: the practice history of a browser without an account, on the server. The browser
 * makes a random practice token once and sends it as X-Practice-Token with its submissions; the
 * server keeps only the token's hash next to each submission id, and lists that browser's
 * submissions and progress back. Thread-safe (each call takes a pooled connection).
 */
#ifndef SERVER_PRACTICE_H
#define SERVER_PRACTICE_H

#include "http.h"

#define PRACTICE_TOKEN_MIN 16
#define PRACTICE_TOKEN_MAX 128

/*
 * Remembers submission `id` of problem `slug` under the request's X-Practice-Token, when it has
 * a well-formed one and no account (anonymous). Nothing happens otherwise.
 */
void practice_record(struct server *s, struct req *r, const char *id, const char *slug);

/* GET /api/v1/practice/submissions?problem=&limit= and GET /api/v1/practice/progress. */
void api_practice_submissions(struct server *s, struct req *r);
void api_practice_progress(struct server *s, struct req *r);

#endif
