/* ratelimit: token buckets per key. Rates are chosen so that refills during a test are nil. */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "ratelimit.h"

static struct ratelimit *rl;

static void setup(void)
{
    rl = ratelimit_new();
    ck_assert_ptr_nonnull(rl);
}

static void teardown(void)
{
    ratelimit_free(rl);
}

/* One token a minute: nothing refills while the test runs. */
START_TEST(test_burst_then_refused)
{
    unsigned retry = 0;
    for (int i = 0; i < 5; i++)
        ck_assert(ratelimit_take(rl, "a", 1, 5, &retry));
    ck_assert(!ratelimit_take(rl, "a", 1, 5, &retry));
    /* The next token comes in about a minute: never 0, never past it. */
    ck_assert_uint_ge(retry, 1);
    ck_assert_uint_le(retry, 60);
}
END_TEST

START_TEST(test_keys_are_independent)
{
    unsigned retry = 0;
    ck_assert(ratelimit_take(rl, "10.0.0.1", 1, 1, &retry));
    ck_assert(!ratelimit_take(rl, "10.0.0.1", 1, 1, &retry));
    ck_assert(ratelimit_take(rl, "10.0.0.2", 1, 1, &retry));
    ck_assert(ratelimit_take(rl, "token:7", 1, 1, &retry));
}
END_TEST

START_TEST(test_zero_rate_is_unlimited)
{
    for (int i = 0; i < 1000; i++)
        ck_assert(ratelimit_take(rl, "free", 0, 1, NULL));
}
END_TEST

/* A burst below one still lets one request through: a bucket holds at least a token. */
START_TEST(test_burst_at_least_one)
{
    ck_assert(ratelimit_take(rl, "b", 1, 0, NULL));
    ck_assert(!ratelimit_take(rl, "b", 1, 0, NULL));
}
END_TEST

/* A fast bucket refills: the refused key is let through again once a token came (by state). */
START_TEST(test_refills)
{
    ck_assert(ratelimit_take(rl, "fast", 600000, 1, NULL)); /* 10 000 a second */
    unsigned retry = 99;
    bool again = false;
    for (long i = 0; i < 100000000 && !again; i++)
        again = ratelimit_take(rl, "fast", 600000, 1, &retry);
    ck_assert(again);
}
END_TEST

/* Many more keys than the table holds: memory stays fixed and fresh keys start full. */
START_TEST(test_many_keys)
{
    char key[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(key, sizeof(key), "client-%d", i);
        ck_assert(ratelimit_take(rl, key, 1, 1, NULL));
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ratelimit");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_burst_then_refused);
    tcase_add_test(tc, test_keys_are_independent);
    tcase_add_test(tc, test_zero_rate_is_unlimited);
    tcase_add_test(tc, test_burst_at_least_one);
    tcase_add_test(tc, test_refills);
    tcase_add_test(tc, test_many_keys);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
