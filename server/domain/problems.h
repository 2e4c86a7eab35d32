/*
 * problems: problem packages imported by content hash into versions, who may see and change
 * them, and what a reader is shown of them.
 *
 * A package is stored once per content hash in packages/HASH and compiled into cache/HASH; a
 * problem's versions point at hashes and never change. Importing content equal to the current
 * version's changes nothing; new content is verified first and becomes version N+1 only when
 * the verification passes, so a failed import leaves nothing behind.
 *
 * Errors: every function returns 0 or a negative errno (never an HTTP status): -ENOENT no such
 * problem or version, -EACCES not this caller's to change, -EINVAL the package is wrong (or too
 * slow to verify), -EBUSY no sandbox came free or the judge is stopping (retry later), -ENOSPC
 * the disk is full, -ENOMEM, -EIO the database or the judge failed. Only problems_import_all
 * and problems_gc print (the start-up log); nothing else does.
 * Thread-safety: every function may be called from any thread at once; each takes a connection
 * of its own from the pool. Imports of one problem, or of one content, wait for each other.
 */
#ifndef SERVER_PROBLEMS_H
#define SERVER_PROBLEMS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "server.h"

/*** Rows and rights ***/

struct problem_row {
    char slug[72];
    int64_t team_id; /* 0: the admin's */
    bool public;
    int64_t version_id; /* current */
    int version;
    bool deleted;
};

/* The problem `slug`, deleted ones too. 0, -ENOENT, -ENOMEM, -EBUSY, -EIO. */
int problems_get(db *d, const char *slug, struct problem_row *out);
/* May `who` read it (not deleted; public, the admin, or its team)? */
bool problems_can_read(const struct principal *who, const struct problem_row *p);
/* May `who` change it (import over it, delete it, read its verification)? */
bool problems_can_write(const struct principal *who, const struct problem_row *p);

/*** Reads ***/

/* A line of the problem list. `title` and `type` are owned (problems_list_free). */
struct problem_summary {
    char slug[72];
    char *title;
    char *type; /* "pass-fail" or "scoring" */
    int version;
    bool public;
    int64_t time_ms, memory_mb, tests;
    bool function_signature;
    char *difficulty; /* problem.yaml's "easy", "medium" or "hard", or NULL */
    char *tags_json;  /* its keywords as a JSON array's text, or NULL */
};
/* The problems `who` may read, by slug. *out (to problems_list_free) is untouched on failure. */
int problems_list(db *d, const struct principal *who, struct problem_summary **out, size_t *n);
void problems_list_free(struct problem_summary *list, size_t n); /* NULL is fine */

/*
 * What version `version_id` stored at import, as JSON text (owned by the caller): the public
 * detail (never secret data) or the verification report. 0, -ENOENT, -ENOMEM, -EIO.
 */
int problems_detail_text(db *d, int64_t version_id, char **out);
int problems_verification_text(db *d, int64_t version_id, char **out);

/* Where a version's package lives: packages/HASH, judged with `time_limit_ms`. */
struct problem_version {
    char slug[72];
    char hash[65];
    int64_t time_limit_ms;
};
int problems_version(db *d, int64_t version_id, struct problem_version *out);

/* Problems not deleted, for /metrics. */
int problems_count(db *d, int64_t *out);

/* Marks `slug` deleted; its versions stay for the submissions made against them. */
int problems_delete(db *d, const char *slug);

/*** The detail cache ***/

/*
 * The answers of GET /problems/{slug}, kept in memory: the hottest read of the API needs no
 * database then. Entries carry the row, so rights are checked on every hit. An import, a
 * visibility change or a deletion forgets the slug; a reader that looked at the database before
 * that puts nothing back (the generation moved). *body is a copy (the caller frees it).
 */
bool problems_cache_get(const char *slug, struct problem_row *row, char **body, size_t *len);
uint64_t problems_cache_generation(void);
void problems_cache_put(const struct problem_row *row, const char *body, size_t len,
                        uint64_t generation);
void problems_cache_forget(const char *slug);
void problems_cache_clear(void); /* at exit */

/*** Importing ***/

/*
 * What an import did. On success: the version, whether content was new (`changed`) and whether
 * the problem was new (`created`: a deleted problem is new again), with the verification report
 * and its warnings. On failure: `detail` says why for people; after a verification that failed
 * (-EINVAL), `errors` lists every reason as {"pointer", "detail"} and `verification` holds the
 * report (NULL when the package was refused before it was verified, e.g. over the budget).
 * The JSON values are owned: problems_import_release().
 */
struct problems_import {
    int version;
    bool public, changed, created;
    json_t *verification;
    json_t *warnings;
    json_t *errors;
    char detail[512];
};

/*
 * Imports the package in folder `dir` (the caller's: it is copied, never kept) as problem
 * `slug` for `who`. `public_flag` is 1 or 0 to set the visibility, -1 to keep it (new problems:
 * private, the admin's: public). Verifying runs in one of the imports' sandbox slots within
 * cfg.import_budget_s. Errors as above; *out is filled either way (release it either way).
 */
int problems_import(struct server *s, const char *dir, const char *slug,
                    const struct principal *who, int public_flag, struct problems_import *out);
void problems_import_release(struct problems_import *r);

/* Imports every package folder in `dir` (start-up, as the admin). Logs each outcome. */
void problems_import_all(struct server *s, const char *dir);

/* Is content `hash` (packages/HASH) a version of some problem? 1 yes, 0 no, a negative errno. */
int problems_hash_used(db *d, const char *hash);
/*
 * Calls fn(hash, ud) once for every content hash a version names (packages/HASH must be there);
 * stops at the first non-zero fn returns, and returns it. 0, or a negative errno.
 */
int problems_each_hash(db *d, int (*fn)(const char *hash, void *ud), void *ud);
/* Removes stored packages and caches no version refers to (an import cut short by a crash). */
void problems_gc(struct server *s);

#endif
