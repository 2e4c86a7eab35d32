/*
 * assessments: what a team builds to hire with: a title, rules, a duration, an opening window,
 * the problems with their points, the languages allowed, and where the finish webhooks go. The
 * candidates are invites.h's, their sessions sessions.h's, the scores reports.h's.
 *
 * Every function returns 0 (or the count it names) or a negative errno (db.h's; -ENOENT: no such
 * assessment, or one the caller may not see) and never logs. Functions taking a `db` take a
 * pooled connection of their own and are thread-safe; those taking a `dbc` run on the caller's
 * connection (inside its transaction, when it has one), for the other hiring modules.
 */
#ifndef SERVER_ASSESSMENTS_H
#define SERVER_ASSESSMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

#define ASSESSMENT_LANGS_LEN  160 /* the allowed languages, comma-separated */
#define ASSESSMENT_EVENTS_LEN 128 /* the webhook events, space-separated */

/* The webhook events an assessment may take, and which it takes unless it says otherwise. */
struct assessment_event {
    const char *name;
    bool by_default;
    const char *why;
};
extern const struct assessment_event assessment_events[];
extern const size_t assessment_nevents;
/* Is `event` one of the space-separated `list`? */
bool assessments_event_on(const char *list, const char *event);
/* Is `language` among the comma-separated `list` (NULL or "": every language)? */
bool assessments_language_allowed(const char *list, const char *language);

struct assessment_problem {
    char slug[72];
    char *title; /* the current version's, or the slug when it has none */
    double points;
};

/* One assessment; strings and `problems` are owned by the row (assessment_row_release). */
struct assessment_row {
    int64_t id, team_id; /* team 0: the admin's */
    char *title, *rules;
    int64_t duration_s;
    int64_t opens_at, closes_at; /* 0: no such bound */
    bool show_hidden;
    int max_submissions; /* per problem; 0: no cap */
    char counts[8];      /* "best" or "last" */
    char *webhook_url;   /* NULL: none */
    int64_t created_at;
    int64_t invites; /* how many */
    char webhook_events[ASSESSMENT_EVENTS_LEN];
    bool submit_drafts_at_end;
    char languages[ASSESSMENT_LANGS_LEN]; /* "": every language */
    struct assessment_problem *problems;
    size_t nproblems;
};
void assessment_row_release(struct assessment_row *a); /* NULL is fine; the row is zeroed */

/* A new assessment, as a team asked for it (validated by the caller). Strings are borrowed. */
struct assessment_new {
    const char *title, *rules;
    int64_t duration_s, opens_at, closes_at; /* 0: no bound */
    bool show_hidden;
    int max_submissions;
    const char *counts;      /* "best" or "last" */
    const char *webhook_url; /* NULL: none */
    const char *webhook_events;
    bool submit_drafts_at_end;
    const char *languages; /* "": every language */
    const char *const *slugs;
    const double *points;
    size_t nproblems;
};

/* 0 when `who` owns assessment `id` (its team's, or any for the admin), else -ENOENT. */
int assessments_owned(db *d, const struct principal *who, int64_t id);
/* 0 when `who` may put problem `slug` in an assessment (it exists and `who` may read it). */
int assessments_problem_usable(db *d, const struct principal *who, const char *slug);

/*
 * Creates `a` for `who` in one transaction: its id into *id. The team's first webhook URL also
 * makes the team's signing secret, copied into `secret` (WEBHOOK_SECRET_LEN bytes; "" when the
 * team had one already). -EEXIST for a problem listed twice.
 */
int assessments_create(db *d, const struct principal *who, const struct assessment_new *a,
                       int64_t *id, char *secret);
/*
 * Replaces assessment `id` with `a` (its problems too), as assessments_create() makes one, while
 * no candidate has started it: -EALREADY once one has, their count into *started. A webhook URL
 * new to the team makes its secret, copied into `secret` as create does.
 */
int assessments_replace(db *d, const struct principal *who, int64_t id,
                        const struct assessment_new *a, char *secret, int64_t *started);
/* Sets the allowed languages ("": every language) while no candidate has started: as above. */
int assessments_set_languages(db *d, int64_t id, const char *languages, int64_t *started);
int assessments_get(db *d, int64_t id, struct assessment_row *out);
int assessments_read(dbc *c, int64_t id, struct assessment_row *out);
/* The assessments `who` owns, newest first: a new array into *out (assessments_list_free). */
int assessments_list(db *d, const struct principal *who, struct assessment_row **out, size_t *n);
void assessments_list_free(struct assessment_row *list, size_t n);
/*
 * Deletes assessment `id` with its invites and every submission of its candidates, queued or
 * being judged too (a worker judging one then finds no row to record into).
 */
int assessments_delete(db *d, int64_t id);

/* 1 when problem `slug` is in assessment `aid`, 0 when not. */
int assessments_has_problem(dbc *c, int64_t aid, const char *slug);
/*
 * Does an assessment that has not ended (a session running, or an invite that may still start)
 * use problem `slug`? 1 with its title into `title`, 0, or a negative errno.
 */
int assessments_problem_in_use(db *d, const char *slug, int64_t now, char *title, size_t size);

#endif
