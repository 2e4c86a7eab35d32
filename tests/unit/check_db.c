/*
 * check_db: the engine-neutral database API against a real store. SQLite in a fresh folder by
 * default; JUDGED_TEST_STORE=postgresql://... runs the same cases against PostgreSQL.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fsutil.h"
#include "helpers.h"

static char *dir;
static db *d;
static dbc *c;

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
    ck_assert_ptr_nonnull(c = db_get(d));
    ck_assert_int_eq(dbc_run(c, "DROP TABLE IF EXISTS t_unit", ""), 0);
    ck_assert_int_eq(
        dbc_run(c,
                DB_SQL(c,
                       "CREATE TABLE t_unit (id INTEGER PRIMARY KEY, name TEXT UNIQUE, "
                       "n INTEGER, x REAL, b BLOB)",
                       "CREATE TABLE t_unit (id BIGSERIAL PRIMARY KEY, name TEXT UNIQUE, "
                       "n BIGINT, x DOUBLE PRECISION, b BYTEA)"),
                ""),
        0);
}

static void teardown(void)
{
    dbc_run(c, "DROP TABLE IF EXISTS t_unit", "");
    db_put(d, c);
    db_close(d);
    fs_remove_tree(dir);
    free(dir);
}

START_TEST(test_insert_returning_and_read_by_name)
{
    int64_t id = 0;
    static const char blob[] = {1, 0, 2, (char)0xff};
    ck_assert_int_eq(
        dbc_scalar(c, &id, "INSERT INTO t_unit (name, n, x, b) VALUES (?, ?, ?, ?) RETURNING id",
                   "sidb", "it's", (int64_t)1 << 40, 2.5, blob, sizeof(blob)),
        0);
    ck_assert_int_gt(id, 0);
    dbrows *r = NULL;
    ck_assert_int_eq(
        dbc_query(c, &r, "SELECT id, name, n, x, b, NULL AS z FROM t_unit WHERE id = ?", "i", id),
        0);
    ck_assert_int_eq(dbrows_next(r), 1);
    ck_assert_str_eq(dbrows_text(r, "name"), "it's");
    ck_assert(dbrows_int(r, "n") == (int64_t)1 << 40);
    ck_assert(dbrows_double(r, "x") == 2.5);
    size_t len = 0;
    const void *b = dbrows_blob(r, "b", &len);
    ck_assert_uint_eq(len, sizeof(blob));
    ck_assert(!memcmp(b, blob, len));
    ck_assert(dbrows_null(r, "z"));
    ck_assert_ptr_null(dbrows_text(r, "z"));
    char *z = dbrows_strdup(r, "z");
    ck_assert_str_eq(z, "");
    free(z);
    ck_assert_int_eq(dbrows_next(r), 0);
    dbrows_free(r);
}
END_TEST

START_TEST(test_unique_violation_is_eexist)
{
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES (?)", "s", "a"), 0);
    ck_assert_int_eq(dbc_changes(c), 1);
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES (?)", "s", "a"), -EEXIST);
    ck_assert_int_eq(
        dbc_run(c, "INSERT INTO t_unit (name) VALUES (?) ON CONFLICT DO NOTHING", "s", "a"), 0);
    ck_assert_int_eq(dbc_changes(c), 0);
}
END_TEST

START_TEST(test_scalar_without_row_is_enoent)
{
    int64_t v = 7;
    ck_assert_int_eq(dbc_scalar(c, &v, "SELECT n FROM t_unit WHERE name = ?", "s", "none"),
                     -ENOENT);
    ck_assert_int_eq(v, 7);
}
END_TEST

START_TEST(test_bad_format_letter_is_einval)
{
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES (?)", "q", "a"), -EINVAL);
}
END_TEST

START_TEST(test_rollback_undoes_and_put_cleans)
{
    ck_assert_int_eq(dbc_begin(c), 0);
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES (?)", "s", "gone"), 0);
    dbc_rollback(c);
    int64_t n = -1;
    ck_assert_int_eq(dbc_scalar(c, &n, "SELECT count(*) FROM t_unit", ""), 0);
    ck_assert_int_eq(n, 0);
    /* A transaction an error path left open is rolled back when the connection goes back. */
    ck_assert_int_eq(dbc_begin(c), 0);
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES (?)", "s", "left"), 0);
    db_put(d, c);
    c = db_get(d);
    ck_assert_int_eq(dbc_scalar(c, &n, "SELECT count(*) FROM t_unit", ""), 0);
    ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_placeholder_inside_a_string_is_text)
{
    ck_assert_int_eq(
        dbc_run(c, "INSERT INTO t_unit (name, n) VALUES ('what?', ?)", "i", (int64_t)3), 0);
    int64_t n = 0;
    ck_assert_int_eq(
        dbc_scalar(c, &n, "SELECT n FROM t_unit WHERE name = 'what?' AND n = ?", "i", (int64_t)3),
        0);
    ck_assert_int_eq(n, 3);
}
END_TEST

START_TEST(test_schema_is_current)
{
    ck_assert_int_gt(dbc_schema_version(c), 7);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("db");
    TCase *tc = tcase_create("api");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_insert_returning_and_read_by_name);
    tcase_add_test(tc, test_unique_violation_is_eexist);
    tcase_add_test(tc, test_scalar_without_row_is_enoent);
    tcase_add_test(tc, test_bad_format_letter_is_einval);
    tcase_add_test(tc, test_rollback_undoes_and_put_cleans);
    tcase_add_test(tc, test_placeholder_inside_a_string_is_text);
    tcase_add_test(tc, test_schema_is_current);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
