#include <archive.h>
#include <archive_entry.h>
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "helpers.h"
#include "unpack.h"

static char *dir;

static void setup(void)
{
    dir = helper_tmpdir();
}

static void teardown(void)
{
    fs_remove_tree(dir);
    free(dir);
}

struct entry {
    const char *path;
    const char *data; /* NULL with link: a symbolic link */
    const char *link;
    size_t repeat; /* data written this many times */
};

/* Writes a gzip tar (or a zip) holding `entries`; returns its path. */
static char *make_archive(const struct entry *entries, size_t n, bool zip)
{
    char *path = fs_join(dir, zip ? "pkg.zip" : "pkg.tar.gz");
    struct archive *a = archive_write_new();
    if (zip) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_add_filter_gzip(a);
        archive_write_set_format_pax_restricted(a);
    }
    ck_assert_int_eq(archive_write_open_filename(a, path), ARCHIVE_OK);
    for (size_t i = 0; i < n; i++) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, entries[i].path);
        if (entries[i].link) {
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_set_symlink(e, entries[i].link);
            archive_entry_set_perm(e, 0777);
            archive_write_header(a, e);
        } else {
            size_t len = strlen(entries[i].data), rep = entries[i].repeat ? entries[i].repeat : 1;
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_perm(e, 0644);
            archive_entry_set_size(e, (la_int64_t)(len * rep));
            archive_write_header(a, e);
            for (size_t r = 0; r < rep; r++)
                archive_write_data(a, entries[i].data, len);
        }
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return path;
}

static void unpack_fails(const struct entry *entries, size_t n, const struct unpack_limits *lim,
                         const char *want)
{
    char *arc = make_archive(entries, n, false), *dest = fs_join(dir, "out");
    struct diag errors = DIAG_INIT;
    ck_assert_int_eq(unpack_archive(arc, dest, "p", lim, &errors), -EINVAL);
    ck_assert_uint_ge(errors.n, 1);
    ck_assert_str_eq(errors.items[0], want);
    diag_release(&errors);
    free(arc);
    free(dest);
}

START_TEST(test_zip_with_top_folder)
{
    struct entry e[] = {{"prob/problem.yaml", "name: P\n", NULL, 0},
                        {"prob/data/secret/1.in", "1\n", NULL, 0},
                        {"prob/data/secret/link.in", NULL, "1.in", 0}};
    char *arc = make_archive(e, 3, true), *dest = fs_join(dir, "out");
    struct diag errors = DIAG_INIT;
    ck_assert_int_eq(unpack_archive(arc, dest, "p", NULL, &errors), 0);
    char *root = unpack_package_root(dest);
    ck_assert_ptr_nonnull(root);
    ck_assert(fs_has_suffix(root, "/out/prob"));
    char *in = fs_join(root, "data/secret/1.in");
    ck_assert(fs_is_file(in));
    free(in);
    free(root);
    free(arc);
    free(dest);
    diag_release(&errors);
}
END_TEST

START_TEST(test_dotdot_refused)
{
    struct entry e[] = {{"../evil", "x", NULL, 0}};
    unpack_fails(e, 1, NULL,
                 "problem 'p': archive entry '../evil' has an unsafe path (absolute or with '..')");
    char *evil = fs_join(dir, "evil");
    ck_assert(!fs_is_file(evil));
    free(evil);
}
END_TEST

START_TEST(test_absolute_refused)
{
    struct entry e[] = {{"/tmp/judged-evil", "x", NULL, 0}};
    unpack_fails(e, 1, NULL,
                 "problem 'p': archive entry '/tmp/judged-evil' has an unsafe path (absolute or "
                 "with '..')");
    ck_assert(!fs_is_file("/tmp/judged-evil"));
}
END_TEST

START_TEST(test_symlink_leaving_refused)
{
    struct entry e[] = {{"a/link", NULL, "../../etc", 0}, {"a/link/passwd", "x", NULL, 0}};
    unpack_fails(e, 2, NULL,
                 "problem 'p': archive entry 'a/link' is a symbolic link that leaves the package");
}
END_TEST

/*
 * Found while writing tests/fuzz/fuzz_unpack (its seed hostile-link-chain breaks the harness's
 * "nothing outside" check): a link whose target, inside as text, goes through another link and so
 * out of the folder; a second link made through the first was then made outside.
 */
START_TEST(test_link_through_link_refused)
{
    struct entry e[] = {{"a/b/c/keep", "k", NULL, 0},
                        {"d/e/f/keep", "k", NULL, 0},
                        {"a/b/c/l", NULL, "../../..", 0},
                        {"d/e/f/m", NULL, "../../../a/b/c/l/..", 0},
                        {"d/e/f/m/evil", NULL, "keep", 0}};
    unpack_fails(e, 5, NULL,
                 "problem 'p': archive entry 'd/e/f/m' is a symbolic link that leaves the package");
    char *evil = fs_join(dir, "evil");
    struct stat st;
    ck_assert_int_eq(lstat(evil, &st), -1);
    free(evil);
}
END_TEST

/* A link is never made through another link: its own ".." steps would climb from elsewhere. */
START_TEST(test_link_below_a_link_refused)
{
    struct entry e[] = {{"a/b/c/keep", "k", NULL, 0},
                        {"a/b/c/l", NULL, "../../..", 0},
                        {"a/b/c/l/x", NULL, "../../../..", 0}};
    unpack_fails(e, 3, NULL,
                 "problem 'p': archive link 'a/b/c/l/x' cannot be made: Not a directory");
    char *x = fs_join(dir, "out/x");
    struct stat st;
    ck_assert_int_eq(lstat(x, &st), -1);
    free(x);
}
END_TEST

/* Found while writing the fuzz_unpack seeds: the folders above a link were not made for it. */
START_TEST(test_links_only_folder)
{
    struct entry e[] = {{"p/problem.yaml", "name: P\n", NULL, 0},
                        {"p/data/secret/1.in", "1\n", NULL, 0},
                        {"p/data/sample/1.in", NULL, "../secret/1.in", 0}};
    char *arc = make_archive(e, 3, false), *dest = fs_join(dir, "out");
    struct diag errors = DIAG_INIT;
    ck_assert_int_eq(unpack_archive(arc, dest, "p", NULL, &errors), 0);
    char *in = fs_join(dest, "p/data/sample/1.in");
    ck_assert(fs_is_file(in));
    free(in);
    free(arc);
    free(dest);
    diag_release(&errors);
}
END_TEST

/* Found while writing the fuzz_unpack seeds: an entry below a file gave a bare -ENOTDIR. */
START_TEST(test_entry_below_a_file)
{
    struct entry e[] = {{"a", "x", NULL, 0}, {"a/b", "y", NULL, 0}};
    unpack_fails(e, 2, NULL, "problem 'p': archive entry 'a/b' cannot be written: Not a directory");
}
END_TEST

START_TEST(test_entry_too_large)
{
    struct unpack_limits lim = unpack_default_limits;
    lim.entry_bytes = 1000;
    struct entry e[] = {{"big", "0123456789", NULL, 200}};
    unpack_fails(e, 1, &lim, "problem 'p': archive entry 'big' is larger than 0 MiB");
}
END_TEST

START_TEST(test_total_and_bomb)
{
    struct unpack_limits lim = unpack_default_limits;
    lim.bomb_floor = 4096;
    lim.ratio = 10;
    /* 1 MB of one repeated byte packs into a few KB: a bomb by ratio. */
    struct entry e[] = {{"zeros", "0000000000000000", NULL, 65536}};
    unpack_fails(e, 1, &lim,
                 "problem 'p': the archive unpacks to more than 10 times its size (a "
                 "decompression bomb?)");
    lim = unpack_default_limits;
    lim.total_bytes = 100;
    struct entry f[] = {{"a", "0123456789", NULL, 8}, {"b", "0123456789", NULL, 8}};
    fs_remove_tree(dir);
    fs_mkdirs(dir, 0700);
    unpack_fails(f, 2, &lim, "problem 'p': the archive unpacks to more than 0 MiB");
}
END_TEST

START_TEST(test_too_many_entries)
{
    struct unpack_limits lim = unpack_default_limits;
    lim.entries = 2;
    struct entry e[] = {{"a", "1", NULL, 0}, {"b", "1", NULL, 0}, {"c", "1", NULL, 0}};
    unpack_fails(e, 3, &lim, "problem 'p': the archive has more than 2 entries");
}
END_TEST

START_TEST(test_not_an_archive)
{
    char *junk = fs_join(dir, "junk.zip"), *dest = fs_join(dir, "out");
    fs_write(junk, "hello", 5, 0644);
    struct diag errors = DIAG_INIT;
    ck_assert_int_eq(unpack_archive(junk, dest, "p", NULL, &errors), -EINVAL);
    ck_assert_ptr_nonnull(strstr(errors.items[0], "not a zip or gzip-compressed tar archive"));
    diag_release(&errors);
    free(junk);
    free(dest);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("unpack");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_zip_with_top_folder);
    tcase_add_test(tc, test_dotdot_refused);
    tcase_add_test(tc, test_absolute_refused);
    tcase_add_test(tc, test_symlink_leaving_refused);
    tcase_add_test(tc, test_link_through_link_refused);
    tcase_add_test(tc, test_link_below_a_link_refused);
    tcase_add_test(tc, test_links_only_folder);
    tcase_add_test(tc, test_entry_below_a_file);
    tcase_add_test(tc, test_entry_too_large);
    tcase_add_test(tc, test_total_and_bomb);
    tcase_add_test(tc, test_too_many_entries);
    tcase_add_test(tc, test_not_an_archive);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
