/*
 * fuzz_pkg: problem.yaml, testdata.yaml and test_group.yaml as the package reader sees them.
 *
 * The input is up to four YAML files separated by NUL bytes (libyaml refuses NUL, so no YAML is
 * lost): problem.yaml, data/secret/testdata.yaml, data/secret/group1/test_group.yaml and
 * data/testdata.yaml. Each is written into a fixed, otherwise valid package (a part that is not
 * there removes its file) and the package is opened with pkg_open, which reaches yamldoc, every
 * key of both format generations, the groups and the points. The validator flags it reads are
 * then parsed as the judge would. A package that opens must have its two groups, tests in them and
 * a finite number of points in each; a package that does not must say why.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checker.h"
#include "fsutil.h"
#include "fuzz.h"
#include "pkg.h"

static const char *pkg_dir;

static const char *const yaml_files[] = {"problem.yaml", "data/secret/testdata.yaml",
                                         "data/secret/group1/test_group.yaml",
                                         "data/testdata.yaml"};
#define NFILES (sizeof(yaml_files) / sizeof(yaml_files[0]))

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *scratch = fuzz_scratch_make("pkg");
    char *dir = fs_join(scratch, "fuzz");
    if (!dir)
        fuzz_die("out of memory");
    static const char *const fixed[][2] = {
        {"statement/problem.en.md", "Add two numbers.\n"},
        {"data/sample/1.in", "1 2\n"},
        {"data/sample/1.ans", "3\n"},
        {"data/secret/1.in", "2 2\n"},
        {"data/secret/1.ans", "4\n"},
        {"data/secret/group1/1.in", "5 5\n"},
        {"data/secret/group1/1.ans", "10\n"},
        {"data/secret/group2/1.in", "1 1\n"},
        {"data/secret/group2/1.ans", "2\n"},
        {"submissions/accepted/sum.c", "int main(void) { return 0; }\n"},
        {".timelimit", "1.5\n"},
    };
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        fuzz_write(dir, fixed[i][0], fixed[i][1], strlen(fixed[i][1]));
    pkg_dir = dir;
    return 0;
}

/* The judge hands every default-validator flag string to checker_parse. */
static void parse_flags(const char *args)
{
    struct checker_flags f;
    char err[256];
    if (args)
        checker_parse(args, &f, err, sizeof(err));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_part parts[NFILES];
    size_t n = fuzz_split(data, size, '\0', parts, NFILES);
    for (size_t i = 0; i < NFILES; i++) {
        if (i < n) {
            fuzz_write(pkg_dir, yaml_files[i], parts[i].p, parts[i].n);
        } else {
            char *path = fs_join(pkg_dir, yaml_files[i]);
            unlink(path);
            free(path);
        }
    }
    struct diag errors = DIAG_INIT;
    struct pkg *p = NULL;
    int rc = pkg_open(pkg_dir, "fuzz", &p, &errors);
    if (rc == 0) {
        if (p->ngroups < 2)
            fuzz_fail("pkg_open succeeded with %zu groups", p->ngroups);
        for (size_t g = 0; g < p->ngroups; g++)
            if (!isfinite(p->groups[g].points))
                fuzz_fail("group '%s' is worth %g points", p->groups[g].name, p->groups[g].points);
        for (size_t i = 0; i < p->ntests; i++)
            if (p->tests[i].group >= p->ngroups)
                fuzz_fail("test '%s' is in group %zu of %zu", p->tests[i].name, p->tests[i].group,
                          p->ngroups);
        if (!p->custom_validation)
            parse_flags(p->validator_args);
        for (size_t g = 0; g < p->ngroups; g++)
            parse_flags(p->groups[g].validator_args);
        (void)pkg_time_limit_ms(p);
        (void)pkg_secret_count(p);
        pkg_free(p);
    } else if (p || rc != -EINVAL || errors.n == 0) {
        fuzz_fail("pkg_open returned %d with %zu errors", rc, errors.n);
    }
    diag_release(&errors);
    return 0;
}
