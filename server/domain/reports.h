/*
 * reports: what an assessment's candidates achieved. The sheet is the table of counted
 * submissions (the best, or the last, per candidate and problem); the report adds the candidates
 * and the pairs of submissions alike enough to look at (similarity.h), within the assessment and
 * against the same team's other assessments, never another team's.
 *
 * Every function returns 0 or a negative errno (db.h's) and never logs. Functions taking a `db`
 * take a pooled connection of their own and are thread-safe; those taking a `dbc` run on the
 * caller's (the sweep's transaction, a session's view).
 */
#ifndef SERVER_REPORTS_H
#define SERVER_REPORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessments.h"
#include "db.h"
#include "invites.h"
#include "similarity.h"

/* One candidate's submissions to one problem. */
struct report_cell {
    int submissions;
    double fraction; /* score / max_score of the counted submission */
    char verdict[8];
    char submission[40];
    int64_t seq;
    bool counted; /* a judged submission counts */
    bool final;   /* a submission was made from the draft at time-up */
};

/* The counted submissions of every candidate (rows, by invite id) to every problem (columns). */
struct report_sheet {
    int64_t aid;
    bool last; /* counts the last submission, not the best */
    size_t nprob, ncand;
    char (*slugs)[72];
    double *points;
    int64_t *invites;
    struct report_cell *cells; /* ncand x nprob */
};

int reports_sheet_fill(dbc *c, int64_t aid, struct report_sheet *sh);
void reports_sheet_release(struct report_sheet *sh); /* a zeroed or filled sheet */
const struct report_cell *reports_cell(const struct report_sheet *sh, size_t cand, size_t prob);
/* The points a cell earns (its problem's points times the counted fraction). */
double reports_cell_score(const struct report_sheet *sh, size_t cand, size_t prob);
double reports_total(const struct report_sheet *sh, size_t cand);
double reports_max_total(const struct report_sheet *sh);
/* The row of `invite` in `sh`, or sh->ncand when it has none. */
size_t reports_row_of(const struct report_sheet *sh, int64_t invite);
/* A candidate's total (to hundredths) and the maximum, as the report counts them. */
int reports_candidate_total(dbc *c, int64_t aid, int64_t invite, double *total, double *max);
/* Seconds of the session used by `now`: it ended at the first of finishing, revocation and its
 * end time. -1 when it has not started. */
int64_t reports_time_used_s(const struct invite_row *i, int64_t now);

/* One side of a similar pair; strings owned by the pair (reports_pairs_free). */
struct report_side {
    int64_t invite_id, assessment_id;
    char *name;
    char *assessment_title; /* for a side in another assessment, else NULL */
    char *source;           /* when sources were asked for, else NULL */
    char submission[40];
};

struct report_pair {
    char slug[72];
    double score, fingerprints, structure; /* to hundredths, as reported */
    bool other;                            /* b is in another assessment of the team */
    char reasons[4][SIMILARITY_REASON_LEN];
    size_t nreasons;
    struct report_side a, b;
    struct similarity_region *regions; /* with sources only: where the two match */
    size_t nregions;
};
void reports_pairs_free(struct report_pair *pairs, size_t n);

/*
 * The pairs of assessment `aid` scoring `lo` or more, most alike first (ties keep problem, then
 * candidate order): its candidates' counted submissions to each problem against each other and
 * against those of the team's other assessments with that problem. `sources`: with both sources
 * and the matched regions. A new array into *out (reports_pairs_free).
 */
int reports_similarity(db *d, int64_t aid, bool sources, double lo, struct report_pair **out,
                       size_t *n);

/* The report of an assessment; everything in it is owned by it (reports_release). */
struct report {
    struct assessment_row assessment;
    struct report_sheet sheet;
    struct invite_row *candidates; /* in the sheet's rows' order */
    size_t ncandidates;
    struct report_pair *pairs; /* flagged pairs (SIMILARITY_FLAG), without sources */
    size_t npairs;
};
int reports_read(db *d, int64_t aid, struct report *out);
void reports_release(struct report *rep); /* a zeroed or read report */

#endif
