/*
 * fuzz_unpack: zip and gzip tar bytes given to unpack_archive, then the unpacked package to
 * pkg_open.
 *
 * The archive is written to SCRATCH/in.bin and unpacked into SCRATCH/x/y/out with small caps (so
 * that the cap and bomb checks are reached within one run). After every run, whatever it returned,
 * the scratch folder must hold nothing but those paths, and every symbolic link in `out` that
 * resolves must resolve inside it: an entry written or a link made outside is a finding. A
 * successful unpack is then read as a package (unpack_package_root, pkg_open), which walks the
 * tree the archive made, links included.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "fuzz.h"
#include "pkg.h"
#include "unpack.h"

static const struct unpack_limits limits = {
    .entry_bytes = 1u << 20,
    .total_bytes = 4u << 20,
    .entries = 256,
    .ratio = 200,
    .bomb_floor = 256u << 10,
};

static char scratch[PATH_MAX], archive[PATH_MAX], dest[PATH_MAX], dest_real[PATH_MAX];
static size_t scratch_len, dest_len, dest_real_len;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    snprintf(scratch, sizeof(scratch), "%s", fuzz_scratch_make("unpack"));
    snprintf(archive, sizeof(archive), "%s/in.bin", scratch);
    snprintf(dest, sizeof(dest), "%s/x/y/out", scratch);
    scratch_len = strlen(scratch);
    dest_len = strlen(dest);
    if (fs_mkdirs(dest, 0755) || !realpath(dest, dest_real))
        fuzz_die("cannot make '%s'", dest);
    dest_real_len = strlen(dest_real);
    if (rmdir(dest))
        fuzz_die("cannot remove '%s'", dest);
    return 0;
}

static bool inside(const char *path, const char *dir, size_t len)
{
    return !strncmp(path, dir, len) && (path[len] == '\0' || path[len] == '/');
}

static int check_path(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    const char *rel = path + scratch_len;
    if (!*rel || !strcmp(rel, "/in.bin") || !strcmp(rel, "/x") || !strcmp(rel, "/x/y"))
        return 0;
    if (!inside(path, dest, dest_len))
        fuzz_fail("'%s' was made outside the destination", path);
    if (type == FTW_SL) {
        char target[PATH_MAX];
        if (realpath(path, target) && !inside(target, dest_real, dest_real_len))
            fuzz_fail("link '%s' leads to '%s', outside the destination", path, target);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(scratch, "in.bin", data, size);
    struct diag errors = DIAG_INIT;
    int rc = unpack_archive(archive, dest, "fuzz", &limits, &errors);
    if (rc == -EINVAL && errors.n == 0)
        fuzz_fail("unpack_archive returned -EINVAL without saying why");
    nftw(scratch, check_path, 16, FTW_PHYS);
    diag_release(&errors);
    if (rc == 0) {
        char *root = unpack_package_root(dest);
        if (root) {
            struct diag perr = DIAG_INIT;
            struct pkg *p = NULL;
            if (pkg_open(root, "fuzz", &p, &perr) == 0)
                pkg_free(p);
            diag_release(&perr);
            free(root);
        }
    }
    if (fs_remove_tree(dest))
        fuzz_die("cannot remove '%s'", dest);
    return 0;
}
