/*
 * check_queue: the submissions queue, its leases and its results against a real store (SQLite in
 * a fresh folder; JUDGED_TEST_STORE=postgresql://... runs the same cases against PostgreSQL):
 * enqueue with the caps, fair claims, a lease that expires and is swept back, and the rule that
 * a submission gets exactly one result whoever judged it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* check.h has an `enum test_result` of its own: the judge's struct is renamed in this file. */
#define test_result judge_test_result
#include "fsutil.h"
#include "helpers.h"
#include "leases.h"
#include "queue.h"
#include "server.h"
#include "submissions.h"
#undef test_result

#include <check.h>

static char *dir;
static struct server srv;
static int64_t version_id;

static const struct principal admin = {.role = ROLE_ADMIN};

static void setup(void)
{
    char url[4096], err[256];
    const char *env = getenv("JUDGED_TEST_STORE");
    ck_assert_int_ge(sodium_init(), 0);
    dir = helper_tmpdir();
    if (env && *env)
        snprintf(url, sizeof(url), "%s", env);
    else
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
    memset(&srv, 0, sizeof(srv));
    ck_assert_msg(db_open_url(url, &srv.db, err, sizeof(err)) == 0, "%s", err);
    ck_assert_ptr_nonnull(srv.queue = queue_new());
    srv.cfg.queue_max = 100;
    srv.cfg.queue_per_client = 3;
    srv.cfg.queue_per_token = 100;
    srv.cfg.lease_s = 30;
    dbc *c = db_get(srv.db);
    ck_assert_ptr_nonnull(c);
    /* A store shared with earlier runs (PostgreSQL) starts empty of what these cases make. */
    ck_assert_int_eq(dbc_run(c, "DELETE FROM submission_tests", ""), 0);
    ck_assert_int_eq(dbc_run(c, "DELETE FROM submissions", ""), 0);
    ck_assert_int_eq(dbc_run(c, "DELETE FROM problem_versions WHERE slug = 'q-unit'", ""), 0);
    ck_assert_int_eq(dbc_run(c, "DELETE FROM problems WHERE slug = 'q-unit'", ""), 0);
    ck_assert_int_eq(dbc_run(c,
                             "INSERT INTO problems (slug, public, created_at, updated_at) VALUES "
                             "('q-unit', 1, ?, 0)",
                             "i", db_now_ms()),
                     0);
    ck_assert_int_eq(dbc_scalar(c, &version_id,
                                "INSERT INTO problem_versions (slug, version, hash, title, "
                                "time_limit_ms, detail, verification, tests, created_at) VALUES "
                                "('q-unit', 1, 'h', 'Q', 1000, '{}', '{}', 2, ?) RETURNING id",
                                "i", db_now_ms()),
                     0);
    db_put(srv.db, c);
}

static void teardown(void)
{
    queue_free(srv.queue);
    db_close(srv.db);
    fs_remove_tree(dir);
    free(dir);
}

/* Submits as an anonymous client at `address`; the queue_submit result. */
static int submit(const char *address, char id[SUBMISSION_ID_LEN + 1])
{
    static const struct principal anon = {.role = ROLE_ANON};
    struct submit_request req = {version_id, "q-unit", "c", "int main(){}", &anon, address};
    return queue_submit(&srv, &req, id);
}

static const char *status_of(const char *id)
{
    static char status[16];
    struct submission_row row;
    ck_assert_int_eq(submission_get(&srv, id, &admin, false, &row), 0);
    snprintf(status, sizeof(status), "%s", row.status);
    submission_row_release(&row);
    return status;
}

/* A result of verdict `v` with one test named `name`. */
static struct judged_result result(enum verdict v, struct test_row *t, const char *name)
{
    *t = (struct test_row){.index = 0,
                           .name = (char *)name,
                           .group = (char *)"secret",
                           .verdict = (char *)verdict_code(v),
                           .time_ms = 3,
                           .memory_kb = 100};
    return (struct judged_result){
        .verdict = v, .score = v == V_AC ? 100 : 0, .max_score = 100, .tests = t, .ntests = 1};
}

START_TEST(test_enqueue_and_caps)
{
    char id[SUBMISSION_ID_LEN + 1];
    long running = -1;
    ck_assert_int_eq(queue_depth(&srv, &running), 0);
    ck_assert_int_eq(submit("10.0.0.1", id), 0);
    ck_assert_uint_eq(strlen(id), SUBMISSION_ID_LEN);
    ck_assert_str_eq(status_of(id), "queued");
    ck_assert_int_eq(submit("10.0.0.1", id), 0);
    ck_assert_int_eq(submit("10.0.0.1", id), 0);
    /* The fourth of one client passes its cap; another client's still goes in. */
    ck_assert_int_eq(submit("10.0.0.1", id), -EDQUOT);
    ck_assert_int_eq(submit("10.0.0.2", id), 0);
    ck_assert_int_eq(queue_depth(&srv, &running), 4);
    ck_assert_int_eq(running, 0);
    srv.cfg.queue_max = 4;
    ck_assert_int_eq(submit("10.0.0.3", id), -EAGAIN);
}
END_TEST

START_TEST(test_claim_is_fair_and_once)
{
    char a1[SUBMISSION_ID_LEN + 1], a2[SUBMISSION_ID_LEN + 1], b1[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", a1), 0);
    ck_assert_int_eq(submit("a", a2), 0);
    ck_assert_int_eq(submit("b", b1), 0);
    struct job j1, j2, j3, none;
    ck_assert_int_eq(queue_claim(&srv, &j1), 0);
    ck_assert_str_eq(j1.id, a1);
    ck_assert_int_eq(j1.attempt, 1);
    ck_assert_str_eq(j1.source, "int main(){}");
    /* Client b, with none being judged, comes before a's second. */
    ck_assert_int_eq(queue_claim(&srv, &j2), 0);
    ck_assert_str_eq(j2.id, b1);
    ck_assert_int_eq(queue_claim(&srv, &j3), 0);
    ck_assert_str_eq(j3.id, a2);
    ck_assert_int_eq(queue_claim(&srv, &none), -ENOENT);
    ck_assert_ptr_null(none.source);
    ck_assert_str_eq(status_of(a1), "compiling");
    long running = 0;
    ck_assert_int_eq(queue_depth(&srv, &running), 0);
    ck_assert_int_eq(running, 3);
    job_release(&j1);
    job_release(&j2);
    job_release(&j3);
}
END_TEST

START_TEST(test_exactly_once_result)
{
    char id[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", id), 0);
    struct job first, second;
    ck_assert_int_eq(queue_claim(&srv, &first), 0);
    /* Put back (a shutdown) and claimed again: the first claim is not current any more. */
    ck_assert_int_eq(queue_requeue(&srv, &first), 0);
    ck_assert_int_eq(queue_requeue(&srv, &first), -ESTALE);
    ck_assert_int_eq(queue_claim(&srv, &second), 0);
    ck_assert_str_eq(second.id, id);
    ck_assert_int_eq(second.attempt, 2);
    struct test_row t;
    struct judged_result wa = result(V_WA, &t, "secret/01");
    ck_assert_int_eq(queue_finish(&srv, &first, &wa), -ESTALE);
    ck_assert_str_eq(status_of(id), "compiling");
    struct judged_result ac = result(V_AC, &t, "secret/02");
    ck_assert_int_eq(queue_finish(&srv, &second, &ac), 0);
    /* The same claim again, and the stale one after it: refused, nothing changes. */
    ck_assert_int_eq(queue_finish(&srv, &second, &wa), -ESTALE);
    ck_assert_int_eq(queue_finish(&srv, &first, &wa), -ESTALE);
    struct submission_row row;
    ck_assert_int_eq(submission_get(&srv, id, &admin, true, &row), 0);
    ck_assert_str_eq(row.status, "done");
    ck_assert_str_eq(row.verdict, "AC");
    ck_assert(row.score == 100);
    ck_assert_uint_eq(row.ntests, 1);
    ck_assert_str_eq(row.tests[0].name, "secret/02");
    ck_assert_str_eq(row.source, "int main(){}");
    ck_assert_int_gt(row.finished_at, 0);
    submission_row_release(&row);
    job_release(&first);
    job_release(&second);
}
END_TEST

START_TEST(test_judge_failure_is_a_verdict)
{
    char id[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", id), 0);
    struct job j;
    ck_assert_int_eq(queue_claim(&srv, &j), 0);
    struct judged_result ie = {.verdict = V_IE, .max_score = 100, .error = "sandbox broke"};
    ck_assert_int_eq(queue_finish(&srv, &j, &ie), 0);
    struct submission_row row;
    ck_assert_int_eq(submission_get(&srv, id, &admin, false, &row), 0);
    ck_assert_str_eq(row.verdict, "IE");
    ck_assert_str_eq(row.error, "sandbox broke");
    submission_row_release(&row);
    job_release(&j);
}
END_TEST

START_TEST(test_lease_expiry_requeues)
{
    char id[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", id), 0);
    struct principal worker = {.role = ROLE_WORKER, .token_id = 0};
    struct lease_job lj;
    ck_assert_int_eq(leases_claim(&srv, &worker, &lj), 0);
    ck_assert_str_eq(lj.job.id, id);
    ck_assert(lj.has_problem);
    ck_assert_str_eq(lj.hash, "h");
    char held[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(leases_current(&srv, &worker, lj.lease_id, held), 0);
    ck_assert_str_eq(held, id);
    /* Not expired yet: the sweep leaves it. */
    ck_assert_int_eq(leases_sweep(&srv), 0);
    int64_t expires = 0;
    ck_assert_int_eq(leases_heartbeat(&srv, &worker, lj.lease_id, &expires), 0);
    ck_assert_int_gt(expires, 0);
    /* The worker falls silent past its lease. */
    dbc *c = db_get(srv.db);
    ck_assert_int_eq(
        dbc_run(c, "UPDATE submissions SET lease_expires_at = 1 WHERE id = ?", "s", id), 0);
    db_put(srv.db, c);
    ck_assert_int_eq(leases_sweep(&srv), 1);
    ck_assert_str_eq(status_of(id), "queued");
    /* Its lease is dead for every action; the row is claimed anew. */
    ck_assert_int_eq(leases_heartbeat(&srv, &worker, lj.lease_id, &expires), -ESTALE);
    ck_assert_int_eq(leases_current(&srv, &worker, lj.lease_id, held), -ESTALE);
    struct lease_job again;
    ck_assert_int_eq(leases_claim(&srv, &worker, &again), 0);
    ck_assert_str_eq(again.job.id, id);
    ck_assert_int_eq(again.job.attempt, 2);
    ck_assert_str_ne(again.lease_id, lj.lease_id);
    struct test_row t;
    struct judged_result wa = result(V_WA, &t, "secret/01");
    double seconds = -1;
    char got[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(leases_record(&srv, &worker, lj.lease_id, &wa, got, &seconds), -ESTALE);
    struct judged_result ac = result(V_AC, &t, "secret/01");
    ck_assert_int_eq(leases_record(&srv, &worker, again.lease_id, &ac, got, &seconds), 0);
    ck_assert_str_eq(got, id);
    ck_assert(seconds >= 0);
    /* Exactly once: the same lease cannot record again, nor release a done submission. */
    ck_assert_int_eq(leases_record(&srv, &worker, again.lease_id, &wa, got, &seconds), -ESTALE);
    ck_assert_int_eq(leases_release(&srv, &worker, again.lease_id, got), -ESTALE);
    struct submission_row row;
    ck_assert_int_eq(submission_get(&srv, id, &admin, false, &row), 0);
    ck_assert_str_eq(row.verdict, "AC");
    submission_row_release(&row);
    job_release(&lj.job);
    job_release(&again.job);
}
END_TEST

START_TEST(test_lease_belongs_to_its_worker)
{
    char id[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", id), 0);
    dbc *c = db_get(srv.db);
    int64_t t1 = 0, t2 = 0;
    static const unsigned char h1[32] = {1}, h2[32] = {2};
    ck_assert_int_eq(dbc_scalar(c, &t1,
                                "INSERT INTO tokens (hash, role, name, created_at) VALUES "
                                "(?, 'worker', 'w1', 0) RETURNING id",
                                "b", h1, sizeof(h1)),
                     0);
    ck_assert_int_eq(dbc_scalar(c, &t2,
                                "INSERT INTO tokens (hash, role, name, created_at) VALUES "
                                "(?, 'worker', 'w2', 0) RETURNING id",
                                "b", h2, sizeof(h2)),
                     0);
    db_put(srv.db, c);
    struct principal w1 = {.role = ROLE_WORKER, .token_id = t1};
    struct principal w2 = {.role = ROLE_WORKER, .token_id = t2};
    struct lease_job lj;
    ck_assert_int_eq(leases_claim(&srv, &w1, &lj), 0);
    char got[SUBMISSION_ID_LEN + 1];
    int64_t expires;
    ck_assert_int_eq(leases_heartbeat(&srv, &w2, lj.lease_id, &expires), -ESTALE);
    ck_assert_int_eq(leases_release(&srv, &w2, lj.lease_id, got), -ESTALE);
    struct worker_token *rows = NULL;
    size_t n = 0;
    ck_assert_int_eq(leases_tokens_list(&srv, &rows, &n), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(rows[0].leases, 1);
    ck_assert_int_eq(rows[1].leases, 0);
    free(rows);
    /* The holder releases it: back in the queue. */
    ck_assert_int_eq(leases_release(&srv, &w1, lj.lease_id, got), 0);
    ck_assert_str_eq(got, id);
    ck_assert_str_eq(status_of(id), "queued");
    job_release(&lj.job);
}
END_TEST

START_TEST(test_recover_and_rejudge)
{
    char id[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", id), 0);
    ck_assert_int_eq(submission_rejudge(&srv, id), -EALREADY);
    ck_assert_int_eq(submission_rejudge(&srv, "nope"), -ENOENT);
    struct job j;
    ck_assert_int_eq(queue_claim(&srv, &j), 0);
    /* A crash: the judgement in hand goes back to the queue at the next start. */
    long count = 0;
    ck_assert_int_eq(queue_recover(&srv, &count), 0);
    ck_assert_int_eq(count, 1);
    ck_assert_str_eq(status_of(id), "queued");
    job_release(&j);
    ck_assert_int_eq(queue_claim(&srv, &j), 0);
    struct test_row t;
    struct judged_result wa = result(V_WA, &t, "secret/01");
    ck_assert_int_eq(queue_finish(&srv, &j, &wa), 0);
    ck_assert_int_eq(submission_rejudge(&srv, id), 0);
    ck_assert_str_eq(status_of(id), "queued");
    job_release(&j);
}
END_TEST

START_TEST(test_live_progress_and_visibility)
{
    char id[SUBMISSION_ID_LEN + 1];
    ck_assert_int_eq(submit("a", id), 0);
    struct job j;
    ck_assert_int_eq(queue_claim(&srv, &j), 0);
    struct queue_watch w;
    queue_watch_init(&srv, id, &w);
    queue_live_begin(&srv, id);
    ck_assert(queue_watch_wait(&srv, id, &w, 0));
    queue_live_status(&srv, id, "running", "warning: x");
    struct test_row t = {.index = 0,
                         .name = "sample/1",
                         .group = "sample",
                         .verdict = "AC",
                         .sample = true,
                         .time_ms = 2};
    queue_live_test(&srv, id, &t);
    ck_assert(queue_watch_wait(&srv, id, &w, 0));
    ck_assert(!queue_watch_wait(&srv, id, &w, 0));
    struct submission_row row;
    ck_assert_int_eq(submission_get(&srv, id, &admin, false, &row), 0);
    ck_assert_str_eq(row.status, "running");
    ck_assert_str_eq(row.compile_output, "warning: x");
    ck_assert_uint_eq(row.ntests, 1);
    ck_assert_str_eq(row.tests[0].name, "sample/1");
    submission_row_release(&row);
    /* An anonymous submission is anyone's by its id; not a candidate's, nor another team's. */
    struct principal cand = {.role = ROLE_CANDIDATE, .invite_id = 7};
    ck_assert_int_eq(submission_get(&srv, id, &cand, false, &row), -ENOENT);
    queue_live_end(&srv, id);
    ck_assert_str_eq(status_of(id), "compiling");
    struct submission_summary *list = NULL;
    size_t n = 0;
    bool more = true;
    struct submission_filter f = {.slug = "q-unit", .limit = 10};
    ck_assert_int_eq(submission_list(&srv, &f, &list, &n, &more), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert(!more);
    ck_assert_str_eq(list[0].id, id);
    submission_list_release(list, n);
    job_release(&j);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("queue");
    TCase *tc = tcase_create("queue");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_enqueue_and_caps);
    tcase_add_test(tc, test_claim_is_fair_and_once);
    tcase_add_test(tc, test_exactly_once_result);
    tcase_add_test(tc, test_judge_failure_is_a_verdict);
    tcase_add_test(tc, test_lease_expiry_requeues);
    tcase_add_test(tc, test_lease_belongs_to_its_worker);
    tcase_add_test(tc, test_recover_and_rejudge);
    tcase_add_test(tc, test_live_progress_and_visibility);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
