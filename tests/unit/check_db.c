/*
 * check_db: the engine-neutral database API against a real store. SQLite in a fresh folder by
 * default; JUDGED_TEST_STORE=postgresql://... runs the same cases against PostgreSQL.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>
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

struct unit_row {
    int64_t n;
    char name[16];
};

static void unit_fill(const dbrows *r, void *e)
{
    struct unit_row *u = e;
    u->n = dbrows_int(r, "n");
    snprintf(u->name, sizeof(u->name), "%s", dbrows_text(r, "name"));
}

/* Every row, in order, past the array's first growth (16); none is an empty array. */
START_TEST(test_collect_reads_every_row)
{
    char name[16];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof(name), "row%02d", i);
        ck_assert_int_eq(
            dbc_run(c, "INSERT INTO t_unit (name, n) VALUES (?, ?)", "si", name, (int64_t)i * 3),
            0);
    }
    dbrows *r = NULL;
    void *list = NULL;
    size_t n = 0;
    ck_assert_int_eq(dbc_query(c, &r, "SELECT name, n FROM t_unit ORDER BY n", ""), 0);
    ck_assert_int_eq(dbrows_collect(r, sizeof(struct unit_row), unit_fill, &list, &n), 0);
    dbrows_free(r);
    ck_assert_uint_eq(n, 40);
    struct unit_row *rows = list;
    ck_assert_int_eq(rows[0].n, 0);
    ck_assert_str_eq(rows[39].name, "row39");
    ck_assert_int_eq(rows[39].n, 117);
    free(list);
    ck_assert_int_eq(dbc_query(c, &r, "SELECT name, n FROM t_unit WHERE n < 0", ""), 0);
    list = (void *)1;
    ck_assert_int_eq(dbrows_collect(r, sizeof(struct unit_row), unit_fill, &list, &n), 0);
    dbrows_free(r);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(list);
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

START_TEST(test_numbered_placeholders)
{
    ck_assert_int_eq(
        dbc_run(c, "INSERT INTO t_unit (name, n) VALUES (?2, ?1)", "is", (int64_t)5, "five"), 0);
    int64_t n = 0;
    ck_assert_int_eq(dbc_scalar(c, &n, "SELECT n FROM t_unit WHERE name = ?", "s", "five"), 0);
    ck_assert_int_eq(n, 5);
}
END_TEST

START_TEST(test_null_string_parameter_in_is_null)
{
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES ('a'), ('b')", ""), 0);
    int64_t n = 0;
    /* PostgreSQL cannot tell the type of an untyped `? IS NULL`: the engine types it text. */
    ck_assert_int_eq(dbc_scalar(c, &n,
                                "SELECT count(*) AS n FROM t_unit WHERE (? IS NULL OR name = ?)",
                                "ss", NULL, NULL),
                     0);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(dbc_scalar(c, &n,
                                "SELECT count(*) AS n FROM t_unit WHERE (? IS NULL OR name = ?)",
                                "ss", "a", "a"),
                     0);
    ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_boolean_reads_as_integer)
{
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name, x) VALUES ('a', 2.75)", ""), 0);
    dbrows *r = NULL;
    ck_assert_int_eq(dbc_query(c, &r,
                               "SELECT EXISTS (SELECT 1 FROM t_unit WHERE name = 'a') AS yes, "
                               "EXISTS (SELECT 1 FROM t_unit WHERE name = 'z') AS no, "
                               "sum(x) AS total FROM t_unit",
                               ""),
                     0);
    ck_assert_int_eq(dbrows_next(r), 1);
    ck_assert_int_eq(dbrows_int(r, "yes"), 1);
    ck_assert_int_eq(dbrows_int(r, "no"), 0);
    /* A double read as an integer is cut, on both engines. */
    ck_assert_int_eq(dbrows_int(r, "total"), 2);
    ck_assert(dbrows_double(r, "total") == 2.75);
    dbrows_free(r);
}
END_TEST

START_TEST(test_failed_statement_inside_a_transaction)
{
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES ('a')", ""), 0);
    ck_assert_int_eq(dbc_begin(c), 0);
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES ('b')", ""), 0);
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES ('a')", ""), -EEXIST);
    int64_t n = -1;
    if (dbc_kind(c) == DB_POSTGRES) {
        /* PostgreSQL ends the transaction at the failure: the commit says so, nothing stays. */
        ck_assert_int_eq(dbc_commit(c), -EEXIST);
        ck_assert_int_eq(dbc_scalar(c, &n, "SELECT count(*) AS n FROM t_unit", ""), 0);
        ck_assert_int_eq(n, 1);
    } else {
        /* SQLite undoes the statement alone. */
        ck_assert_int_eq(dbc_commit(c), 0);
        ck_assert_int_eq(dbc_scalar(c, &n, "SELECT count(*) AS n FROM t_unit", ""), 0);
        ck_assert_int_eq(n, 2);
    }
    /* Either way the connection is usable again. */
    ck_assert_int_eq(dbc_begin(c), 0);
    ck_assert_int_eq(dbc_run(c, "INSERT INTO t_unit (name) VALUES ('c')", ""), 0);
    ck_assert_int_eq(dbc_commit(c), 0);
}
END_TEST

START_TEST(test_newer_schema_refuses_to_open)
{
    const char *bump = DB_SQL(c, "PRAGMA user_version = 1000",
                              "UPDATE schema_version SET version = version + 1000");
    const char *back =
        DB_SQL(c, "PRAGMA user_version = 8", "UPDATE schema_version SET version = version - 1000");
    int was = dbc_schema_version(c);
    if (dbc_kind(c) == DB_SQLITE) {
        char pragma[64];
        snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", was);
        back = pragma;
        ck_assert_int_eq(dbc_run(c, bump, ""), 0);
        char url[4096], err[256];
        const char *env = getenv("JUDGED_TEST_STORE");
        snprintf(url, sizeof(url), "%s", env && *env ? env : "");
        if (!*url)
            snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
        db *other = NULL;
        ck_assert_int_eq(db_open_url(url, &other, err, sizeof(err)), -EPROTO);
        ck_assert_ptr_nonnull(strstr(err, "newer than this judged"));
        ck_assert_int_eq(dbc_run(c, back, ""), 0);
        return;
    }
    ck_assert_int_eq(dbc_run(c, bump, ""), 0);
    char err[256];
    db *other = NULL;
    int rc = db_open_url(getenv("JUDGED_TEST_STORE"), &other, err, sizeof(err));
    ck_assert_int_eq(dbc_run(c, back, ""), 0);
    ck_assert_int_eq(rc, -EPROTO);
    ck_assert_ptr_nonnull(strstr(err, "newer than this judged"));
    ck_assert_int_eq(dbc_schema_version(c), was);
}
END_TEST

/* What a listener saw, under a lock the test waits on. */
static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int connected;
    char last[64];
} heard = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, ""};

static void on_notify(const char *payload, void *ud)
{
    (void)ud;
    pthread_mutex_lock(&heard.lock);
    if (payload)
        snprintf(heard.last, sizeof(heard.last), "%s", payload);
    else
        heard.connected++;
    pthread_cond_broadcast(&heard.cond);
    pthread_mutex_unlock(&heard.lock);
}

/* Waits until `done` holds; false after a generous bound (a hang is a failure, not a wait). */
static bool await_heard(bool (*done)(void))
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 30;
    pthread_mutex_lock(&heard.lock);
    int rc = 0;
    while (!done() && rc == 0)
        rc = pthread_cond_timedwait(&heard.cond, &heard.lock, &until);
    bool ok = done();
    pthread_mutex_unlock(&heard.lock);
    return ok;
}

static bool is_connected(void)
{
    return heard.connected > 0;
}

static bool got_committed(void)
{
    return !strcmp(heard.last, "committed");
}

START_TEST(test_notify_reaches_listener)
{
    if (dbc_kind(c) == DB_SQLITE) {
        ck_assert_int_eq(db_listen(d, "t_unit_chan", on_notify, NULL), -ENOTSUP);
        ck_assert_int_eq(dbc_notify(c, "t_unit_chan", "x"), 0);
        return;
    }
    ck_assert_int_eq(db_listen(d, "t_unit_chan", on_notify, NULL), 0);
    ck_assert(await_heard(is_connected));
    /* Inside a transaction: nothing goes out on rollback, the payload on commit. */
    ck_assert_int_eq(dbc_begin(c), 0);
    ck_assert_int_eq(dbc_notify(c, "t_unit_chan", "rolled-back"), 0);
    dbc_rollback(c);
    ck_assert_int_eq(dbc_begin(c), 0);
    ck_assert_int_eq(dbc_notify(c, "t_unit_chan", "committed"), 0);
    ck_assert_int_eq(dbc_commit(c), 0);
    ck_assert(await_heard(got_committed));
    pthread_mutex_lock(&heard.lock);
    ck_assert_str_eq(heard.last, "committed");
    pthread_mutex_unlock(&heard.lock);
}
END_TEST

START_TEST(test_lost_connection_is_eio_and_not_pooled)
{
    if (dbc_kind(c) != DB_POSTGRES)
        return;
    dbc *victim = db_get(d);
    ck_assert_ptr_nonnull(victim);
    int64_t pid = 0;
    ck_assert_int_eq(dbc_scalar(victim, &pid, "SELECT pg_backend_pid() AS p", ""), 0);
    int64_t ok = 0;
    ck_assert_int_eq(
        dbc_scalar(c, &ok, "SELECT pg_terminate_backend(CAST(? AS INTEGER)) AS ok", "i", pid), 0);
    ck_assert_int_eq(ok, 1);
    int64_t n = 0;
    ck_assert_int_eq(dbc_scalar(victim, &n, "SELECT count(*) AS n FROM t_unit", ""), -EIO);
    db_put(d, victim);
    /* The pool gave the lost one up: what comes next works. */
    dbc *next = db_get(d);
    ck_assert_ptr_nonnull(next);
    ck_assert_int_eq(dbc_scalar(next, &n, "SELECT count(*) AS n FROM t_unit", ""), 0);
    db_put(d, next);
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
    tcase_add_test(tc, test_collect_reads_every_row);
    tcase_add_test(tc, test_bad_format_letter_is_einval);
    tcase_add_test(tc, test_rollback_undoes_and_put_cleans);
    tcase_add_test(tc, test_placeholder_inside_a_string_is_text);
    tcase_add_test(tc, test_schema_is_current);
    tcase_add_test(tc, test_numbered_placeholders);
    tcase_add_test(tc, test_null_string_parameter_in_is_null);
    tcase_add_test(tc, test_boolean_reads_as_integer);
    tcase_add_test(tc, test_failed_statement_inside_a_transaction);
    tcase_add_test(tc, test_newer_schema_refuses_to_open);
    tcase_add_test(tc, test_notify_reaches_listener);
    tcase_add_test(tc, test_lost_connection_is_eio_and_not_pooled);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
