/*
 * The language registry: lookups by id and by extension, every record complete, availability
 * (with a language hidden as if its toolchain were missing), and each available language's
 * self-test program judged through the real sandbox.
 */
#define _GNU_SOURCE
/* check.h has an enum test_result of its own: judge.h's struct is renamed here. */
#define test_result judge_test_result
#include "judge.h"
#undef test_result

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "helpers.h"
#include "lang.h"
#include "policy.h"

static const char *const ids[] = {"c", "cpp", "python", "java", "javascript", "go", "rust"};

START_TEST(test_by_id)
{
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        const struct lang *l = lang_by_id(ids[i]);
        ck_assert_ptr_nonnull(l);
        ck_assert_str_eq(l->id, ids[i]);
        ck_assert_ptr_eq(lang_all()[lang_index(l)], l);
    }
    ck_assert_ptr_null(lang_by_id("cobol"));
    ck_assert_ptr_null(lang_by_id("C"));
    ck_assert_ptr_null(lang_by_id(""));
    ck_assert_ptr_null(lang_by_id(NULL));
    ck_assert_int_eq(lang_index(NULL), -1);
}
END_TEST

START_TEST(test_by_path)
{
    static const struct {
        const char *path, *id;
    } cases[] = {
        {"a/main.c", "c"},     {"x.cpp", "cpp"},       {"x.cc", "cpp"},     {"sol.py", "python"},
        {"Main.java", "java"}, {"s.js", "javascript"}, {"s.go", "go"},      {"s.rs", "rust"},
        {"dir.py/file", NULL}, {"Makefile", NULL},     {"notes.txt", NULL}, {"x.h", NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct lang *l = lang_by_path(cases[i].path);
        if (!cases[i].id)
            ck_assert_msg(!l, "'%s' has no language, got %s", cases[i].path, l ? l->id : "");
        else
            ck_assert_msg(l && !strcmp(l->id, cases[i].id), "'%s' is %s", cases[i].path,
                          cases[i].id);
    }
    ck_assert_ptr_null(lang_by_path(NULL));
}
END_TEST

static bool has(const char *const *argv, const char *arg)
{
    for (; argv && *argv; argv++)
        if (strstr(*argv, arg))
            return true;
    return false;
}

START_TEST(test_records_complete)
{
    size_t n = 0;
    for (const struct lang *const *p = lang_all(); *p; p++, n++) {
        const struct lang *l = *p;
        ck_assert_msg(l->id && *l->id && l->name && *l->name, "record %zu has no id or name", n);
        ck_assert_msg(l->exts && l->exts[0] && l->exts[0][0] == '.', "%s: no extension", l->id);
        ck_assert_msg(l->run && l->run[0], "%s: no run command", l->id);
        ck_assert_msg(l->version && l->version[0] && l->version[0][0] == '/',
                      "%s: no version probe", l->id);
        ck_assert_msg(l->toolchain && l->toolchain[0] == '/', "%s: no toolchain path", l->id);
        ck_assert_msg(l->paths && l->paths[0], "%s: no paths", l->id);
        for (const char *const *q = l->paths; *q; q++)
            ck_assert_msg((*q)[0] == '/', "%s: path '%s' is not absolute", l->id, *q);
        ck_assert_msg(l->selftest.source && *l->selftest.source && l->selftest.expected &&
                          *l->selftest.expected,
                      "%s: no self-test", l->id);
        ck_assert_msg(l->processes >= 1, "%s: no process count", l->id);
        /* What it runs is what compiling made, or its sources through an interpreter. */
        if (has(l->run, "{out}"))
            ck_assert_msg(has(l->compile, "{out}"), "%s runs {out} it never makes", l->id);
        else
            ck_assert_msg(has(l->run, "{main}"), "%s runs neither {out} nor {main}", l->id);
        if (l->native)
            ck_assert_msg(has(l->compile, "{out}"), "%s: native without an executable", l->id);
        for (const struct policy_rule *r = l->syscalls; r && r->name; r++)
            ck_assert_msg(r->why && *r->why, "%s: '%s' has no reason", l->id, r->name);
        ck_assert_int_eq(policy_for_lang(l),
                         l->syscalls ? POLICY_LANG0 + lang_index(l) : POLICY_RUN);
        /* Whoever compiles into a folder must say so, and only then. */
        if (l->compile_out_dir)
            ck_assert(has(l->compile, "{out}"));
    }
    ck_assert_int_eq(n, LANG_COUNT);
    ck_assert_str_eq(lang_all()[0]->id, "c");
}
END_TEST

START_TEST(test_time_limit)
{
    ck_assert_uint_eq(lang_time_limit_ms(lang_by_id("c"), 1000), 1000);
    ck_assert_uint_eq(lang_time_limit_ms(lang_by_id("python"), 1000), 5000);
    ck_assert_uint_eq(lang_time_limit_ms(lang_by_id("c"), 1000), 1000);
    const struct lang *java = lang_by_id("java");
    ck_assert_uint_eq(lang_time_limit_ms(java, 1000),
                      1000 * java->time_factor_pct / 100 + java->time_extra_ms);
    ck_assert_uint_gt(lang_time_limit_ms(java, 1000), 1000);
    ck_assert_uint_eq(lang_time_limit_ms(java, 4000000000u), 3600000u);
}
END_TEST

START_TEST(test_hidden)
{
    const struct lang *py = lang_by_id("python");
    bool installed = access(py->toolchain, X_OK) == 0;
    unsetenv("JUDGED_HIDE_LANGS");
    ck_assert_int_eq(lang_available(py), installed);
    setenv("JUDGED_HIDE_LANGS", "go,python", 1);
    ck_assert(!lang_available(py));
    ck_assert(!lang_available(lang_by_id("go")));
    char why[256];
    ck_assert_int_eq(judge_lang_check(NULL, NULL, NULL, py, why, sizeof(why)), -ENOENT);
    ck_assert_msg(strstr(why, "not available") && strstr(why, "python"), "%s", why);
    setenv("JUDGED_HIDE_LANGS", "pythonic", 1);
    ck_assert_int_eq(lang_available(py), installed);
    unsetenv("JUDGED_HIDE_LANGS");
    ck_assert(!lang_available(NULL));
}
END_TEST

START_TEST(test_list_ids)
{
    char buf[256], small[8];
    lang_list_ids(buf, sizeof(buf));
    ck_assert_msg(!strncmp(buf, "c, cpp, python", 14), "%s", buf);
    lang_list_ids(small, sizeof(small));
    ck_assert_uint_lt(strlen(small), sizeof(small));
}
END_TEST

/*** Through the sandbox ***/

static sandbox *sb;
static char *work;

static void sandbox_setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    work = helper_tmpdir();
    char *sbdir = fs_join(work, "sandbox");
    const char **paths = lang_sandbox_paths();
    struct sandbox_config cfg = {
        .workdir = sbdir, .slots = 1, .uid_base = 58800, .cgroup = CGROUP_AUTO, .paths = paths};
    int rc = sandbox_open(&cfg, &sb);
    free(paths);
    free(sbdir);
    ck_assert_msg(rc == 0, "sandbox_open: %s", strerror(-rc));
}

static void sandbox_teardown(void)
{
    sandbox_close(sb);
    fs_remove_tree(work);
    free(work);
}

/* A package whose one test wants `expected`; with `driver_lang`, an include/<it>/ folder too. */
static char *package(const char *name, const char *expected, const char *driver_lang)
{
    char *dir = fs_join(work, name);
    helper_write(dir, "problem.yaml", "name: Self test\nlimits:\n  time_limit: 5\n  memory: 512\n");
    helper_write(dir, "statement/problem.en.md", "# Self test\n\nPrint the line.\n");
    helper_write(dir, "data/sample/1.in", "");
    helper_write(dir, "data/sample/1.ans", expected);
    helper_write(dir, "data/secret/1.in", "");
    helper_write(dir, "data/secret/1.ans", expected);
    if (driver_lang) {
        char rel[128];
        snprintf(rel, sizeof(rel), "include/%s/README", driver_lang);
        helper_write(dir, rel, "a driver folder\n");
    }
    return dir;
}

static enum verdict judge_text(const struct lang *l, const char *pkgdir, const char *source,
                               char **compile_output)
{
    struct pkg *p = NULL;
    struct diag errors = DIAG_INIT;
    int rc = pkg_open(pkgdir, "selftest", &p, &errors);
    ck_assert_msg(rc == 0, "pkg_open: %s %s", strerror(-rc), errors.n ? errors.items[0] : "");
    diag_release(&errors);
    struct judge_env env = {sb, 0};
    struct problem *pr = NULL;
    char *cache = fs_join(work, "cache");
    rc = problem_prepare(&env, p, cache, &pr, &errors);
    ck_assert_int_eq(rc, 0);
    char src[256];
    snprintf(src, sizeof(src), "%s/main%s", work, l->exts[0]);
    helper_write(work, src + strlen(work) + 1, source);
    const char *sources[] = {src};
    struct judge_result res;
    rc = judge_submission(&env, pr, l, sources, 1, NULL, &res);
    ck_assert_int_eq(rc, 0);
    enum verdict v = res.verdict;
    if (compile_output)
        *compile_output = strdup(res.compile_output ? res.compile_output : "");
    if (v != V_AC && res.ntests)
        fprintf(stderr, "%s: %s %s\n", l->id, verdict_code(res.tests[0].verdict),
                res.tests[0].message);
    judge_result_release(&res);
    problem_free(pr);
    free(cache);
    diag_release(&errors);
    return v;
}

START_TEST(test_selftest)
{
    const struct lang *l = lang_all()[_i];
    if (!l->submissions || !lang_available(l)) {
        fprintf(stderr, "check_lang: %s is not offered or not installed here: skipped\n", l->id);
        return;
    }
    char *dir = package(l->id, l->selftest.expected, NULL);
    char *out = NULL;
    enum verdict v = judge_text(l, dir, l->selftest.source, &out);
    ck_assert_msg(v == V_AC, "%s self-test: %s, compiler said: %s", l->id, verdict_code(v), out);
    ck_assert_str_ne(lang_version(l), "");
    free(out);
    free(dir);
}
END_TEST

/* A problem with drivers for another language refuses this one, saying which. */
START_TEST(test_no_driver)
{
    const struct lang *py = lang_by_id("python");
    char *dir = package("drivers", "x\n", "c");
    char why[256];
    ck_assert_int_eq(judge_lang_check(NULL, dir, "selftest", py, why, sizeof(why)),
                     lang_available(py) ? -ENOEXEC : -ENOENT);
    if (lang_available(py)) {
        ck_assert_str_eq(why, "problem 'selftest' has no driver for language 'python'");
        char *out = NULL;
        ck_assert_int_eq(judge_text(py, dir, "print('x')\n", &out), V_CE);
        ck_assert_str_eq(out, why);
        free(out);
    }
    ck_assert_int_eq(judge_lang_check(NULL, dir, "drivers", lang_by_id("c"), why, sizeof(why)), 0);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lang");
    TCase *t = tcase_create("registry");
    tcase_add_test(t, test_by_id);
    tcase_add_test(t, test_by_path);
    tcase_add_test(t, test_records_complete);
    tcase_add_test(t, test_time_limit);
    tcase_add_test(t, test_hidden);
    tcase_add_test(t, test_list_ids);
    suite_add_tcase(s, t);
    TCase *sbx = tcase_create("sandbox");
    tcase_add_checked_fixture(sbx, sandbox_setup, sandbox_teardown);
    tcase_set_timeout(sbx, 120);
    tcase_add_loop_test(sbx, test_selftest, 0, LANG_COUNT);
    tcase_add_test(sbx, test_no_driver);
    suite_add_tcase(s, sbx);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
