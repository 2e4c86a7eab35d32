/*
 * sessions: a candidate's timed session, as the candidate lives it. It starts once, by the
 * server's clock (ends_at = now + duration, capped by the closing time, plus any accommodation),
 * and every submission is checked against it here, so the timer cannot be stretched from the
 * browser. The sweep (sweep.h) ends sessions whose time ran out.
 *
 * Every function returns 0 or a negative errno (db.h's) and never logs; a refusal also says why
 * in a `session_refusal`, for the caller to explain. Each takes a pooled connection of its own:
 * thread-safe.
 */
#ifndef SERVER_SESSIONS_H
#define SERVER_SESSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessments.h"
#include "db.h"
#include "invites.h"
#include "reports.h"

/* One candidate's session and the rules of its assessment. Times: 0 for none. */
struct session {
    int64_t invite, aid, started, ends, finished, expires, revoked, opens, closes, duration_s;
    int64_t extra_s; /* accommodation: added to the session at its start */
    int max_submissions;
    bool show_hidden;
    char languages[ASSESSMENT_LANGS_LEN]; /* allowed, comma-separated; "": every language */
};

/* Why a session refused what was asked. */
enum session_refusal {
    SESSION_OK,
    SESSION_NOT_IN_ASSESSMENT, /* -EINVAL (-ENOENT for a problem's statement) */
    SESSION_LANGUAGE,          /* -EINVAL: not among the assessment's languages */
    SESSION_NOT_STARTED,       /* -EACCES (-EEXIST to finish) */
    SESSION_FINISHED_EARLY,    /* -EACCES: the candidate finished at `finished` */
    SESSION_TIME_UP,           /* -EACCES: the time ran out at `ends` */
    SESSION_CAP,               /* -EACCES: max_submissions reached for the problem */
    SESSION_FINISHED,          /* -EEXIST: it cannot be started again */
    SESSION_EXPIRED,           /* -EACCES: the invite expired at `expires` */
    SESSION_NOT_OPEN,          /* -EACCES: the assessment opens at `opens` */
    SESSION_CLOSED,            /* -EACCES: the assessment closed at `closes` */
    SESSION_PROBLEM_GONE,      /* -ENOENT: the problem has no readable version */
};

int sessions_load(db *d, int64_t invite, struct session *out);
/* The state at `now`, as invites_state() says it. */
enum invite_state sessions_state(const struct session *ss, int64_t now);

/*
 * May the candidate of `invite` submit to problem `slug` (NULL: is the session running at all)
 * in `language` (NULL: any) at `now`? `counting`: the submission counts against the cap (a Run
 * does not). 0, or a negative errno with *why set; *ss is filled when the session was read.
 */
int sessions_may_submit(db *d, int64_t invite, const char *slug, const char *language,
                        bool counting, int64_t now, struct session *ss, enum session_refusal *why);

/*
 * Starts the session (a started one is left as it is): -EEXIST (finished) or -EACCES (expired,
 * not open yet, closed) with *why set. *ss is filled when the session was read.
 */
int sessions_start(db *d, int64_t invite, int64_t now, struct session *ss,
                   enum session_refusal *why);
/*
 * The candidate finishes (a finished one is left as it is): candidate.finished goes out from the
 * sweep once every submission is judged; no final submissions are made of the drafts.
 * -EEXIST when the session has not started.
 */
int sessions_finish(db *d, int64_t invite, int64_t now);

/* What the candidate sees of the session; everything owned by it (sessions_view_release). */
struct session_view {
    struct session session;
    struct assessment_row assessment;
    char *name, *email;        /* the candidate's, NULL when unreadable */
    struct report_sheet sheet; /* the candidate's cells: row sheet_row; empty when unreadable */
    size_t sheet_row;
};
int sessions_view(db *d, int64_t invite, struct session_view *out);
void sessions_view_release(struct session_view *v);

/*
 * The current statement detail (JSON text, a new string into *detail) and version of problem
 * `slug` for the candidate of `invite`: -ENOENT (not in the assessment, or no readable version:
 * *why says which) or -EACCES (not started).
 */
int sessions_problem(db *d, int64_t invite, const char *slug, char **detail, int64_t *version,
                     enum session_refusal *why);

#endif
