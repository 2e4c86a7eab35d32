/*
 * check_rates: rate-limit buckets in the store (domain/rates.c), shared by two handles on one
 * store as two judged nodes share them. SQLite in a fresh folder by default;
 * JUDGED_TEST_STORE=postgresql://... runs the same cases against PostgreSQL.
 */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "fsutil.h"
#include "helpers.h"
#include "helpers_db.h"
#include "rates.h"

static char *dir;
static db *node_a, *node_b;

static void setup(void)
{
    char url[4096], err[256];
    const char *env = getenv("JUDGED_TEST_STORE");
    dir = helper_tmpdir();
    if (env && *env)
        snprintf(url, sizeof(url), "%s", env);
    else
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
    ck_assert_msg(db_open_url(url, &node_a, err, sizeof(err)) == 0, "%s", err);
    ck_assert_msg(db_open_url(url, &node_b, err, sizeof(err)) == 0, "%s", err);
}

static void teardown(void)
{
    db_close(node_b);
    helper_db_empty(node_a);
    db_close(node_a);
    fs_remove_tree(dir);
    free(dir);
}

/* One a minute with a burst of 3: no token comes back within a test. */
START_TEST(test_burst_is_shared_by_nodes)
{
    unsigned retry = 0;
    ck_assert_int_eq(rates_take(node_a, "read:10.0.0.1", 1, 3, &retry), 1);
    ck_assert_int_eq(rates_take(node_b, "read:10.0.0.1", 1, 3, &retry), 1);
    ck_assert_int_eq(rates_take(node_a, "read:10.0.0.1", 1, 3, &retry), 1);
    /* The burst is spent on the two nodes together: both refuse now. */
    ck_assert_int_eq(rates_take(node_b, "read:10.0.0.1", 1, 3, &retry), 0);
    ck_assert_uint_ge(retry, 1);
    ck_assert_uint_le(retry, 60);
    ck_assert_int_eq(rates_take(node_a, "read:10.0.0.1", 1, 3, &retry), 0);
}
END_TEST

START_TEST(test_keys_are_apart)
{
    unsigned retry = 0;
    ck_assert_int_eq(rates_take(node_a, "submit:token:1", 1, 1, &retry), 1);
    ck_assert_int_eq(rates_take(node_b, "submit:token:1", 1, 1, &retry), 0);
    ck_assert_int_eq(rates_take(node_b, "submit:token:2", 1, 1, &retry), 1);
}
END_TEST

START_TEST(test_refill_brings_a_token_back)
{
    unsigned retry = 0;
    /* 600000 a minute: 10 a millisecond, so the bucket is whole again at once. */
    ck_assert_int_eq(rates_take(node_a, "fast", 600000, 1, &retry), 1);
    dbc *c = db_get(node_a);
    ck_assert_ptr_nonnull(c);
    /* Move the bucket's last take a second back instead of waiting for it. */
    ck_assert_int_eq(
        dbc_run(c, "UPDATE rate_buckets SET at_ms = at_ms - 1000 WHERE key = ?", "s", "fast"), 0);
    db_put(node_a, c);
    ck_assert_int_eq(rates_take(node_b, "fast", 600000, 1, &retry), 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rates");
    TCase *tc = tcase_create("shared");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_burst_is_shared_by_nodes);
    tcase_add_test(tc, test_keys_are_apart);
    tcase_add_test(tc, test_refill_brings_a_token_back);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
