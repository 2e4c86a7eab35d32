/*
 * queue: submissions. The queue is the submissions table itself (status queued -> compiling ->
 * done), so what was answered with 202 is on disk; the live progress of the ones being judged is
 * kept in memory for GET and the event stream.
 */
#ifndef SERVER_QUEUE_H
#define SERVER_QUEUE_H

#include <jansson.h>
#include <stdint.h>

#include "auth.h"
#include "judge.h"
#include "server.h"

#define SUBMISSION_ID_LEN 32

struct queue *queue_new(void);
void queue_free(struct queue *q);

/* At start: judgements a crash interrupted go back to the queue. *count says how many. */
int queue_recover(struct server *s, long *count);

struct submit_request {
    int64_t version_id;
    const char *slug;
    const char *language;
    const char *source;
    const struct principal *who;
    const char *client;
};

/*
 * The key that tells clients apart for fairness and caps: a candidate's invite, a token, or the
 * address of an anonymous client.
 */
void queue_client_key(const struct principal *who, const char *address, char *buf, size_t size);
/* How many submissions `who` may have queued or being judged at once; 0: no cap (the admin). */
unsigned queue_client_cap(const struct server *s, const struct principal *who);

/*
 * Stores a new queued submission and wakes a worker. -EAGAIN when the queue is full, -EDQUOT
 * when this client has queue_client_cap() submissions queued or being judged already.
 */
int queue_submit(struct server *s, const struct submit_request *req,
                 char id[SUBMISSION_ID_LEN + 1]);

struct job {
    int64_t seq;
    char id[SUBMISSION_ID_LEN + 1];
    int64_t version_id;
    char language[16];
    char *source;
    int64_t created_at;
};

/*
 * Takes the next queued submission (status compiling), round robin across clients: the oldest
 * of the client with the fewest being judged, then the one served least recently. 0, -ENOENT
 * when none, -EIO. Thread-safe.
 */
int queue_claim(struct server *s, struct job *job);
/*
 * The same pick for another claimer (remote workers): `take` moves row `seq` from queued to
 * compiling on `c` as it likes and returns 0, -ENOENT (gone) or another negative errno. Claims
 * are serialised, so no two pick the same row.
 */
typedef int (*queue_take_fn)(sqlite3 *c, int64_t seq, void *ud);
int queue_claim_fair(struct server *s, sqlite3 *c, queue_take_fn take, void *ud);
/* Waits until work may be there (a submission came in) or `ms` passed. */
void queue_wait_work(struct server *s, unsigned ms);
void queue_wake_all(struct server *s);
/*
 * Something changed on another node (nodes.c): wakes one worker when `work` (a submission may be
 * there to claim) and every event stream's watch (they look at the store again).
 */
void queue_poke(struct server *s, bool work);
/* Writes the final result and its tests in one transaction, exactly once. */
int queue_finish(struct server *s, const struct job *job, const struct problem *pr,
                 const struct judge_result *res);
/*
 * Compiler diagnostics as stored and shown: at most COMPILE_OUTPUT_STORED_MAX bytes, cut on a
 * character boundary with a note saying so (a small source can make megabytes of them). A new
 * string the caller frees, or NULL when out of memory.
 */
char *queue_compile_output_stored(const char *text);
/*
 * Deletes the anonymous submissions created before `before_ms` (ms since the epoch) that are
 * done, with their sources and tests: the retention period of --anon-retention. *count says how
 * many. 0 or -EIO.
 */
int queue_delete_anonymous(struct server *s, int64_t before_ms, long *count);
/* Puts a claimed submission back (shutting down). */
int queue_requeue(struct server *s, const struct job *job);
void job_release(struct job *job);

/* Live progress, from the worker judging `id`. queue_live_test steals `test`. */
void queue_live_begin(struct server *s, const char *id);
void queue_live_status(struct server *s, const char *id, const char *status,
                       const char *compile_output);
void queue_live_test(struct server *s, const char *id, json_t *test);
void queue_live_end(struct server *s, const char *id);

/*
 * The result of submission `id` as the API shows it to `who` (merging live progress), or NULL
 * with *status 404 (not there or not theirs) or 500. `with_source` adds the source. A new
 * reference.
 */
json_t *queue_result(struct server *s, const char *id, const struct principal *who,
                     bool with_source, unsigned *status);

/*
 * Watching one submission: a snapshot of its live state, and a wait that returns when it made
 * progress, started or ended being judged (or any judgement did: a queued one cannot tell).
 * Waiters look at the database only then, not at every test of every other submission.
 */
struct queue_watch {
    uint64_t lifecycle, version;
    bool present;
};
void queue_watch_init(struct server *s, const char *id, struct queue_watch *w);
/* True when something changed, false after `ms` without a change. Updates `w`. */
bool queue_watch_wait(struct server *s, const char *id, struct queue_watch *w, unsigned ms);

/* The live status ("compiling", "running") of a submission being judged here, or NULL. */
const char *queue_live_status_of(struct server *s, const char *id, char *buf, size_t size);

/* Submissions queued, and being judged. */
long queue_depth(struct server *s, long *running);

/*
 * The whole internal JSON form of one test result (render_test_raw: with its sample flag and
 * message), as live progress keeps it. Never sent as it is: render.h says what a viewer sees.
 */
json_t *queue_test_json(const struct problem *pr, const struct test_result *t, size_t index);

#endif
