/*
 * check_problems: the problems module against a real SQLite store and a real sandbox, in a fresh
 * data folder per case: packages from tests/packages imported by content (a version per new
 * content, nothing for the same content, nothing left of a failed one), and who may read and
 * change a problem. Needs root (the sandbox), as check_sandbox does.
 */
#define _GNU_SOURCE
/* check.h has an enum test_result of its own: judge.h's struct is renamed here. */
#define test_result judge_test_result
#include "pcache.h"
#undef test_result

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "helpers.h"
#include "lang.h"
#include "pkg.h"
#include "problems.h"
#include "sandbox.h"

#ifndef PACKAGES_DIR
#error "PACKAGES_DIR names tests/packages"
#endif

static char *dir;
static struct server srv;

static const struct principal admin = {.role = ROLE_ADMIN};
static const struct principal anon = {.role = ROLE_ANON};
static const struct principal team7 = {.role = ROLE_TEAM, .team_id = 7, .token_id = 70};
static const struct principal team8 = {.role = ROLE_TEAM, .team_id = 8, .token_id = 80};

static char *made(const char *name)
{
    char *p = fs_join(dir, name);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(fs_mkdirs(p, 0700), 0);
    return p;
}

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    memset(&srv, 0, sizeof(srv));
    dir = helper_tmpdir();
    srv.data_dir = strdup(dir);
    srv.packages_dir = made("packages");
    srv.cache_dir = made("cache");
    srv.tmp_dir = made("tmp");
    char *work = made("sandbox"), *dbpath = fs_join(dir, "judged.db"), err[256];
    ck_assert_msg(db_open(dbpath, &srv.db, err, sizeof(err)) == 0, "%s", err);
    /* The teams the cases act as (a team's problem refers to its row). */
    dbc *c = db_get(srv.db);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(dbc_run(c,
                             "INSERT INTO teams (id, name, created_at) VALUES (7, 'seven', 0), "
                             "(8, 'eight', 0)",
                             ""),
                     0);
    db_put(srv.db, c);
    const char **paths = lang_sandbox_paths();
    ck_assert_ptr_nonnull(paths);
    struct sandbox_config cfg = {.workdir = work, .slots = 1, .paths = paths};
    int rc = sandbox_open(&cfg, &srv.sb);
    free(paths);
    free(work);
    free(dbpath);
    ck_assert_msg(rc == 0, "sandbox_open: %s", strerror(-rc));
    srv.cfg.import_slots = 1;
    srv.cfg.import_budget_s = 600;
    ck_assert_ptr_nonnull(srv.import_slots = slot_pool_new(0, 1, 0, false));
    ck_assert_ptr_nonnull(srv.pcache = pcache_new());
}

static void teardown(void)
{
    problems_cache_clear();
    pcache_free(srv.pcache);
    slot_pool_free(srv.import_slots);
    sandbox_close(srv.sb);
    db_close(srv.db);
    free(srv.data_dir);
    free(srv.packages_dir);
    free(srv.cache_dir);
    free(srv.tmp_dir);
    fs_remove_tree(dir);
    free(dir);
}

/* A copy of tests/packages/NAME in the case's folder, to change. */
static char *package_copy(const char *name, const char *as)
{
    char *to = fs_join(dir, as), cmd[8192];
    snprintf(cmd, sizeof(cmd), "cp -R '%s/%s' '%s'", PACKAGES_DIR, name, to);
    ck_assert_int_eq(system(cmd), 0);
    return to;
}

static int import(const char *pkgdir, const char *slug, const struct principal *who,
                  int public_flag, struct problems_import *o)
{
    int rc = problems_import(&srv, pkgdir, slug, who, public_flag, o);
    if (rc && rc != -EACCES && rc != -EINVAL)
        fprintf(stderr, "check_problems: import of '%s': %s: %s\n", slug, strerror(-rc), o->detail);
    return rc;
}

/* Folders named by a 64-digit hash in `d` (stored packages or caches). */
static int hashed_entries(const char *d)
{
    int n = 0;
    DIR *dd = opendir(d);
    struct dirent *e;
    while (dd && (e = readdir(dd)))
        n += strlen(e->d_name) == 64;
    if (dd)
        closedir(dd);
    return n;
}

START_TEST(test_versions_by_content)
{
    char pkg[4096], hash1[65], hash2[65];
    snprintf(pkg, sizeof(pkg), "%s/sum-groups", PACKAGES_DIR);
    struct problems_import o;

    ck_assert_int_eq(import(pkg, "sum", &admin, -1, &o), 0);
    ck_assert(o.created && o.changed && o.public); /* the admin's are public by default */
    ck_assert_int_eq(o.version, 1);
    ck_assert(json_is_true(json_object_get(o.verification, "ok")));
    ck_assert(json_is_array(o.warnings));
    problems_import_release(&o);
    ck_assert_int_eq(pkg_tree_hash(pkg, hash1), 0);
    char *stored = fs_join(srv.packages_dir, hash1);
    ck_assert(fs_is_dir(stored));
    free(stored);

    /* The same content again: the same version, nothing verified or stored. */
    ck_assert_int_eq(import(pkg, "sum", &admin, -1, &o), 0);
    ck_assert(!o.created && !o.changed);
    ck_assert_int_eq(o.version, 1);
    ck_assert(json_is_true(json_object_get(o.verification, "ok")));
    problems_import_release(&o);
    ck_assert_int_eq(hashed_entries(srv.packages_dir), 1);

    /* New content: version 2, and version 1 keeps its package for old submissions. */
    char *changed = package_copy("sum-groups", "sum2");
    helper_write(changed, "statement/problem.en.md", "# Sum of Two\n\nAdd two numbers.\n");
    ck_assert_int_eq(pkg_tree_hash(changed, hash2), 0);
    ck_assert_str_ne(hash1, hash2);
    ck_assert_int_eq(import(changed, "sum", &admin, -1, &o), 0);
    ck_assert(!o.created && o.changed);
    ck_assert_int_eq(o.version, 2);
    problems_import_release(&o);
    free(changed);

    struct problem_row row;
    ck_assert_int_eq(problems_get(srv.db, "sum", &row), 0);
    ck_assert_str_eq(row.slug, "sum");
    ck_assert_int_eq(row.version, 2);
    ck_assert(row.public && !row.deleted);
    ck_assert_int_eq(row.team_id, 0);
    struct problem_version v2, v1;
    ck_assert_int_eq(problems_version(srv.db, row.version_id, &v2), 0);
    ck_assert_str_eq(v2.hash, hash2);
    ck_assert_int_eq(v2.time_limit_ms, 1000);
    /* Version ids are the store's; version 1 is the other row of the problem. */
    int found = 0;
    for (int64_t id = 1; id < row.version_id + 8; id++)
        if (id != row.version_id && problems_version(srv.db, id, &v1) == 0) {
            ck_assert_str_eq(v1.hash, hash1);
            found++;
        }
    ck_assert_int_eq(found, 1);
    ck_assert_int_eq(hashed_entries(srv.packages_dir), 2);
    ck_assert_int_eq(problems_hash_used(srv.db, hash1), 1);
    ck_assert_int_eq(problems_hash_used(srv.db, "0123"), 0);
    ck_assert_int_eq(problems_version(srv.db, 999999, &v1), -ENOENT);

    /* What readers are shown: the detail and the list, never a secret answer. */
    char *detail = NULL, *ver = NULL;
    ck_assert_int_eq(problems_detail_text(srv.db, row.version_id, &detail), 0);
    json_t *d = json_loads(detail, 0, NULL);
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(json_string_value(json_object_get(d, "title")), "Sum of Two");
    ck_assert_str_eq(json_string_value(json_object_get(d, "statement")),
                     "# Sum of Two\n\nAdd two numbers.\n");
    ck_assert_int_eq(json_array_size(json_object_get(d, "samples")), 1);
    json_decref(d);
    free(detail);
    ck_assert_int_eq(problems_verification_text(srv.db, row.version_id, &ver), 0);
    ck_assert_ptr_nonnull(strstr(ver, "\"ok\":true"));
    free(ver);
    ck_assert_int_eq(problems_detail_text(srv.db, 999999, &detail), -ENOENT);

    struct problem_summary *list = NULL;
    size_t n = 0;
    ck_assert_int_eq(problems_list(srv.db, &anon, &list, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(list[0].slug, "sum");
    ck_assert_str_eq(list[0].title, "Sum of Two");
    ck_assert_str_eq(list[0].type, "scoring");
    ck_assert_int_eq(list[0].version, 2);
    ck_assert_int_eq(list[0].time_ms, 1000);
    ck_assert_int_eq(list[0].memory_mb, 64);
    ck_assert_int_eq(list[0].tests, 4);
    ck_assert(list[0].public && !list[0].function_signature);
    problems_list_free(list, n);
}
END_TEST

START_TEST(test_visibility_and_rights)
{
    char pkg[4096];
    snprintf(pkg, sizeof(pkg), "%s/sum-groups", PACKAGES_DIR);
    struct problems_import o;
    struct problem_row row;

    /* A team's problem is private unless the admin publishes it. */
    ck_assert_int_eq(import(pkg, "mine", &team7, -1, &o), 0);
    ck_assert(o.created && !o.public);
    problems_import_release(&o);
    ck_assert_int_eq(problems_get(srv.db, "mine", &row), 0);
    ck_assert_int_eq(row.team_id, 7);
    ck_assert(problems_can_read(&team7, &row) && problems_can_write(&team7, &row));
    ck_assert(problems_can_read(&admin, &row) && problems_can_write(&admin, &row));
    ck_assert(!problems_can_read(&team8, &row) && !problems_can_write(&team8, &row));
    ck_assert(!problems_can_read(&anon, &row) && !problems_can_write(&anon, &row));

    struct problem_summary *list = NULL;
    size_t n = 9;
    ck_assert_int_eq(problems_list(srv.db, &anon, &list, &n), 0);
    ck_assert_uint_eq(n, 0);
    problems_list_free(list, n);
    ck_assert_int_eq(problems_list(srv.db, &team8, &list, &n), 0);
    ck_assert_uint_eq(n, 0);
    problems_list_free(list, n);
    ck_assert_int_eq(problems_list(srv.db, &team7, &list, &n), 0);
    ck_assert_uint_eq(n, 1);
    problems_list_free(list, n);

    /* Another team cannot import over it, even with the same content. */
    ck_assert_int_eq(import(pkg, "mine", &team8, -1, &o), -EACCES);
    ck_assert_ptr_nonnull(strstr(o.detail, "belongs to another team"));
    ck_assert_ptr_null(o.verification);
    problems_import_release(&o);

    /* The admin publishes it: the same content, so only the visibility changes. */
    ck_assert_int_eq(import(pkg, "mine", &admin, 1, &o), 0);
    ck_assert(!o.created && !o.changed && o.public);
    problems_import_release(&o);
    ck_assert_int_eq(problems_get(srv.db, "mine", &row), 0);
    ck_assert(row.public && row.team_id == 7);
    ck_assert(problems_can_read(&anon, &row) && problems_can_read(&team8, &row));
    ck_assert(!problems_can_write(&team8, &row));
    int64_t count = 0;
    ck_assert_int_eq(problems_count(srv.db, &count), 0);
    ck_assert_int_eq(count, 1);

    /* Deleted: nobody reads it, and its slug stays its team's. */
    ck_assert_int_eq(problems_delete(srv.db, "mine"), 0);
    ck_assert_int_eq(problems_get(srv.db, "mine", &row), 0);
    ck_assert(row.deleted);
    ck_assert(!problems_can_read(&admin, &row) && !problems_can_read(&team7, &row));
    ck_assert_int_eq(problems_count(srv.db, &count), 0);
    ck_assert_int_eq(count, 0);
    ck_assert_int_eq(import(pkg, "mine", &team8, -1, &o), -EACCES);
    ck_assert_ptr_nonnull(strstr(o.detail, "pick another"));
    problems_import_release(&o);

    ck_assert_int_eq(problems_delete(srv.db, "nothing"), -ENOENT);
    ck_assert_int_eq(problems_get(srv.db, "nothing", &row), -ENOENT);
}
END_TEST

START_TEST(test_failed_verification_leaves_nothing)
{
    /* A wrong answer among the accepted submissions: the package is refused. */
    char *pkg = package_copy("sum-groups", "broken");
    char cmd[8192];
    snprintf(cmd, sizeof(cmd), "cp '%s/submissions/wrong_answer/int.c' '%s/submissions/accepted/'",
             pkg, pkg);
    ck_assert_int_eq(system(cmd), 0);
    struct problems_import o;
    ck_assert_int_eq(import(pkg, "broken", &team7, -1, &o), -EINVAL);
    ck_assert_ptr_nonnull(strstr(o.detail, "failed verification"));
    ck_assert_int_ge(json_array_size(o.errors), 1);
    ck_assert(json_is_false(json_object_get(o.verification, "ok")));
    problems_import_release(&o);
    free(pkg);

    struct problem_row row;
    ck_assert_int_eq(problems_get(srv.db, "broken", &row), -ENOENT);
    ck_assert_int_eq(hashed_entries(srv.packages_dir), 0);
    ck_assert_int_eq(hashed_entries(srv.cache_dir), 0);
}
END_TEST

START_TEST(test_unreadable_package)
{
    char *missing = fs_join(dir, "no-such-package");
    struct problems_import o;
    ck_assert_int_eq(problems_import(&srv, missing, "gone", &admin, -1, &o), -EIO);
    ck_assert_str_eq(o.detail, "cannot read the package");
    problems_import_release(&o);
    free(missing);
    struct problem_row row;
    ck_assert_int_eq(problems_get(srv.db, "gone", &row), -ENOENT);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("problems");
    TCase *tc = tcase_create("import");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_versions_by_content);
    tcase_add_test(tc, test_visibility_and_rights);
    tcase_add_test(tc, test_failed_verification_leaves_nothing);
    tcase_add_test(tc, test_unreadable_package);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
