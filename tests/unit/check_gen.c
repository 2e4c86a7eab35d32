/* gen: generators.yaml entries that need no program (in:, ans:, copy:, .in paths, manual cases,
 * numbered lists, testdata.yaml), the cache by content, and the errors and warnings it gives. The
 * entries that run programs are covered by tests/kattis (pair-sums), in the sandbox. */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
/* check.h has an enum test_result of its own: judge.h's struct takes another tag in this file. */
#define test_result judge_test_result
#include "gen.h"
#undef test_result
#include "helpers.h"

static char *base, *dir, *cache;

static void setup(void)
{
    base = helper_tmpdir();
    dir = fs_join(base, "prob");
    cache = fs_join(base, "cache");
    helper_write(dir, "problem.yaml", "name: G\n");
    helper_write(dir, "data/sample/1.in", "1 2\n");
    helper_write(dir, "data/sample/1.ans", "3\n");
    helper_write(dir, "generators/manual/edge.in", "0 0\n");
    helper_write(dir, "generators/manual/edge.ans", "0\n");
    helper_write(dir, "generators/big.in", "5 5\n");
    helper_write(dir, "generators/big.ans", "10\n");
}

static void teardown(void)
{
    fs_remove_tree(base);
    free(base);
    free(dir);
    free(cache);
}

static char *read_data(const char *rel)
{
    char *path = NULL, *text = NULL;
    ck_assert_int_ge(asprintf(&path, "%s/data/%s", dir, rel), 0);
    if (fs_read(path, 1 << 20, &text, NULL))
        text = NULL;
    free(path);
    return text;
}

static void assert_data(const char *rel, const char *want)
{
    char *text = read_data(rel);
    ck_assert_msg(text != NULL, "data/%s missing", rel);
    ck_assert_str_eq(text, want);
    free(text);
}

static const char *yaml = "data:\n"
                          "  sample:\n"
                          "    data:\n"
                          "      '1':\n"
                          "  secret:\n"
                          "    testdata.yaml:\n"
                          "      on_reject: continue\n"
                          "    data:\n"
                          "      - one:\n"
                          "          in: \"1 1\\n\"\n"
                          "          ans: \"2\\n\"\n"
                          "          count: 3\n"
                          "      - edge:\n"
                          "          copy: manual/edge\n"
                          "        big: big.in\n"
                          "      - '':\n"
                          "          in: \"2 2\\n\"\n"
                          "          ans: \"4\\n\"\n"
                          "visualizer: /visualizers/draw.py\n";

START_TEST(test_static_entries)
{
    helper_write(dir, "generators/generators.yaml", yaml);
    ck_assert(gen_wanted(dir));
    struct judge_env env = {NULL, 0};
    struct diag errors = DIAG_INIT, warnings = DIAG_INIT;
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    ck_assert_msg(errors.n == 0, "%s", errors.n ? errors.items[0] : "");
    /* Numbered by list item: entries of one mapping share the number. */
    assert_data("secret/01-one.in", "1 1\n");
    assert_data("secret/01-one.ans", "2\n");
    assert_data("secret/02-edge.in", "0 0\n");
    assert_data("secret/02-edge.ans", "0\n");
    assert_data("secret/02-big.in", "5 5\n");
    assert_data("secret/02-big.ans", "10\n");
    assert_data("secret/03.in", "2 2\n");
    assert_data("secret/testdata.yaml", "on_reject: 'continue'\n");
    assert_data("sample/1.in", "1 2\n"); /* a manual case stays */
    /* What is not supported is named. */
    bool count = false, vis = false;
    for (size_t i = 0; i < warnings.n; i++) {
        count |= strstr(warnings.items[i], "'secret/01-one.count' is not supported") != NULL;
        vis |= strstr(warnings.items[i], "visualizers are not run") != NULL;
    }
    ck_assert(count);
    ck_assert(vis);
    diag_release(&errors);
    diag_release(&warnings);
}
END_TEST

START_TEST(test_cache_by_content)
{
    helper_write(dir, "generators/generators.yaml", yaml);
    struct judge_env env = {NULL, 0};
    struct diag errors = DIAG_INIT, warnings = DIAG_INIT;
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    /* The cache holds what was made; the same content again takes it from there. */
    char *pattern = NULL;
    ck_assert_int_ge(asprintf(&pattern, "%s/generated-*/secret/01-one.ans", cache), 0);
    char cmd[8192];
    snprintf(cmd, sizeof(cmd), "for f in %s; do echo 7 > \"$f\"; done", pattern);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    assert_data("secret/01-one.ans", "7\n");
    /* Other content is made anew. */
    helper_write(dir, "generators/big.in", "6 6\n");
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    assert_data("secret/02-big.in", "6 6\n");
    assert_data("secret/01-one.ans", "2\n");
    ck_assert_uint_eq(errors.n, 0);
    free(pattern);
    diag_release(&errors);
    diag_release(&warnings);
}
END_TEST

START_TEST(test_errors_name_the_case)
{
    helper_write(dir, "generators/generators.yaml",
                 "data:\n  secret:\n    data:\n      lost:\n        copy: manual/nowhere\n"
                 "      empty:\n        solution: /x.py\n");
    struct judge_env env = {NULL, 0};
    struct diag errors = DIAG_INIT, warnings = DIAG_INIT;
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    ck_assert_uint_eq(errors.n, 1);
    ck_assert_str_eq(errors.items[0], "problem 'prob': generators/generators.yaml: test case "
                                      "'secret/empty' has neither generate, copy nor in");
    diag_release(&errors);
    helper_write(dir, "generators/generators.yaml",
                 "data:\n  secret:\n    data:\n      lost:\n        copy: manual/nowhere\n");
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    ck_assert_uint_eq(errors.n, 1);
    ck_assert_str_eq(errors.items[0],
                     "problem 'prob': generators/generators.yaml: 'secret/lost' needs "
                     "'generators/manual/nowhere.in', which is missing");
    diag_release(&errors);
    helper_write(dir, "generators/generators.yaml", "data: [unclosed\n");
    ck_assert_int_eq(gen_package(&env, dir, cache, &errors, &warnings), 0);
    ck_assert_uint_eq(errors.n, 1);
    ck_assert(strstr(errors.items[0], "generators/generators.yaml: line") != NULL);
    diag_release(&errors);
    diag_release(&warnings);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gen");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_static_entries);
    tcase_add_test(tc, test_cache_by_content);
    tcase_add_test(tc, test_errors_name_the_case);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
