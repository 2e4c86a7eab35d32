/* policy: every name of every allowlist is a system call libseccomp knows, with a reason. */
#include <check.h>
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

struct seen {
    int rows;
    char bad[512];
};

static void check_row(void *ud, const char *name, const char *why)
{
    struct seen *s = ud;
    s->rows++;
    /* A name libseccomp does not know would be skipped by policy_build without a word. */
    if (seccomp_syscall_resolve_name(name) == __NR_SCMP_ERROR && !s->bad[0])
        snprintf(s->bad, sizeof(s->bad), "'%s' is not a system call", name);
    if ((!why || !*why) && !s->bad[0])
        snprintf(s->bad, sizeof(s->bad), "'%s' has no reason", name);
}

START_TEST(test_every_name_resolves)
{
    for (int k = 0; k < POLICY__COUNT; k++) {
        struct seen s = {0, ""};
        policy_each_rule((enum policy_kind)k, check_row, &s);
        ck_assert_msg(!s.bad[0], "policy %d: %s", k, s.bad);
        ck_assert_msg(s.rows > 20, "policy %d lists %d calls", k, s.rows);
    }
}
END_TEST

struct find {
    const char *name;
    int found;
};

static void find_row(void *ud, const char *name, const char *why)
{
    struct find *f = ud;
    f->found += !strcmp(name, f->name);
}

static int lists(enum policy_kind k, const char *name)
{
    struct find f = {name, 0};
    policy_each_rule(k, find_row, &f);
    return f.found;
}

/* What tells the policies apart: the compiler may start its passes, a run may not. */
START_TEST(test_compile_and_run_differ)
{
    ck_assert_int_gt(lists(POLICY_COMPILE, "fork"), 0);
    ck_assert_int_gt(lists(POLICY_COMPILE, "vfork"), 0);
    ck_assert_int_eq(lists(POLICY_RUN, "fork"), 0);
    ck_assert_int_eq(lists(POLICY_RUN, "vfork"), 0);
    ck_assert_int_eq(lists(POLICY_RUN, "socket"), 0);
    ck_assert_int_eq(lists(POLICY_RUN, "ptrace"), 0);
    ck_assert_int_eq(lists(POLICY_RUN, "mount"), 0);
    ck_assert_int_gt(lists(POLICY_RUN, "read"), 0);
}
END_TEST

START_TEST(test_every_policy_builds)
{
    static char path[] = "/box/prog";
    for (int k = 0; k < POLICY__COUNT; k++) {
        struct policy_bpf bpf;
        ck_assert_int_eq(policy_build((enum policy_kind)k, path, &bpf), 0);
        ck_assert_int_gt(bpf.prog.len, 0);
        policy_release(&bpf);
    }
    struct policy_bpf bpf;
    ck_assert_int_eq(policy_build(POLICY__COUNT, path, &bpf), -EINVAL);
}
END_TEST

START_TEST(test_syscall_name)
{
    char buf[32];
    policy_syscall_name(seccomp_syscall_resolve_name("openat"), buf, sizeof(buf));
    ck_assert_str_eq(buf, "openat");
    policy_syscall_name(99999, buf, sizeof(buf));
    ck_assert_str_eq(buf, "#99999");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("policy");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_every_name_resolves);
    tcase_add_test(tc, test_compile_and_run_differ);
    tcase_add_test(tc, test_every_policy_builds);
    tcase_add_test(tc, test_syscall_name);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
