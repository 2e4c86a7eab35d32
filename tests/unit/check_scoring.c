/* judge_score: points by groups, partial credit, and the rule that only AC scores max_score. */
#include <stdlib.h>
#include <string.h>

/* check.h has an enum test_result of its own: judge.h's struct is renamed in this file alone. */
#define test_result judge_test_result
#include "judge.h"
#undef test_result

#include <check.h>

/* A package of groups: group 0 is data/sample, the others secret groups. */
static struct pkg_group groups[4];
static struct pkg_test tests[16];
static struct judge_test_result results[16];
static struct pkg p;
static struct judge_result res;

/* Group `g` worth `points` with `n` tests, added at the end of the test order. */
static void add_group(size_t g, const char *name, double points, enum pkg_aggregation agg, int n)
{
    groups[g] = (struct pkg_group){.name = (char *)name, .points = points, .aggregation = agg};
    if (g + 1 > p.ngroups)
        p.ngroups = g + 1;
    for (int i = 0; i < n; i++)
        tests[p.ntests++] = (struct pkg_test){.name = (char *)name, .group = g, .sample = g == 0};
}

static void setup(void)
{
    memset(groups, 0, sizeof(groups));
    memset(tests, 0, sizeof(tests));
    memset(results, 0, sizeof(results));
    p = (struct pkg){.groups = groups, .tests = tests};
    res = (struct judge_result){.tests = results};
}

/* Judges every test with the verdicts given in test order; the submission's verdict follows. */
static void judge(const enum verdict *v)
{
    res.verdict = V_AC;
    res.ntests = p.ntests;
    for (size_t i = 0; i < p.ntests; i++) {
        results[i] = (struct judge_test_result){.test = &tests[i], .verdict = v[i]};
        res.verdict = verdict_combine(res.verdict, v[i]);
    }
    judge_score(&p, &res);
}

START_TEST(test_pass_fail_partial_credit)
{
    add_group(0, "sample", 0, PKG_SUM, 1);
    add_group(1, "secret", 0, PKG_SUM, 4);
    judge((enum verdict[]){V_AC, V_AC, V_WA, V_AC, V_AC});
    ck_assert_double_eq(res.max_score, 100);
    ck_assert_double_eq_tol(res.score, 75, 1e-9);
    ck_assert_int_eq(res.verdict, V_WA);
    judge((enum verdict[]){V_AC, V_AC, V_AC, V_AC, V_AC});
    ck_assert_double_eq(res.score, 100);
    ck_assert_int_eq(res.verdict, V_AC);
}
END_TEST

/* A failed sample with every secret test passed: one share below the maximum, never all of it. */
START_TEST(test_failed_sample_never_full_score)
{
    add_group(0, "sample", 0, PKG_SUM, 1);
    add_group(1, "secret", 0, PKG_SUM, 4);
    judge((enum verdict[]){V_WA, V_AC, V_AC, V_AC, V_AC});
    ck_assert_int_eq(res.verdict, V_WA);
    ck_assert_double_eq_tol(res.score, 75, 1e-9);
}
END_TEST

START_TEST(test_scoring_groups_min_and_sum)
{
    p.scoring = true;
    add_group(0, "sample", 0, PKG_SUM, 1);
    add_group(1, "group1", 30, PKG_MIN, 2); /* all or nothing */
    add_group(2, "group2", 70, PKG_SUM, 2); /* a share per test */
    judge((enum verdict[]){V_AC, V_AC, V_TLE, V_AC, V_WA});
    ck_assert_double_eq(res.max_score, 100);
    ck_assert_double_eq_tol(res.score, 35, 1e-9); /* group1: 0 of 30; group2: half of 70 */
    judge((enum verdict[]){V_AC, V_AC, V_AC, V_RE, V_AC});
    ck_assert_double_eq_tol(res.score, 65, 1e-9);
    judge((enum verdict[]){V_AC, V_AC, V_AC, V_AC, V_AC});
    ck_assert_double_eq(res.score, 100);
}
END_TEST

/* Scoring: a failed sample caps the score one share (the smallest group's points) below the top. */
START_TEST(test_scoring_cap_is_smallest_group)
{
    p.scoring = true;
    add_group(0, "sample", 0, PKG_SUM, 1);
    add_group(1, "group1", 30, PKG_MIN, 1);
    add_group(2, "group2", 70, PKG_MIN, 1);
    judge((enum verdict[]){V_RE, V_AC, V_AC});
    ck_assert_double_eq_tol(res.score, 70, 1e-9);
    ck_assert(res.score < res.max_score);
}
END_TEST

/* Tests not judged (a group cut short by first_error, or cancelled) earn nothing. */
START_TEST(test_tests_not_judged_earn_nothing)
{
    add_group(0, "sample", 0, PKG_SUM, 1);
    add_group(1, "secret", 0, PKG_SUM, 4);
    judge((enum verdict[]){V_AC, V_AC, V_AC, V_AC, V_AC});
    res.ntests = 3; /* only the sample and two secret tests ran */
    judge_score(&p, &res);
    ck_assert_double_eq_tol(res.score, 50, 1e-9);
}
END_TEST

START_TEST(test_no_secret_tests)
{
    add_group(0, "sample", 0, PKG_SUM, 2);
    judge((enum verdict[]){V_AC, V_AC});
    ck_assert_double_eq(res.score, 0);
    ck_assert_double_eq(res.max_score, 100);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scoring");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_pass_fail_partial_credit);
    tcase_add_test(tc, test_failed_sample_never_full_score);
    tcase_add_test(tc, test_scoring_groups_min_and_sum);
    tcase_add_test(tc, test_scoring_cap_is_smallest_group);
    tcase_add_test(tc, test_tests_not_judged_earn_nothing);
    tcase_add_test(tc, test_no_secret_tests);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
