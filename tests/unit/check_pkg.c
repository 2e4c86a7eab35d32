#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "helpers.h"
#include "pkg.h"
/* check.h has an enum test_result of its own: judge.h's struct takes another tag in this file. */
#define test_result judge_test_result
#include "verify.h"
#undef test_result

static char *dir;

static void setup(void)
{
    char *base = helper_tmpdir();
    dir = fs_join(base, "prob");
    free(base);
    helper_write(dir, "problem.yaml", "name: Prob\nlimits:\n  time_limit: 2\n  memory: 128\n");
    helper_write(dir, "statement/problem.en.md", "Add.\n");
    helper_write(dir, "data/sample/1.in", "1 2\n");
    helper_write(dir, "data/sample/1.ans", "3\n");
    helper_write(dir, "data/secret/b.in", "2 2\n");
    helper_write(dir, "data/secret/b.ans", "4\n");
    helper_write(dir, "data/secret/a.in", "1 1\n");
    helper_write(dir, "data/secret/a.ans", "2\n");
}

static void teardown(void)
{
    char *parent = strdup(dir);
    *strrchr(parent, '/') = '\0';
    fs_remove_tree(parent);
    free(parent);
    free(dir);
}

static struct pkg *open_ok(void)
{
    struct diag errors = DIAG_INIT;
    struct pkg *p = NULL;
    int rc = pkg_open(dir, NULL, &p, &errors);
    if (rc)
        ck_abort_msg("pkg_open: %s", errors.n ? errors.items[0] : "?");
    diag_release(&errors);
    return p;
}

/* Opening must fail with exactly one error, equal to `want`. */
static void open_fails(const char *want)
{
    struct diag errors = DIAG_INIT;
    struct pkg *p = NULL;
    ck_assert_int_eq(pkg_open(dir, NULL, &p, &errors), -EINVAL);
    ck_assert_ptr_null(p);
    ck_assert_uint_ge(errors.n, 1);
    ck_assert_str_eq(errors.items[0], want);
    diag_release(&errors);
}

START_TEST(test_basic_package)
{
    struct pkg *p = open_ok();
    ck_assert_str_eq(p->slug, "prob");
    ck_assert_str_eq(p->name, "Prob");
    ck_assert_uint_eq(pkg_time_limit_ms(p), 2000);
    ck_assert_uint_eq(p->memory_mb, 128);
    ck_assert_uint_eq(p->ntests, 3);
    /* Test order is the lexicographic order of paths. */
    ck_assert_str_eq(p->tests[0].name, "sample/1");
    ck_assert_str_eq(p->tests[1].name, "secret/a");
    ck_assert_str_eq(p->tests[2].name, "secret/b");
    ck_assert(p->tests[0].sample);
    ck_assert_uint_eq(pkg_secret_count(p), 2);
    ck_assert(!p->scoring);
    pkg_free(p);
}
END_TEST

START_TEST(test_missing_problem_yaml)
{
    char *y = fs_join(dir, "problem.yaml");
    unlink(y);
    free(y);
    open_fails("problem 'prob': problem.yaml is missing");
}
END_TEST

/*
 * Found by tests/fuzz/fuzz_unpack: with no file listed (an empty folder, or a walk stopped by a
 * link before the first file) the list was NULL and went to qsort and bsearch (UBSan: nonnull).
 */
START_TEST(test_empty_folder)
{
    fs_remove_tree(dir);
    ck_assert_int_eq(fs_mkdirs(dir, 0755), 0);
    open_fails("problem 'prob': problem.yaml is missing");
}
END_TEST

/*
 * Found while writing tests/fuzz/fuzz_pkg (which times out on it): a list of aliases to one long
 * string was joined by copying the whole result for every item, so that a 20 KB problem.yaml took
 * minutes and megabytes.
 */
START_TEST(test_aliased_list_capped)
{
    char *yaml = malloc(64 << 10);
    ck_assert_ptr_nonnull(yaml);
    int n = sprintf(yaml, "name: P\nx: &x %01000d\noutput_validator_args: [*x", 0);
    for (int i = 0; i < 5000; i++)
        n += sprintf(yaml + n, ", *x");
    sprintf(yaml + n, "]\n");
    helper_write(dir, "problem.yaml", yaml);
    free(yaml);
    open_fails("problem 'prob': problem.yaml: 'output_validator_args' is longer than 4096 bytes");
    helper_write(dir, "data/secret/testdata.yaml", "input_validator_args: [a, b]\n");
    helper_write(dir, "problem.yaml",
                 "name: P\nvalidator_flags: [case_sensitive, float_tolerance, '1e-6']\n");
    struct pkg *p = open_ok();
    ck_assert_str_eq(p->validator_args, "case_sensitive float_tolerance 1e-6");
    ck_assert_str_eq(p->groups[1].input_validator_args, "a b");
    pkg_free(p);
}
END_TEST

START_TEST(test_malformed_yaml)
{
    helper_write(dir, "problem.yaml", "name: [unclosed\n");
    struct diag errors = DIAG_INIT;
    struct pkg *p = NULL;
    ck_assert_int_eq(pkg_open(dir, NULL, &p, &errors), -EINVAL);
    ck_assert_msg(strstr(errors.items[0], "problem 'prob': problem.yaml: line 2 column 1"), "%s",
                  errors.items[0]);
    diag_release(&errors);
}
END_TEST

START_TEST(test_missing_ans)
{
    char *a = fs_join(dir, "data/secret/a.ans");
    unlink(a);
    free(a);
    open_fails("problem 'prob': 'data/secret/a.in' has no matching .ans");
}
END_TEST

START_TEST(test_symlink_leaving)
{
    char *l = fs_join(dir, "data/secret/c.in");
    ck_assert_int_eq(symlink("/etc/hostname", l), 0);
    free(l);
    open_fails("problem 'prob': 'data/secret/c.in' is a symbolic link that leaves the package");
}
END_TEST

START_TEST(test_bad_slug)
{
    struct diag errors = DIAG_INIT;
    struct pkg *p = NULL;
    ck_assert_int_eq(pkg_open(dir, "Bad_Slug", &p, &errors), -EINVAL);
    ck_assert_str_eq(errors.items[0], "problem 'Bad_Slug': the id must match [a-z0-9][a-z0-9-]* "
                                      "(at most 64 characters)");
    diag_release(&errors);
    ck_assert(pkg_slug_valid("a-1"));
    ck_assert(!pkg_slug_valid("-a"));
    ck_assert(!pkg_slug_valid(""));
}
END_TEST

START_TEST(test_no_secret_tests)
{
    char *s = fs_join(dir, "data/secret");
    fs_remove_tree(s);
    free(s);
    open_fails("problem 'prob': data/secret has no tests (a test is a .in with its .ans)");
}
END_TEST

START_TEST(test_legacy_scoring_groups)
{
    helper_write(dir, "problem.yaml", "name: S\ntype: scoring\nvalidator_flags: case_sensitive\n");
    helper_write(dir, "data/secret/g1/1.in", "1\n");
    helper_write(dir, "data/secret/g1/1.ans", "1\n");
    helper_write(dir, "data/secret/g1/2.in", "2\n");
    helper_write(dir, "data/secret/g1/2.ans", "2\n");
    helper_write(dir, "data/secret/g1/testdata.yaml", "accept_score: 25\ngrader_flags: min\n");
    helper_write(dir, "data/secret/g2/1.in", "1\n");
    helper_write(dir, "data/secret/g2/1.ans", "1\n");
    helper_write(dir, "data/secret/g2/test_group.yaml",
                 "scoring:\n  score: 60\n  aggregation: sum\n");
    struct pkg *p = open_ok();
    ck_assert(p->scoring);
    ck_assert_str_eq(p->validator_args, "case_sensitive");
    ck_assert_uint_eq(pkg_time_limit_ms(p), 0); /* legacy: derived at verification */
    ck_assert(p->time_multiplier == 5.0);
    ck_assert_uint_eq(p->ngroups, 4);
    ck_assert_str_eq(p->groups[2].name, "g1");
    ck_assert(p->groups[2].aggregation == PKG_MIN);
    ck_assert(p->groups[2].points == 25);
    ck_assert_str_eq(p->groups[3].name, "g2");
    ck_assert(p->groups[3].points == 60);
    ck_assert(p->groups[1].points == 2); /* two tests directly in secret, 1 point each */
    pkg_free(p);
}
END_TEST

/* Found while writing tests/fuzz/fuzz_pkg: 1e308 points a test made a group worth NaN points. */
START_TEST(test_points_not_finite)
{
    helper_write(dir, "problem.yaml", "name: S\ntype: scoring\n");
    helper_write(dir, "data/secret/testdata.yaml", "accept_score: 1e308\nrange: 0 100\n");
    open_fails("problem 'prob': group 'secret' is not worth a finite number of points "
               "(accept_score or score too large)");
}
END_TEST

START_TEST(test_modern_keys_and_warnings)
{
    helper_write(dir, "problem.yaml",
                 "problem_format_version: 2023-07-draft\nname: {en: Modern}\n"
                 "output_validator_args: [float_tolerance, '1e-6']\n");
    helper_write(dir, ".timelimit", "3\n");
    char *md = fs_join(dir, "statement/problem.en.md");
    unlink(md);
    free(md);
    helper_write(dir, "statement/problem.en.tex", "\\problemname{Modern}\n");
    helper_write(dir, "submissions/accepted/a.kt", "fun main() {}\n");
    helper_write(dir, "submissions/accepted/b.c", "int main(void){return 0;}\n");
    helper_write(dir, "include/c/driver.c", "int main(void){return 0;}\n");
    helper_write(dir, "attachments/templates/c/solution.c", "// start here\n");
    struct pkg *p = open_ok();
    ck_assert_str_eq(p->name, "Modern");
    ck_assert_str_eq(p->validator_args, "float_tolerance 1e-6");
    ck_assert_uint_eq(pkg_time_limit_ms(p), 3000);
    ck_assert(p->time_multiplier == 2.0);
    ck_assert_str_eq(p->statement, "# Modern\n\n");
    ck_assert_str_eq(p->template_c, "// start here\n");
    ck_assert_uint_eq(p->ninclude, 1);
    ck_assert_uint_eq(p->nsubmissions, 1);
    ck_assert_str_eq(p->submissions[0].path, "submissions/accepted/b.c");
    ck_assert_uint_eq(p->warnings.n, 1);
    ck_assert_str_eq(p->warnings.items[0], "problem 'prob': skipped 'submissions/accepted/a.kt': "
                                           "'kt' is not a language this judge runs");
    pkg_free(p);
}
END_TEST

START_TEST(test_interactive_refused)
{
    /* Interactive and multi-pass need their validator; submit-answer is not judged here. */
    helper_write(dir, "problem.yaml", "name: I\nvalidation: custom interactive\n");
    open_fails("problem 'prob': the problem is interactive but there is no output validator in C "
               "or C++ (output_validators/NAME/ or output_validator/)");
    helper_write(dir, "problem.yaml", "name: I\ntype: [pass-fail, multi-pass]\n");
    open_fails("problem 'prob': the problem is multi-pass but there is no output validator in C "
               "or C++ (output_validators/NAME/ or output_validator/)");
    helper_write(dir, "problem.yaml", "name: I\ntype: submit-answer\n");
    open_fails("problem 'prob': problem.yaml: type 'submit-answer' is not supported (pass-fail, "
               "scoring, interactive and multi-pass are)");
    helper_write(dir, "output_validator/v.c", "int main(void){return 42;}\n");
    helper_write(dir, "problem.yaml",
                 "name: I\ntype: [pass-fail, interactive, multi-pass]\nlimits:\n"
                 "  validation_passes: 3\n");
    struct pkg *p = open_ok();
    ck_assert(p->interactive);
    ck_assert(p->multipass);
    ck_assert_uint_eq(p->passes, 3);
    ck_assert(p->custom_validation);
    pkg_free(p);
    helper_write(dir, "problem.yaml", "name: I\nvalidation: custom interactive\n");
    p = open_ok();
    ck_assert(p->interactive);
    ck_assert(!p->multipass);
    ck_assert_uint_eq(p->passes, 2);
    pkg_free(p);
}
END_TEST

START_TEST(test_custom_without_validator)
{
    helper_write(dir, "problem.yaml", "name: C\nvalidation: custom\n");
    open_fails("problem 'prob': validation is custom but there is no output validator in C or "
               "C++ (output_validators/NAME/ or output_validator/)");
}
END_TEST

START_TEST(test_bad_limit)
{
    helper_write(dir, "problem.yaml", "name: L\nlimits:\n  memory: lots\n");
    open_fails("problem 'prob': problem.yaml: 'memory' must be a number from 1 to 4096");
}
END_TEST

/* A misspelt key changes points or limits without a word unless it is warned about. */
START_TEST(test_unknown_keys_warned)
{
    helper_write(dir, "problem.yaml",
                 "name: K\ntype: scoring\nauthor: A\nlimits:\n  time_limit: 2\n  memroy: 64\n"
                 "  code: 128\nvalidaton: custom\nfrobnicate: 1\n");
    helper_write(dir, "data/secret/g1/1.in", "1\n");
    helper_write(dir, "data/secret/g1/1.ans", "1\n");
    helper_write(dir, "data/secret/g1/test_group.yaml",
                 "scoring:\n  scor: 60\n  aggregation: sum\nmax_scor: 10\naccept_score: 5\n");
    struct pkg *p = open_ok();
    const char *want[] = {
        "problem 'prob': problem.yaml: unknown key 'validaton' is ignored (did you mean "
        "'validation'?)",
        "problem 'prob': problem.yaml: unknown key 'frobnicate' is ignored",
        "problem 'prob': problem.yaml: unknown key 'limits.memroy' is ignored (did you mean "
        "'memory'?)",
        "problem 'prob': problem.yaml: 'limits.code' is not used by this judge and changes "
        "nothing",
        "problem 'prob': data/secret/g1/test_group.yaml: unknown key 'max_scor' is ignored (did "
        "you mean 'max_score'?)",
        "problem 'prob': data/secret/g1/test_group.yaml: unknown key 'scoring.scor' is ignored "
        "(did you mean 'score'?)",
    };
    ck_assert_uint_eq(p->warnings.n, sizeof(want) / sizeof(want[0]));
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_str_eq(p->warnings.items[i], want[i]);
    /* The misspelt keys were ignored, as the warnings say: the defaults stand. */
    ck_assert_uint_eq(p->memory_mb, 1024);
    ck_assert(!p->custom_validation);
    pkg_free(p);
}
END_TEST

START_TEST(test_known_keys_quiet)
{
    helper_write(dir, "problem.yaml",
                 "problem_format_version: 2023-07-draft\nname: Q\ntype: pass-fail\nuuid: x\n"
                 "author: A\nsource: S\nsource_url: u\nlicense: cc by\nrights_owner: R\n"
                 "keywords: [a]\nlimits:\n  time_limit: 1\n  memory: 64\n  output: 8\n"
                 "  time_multipliers:\n    ac_to_time_limit: 2\n    time_limit_to_tle: 1.5\n"
                 "validation: default\noutput_validator_args: case_sensitive\n");
    helper_write(dir, "data/secret/testdata.yaml",
                 "on_reject: continue\naccept_score: 1\nrange: 0 10\n");
    struct pkg *p = open_ok();
    ck_assert_uint_eq(p->warnings.n, 0);
    pkg_free(p);
}
END_TEST

/* The catalogue's difficulty and tags: a list (2023-07) or a space-separated string (legacy). */
START_TEST(test_difficulty_and_keywords)
{
    struct pkg *p = open_ok();
    ck_assert_ptr_null(p->difficulty);
    ck_assert_ptr_null(p->keywords);
    pkg_free(p);
    helper_write(dir, "problem.yaml",
                 "name: K\ndifficulty: hard\nkeywords: [graphs, \"dynamic programming\"]\n");
    p = open_ok();
    ck_assert_str_eq(p->difficulty, "hard");
    ck_assert_str_eq(p->keywords, "graphs\ndynamic programming");
    ck_assert_uint_eq(p->warnings.n, 0);
    pkg_free(p);
    helper_write(dir, "problem.yaml", "name: K\nkeywords: greedy  sorting\n");
    p = open_ok();
    ck_assert_str_eq(p->keywords, "greedy\nsorting");
    pkg_free(p);
    /* A bad difficulty and an overlong tag: warned about and left out, the rest kept. */
    helper_write(dir, "problem.yaml",
                 "name: K\ndifficulty: brutal\nkeywords: [ok, "
                 "a-tag-far-longer-than-forty-characters-in-all, [nested]]\n");
    p = open_ok();
    ck_assert_ptr_null(p->difficulty);
    ck_assert_str_eq(p->keywords, "ok");
    ck_assert_uint_eq(p->warnings.n, 2);
    ck_assert_str_eq(p->warnings.items[0], "problem 'prob': problem.yaml: 'difficulty' must be "
                                           "easy, medium or hard; ignored");
    ck_assert_str_eq(p->warnings.items[1],
                     "problem 'prob': problem.yaml: 'keywords' takes at most 16 tags of 1 to 40 "
                     "characters each; the others are left out");
    pkg_free(p);
}
END_TEST

START_TEST(test_validation_limits)
{
    /* The specification's defaults, then the package's own. */
    struct pkg *p = open_ok();
    ck_assert(p->validation_time == 60);
    ck_assert_uint_eq(p->validation_memory_mb, 2048);
    pkg_free(p);
    helper_write(dir, "problem.yaml",
                 "name: V\nlimits:\n  validation_time: 1.5\n  validation_memory: 256\n");
    p = open_ok();
    ck_assert(p->validation_time == 1.5);
    ck_assert_uint_eq(p->validation_memory_mb, 256);
    pkg_free(p);
    helper_write(dir, "problem.yaml", "name: V\nlimits:\n  validation_time: 0\n");
    open_fails("problem 'prob': problem.yaml: 'validation_time' must be a number from 0.1 to 600");
}
END_TEST

static const struct pkg_program *sub_named(const struct pkg *p, const char *path)
{
    for (size_t i = 0; i < p->nsubmissions; i++)
        if (!strcmp(p->submissions[i].path, path))
            return &p->submissions[i];
    ck_abort_msg("no submission '%s'", path);
    return NULL;
}

START_TEST(test_verdict_folders)
{
    /* The format's folders, rejected/ and brute_force/ included, each with its own meaning. */
    helper_write(dir, "submissions/accepted/a.c", "int main(void){return 0;}\n");
    helper_write(dir, "submissions/rejected/r.c", "int main(void){return 1;}\n");
    helper_write(dir, "submissions/run_time_error/m.c", "int main(void){return 1;}\n");
    helper_write(dir, "submissions/brute_force/b.c", "int main(void){return 0;}\n");
    struct pkg *p = open_ok();
    ck_assert_uint_eq(p->nsubmissions, 4);
    const struct pkg_program *r = sub_named(p, "submissions/rejected/r.c");
    ck_assert_str_eq(r->expected, "rejected");
    ck_assert_uint_eq(r->nexpects, 1);
    ck_assert_uint_eq(r->expects[0].permitted, 0);
    ck_assert_uint_eq(r->expects[0].required, PKG_EXPECT_WA | PKG_EXPECT_TLE | PKG_EXPECT_RTE);
    const struct pkg_program *m = sub_named(p, "submissions/run_time_error/m.c");
    ck_assert_uint_eq(m->expects[0].permitted, PKG_EXPECT_AC | PKG_EXPECT_RTE);
    ck_assert_uint_eq(m->expects[0].required, PKG_EXPECT_RTE);
    ck_assert(!m->explicit_expects);
    struct pkg_expect e;
    ck_assert_int_eq(pkg_expect_folder("partially_accepted", &e), -ENOENT);
    ck_assert_int_eq(pkg_expect_folder("accepted", &e), 0);
    ck_assert_uint_eq(e.permitted, PKG_EXPECT_AC);
    pkg_free(p);
}
END_TEST

START_TEST(test_submissions_yaml)
{
    helper_write(dir, "submissions/accepted/a.c", "int main(void){return 0;}\n");
    helper_write(dir, "submissions/ac_or_wa/x.c", "int main(void){return 0;}\n");
    helper_write(dir, "submissions/wrong_answer/w.c", "int main(void){return 0;}\n");
    helper_write(dir, "submissions/submissions.yaml",
                 "ac_or_wa:\n  permitted: [AC, WA]\n"
                 "wrong_answer/w.c:\n  sample:\n    required: [AC]\n  score: [0, 50]\n"
                 "  colour: red\n"
                 "nothing_here:\n  permitted: [AC]\n");
    struct pkg *p = open_ok();
    ck_assert_uint_eq(p->nsubmissions, 3);
    const struct pkg_program *x = sub_named(p, "submissions/ac_or_wa/x.c");
    ck_assert_str_eq(x->expected, "ac_or_wa");
    ck_assert(x->explicit_expects);
    ck_assert_uint_eq(x->nexpects, 1);
    ck_assert_uint_eq(x->expects[0].permitted, PKG_EXPECT_AC | PKG_EXPECT_WA);
    ck_assert_ptr_null(x->expects[0].tests);
    const struct pkg_program *w = sub_named(p, "submissions/wrong_answer/w.c");
    /* The folder's rule, the entry's score, then its sample rule. */
    ck_assert_uint_eq(w->nexpects, 3);
    ck_assert(w->expects[1].has_score);
    ck_assert(w->expects[1].score_hi == 50);
    ck_assert_str_eq(w->expects[2].tests, "sample");
    ck_assert_uint_eq(w->expects[2].required, PKG_EXPECT_AC);
    bool unknown = false, empty = false;
    for (size_t i = 0; i < p->warnings.n; i++) {
        unknown |= strstr(p->warnings.items[i], "unknown key 'wrong_answer/w.c.colour'") != NULL;
        empty |= strstr(p->warnings.items[i], "'nothing_here' names no submission") != NULL;
    }
    ck_assert(unknown);
    ck_assert(empty);
    pkg_free(p);
    helper_write(dir, "submissions/submissions.yaml", "ac_or_wa:\n  permitted: [AC, MLE]\n");
    open_fails("problem 'prob': submissions/submissions.yaml: 'ac_or_wa': 'MLE' is not a verdict "
               "(AC, WA, TLE or RTE)");
}
END_TEST

/* A judgement made up of verdicts, one per test of the package, for verify_expect_check. */
static void fake_result(const struct pkg *p, const enum verdict *v, size_t n, double score,
                        struct judge_result *res, struct judge_test_result *tests)
{
    memset(res, 0, sizeof(*res));
    res->verdict = V_AC;
    for (size_t i = 0; i < n; i++) {
        tests[i] = (struct judge_test_result){.test = &p->tests[i], .verdict = v[i]};
        if (res->verdict == V_AC && v[i] != V_AC)
            res->verdict = v[i];
    }
    res->tests = tests;
    res->ntests = n;
    res->score = score;
    res->max_score = 100;
}

START_TEST(test_expect_check)
{
    helper_write(dir, "submissions/run_time_error/m.c", "int main(void){return 1;}\n");
    helper_write(dir, "submissions/rejected/r.c", "int main(void){return 1;}\n");
    helper_write(dir, "submissions/wrong_answer/w.c", "int main(void){return 0;}\n");
    helper_write(dir, "submissions/submissions.yaml",
                 "wrong_answer/w.c:\n  sample:\n    permitted: [AC]\n");
    struct pkg *p = open_ok();
    struct judge_result res;
    struct judge_test_result tests[3];
    char why[512];
    /* Exceeding memory is a run-time error in the format's terms. */
    const struct pkg_program *m = sub_named(p, "submissions/run_time_error/m.c");
    fake_result(p, (enum verdict[]){V_AC, V_MLE}, 2, 50, &res, tests);
    ck_assert(verify_expect_check(m, &res, why, sizeof(why)));
    fake_result(p, (enum verdict[]){V_AC, V_WA}, 2, 50, &res, tests);
    ck_assert(!verify_expect_check(m, &res, why, sizeof(why)));
    ck_assert_str_eq(why, "test 'secret/a' got WA, but folder run_time_error/ permits only AC, "
                          "RTE on all tests");
    fake_result(p, (enum verdict[]){V_AC, V_AC, V_AC}, 3, 100, &res, tests);
    ck_assert(!verify_expect_check(m, &res, why, sizeof(why)));
    ck_assert_str_eq(why, "folder run_time_error/ requires one of RTE on all tests, and no test "
                          "there got one");
    /* rejected/: any failure will do, but not none. */
    const struct pkg_program *r = sub_named(p, "submissions/rejected/r.c");
    fake_result(p, (enum verdict[]){V_AC, V_TLE}, 2, 50, &res, tests);
    ck_assert(verify_expect_check(r, &res, why, sizeof(why)));
    fake_result(p, (enum verdict[]){V_AC, V_SV}, 2, 50, &res, tests);
    ck_assert(verify_expect_check(r, &res, why, sizeof(why)));
    fake_result(p, (enum verdict[]){V_AC, V_AC, V_AC}, 3, 100, &res, tests);
    ck_assert(!verify_expect_check(r, &res, why, sizeof(why)));
    /* A compilation error meets no expectation. */
    fake_result(p, NULL, 0, 0, &res, tests);
    res.verdict = V_CE;
    ck_assert(!verify_expect_check(r, &res, why, sizeof(why)));
    ck_assert_str_eq(why, "a compilation error meets no expectation");
    /* submissions.yaml: the samples must pass, whatever the folder allows elsewhere. */
    const struct pkg_program *w = sub_named(p, "submissions/wrong_answer/w.c");
    fake_result(p, (enum verdict[]){V_WA, V_AC, V_AC}, 3, 100, &res, tests);
    ck_assert(!verify_expect_check(w, &res, why, sizeof(why)));
    ck_assert_str_eq(why, "test 'sample/1' got WA, but submissions.yaml permits only AC on sample");
    fake_result(p, (enum verdict[]){V_AC, V_AC, V_WA}, 3, 50, &res, tests);
    ck_assert(verify_expect_check(w, &res, why, sizeof(why)));
    pkg_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pkg");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_basic_package);
    tcase_add_test(tc, test_difficulty_and_keywords);
    tcase_add_test(tc, test_missing_problem_yaml);
    tcase_add_test(tc, test_empty_folder);
    tcase_add_test(tc, test_aliased_list_capped);
    tcase_add_test(tc, test_malformed_yaml);
    tcase_add_test(tc, test_missing_ans);
    tcase_add_test(tc, test_symlink_leaving);
    tcase_add_test(tc, test_bad_slug);
    tcase_add_test(tc, test_no_secret_tests);
    tcase_add_test(tc, test_legacy_scoring_groups);
    tcase_add_test(tc, test_points_not_finite);
    tcase_add_test(tc, test_modern_keys_and_warnings);
    tcase_add_test(tc, test_interactive_refused);
    tcase_add_test(tc, test_custom_without_validator);
    tcase_add_test(tc, test_bad_limit);
    tcase_add_test(tc, test_unknown_keys_warned);
    tcase_add_test(tc, test_known_keys_quiet);
    tcase_add_test(tc, test_validation_limits);
    tcase_add_test(tc, test_verdict_folders);
    tcase_add_test(tc, test_submissions_yaml);
    tcase_add_test(tc, test_expect_check);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
