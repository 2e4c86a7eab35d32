/* unpack: extracts a zip or gzip tar of a problem package safely, with caps. */
#ifndef JUDGE_UNPACK_H
#define JUDGE_UNPACK_H

/* Thread-safety: no shared state; calls for distinct destination folders may run at once. */

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct unpack_limits {
    uint64_t entry_bytes; /* one file */
    uint64_t total_bytes; /* all files */
    size_t entries;
    unsigned ratio;      /* unpacked / packed above which (past bomb_floor) it is a bomb */
    uint64_t bomb_floor; /* the ratio is judged only past this many bytes */
};

extern const struct unpack_limits unpack_default_limits;

/*
 * Extracts `archive` into folder `dest` (created, must be empty). Refuses absolute paths, "..",
 * links that leave the folder, hard links, devices, entries or totals past the caps and
 * decompression bombs, each with an error naming the entry and `what` (the problem). Nothing is
 * written outside `dest`. Returns 0, -EINVAL (see `errors`) or another negative errno.
 */
int unpack_archive(const char *archive, const char *dest, const char *what,
                   const struct unpack_limits *lim, struct diag *errors);

/*
 * The package root in an unpacked folder: `dir` itself when it holds problem.yaml, or its only
 * sub-folder when that one does. A new string, or NULL.
 */
char *unpack_package_root(const char *dir);

#endif
