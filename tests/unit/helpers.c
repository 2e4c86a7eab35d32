#define _GNU_SOURCE
#include "helpers.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"

char *helper_tmpdir(void)
{
    char tmpl[] = "/tmp/judged-unit-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(tmpl));
    return strdup(tmpl);
}

void helper_write(const char *dir, const char *rel, const char *text)
{
    char *path = fs_join(dir, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    ck_assert_int_eq(fs_mkdirs(path, 0755), 0);
    *slash = '/';
    ck_assert_int_eq(fs_write(path, text, strlen(text), 0644), 0);
    free(path);
}

int helper_run(struct Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
