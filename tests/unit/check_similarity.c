/* similarity: winnowed token fingerprints of C programs (server/similarity.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "similarity.h"

/* A solution of "missing number" with enough tokens to be judged (well above the minimum). */
static const char *const original =
    "/* Marks every value seen in a table, then looks for the gap. */\n"
    "#include <stdlib.h>\n"
    "#include \"solution.h\"\n"
    "\n"
    "static int first_unmarked(const unsigned char *seen, int limit)\n"
    "{\n"
    "    for (int value = 0; value <= limit; value++) {\n"
    "        if (!seen[value])\n"
    "            return value;\n"
    "    }\n"
    "    return -1;\n"
    "}\n"
    "\n"
    "static unsigned char *make_table(int *nums, int count)\n"
    "{\n"
    "    unsigned char *seen = calloc((size_t)count + 1, 1);\n"
    "    if (seen == NULL)\n"
    "        return NULL;\n"
    "    for (int i = 0; i < count; i++) {\n"
    "        if (nums[i] >= 0 && nums[i] <= count)\n"
    "            seen[nums[i]] = 1;\n"
    "    }\n"
    "    return seen;\n"
    "}\n"
    "\n"
    "int missing_number(int *nums, int numsSize)\n"
    "{\n"
    "    unsigned char *seen = make_table(nums, numsSize);\n"
    "    if (seen == NULL) {\n"
    "        long long total = (long long)numsSize * (numsSize + 1) / 2;\n"
    "        for (int i = 0; i < numsSize; i++)\n"
    "            total -= nums[i];\n"
    "        return (int)total;\n"
    "    }\n"
    "    int answer = first_unmarked(seen, numsSize);\n"
    "    free(seen);\n"
    "    return answer;\n"
    "}\n";

/* The same program: every identifier renamed, reformatted, comments added and removed. */
static const char *const disguised =
    "#include <stdlib.h>\n"
    "#include \"solution.h\"\n"
    "// helper: the smallest value that nobody marked\n"
    "static int gap(const unsigned char *mark, int top) {\n"
    "  for (int v = 0; v <= top; v++) { if (!mark[v]) return v; /* found it */ }\n"
    "  return -1;\n"
    "}\n"
    "/* build the marks */\n"
    "static unsigned char *marks_of(int *a, int n) {\n"
    "  unsigned char *mark = calloc((size_t) n + 1, 1);\n"
    "  if (mark == NULL) return NULL;\n"
    "  for (int k = 0; k < n; k++) { if (a[k] >= 0 && a[k] <= n) mark[a[k]] = 1; }\n"
    "  return mark;\n"
    "}\n"
    "int missing_number(int *a, int n) {\n"
    "  unsigned char *mark = marks_of(a, n);\n"
    "  if (mark == NULL) {\n"
    "    // out of memory: fall back to the sum\n"
    "    long long s = (long long) n * (n + 1) / 2;\n"
    "    for (int k = 0; k < n; k++) s -= a[k];\n"
    "    return (int) s;\n"
    "  }\n"
    "  int res = gap(mark, n);\n"
    "  free(mark);\n"
    "  return res;\n"
    "}\n";

/* Something else altogether: a string-processing program. */
static const char *const unrelated =
    "#include <stdio.h>\n"
    "#include <string.h>\n"
    "struct word { char text[64]; unsigned long hits; struct word *next; };\n"
    "static struct word *table[1024];\n"
    "static unsigned long hash(const char *s) {\n"
    "    unsigned long h = 5381;\n"
    "    while (*s) h = ((h << 5) + h) ^ (unsigned char)*s++;\n"
    "    return h % 1024;\n"
    "}\n"
    "int main(void) {\n"
    "    char buf[64];\n"
    "    while (scanf(\"%63s\", buf) == 1) {\n"
    "        struct word **p = &table[hash(buf)];\n"
    "        while (*p && strcmp((*p)->text, buf)) p = &(*p)->next;\n"
    "        if (!*p) {\n"
    "            static struct word pool[100000];\n"
    "            static size_t used;\n"
    "            *p = &pool[used++];\n"
    "            strcpy((*p)->text, buf);\n"
    "        }\n"
    "        (*p)->hits++;\n"
    "    }\n"
    "    switch (table[0] != NULL) { case 1: puts(\"zero\"); break; default: break; }\n"
    "    do { fputs(\"done\\n\", stderr); } while (0);\n"
    "    return 0;\n"
    "}\n";

/* The starter template of the problem. */
static const char *const template_src = "#include \"solution.h\"\n"
                                        "\n"
                                        "int missing_number(int *nums, int numsSize)\n"
                                        "{\n"
                                        "    /* Write your code here. */\n"
                                        "    (void)nums;\n"
                                        "    (void)numsSize;\n"
                                        "    return 0;\n"
                                        "}\n";

static double score_of(const char *a, const char *b, const char *tmpl)
{
    struct fingerprints fa, fb;
    ck_assert_int_eq(similarity_fingerprints(a, tmpl, &fa), 0);
    ck_assert_int_eq(similarity_fingerprints(b, tmpl, &fb), 0);
    double s = similarity_score(&fa, &fb);
    double back = similarity_score(&fb, &fa);
    ck_assert_double_eq_tol(s, back, 1e-12); /* symmetric */
    similarity_release(&fa);
    similarity_release(&fb);
    return s;
}

static void assert_sorted_unique(const struct fingerprints *f)
{
    for (size_t i = 1; i < f->n; i++)
        ck_assert_msg(f->h[i - 1] < f->h[i], "fingerprint %zu is out of order or repeated", i);
}

START_TEST(test_identical_is_one)
{
    struct fingerprints f;
    ck_assert_int_eq(similarity_fingerprints(original, NULL, &f), 0);
    ck_assert_uint_ge(f.n, SIMILARITY_MIN_FINGERPRINTS);
    assert_sorted_unique(&f);
    ck_assert_double_eq(similarity_score(&f, &f), 1.0);
    similarity_release(&f);
    ck_assert_double_eq(score_of(original, original, NULL), 1.0);
    ck_assert_double_eq(score_of(original, original, template_src), 1.0);
}
END_TEST

START_TEST(test_deterministic)
{
    struct fingerprints a, b;
    ck_assert_int_eq(similarity_fingerprints(original, template_src, &a), 0);
    ck_assert_int_eq(similarity_fingerprints(original, template_src, &b), 0);
    ck_assert_uint_eq(a.n, b.n);
    ck_assert_int_eq(memcmp(a.h, b.h, a.n * sizeof(*a.h)), 0);
    similarity_release(&a);
    similarity_release(&b);
}
END_TEST

START_TEST(test_renamed_reformatted_commented)
{
    double s = score_of(original, disguised, NULL);
    ck_assert_msg(s >= 0.9, "renamed copy scored %.3f, want >= 0.9", s);
    s = score_of(original, disguised, template_src);
    ck_assert_msg(s >= 0.9, "renamed copy scored %.3f with the template, want >= 0.9", s);
    ck_assert(s >= SIMILARITY_FLAG);
}
END_TEST

START_TEST(test_whitespace_and_comments_only)
{
    /* Only layout changes: all on one line, comments everywhere. */
    char *flat = strdup(original);
    /* Past the #include lines, which must stay lines of their own. */
    for (char *p = strstr(flat, "static int"); *p; p++)
        if (*p == '\n')
            *p = ' ';
    double s = score_of(original, flat, NULL);
    ck_assert_double_eq_tol(s, 1.0, 1e-12);
    free(flat);
    const char *a =
        "int f(int x) { int y = x * 2; while (y > 0) { y -= 3; x += y; } return x + y; }"
        "int g(int x) { return f(x) + f(x + 1); }";
    const char *b = "int f ( int x ) /* one */ {\n int y = x * 2 ; // two\n"
                    " while ( y > 0 )\n{\n y -= 3 ;\n x += y ;\n }\n return x + y ;\n }\n"
                    "/* three */ int g(int x){return f(x)+f(x+1);}";
    ck_assert_double_eq_tol(score_of(a, b, NULL), 1.0, 1e-12);
}
END_TEST

START_TEST(test_literals_do_not_count)
{
    const char *a =
        "int f(void) { int t[10] = {1, 2, 3}; puts(\"hello\"); return t[0] + 'a' + 3.5; }"
        "int g(void) { return f() * 7 + f() * 8; }";
    const char *b =
        "int f(void) { int t[99] = {4, 5, 6}; puts(\"other\"); return t[1] + 'z' + 1e9; }"
        "int g(void) { return f() * 0x10 + f() * 077; }";
    ck_assert_double_eq_tol(score_of(a, b, NULL), 1.0, 1e-12);
}
END_TEST

START_TEST(test_unrelated_is_low)
{
    double s = score_of(original, unrelated, NULL);
    ck_assert_msg(s < 0.3, "unrelated programs scored %.3f, want < 0.3", s);
    s = score_of(disguised, unrelated, template_src);
    ck_assert_msg(s < 0.3, "unrelated programs scored %.3f with the template, want < 0.3", s);
}
END_TEST

START_TEST(test_template_only_leaves_nothing)
{
    struct fingerprints f;
    ck_assert_int_eq(similarity_fingerprints(template_src, template_src, &f), 0);
    ck_assert_uint_eq(f.n, 0);
    similarity_release(&f);
    /* Reformatted and with other names, it is still only the template. */
    const char *again = "#include \"solution.h\"\n"
                        "int missing_number(int *a, int n) { /* todo */ (void)a; (void)n; "
                        "return 0; }\n";
    ck_assert_int_eq(similarity_fingerprints(again, template_src, &f), 0);
    ck_assert_uint_eq(f.n, 0);
    similarity_release(&f);
    /* Two candidates who both handed in the template are not alike. */
    ck_assert_double_eq(score_of(template_src, again, template_src), 0.0);
    /* A real solution keeps its fingerprints. */
    ck_assert_int_eq(similarity_fingerprints(original, template_src, &f), 0);
    ck_assert_uint_ge(f.n, SIMILARITY_MIN_FINGERPRINTS);
    similarity_release(&f);
}
END_TEST

START_TEST(test_template_removes_shared_part)
{
    struct fingerprints with, without;
    ck_assert_int_eq(similarity_fingerprints(original, template_src, &with), 0);
    ck_assert_int_eq(similarity_fingerprints(original, NULL, &without), 0);
    ck_assert_uint_le(with.n, without.n);
    /* What is left is a subset of the full set. */
    size_t j = 0;
    for (size_t i = 0; i < with.n; i++) {
        while (j < without.n && without.h[j] < with.h[i])
            j++;
        ck_assert_msg(j < without.n && without.h[j] == with.h[i], "fingerprint %zu is new", i);
    }
    similarity_release(&with);
    similarity_release(&without);
}
END_TEST

START_TEST(test_empty_input)
{
    struct fingerprints e, f;
    ck_assert_int_eq(similarity_fingerprints("", NULL, &e), 0);
    ck_assert_uint_eq(e.n, 0);
    ck_assert_int_eq(similarity_fingerprints(original, "", &f), 0);
    ck_assert_uint_ge(f.n, SIMILARITY_MIN_FINGERPRINTS);
    ck_assert_double_eq(similarity_score(&e, &f), 0.0);
    ck_assert_double_eq(similarity_score(&f, &e), 0.0);
    ck_assert_double_eq(similarity_score(&e, &e), 0.0);
    similarity_release(&e);
    /* Only whitespace, comments and preprocessor lines: no tokens at all. */
    ck_assert_int_eq(similarity_fingerprints(" \n\t// x\n/* y */\n#include <z.h>\n", NULL, &e), 0);
    ck_assert_uint_eq(e.n, 0);
    similarity_release(&e);
    /* Fewer tokens than a k-gram. */
    ck_assert_int_eq(similarity_fingerprints("int x;", NULL, &e), 0);
    ck_assert_uint_eq(e.n, 0);
    similarity_release(&e);
    similarity_release(&f);
    /* Releasing twice is harmless. */
    similarity_release(&f);
    ck_assert_ptr_null(f.h);
    ck_assert_uint_eq(f.n, 0);
}
END_TEST

START_TEST(test_unterminated_constructs)
{
    const char *cases[] = {"int f(void) { return 0; } /* never closed",
                           "int f(void) { puts(\"never closed",
                           "int f(void) { char c = '",
                           "#define X \\\n  continued \\",
                           "int f(void) { return 1.5e+",
                           "\"\\",
                           "/"};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct fingerprints f;
        ck_assert_int_eq(similarity_fingerprints(cases[i], cases[i], &f), 0);
        ck_assert_uint_eq(f.n, 0);
        similarity_release(&f);
    }
}
END_TEST

START_TEST(test_long_input)
{
    /* About 2 MB of varied code. */
    size_t cap = 2u << 20, len = 0;
    char *big = malloc(cap + 256);
    ck_assert_ptr_nonnull(big);
    for (unsigned i = 0; len < cap; i++) {
        size_t room = cap + 256 - len;
        int w;
        switch ((i * 7 + i / 5) % 5) {
        case 0:
            w = snprintf(big + len, room, "int f%u(int a) { return a * %u + (a >> 2); }\n", i,
                         i % 97);
            break;
        case 1:
            w = snprintf(big + len, room,
                         "static long g%u(long *p, int n) { long s = 0; for (int i = 0; i < n; "
                         "i++) s += p[i] ^ %u; return s; }\n",
                         i, i % 97);
            break;
        case 2:
            w = snprintf(big + len, room,
                         "void h%u(char *s) { while (*s) { if (*s == 'x') *s = 'y'; s++; } /* %u "
                         "*/ }\n",
                         i, i % 97);
            break;
        case 3:
            w = snprintf(big + len, room, "struct s%u { int a; double b[%u]; };\n", i, i % 97);
            break;
        default:
            w = snprintf(big + len, room,
                         "double k%u(double x) { switch ((int)x) { case %u: return x; default: "
                         "return -x; } }\n",
                         i, i % 97);
            break;
        }
        len += (size_t)w;
    }
    struct fingerprints f, half;
    ck_assert_int_eq(similarity_fingerprints(big, template_src, &f), 0);
    ck_assert_uint_ge(f.n, SIMILARITY_MIN_FINGERPRINTS); /* repeated shapes: few distinct */
    assert_sorted_unique(&f);
    ck_assert_double_eq(similarity_score(&f, &f), 1.0);
    /* Its first half is contained in it. */
    big[len / 2] = '\0';
    ck_assert_int_eq(similarity_fingerprints(big, NULL, &half), 0);
    ck_assert_uint_gt(half.n, 0);
    ck_assert_double_eq_tol(similarity_score(&half, &f), 1.0, 0.05);
    similarity_release(&half);
    /* The original as a template leaves nothing of itself. */
    big[len / 2] = ' ';
    struct fingerprints none;
    ck_assert_int_eq(similarity_fingerprints(big, big, &none), 0);
    ck_assert_uint_eq(none.n, 0);
    similarity_release(&none);
    similarity_release(&f);
    free(big);
}
END_TEST

START_TEST(test_score_is_containment)
{
    /* A program and that program with another whole function added: containment is 1. */
    size_t n = strlen(original) + strlen(unrelated) + 1;
    char *both = malloc(n);
    snprintf(both, n, "%s%s", original, unrelated);
    double s = score_of(original, both, NULL);
    ck_assert_msg(s >= 0.9, "a program inside a bigger one scored %.3f", s);
    free(both);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("similarity");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_identical_is_one);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_renamed_reformatted_commented);
    tcase_add_test(tc, test_whitespace_and_comments_only);
    tcase_add_test(tc, test_literals_do_not_count);
    tcase_add_test(tc, test_unrelated_is_low);
    tcase_add_test(tc, test_template_only_leaves_nothing);
    tcase_add_test(tc, test_template_removes_shared_part);
    tcase_add_test(tc, test_empty_input);
    tcase_add_test(tc, test_unterminated_constructs);
    tcase_add_test(tc, test_long_input);
    tcase_add_test(tc, test_score_is_containment);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
