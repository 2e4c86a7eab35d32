#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "verdict.h"

START_TEST(test_table_rows_in_enum_order)
{
    const struct verdict_info *t = verdict_table();
    for (int i = 0; i < VERDICT_COUNT; i++) {
        ck_assert_int_eq(t[i].verdict, i);
        ck_assert_ptr_eq(verdict_info((enum verdict)i), &t[i]);
        ck_assert_str_eq(verdict_code((enum verdict)i), t[i].code);
        ck_assert(t[i].name && *t[i].name);
        for (int k = 0; k < i; k++)
            ck_assert_str_ne(t[k].code, t[i].code);
    }
    /* The contract's codes, in the API's order. */
    const char *want[] = {"AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "SV", "IE"};
    ck_assert_int_eq(sizeof(want) / sizeof(want[0]), VERDICT_COUNT);
    for (int i = 0; i < VERDICT_COUNT; i++)
        ck_assert_str_eq(t[i].code, want[i]);
}
END_TEST

START_TEST(test_out_of_range_is_ie)
{
    ck_assert_str_eq(verdict_code((enum verdict)VERDICT_COUNT), "IE");
    ck_assert_str_eq(verdict_code((enum verdict) - 1), "IE");
}
END_TEST

START_TEST(test_parse)
{
    enum verdict v = V_AC;
    for (int i = 0; i < VERDICT_COUNT; i++) {
        ck_assert_int_eq(verdict_parse(verdict_table()[i].code, &v), 0);
        ck_assert_int_eq(v, i);
    }
    v = V_WA;
    ck_assert_int_eq(verdict_parse("tle", &v), -EINVAL);
    ck_assert_int_eq(verdict_parse("OK", &v), -EINVAL);
    ck_assert_int_eq(verdict_parse("", &v), -EINVAL);
    ck_assert_int_eq(verdict_parse("TLE ", &v), -EINVAL);
    ck_assert_int_eq(verdict_parse(NULL, &v), -EINVAL);
    ck_assert_int_eq(v, V_WA); /* untouched on failure */
}
END_TEST

START_TEST(test_list)
{
    char buf[128];
    verdict_list(buf, sizeof(buf));
    ck_assert_str_eq(buf, "AC, WA, TLE, MLE, OLE, RE, CE, SV, IE");
    char small[8];
    verdict_list(small, sizeof(small));
    ck_assert_str_eq(small, "AC, WA,");
}
END_TEST

/* The contract: the first non-AC test verdict in test order, or AC; IE outranks the rest. */
START_TEST(test_combine)
{
    ck_assert_int_eq(verdict_combine(V_AC, V_AC), V_AC);
    ck_assert_int_eq(verdict_combine(V_AC, V_WA), V_WA);
    ck_assert_int_eq(verdict_combine(V_WA, V_TLE), V_WA);
    ck_assert_int_eq(verdict_combine(V_TLE, V_AC), V_TLE);
    ck_assert_int_eq(verdict_combine(V_SV, V_RE), V_SV);
    ck_assert_int_eq(verdict_combine(V_WA, V_IE), V_IE);
    ck_assert_int_eq(verdict_combine(V_AC, V_IE), V_IE);
    ck_assert_int_eq(verdict_combine(V_IE, V_WA), V_IE);
    ck_assert_int_eq(verdict_combine(V_IE, V_AC), V_IE);
    ck_assert_int_eq(verdict_combine(V_CE, V_IE), V_CE);
    /* A run of tests, folded as judge_submission folds them. */
    enum verdict tests[] = {V_AC, V_AC, V_MLE, V_WA, V_AC}, v = V_AC;
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
        v = verdict_combine(v, tests[i]);
    ck_assert_int_eq(v, V_MLE);
}
END_TEST

START_TEST(test_flags)
{
    for (int i = 0; i < VERDICT_COUNT; i++) {
        const struct verdict_info *r = verdict_info((enum verdict)i);
        /* Only the judge's failure outranks; only it and CE are final; every verdict but CE can
         * be a test's. */
        ck_assert(r->outranks == (i == V_IE));
        ck_assert(r->final == (i == V_IE || i == V_CE));
        ck_assert(r->per_test == (i != V_CE));
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("verdict");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_table_rows_in_enum_order);
    tcase_add_test(tc, test_out_of_range_is_ie);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_list);
    tcase_add_test(tc, test_combine);
    tcase_add_test(tc, test_flags);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
