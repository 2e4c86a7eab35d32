/*
 * submissions: reading submissions as their viewers may (one, with its tests and live progress;
 * a page of a list) and sending a judged one back to the queue. The rule of who sees whose
 * submission lives here; what of a test a viewer is shown is render.c's.
 *
 * Errors: 0 or a negative errno, never an HTTP status; nothing is printed. Thread-safety: any
 * thread, at once; each call takes a connection of its own. Ownership: a row filled here owns
 * its strings and tests until submission_row_release() / submission_list_release().
 */
#ifndef SERVER_SUBMISSIONS_H
#define SERVER_SUBMISSIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "queue.h"
#include "server.h"

struct submission_row {
    int64_t seq;
    char id[SUBMISSION_ID_LEN + 1];
    char *slug, *language;
    char status[16]; /* queued, compiling, running (live), done */
    char *verdict;   /* NULL until done */
    double score, max_score;
    int64_t time_ms, memory_kb; /* over every test */
    char *compile_output;
    char *source; /* NULL unless asked for */
    char *error;  /* with IE: what broke in the judge; NULL when none */
    int64_t team_id, invite_id;
    int64_t problem_team_id; /* the problem's owner (0: the admin's) */
    int64_t problem_version;
    bool show_hidden; /* a candidate's assessment shows hidden tests */
    int64_t created_at;
    int64_t finished_at;    /* 0: not done */
    struct test_row *tests; /* stored when done, the live ones so far otherwise */
    size_t ntests;
};

/*
 * Submission `id` as `who` may see it, live progress merged, with its source when
 * `with_source`. -ENOENT when there is none or it is not theirs, -ENOMEM, -EIO. *out is
 * untouched on failure.
 */
int submission_get(struct server *s, const char *id, const struct principal *who, bool with_source,
                   struct submission_row *out);
void submission_row_release(struct submission_row *row); /* NULL is fine */

/* One line of a list: no tests, the figures over every test and over the samples alone. */
struct submission_summary {
    int64_t seq;
    char id[SUBMISSION_ID_LEN + 1];
    char *slug, *language;
    char status[16];
    char *verdict; /* NULL until done */
    double score, max_score;
    int64_t time_ms, memory_kb, sample_time_ms, sample_memory_kb;
    int64_t problem_team_id;
    int64_t created_at;
};

struct submission_filter {
    int64_t team_id;                     /* 0: every team's (the admin) */
    int64_t invite_id;                   /* 0: any */
    const char *slug, *status, *verdict; /* NULL: any; status "compiling" covers "running" */
    int64_t before_seq;                  /* 0: from the newest */
    int limit;
};

/*
 * The newest submissions matching `f`, at most f->limit, newest first; *more says whether there
 * are more past them. *rows is an array of *count to submission_list_release(). -ENOMEM, -EIO.
 */
int submission_list(struct server *s, const struct submission_filter *f,
                    struct submission_summary **rows, size_t *count, bool *more);
void submission_list_release(struct submission_summary *rows, size_t count);

/*
 * Sends done submission `id` back to the queue, against its problem's current version (unless
 * deleted since). -ENOENT none, -EALREADY still queued or being judged, -EIO.
 */
int submission_rejudge(struct server *s, const char *id);

#endif
