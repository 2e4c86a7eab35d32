#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"

static bool cmp(const char *flags, const char *out, const char *ans, char *msg)
{
    struct checker_flags f;
    char err[128];
    ck_assert_int_eq(checker_parse(flags, &f, err, sizeof(err)), 0);
    return checker_compare(&f, out, strlen(out), ans, strlen(ans), msg, 256);
}

START_TEST(test_tokens_ignore_whitespace_and_case)
{
    char msg[256];
    ck_assert(cmp("", "  1\n2   yes\n\n", "1 2 YES\n", msg));
    ck_assert(!cmp("", "1 3", "1 2", msg));
    ck_assert_str_eq(msg, "token 2: expected '2', got '3'");
}
END_TEST

START_TEST(test_case_sensitive)
{
    char msg[256];
    ck_assert(!cmp("case_sensitive", "Yes", "yes", msg));
    ck_assert_str_eq(msg, "token 1: expected 'yes', got 'Yes'");
}
END_TEST

START_TEST(test_space_change_sensitive)
{
    char msg[256];
    ck_assert(cmp("space_change_sensitive", "1 2\n", "1 2\n", msg));
    ck_assert(!cmp("space_change_sensitive", "1  2\n", "1 2\n", msg));
}
END_TEST

START_TEST(test_float_tolerances)
{
    char msg[256];
    ck_assert(cmp("float_tolerance 1e-6", "1.0000005", "1", msg));
    ck_assert(!cmp("float_tolerance 1e-6", "1.00001", "1", msg));
    ck_assert(cmp("float_relative_tolerance 1e-3", "1000.5", "1000", msg));
    ck_assert(!cmp("float_absolute_tolerance 1e-3", "1000.5", "1000", msg));
    ck_assert(!cmp("float_tolerance 1e-6", "abc", "1", msg));
    /* Words are still compared as words when a tolerance is set. */
    ck_assert(cmp("float_tolerance 1e-6", "yes 2.0000001", "YES 2", msg));
}
END_TEST

START_TEST(test_length_mismatch_messages)
{
    char msg[256];
    ck_assert(!cmp("", "1", "1 2", msg));
    ck_assert_str_eq(msg, "output ended early: token 2 should be '2'");
    ck_assert(!cmp("", "1 2 3", "1 2", msg));
    ck_assert_str_eq(msg, "more output than expected: token 3 is '3'");
    ck_assert(cmp("", "", "\n", msg));
}
END_TEST

/* Found by tests/fuzz/fuzz_checker: the case-blind comparison stopped at a NUL byte. */
START_TEST(test_nul_bytes_compared)
{
    struct checker_flags f = {false, false, -1, -1};
    char msg[256];
    ck_assert(!checker_compare(&f, "a\0x", 3, "a\0y", 3, msg, sizeof(msg)));
    ck_assert(checker_compare(&f, "A\0X", 3, "a\0x", 3, msg, sizeof(msg)));
}
END_TEST

START_TEST(test_bad_flags)
{
    struct checker_flags f;
    char err[128];
    ck_assert_int_eq(checker_parse("float_tolerance", &f, err, sizeof(err)), -EINVAL);
    ck_assert_str_eq(err, "'float_tolerance' needs a non-negative number");
    ck_assert_int_eq(checker_parse("float_tolerance -1", &f, err, sizeof(err)), -EINVAL);
    ck_assert_int_eq(checker_parse("frobnicate", &f, err, sizeof(err)), -EINVAL);
    ck_assert_str_eq(err, "unknown default validator flag 'frobnicate'");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("checker");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_tokens_ignore_whitespace_and_case);
    tcase_add_test(tc, test_case_sensitive);
    tcase_add_test(tc, test_space_change_sensitive);
    tcase_add_test(tc, test_float_tolerances);
    tcase_add_test(tc, test_length_mismatch_messages);
    tcase_add_test(tc, test_nul_bytes_compared);
    tcase_add_test(tc, test_bad_flags);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
