/* similarity: winnowed fingerprints and statement structure of C programs (server/similarity.c). */
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

/*
 * The original, disguised harder: every name changed, each for loop rewritten as a while loop,
 * increments spelled another way, braces added and removed, and a junk statement every three
 * lines or so.
 */
static const char *const padded =
    "#include <stdlib.h>\n"
    "#include \"solution.h\"\n"
    "\n"
    "static int hole(const unsigned char *flags, int upto)\n"
    "{\n"
    "    int pad = 3;\n"
    "    int x = 0;\n"
    "    while (x <= upto) {\n"
    "        pad = pad * 7;\n"
    "        if (!flags[x]) {\n"
    "            return x;\n"
    "        }\n"
    "        pad ^= x;\n"
    "        ++x;\n"
    "    }\n"
    "    (void)pad;\n"
    "    return -1;\n"
    "}\n"
    "\n"
    "static unsigned char *flag_all(int *vals, int cnt)\n"
    "{\n"
    "    double waste = 0.5;\n"
    "    unsigned char *flags = calloc((size_t)cnt + 1, 1);\n"
    "    if (flags == NULL)\n"
    "        return NULL;\n"
    "    waste = waste + 2;\n"
    "    int y = 0;\n"
    "    while (y < cnt) {\n"
    "        if (vals[y] >= 0 && vals[y] <= cnt) flags[vals[y]] = 1;\n"
    "        waste = waste * 2;\n"
    "        y = y + 1;\n"
    "    }\n"
    "    (void)waste;\n"
    "    return flags;\n"
    "}\n"
    "\n"
    "int missing_number(int *vals, int cnt)\n"
    "{\n"
    "    int spare = cnt;\n"
    "    unsigned char *flags = flag_all(vals, cnt);\n"
    "    if (flags == NULL) {\n"
    "        spare--;\n"
    "        long long sum = (long long)cnt * (cnt + 1) / 2;\n"
    "        int z = 0;\n"
    "        spare += 4;\n"
    "        while (z < cnt) {\n"
    "            sum -= vals[z];\n"
    "            z += 1;\n"
    "        }\n"
    "        return (int)sum;\n"
    "    }\n"
    "    spare = spare / 2;\n"
    "    int result = hole(flags, cnt);\n"
    "    free(flags);\n"
    "    (void)spare;\n"
    "    return result;\n"
    "}\n";

/* Two correct solutions of the same problem written independently: the sum, and sort-and-scan. */
static const char *const by_sum = "#include \"solution.h\"\n"
                                  "\n"
                                  "int missing_number(int *nums, int numsSize)\n"
                                  "{\n"
                                  "    long long expected = 0, actual = 0;\n"
                                  "    for (int i = 1; i <= numsSize; i++)\n"
                                  "        expected += i;\n"
                                  "    for (int i = 0; i < numsSize; i++) {\n"
                                  "        actual += nums[i];\n"
                                  "    }\n"
                                  "    long long gap = expected - actual;\n"
                                  "    if (gap < 0 || gap > numsSize)\n"
                                  "        return -1;\n"
                                  "    return (int)gap;\n"
                                  "}\n";

static const char *const by_sorting =
    "#include <stdlib.h>\n"
    "#include \"solution.h\"\n"
    "\n"
    "static int ascending(const void *x, const void *y)\n"
    "{\n"
    "    int a = *(const int *)x, b = *(const int *)y;\n"
    "    return (a > b) - (a < b);\n"
    "}\n"
    "\n"
    "int missing_number(int *nums, int numsSize)\n"
    "{\n"
    "    int *copy = malloc(sizeof(int) * (size_t)(numsSize ? numsSize : 1));\n"
    "    if (!copy)\n"
    "        return -1;\n"
    "    for (int k = 0; k < numsSize; ++k)\n"
    "        copy[k] = nums[k];\n"
    "    qsort(copy, (size_t)numsSize, sizeof(int), ascending);\n"
    "    int want = 0;\n"
    "    while (want < numsSize && copy[want] == want)\n"
    "        want++;\n"
    "    free(copy);\n"
    "    return want;\n"
    "}\n";

static void compare(const char *a, const char *b, const char *tmpl, struct similarity_result *r)
{
    struct sim_doc *da = NULL, *db = NULL;
    ck_assert_int_eq(similarity_doc_new(a, tmpl, &da), 0);
    ck_assert_int_eq(similarity_doc_new(b, tmpl, &db), 0);
    ck_assert_int_eq(similarity_compare(da, db, r), 0);
    struct similarity_result back;
    ck_assert_int_eq(similarity_compare(db, da, &back), 0);
    ck_assert_double_eq_tol(r->score, back.score, 1e-12); /* symmetric */
    similarity_doc_free(da);
    similarity_doc_free(db);
}

START_TEST(test_padded_copy_is_flagged)
{
    struct similarity_result r;
    compare(original, padded, template_src, &r);
    ck_assert_msg(r.score >= SIMILARITY_FLAG,
                  "renamed, for->while, junk every 3 lines: %.3f (fingerprints %.3f, structure "
                  "%.3f), want >= %.2f",
                  r.score, r.fingerprints, r.structure, SIMILARITY_FLAG);
    /* Every copied statement is found in order, whatever was inserted between them. */
    ck_assert_msg(r.structure >= 0.8, "structure %.3f", r.structure);
    char reasons[4][SIMILARITY_REASON_LEN];
    size_t n = similarity_reasons(&r, reasons, 4);
    ck_assert_uint_ge(n, 2);
    ck_assert_ptr_nonnull(strstr(reasons[1], "same order"));
}
END_TEST

START_TEST(test_independent_solutions_not_flagged)
{
    const char *sols[] = {original, by_sum, by_sorting};
    for (size_t i = 0; i < 3; i++)
        for (size_t j = i + 1; j < 3; j++) {
            struct similarity_result r;
            compare(sols[i], sols[j], template_src, &r);
            ck_assert_msg(r.score < SIMILARITY_FLAG,
                          "independent solutions %zu and %zu scored %.3f (fingerprints %.3f, "
                          "structure %.3f)",
                          i, j, r.score, r.fingerprints, r.structure);
        }
    /* Nor is the disguised copy alike to a solution it was not made from. */
    struct similarity_result r;
    compare(padded, by_sorting, template_src, &r);
    ck_assert_msg(r.score < SIMILARITY_FLAG, "padded vs sorting: %.3f", r.score);
}
END_TEST

START_TEST(test_loop_forms_are_one)
{
    /* for, while and do-while with the same body; ++i, i++, i += 1, i = i + 1; optional braces. */
    const char *f =
        "int f(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i] * a[i];"
        " return s; }";
    const char *w = "int f(int *v, int m) { int t = 0; int j = 0; while (j < m) { t += v[j] * v[j];"
                    " j = j + 1; } return t; }";
    const char *p = "int f(int *v, int m) { int t = 0; for (int j = 0; j < m; ++j) { t += v[j] * "
                    "v[j]; } return t; }";
    const char *q = "int f(int *v, int m) { int t = 0; for (int j = 0; j < m; j += 1) t += v[j] * "
                    "v[j]; return t; }";
    struct fingerprints ff, fw, fp, fq;
    ck_assert_int_eq(similarity_fingerprints(f, NULL, &ff), 0);
    ck_assert_int_eq(similarity_fingerprints(w, NULL, &fw), 0);
    ck_assert_int_eq(similarity_fingerprints(p, NULL, &fp), 0);
    ck_assert_int_eq(similarity_fingerprints(q, NULL, &fq), 0);
    ck_assert_double_eq_tol(similarity_score(&ff, &fw), 1.0, 1e-12);
    ck_assert_double_eq_tol(similarity_score(&ff, &fp), 1.0, 1e-12);
    ck_assert_double_eq_tol(similarity_score(&ff, &fq), 1.0, 1e-12);
    similarity_release(&ff);
    similarity_release(&fw);
    similarity_release(&fp);
    similarity_release(&fq);
}
END_TEST

START_TEST(test_regions)
{
    struct sim_doc *da = NULL, *db = NULL, *du = NULL;
    ck_assert_int_eq(similarity_doc_new(original, template_src, &da), 0);
    ck_assert_int_eq(similarity_doc_new(padded, template_src, &db), 0);
    ck_assert_int_eq(similarity_doc_new(unrelated, template_src, &du), 0);
    struct similarity_region *rg = NULL;
    size_t n = 0;
    ck_assert_int_eq(similarity_regions(da, db, &rg, &n), 0);
    ck_assert_uint_ge(n, 1);
    /* In a's order, within both programs, and together covering most of a's code (lines 5-48;
     * regions may overlap in a when its lines match two places of b). */
    unsigned covered = 0, lines_a = 48, lines_b = 59;
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_le(rg[i].a_from, rg[i].a_to);
        ck_assert_uint_le(rg[i].b_from, rg[i].b_to);
        ck_assert_uint_ge(rg[i].a_from, 1);
        ck_assert_uint_le(rg[i].a_to, lines_a);
        ck_assert_uint_ge(rg[i].b_from, 1);
        ck_assert_uint_le(rg[i].b_to, lines_b);
        if (i)
            ck_assert_uint_ge(rg[i].a_from, rg[i - 1].a_from);
        covered += rg[i].a_to - rg[i].a_from + 1;
    }
    ck_assert_msg(covered >= 30, "regions cover %u lines of the original", covered);
    /* The first function of a (lines 5-12) matches the first of b (lines 4-18). */
    ck_assert_uint_le(rg[0].a_from, 7);
    ck_assert_uint_ge(rg[0].b_from, 4);
    ck_assert_uint_le(rg[0].b_from, 8);
    free(rg);
    /* The unrelated program matches little of the original. */
    ck_assert_int_eq(similarity_regions(da, du, &rg, &n), 0);
    covered = 0;
    for (size_t i = 0; i < n; i++)
        covered += rg[i].a_to - rg[i].a_from + 1;
    ck_assert_msg(covered < 15, "unrelated regions cover %u lines", covered);
    free(rg);
    similarity_doc_free(da);
    similarity_doc_free(db);
    similarity_doc_free(du);
}
END_TEST

START_TEST(test_small_program_inside_larger_is_not_a_copy)
{
    /* A five-line XOR solution shares its loop and return with almost any longer solution. */
    const char *tiny = "#include \"solution.h\"\n"
                       "int missing_number(int *nums, int numsSize)\n"
                       "{\n"
                       "    int x = numsSize;\n"
                       "    for (int i = 0; i < numsSize; i++)\n"
                       "        x ^= i ^ nums[i];\n"
                       "    return x;\n"
                       "}\n";
    struct similarity_result r;
    compare(original, tiny, template_src, &r);
    ck_assert_msg(r.score < SIMILARITY_NEAR, "tiny inside original: %.3f (fp %.3f, structure %.3f)",
                  r.score, r.fingerprints, r.structure);
}
END_TEST

START_TEST(test_unbalanced_loops)
{
    /* Loops never closed, loop bodies never ended: each costs a bounded scan, not the rest of the
     * input (the test's timeout catches a quadratic walk). */
    const char *pieces[] = {"for (i = 0; i < n; i++) ", "for (i = 0; i < n; i++) { x = y ",
                            "for ( ", "while (x) { for (;;) ", "for (for (for (i;j;k"};
    for (size_t k = 0; k < sizeof(pieces) / sizeof(pieces[0]); k++) {
        size_t len = strlen(pieces[k]), reps = (1u << 20) / len;
        char *big = malloc(reps * len + 1);
        ck_assert_ptr_nonnull(big);
        for (size_t i = 0; i < reps; i++)
            memcpy(big + i * len, pieces[k], len);
        big[reps * len] = '\0';
        struct sim_doc *d = NULL;
        ck_assert_int_eq(similarity_doc_new(big, NULL, &d), 0);
        struct similarity_result r;
        ck_assert_int_eq(similarity_compare(d, d, &r), 0);
        ck_assert(r.score >= 0 && r.score <= 1);
        similarity_doc_free(d);
        free(big);
    }
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
    tcase_add_test(tc, test_padded_copy_is_flagged);
    tcase_add_test(tc, test_independent_solutions_not_flagged);
    tcase_add_test(tc, test_loop_forms_are_one);
    tcase_add_test(tc, test_regions);
    tcase_add_test(tc, test_small_program_inside_larger_is_not_a_copy);
    tcase_add_test(tc, test_unbalanced_loops);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
