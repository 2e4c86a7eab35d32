/*
 * render: what of a judged test a viewer is shown. The one place the hidden-test rule lives:
 * every result that leaves the server (GET, lists, ?wait, events, candidate views, reports, the
 * Run button) goes through it.
 *
 * The rule: whoever does not own the problem (anonymous, candidates, other teams) sees, of a
 * hidden (non-sample) test, its verdict only: no time, memory or message, since a program can
 * encode a hidden input in those figures. The submission's time and memory are then taken over
 * the samples alone. Owners and the admin see everything. A candidate whose assessment does not
 * show hidden results does not see hidden tests at all, only how many there were.
 *
 * Pure functions of their arguments: thread-safe.
 */
#ifndef SERVER_RENDER_H
#define SERVER_RENDER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "auth.h"

/* How one viewer sees results of one problem. */
struct render_view {
    bool full;        /* owner or admin: every figure of every test */
    bool drop_hidden; /* a candidate whose assessment hides hidden tests: not even their verdict */
};

/*
 * The view of `who` on results of a problem owned by team `problem_team` (0: the admin's).
 * `show_hidden` is the assessment's setting, for a candidate's submissions.
 */
struct render_view render_view_of(const struct principal *who, int64_t problem_team,
                                  bool show_hidden);

/* One judged test, whole, as it is stored (strings borrowed). */
struct render_test {
    int64_t index;
    const char *name, *group, *verdict;
    const char *message; /* the checker's or the judge's word; NULL or "" for none */
    bool sample;
    int64_t time_ms, memory_kb;
    int64_t wall_ms; /* real time, waits for a CPU included (0: not known) */
};

/* The test as `v` sees it: a new reference, or NULL when `v` does not see the test at all. */
json_t *render_test(const struct render_view *v, const struct render_test *t);

/*
 * The same from the whole internal JSON form of a test (what render_test_raw makes: workers'
 * live progress is kept in it; borrowed). A new reference; NULL when not seen, or when `raw` is
 * not such an object.
 */
json_t *render_test_json(const struct render_view *v, const json_t *raw);

/* The whole internal JSON form of a test (new reference): never sent as it is. */
json_t *render_test_raw(const struct render_test *t);

/*
 * The submission's figures `v` is shown: over every test for the full view, over the samples
 * otherwise. Sets "time_ms" and "memory_kb" on `result`.
 */
struct render_figures {
    int64_t all_time_ms, all_memory_kb;       /* the slowest and largest of every test */
    int64_t sample_time_ms, sample_memory_kb; /* of the samples alone */
};
void render_figures_add(struct render_figures *f, const struct render_test *t);
void render_figures_set(const struct render_view *v, const struct render_figures *f,
                        json_t *result);

#endif
