/* store: problems: importing packages by content hash into versions, and who may see them. */
#ifndef SERVER_STORE_H
#define SERVER_STORE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "server.h"

struct import_outcome {
    unsigned status; /* 200 replaced or unchanged, 201 new, 403, 422, 500, 503 */
    json_t *body;    /* the answer: the result, or a problem+json object */
};

/*
 * Imports the package in folder `dir` as problem `slug` for `who`: unchanged content keeps its
 * version; new content is stored under its hash, verified, and becomes a new version. `public`
 * is 1 or 0 to set the visibility, -1 to keep it (new problems: private, the admin's: public).
 */
int store_import(struct server *s, const char *dir, const char *slug, const struct principal *who,
                 int public_flag, struct import_outcome *out);

/* Imports every package folder in `dir` (start-up, as the admin). Logs each outcome. */
void store_import_all(struct server *s, const char *dir);

struct problem_row {
    char slug[72];
    int64_t team_id; /* 0: the admin's */
    bool public;
    int64_t version_id; /* current */
    int version;
    bool deleted;
};

/* The problem `slug` (deleted ones too). 0, -ENOENT, -EIO. */
int store_problem(struct server *s, sqlite3 *c, const char *slug, struct problem_row *out);
bool store_can_read(const struct principal *who, const struct problem_row *p);
bool store_can_write(const struct principal *who, const struct problem_row *p);

/*
 * The answers of GET /problems/{slug}, kept in memory: the hottest read of the API needs no
 * database then. Entries carry the row, so rights are checked on every hit. An import, a
 * visibility change or a deletion forgets the slug; a reader that looked at the database before
 * that puts nothing back (the generation moved).
 */
bool store_detail_get(const char *slug, struct problem_row *row, char **body, size_t *len);
uint64_t store_detail_generation(void);
void store_detail_put(const struct problem_row *row, const char *body, size_t len,
                      uint64_t generation);
void store_detail_forget(const char *slug);
/* Empties it (at exit). */
void store_detail_clear(void);

/* Removes stored packages and caches no version refers to (an import cut short by a crash). */
void store_gc(struct server *s);

#endif
