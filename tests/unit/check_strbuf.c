#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

START_TEST(test_add_within_cap)
{
    struct strbuf sb = STRBUF_INIT(16);
    ck_assert_int_eq(strbuf_addstr(&sb, "hello"), 0);
    ck_assert_int_eq(strbuf_addf(&sb, " %d", 42), 0);
    ck_assert_str_eq(strbuf_str(&sb), "hello 42");
    ck_assert(!strbuf_truncated(&sb));
    strbuf_release(&sb);
}
END_TEST

START_TEST(test_cap_drops_and_counts)
{
    struct strbuf sb = STRBUF_INIT(4);
    ck_assert_int_eq(strbuf_addstr(&sb, "abcdef"), -EFBIG);
    ck_assert_str_eq(strbuf_str(&sb), "abcd");
    ck_assert_uint_eq(sb.dropped, 2);
    ck_assert(strbuf_truncated(&sb));
    ck_assert_int_eq(strbuf_addstr(&sb, "x"), -EFBIG);
    ck_assert_uint_eq(sb.len, 4);
    strbuf_release(&sb);
}
END_TEST

START_TEST(test_long_format)
{
    struct strbuf sb = STRBUF_INIT(0);
    char big[1000];
    memset(big, 'y', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    ck_assert_int_eq(strbuf_addf(&sb, "<%s>", big), 0);
    ck_assert_uint_eq(sb.len, 1001);
    size_t len;
    char *s = strbuf_detach(&sb, &len);
    ck_assert_uint_eq(len, 1001);
    ck_assert_str_eq(strbuf_str(&sb), "");
    free(s);
}
END_TEST

START_TEST(test_empty_detach_and_null_release)
{
    struct strbuf sb = STRBUF_INIT(0);
    char *s = strbuf_detach(&sb, NULL);
    ck_assert_str_eq(s, "");
    free(s);
    strbuf_release(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strbuf");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_add_within_cap);
    tcase_add_test(tc, test_cap_drops_and_counts);
    tcase_add_test(tc, test_long_format);
    tcase_add_test(tc, test_empty_detach_and_null_release);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
