/*
 * drafts: candidates' drafts (saved as they type, restored anywhere, judged at time-up by the
 * sweep), their snapshots and integrity signals, and the team's timeline of them. Signals are
 * evidence to look at, never a verdict.
 *
 * Every function returns 0 or a negative errno (db.h's; -ENOENT: no such draft, candidate or
 * snapshot) and never logs. Each takes a pooled connection of its own: thread-safe.
 */
#ifndef SERVER_DRAFTS_H
#define SERVER_DRAFTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

#define SNAPSHOTS_MAX 2000 /* snapshots kept per candidate; later saves keep the draft only */
#define SIGNALS_MAX   5000 /* paste and focus signals kept per candidate */

/* A saved draft; strings owned by the row (draft_row_release). */
struct draft_row {
    char *language, *source;
    int64_t updated_at;
};
void draft_row_release(struct draft_row *d); /* NULL is fine */

/* The draft of problem `slug` of candidate `invite`, once the session has started. */
int drafts_get(db *d, int64_t invite, const char *slug, struct draft_row *out);
/*
 * Saves the draft at `now`; a save that changes the code is also a snapshot (up to
 * SNAPSHOTS_MAX: past it the draft is still saved). *changed says whether it changed, *updated
 * when the stored draft was last changed.
 */
int drafts_put(db *d, int64_t invite, const char *slug, const char *language, const char *source,
               int64_t now, bool *changed, int64_t *updated);
/* Records a signal ("paste" with a size, "blur" with a duration); `slug` may be NULL. Past
 * SIGNALS_MAX, signals are dropped and 0 is returned all the same. */
int drafts_signal_add(db *d, int64_t invite, const char *kind, const char *slug, int64_t size,
                      int64_t duration_ms, int64_t now);

/* 0 when `invite` is a candidate of assessment `aid`, else -ENOENT. */
int drafts_candidate_of(db *d, int64_t aid, int64_t invite);

struct draft_snapshot {
    int64_t id;
    char slug[72];
    int64_t at, length; /* characters */
    char *source;       /* drafts_snapshot() only; owned */
};
struct draft_submission {
    char id[40], slug[72], status[16], verdict[8]; /* verdict "": not judged yet */
    int64_t at;
    double score, max_score;
    bool final;
};
struct draft_signal {
    char kind[8];
    char slug[72]; /* "": none */
    int64_t size, duration_ms, at;
};
/* A candidate's timeline: the snapshots (without their code), submissions and signals in time
 * order; arrays owned (drafts_timeline_release). Times: 0 for none. */
struct draft_timeline {
    int64_t started_at, ended_at;
    struct draft_snapshot *snapshots;
    size_t nsnapshots;
    struct draft_submission *submissions;
    size_t nsubmissions;
    struct draft_signal *signals;
    size_t nsignals;
};
int drafts_timeline(db *d, int64_t invite, struct draft_timeline *out);
void drafts_timeline_release(struct draft_timeline *t);
/* Snapshot `id` of candidate `invite`, with its code (the caller frees out->source). */
int drafts_snapshot(db *d, int64_t invite, int64_t id, struct draft_snapshot *out);

#endif
