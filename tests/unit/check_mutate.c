#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mutate.h"

/* The mutants of `src` as "id=>replacement" lines, in order. */
static char *listing(const char *src)
{
    struct mutant *m = NULL;
    size_t n = 0, dropped = 0;
    ck_assert_int_eq(mutate_list(src, strlen(src), &m, &n, &dropped), 0);
    ck_assert_uint_eq(dropped, 0);
    size_t cap = 64 + n * 128;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s %.*s=>%s\n", m[i].id, (int)m[i].len, src + m[i].offset,
                 m[i].repl);
    }
    free(m);
    return out;
}

START_TEST(test_operators)
{
    char *got = listing("x = a < b && c + d;\n");
    ck_assert_str_eq(got, "rel-op@1:7 <=><=\n"
                          "logic-op@1:11 &&=>||\n"
                          "arith-op@1:16 +=>-\n");
    free(got);
}
END_TEST

START_TEST(test_unary_and_pointers_untouched)
{
    /* -x, *p, int *q: not binary operators, so no arithmetic swap. */
    char *got = listing("int *q = &v; y = -x + *p; return -1;\n");
    ck_assert_str_eq(got, "arith-op@1:21 +=>-\n"
                          "early-ret@1:34 -1=>0\n"
                          "const@1:35 1=>2\n"
                          "const@1:35~2 1=>0\n");
    free(got);
}
END_TEST

START_TEST(test_constants)
{
    char *got = listing("a = 0; b = 10u; c = 0x1f; d = 1.5; e = 07;\n");
    ck_assert_str_eq(got, "const@1:5 0=>1\n"
                          "const@1:12 10u=>11u\n"
                          "const@1:12~2 10u=>9u\n");
    free(got);
}
END_TEST

START_TEST(test_narrowing)
{
    char *got = listing("long long a; unsigned long long b; double c; long double d; size_t e;\n");
    ck_assert_str_eq(got, "narrow@1:1 long long=>int\n"
                          "narrow@1:14 unsigned long long=>unsigned\n"
                          "narrow@1:36 double=>float\n"
                          "narrow@1:61 size_t=>unsigned\n");
    free(got);
}
END_TEST

START_TEST(test_branches_and_returns)
{
    char *got = listing("if (n == 0)\n    return best;\n");
    ck_assert_str_eq(got, "no-branch@1:5 n == 0=>0\n"
                          "no-guard@1:5 n == 0=>1\n"
                          "rel-op@1:7 ===>!=\n"
                          "const@1:10 0=>1\n"
                          "early-ret@2:12 best=>0\n");
    free(got);
}
END_TEST

START_TEST(test_array_sizes)
{
    char *got = listing("static int seen[MAXN + 1]; x = seen[i];\n");
    ck_assert_str_eq(got, "array-size@1:17 MAXN + 1=>(MAXN + 1) / 2\n"
                          "arith-op@1:22 +=>-\n"
                          "const@1:24 1=>2\n"
                          "const@1:24~2 1=>0\n");
    free(got);
}
END_TEST

START_TEST(test_noise_skipped)
{
    /* Nothing in comments, strings, characters or preprocessor lines is mutated. */
    char *got = listing("#include <stdio.h>\n#define N 10\n// a < b\n/* 1 + 2 */\n"
                        "puts(\"a < b + 1\"); c = '<';\n");
    ck_assert_str_eq(got, "");
    free(got);
}
END_TEST

START_TEST(test_apply_and_diff)
{
    const char *src = "int f(int n)\n{\n    return n < 3;\n}\n";
    struct mutant *m = NULL;
    size_t n = 0;
    ck_assert_int_eq(mutate_list(src, strlen(src), &m, &n, NULL), 0);
    ck_assert_uint_ge(n, 1);
    ck_assert_str_eq(m[0].id, "early-ret@3:12");
    const struct mutant *rel = &m[1];
    ck_assert_str_eq(rel->id, "rel-op@3:14");
    char *mut = mutate_apply(src, strlen(src), rel);
    ck_assert_str_eq(mut, "int f(int n)\n{\n    return n <= 3;\n}\n");
    char *diff = mutate_diff(src, strlen(src), rel, "a.c");
    ck_assert_str_eq(diff, "--- a/a.c\n+++ b/a.c\n@@ -3,1 +3,1 @@\n-    return n < 3;\n"
                           "+    return n <= 3;\n");
    free(mut);
    free(diff);
    free(m);
}
END_TEST

START_TEST(test_cap)
{
    /* A long table of constants stops at MUTANTS_MAX and says how many were dropped. */
    size_t k = MUTANTS_MAX;
    char *src = malloc(k * 4 + 1);
    for (size_t i = 0; i < k; i++)
        memcpy(src + i * 4, "7,  ", 4);
    src[k * 4] = '\0';
    struct mutant *m = NULL;
    size_t n = 0, dropped = 0;
    ck_assert_int_eq(mutate_list(src, strlen(src), &m, &n, &dropped), 0);
    ck_assert_uint_eq(n, MUTANTS_MAX);
    ck_assert_uint_eq(dropped, k * 2 - MUTANTS_MAX);
    free(m);
    free(src);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mutate");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_operators);
    tcase_add_test(tc, test_unary_and_pointers_untouched);
    tcase_add_test(tc, test_constants);
    tcase_add_test(tc, test_narrowing);
    tcase_add_test(tc, test_branches_and_returns);
    tcase_add_test(tc, test_array_sizes);
    tcase_add_test(tc, test_noise_skipped);
    tcase_add_test(tc, test_apply_and_diff);
    tcase_add_test(tc, test_cap);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
