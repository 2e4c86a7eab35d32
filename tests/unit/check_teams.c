/*
 * check_teams: the teams domain module against a real store (SQLite in a fresh folder, or
 * JUDGED_TEST_STORE), and the errno-to-HTTP table its handlers answer with.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "errmap.h"
#include "fsutil.h"
#include "helpers.h"
#include "teams.h"

static char *dir;
static db *d;

static void setup(void)
{
    char url[4096], err[256];
    const char *env = getenv("JUDGED_TEST_STORE");
    dir = helper_tmpdir();
    if (env && *env)
        snprintf(url, sizeof(url), "%s", env);
    else
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
    ck_assert_msg(db_open_url(url, &d, err, sizeof(err)) == 0, "%s", err);
    dbc *c = db_get(d);
    /* A PostgreSQL store is shared between runs: start from no teams. */
    ck_assert_int_eq(dbc_run(c, "DELETE FROM tokens WHERE team_id IS NOT NULL", ""), 0);
    dbc_run(c, "DELETE FROM teams WHERE name LIKE 'unit-%'", "");
    db_put(d, c);
}

static void teardown(void)
{
    db_close(d);
    fs_remove_tree(dir);
    free(dir);
}

START_TEST(test_create_get_and_duplicate_name)
{
    struct team_row t, again;
    ck_assert_int_eq(teams_create(d, "unit-a", &t), 0);
    ck_assert_int_gt(t.id, 0);
    ck_assert_int_eq(teams_get(d, t.id, &again), 0);
    ck_assert_str_eq(again.name, "unit-a");
    ck_assert_int_eq(again.created_at, t.created_at);
    ck_assert_int_eq(teams_create(d, "unit-a", &again), -EEXIST);
    ck_assert_int_eq(teams_get(d, t.id + 1000, NULL), -ENOENT);
}
END_TEST

START_TEST(test_keys_create_authenticate_revoke)
{
    struct team_row t;
    ck_assert_int_eq(teams_create(d, "unit-b", &t), 0);
    struct team_key_row k;
    char token[80];
    ck_assert_int_eq(team_keys_create(d, t.id, "ci", TEAM_ADMIN, &k, token, sizeof(token)), 0);
    ck_assert(!strncmp(token, "jd_", 3));
    struct auth *a = NULL;
    ck_assert_int_eq(auth_open(d, "unit-admin-token", stderr, &a), 0);
    struct principal who;
    ck_assert_int_eq(auth_lookup(a, token, &who), 0);
    ck_assert_int_eq(who.role, ROLE_TEAM);
    ck_assert_int_eq(who.team_id, t.id);
    struct team_key_row *keys = NULL;
    size_t n = 0;
    ck_assert_int_eq(team_keys_list(d, t.id, &keys, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(keys[0].revoked_at, 0);
    free(keys);
    ck_assert_int_eq(team_keys_revoke(d, k.id), 0);
    ck_assert_int_eq(team_keys_revoke(d, k.id), -ENOENT);
    ck_assert_int_eq(auth_lookup(a, token, &who), -ENOENT);
    ck_assert_int_eq(team_keys_list(d, t.id, &keys, &n), 0);
    ck_assert_int_gt(keys[0].revoked_at, 0);
    free(keys);
    ck_assert_int_eq(team_keys_list(d, t.id + 1000, &keys, &n), -ENOENT);
    ck_assert_int_eq(team_keys_create(d, t.id + 1000, "x", TEAM_ADMIN, &k, token, sizeof(token)),
                     -ENOENT);
    auth_close(a);
}
END_TEST

START_TEST(test_errno_table)
{
    ck_assert_int_eq(http_status_of_errno(-ENOENT), 404);
    ck_assert_int_eq(http_status_of_errno(-EEXIST), 409);
    ck_assert_int_eq(http_status_of_errno(-EINVAL), 422);
    ck_assert_int_eq(http_status_of_errno(-EACCES), 403);
    ck_assert_int_eq(http_status_of_errno(-EBUSY), 503);
    ck_assert_int_eq(http_status_of_errno(-EIO), 500);
    ck_assert_int_eq(http_status_of_errno(-ENOTRECOVERABLE), 500);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("teams");
    TCase *tc = tcase_create("teams");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_create_get_and_duplicate_name);
    tcase_add_test(tc, test_keys_create_authenticate_revoke);
    tcase_add_test(tc, test_errno_table);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
