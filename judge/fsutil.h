/* fsutil: small file helpers shared by the judge modules. */
#ifndef JUDGE_FSUTIL_H
#define JUDGE_FSUTIL_H

/* Thread-safety: no shared state; any thread may call any function (on paths it owns). */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Reads a whole file of at most `cap` bytes (-EFBIG past it), NUL-terminated. */
int fs_read(const char *path, size_t cap, char **out, size_t *len);
/* Writes a file anew, with `mode`. */
int fs_write(const char *path, const void *data, size_t len, mode_t mode);
/* Copies a regular file, with `mode`. */
int fs_copy(const char *src, const char *dst, mode_t mode);
/* mkdir -p. */
int fs_mkdirs(const char *path, mode_t mode);
/* rm -rf; never follows symbolic links. */
int fs_remove_tree(const char *path);
bool fs_is_dir(const char *path);
bool fs_is_file(const char *path);
/* A new string "a/b". */
char *fs_join(const char *a, const char *b);
/*
 * Calls `fn` for every folder and regular file below `root` in sorted order, a folder before what
 * it holds (links and anything else are skipped), with the path below root and the full path.
 * Stops at the first non-zero return of `fn` and returns it; a negative errno on failure.
 */
struct stat;
typedef int (*fs_walk_fn)(void *ud, const char *rel, const char *full, const struct stat *st);
int fs_walk_sorted(const char *root, fs_walk_fn fn, void *ud);
/* Copies folder `src` (its folders and regular files; links are skipped) into `dst`, made. */
int fs_copy_tree(const char *src, const char *dst);
/* Does `path` end with `suffix`? */
bool fs_has_suffix(const char *path, const char *suffix);

#endif
