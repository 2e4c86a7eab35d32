#define _GNU_SOURCE
#include "host.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "fsutil.h"
#include "sandbox.h"

#define UID_RANGES 64 /* judges on one machine, each with its own range of sandbox uids */
#define UID_FIRST  60000
#define UID_SPAN   256

int host_claim_uid_range(unsigned *uid_base)
{
    const char *dir = "/run/lock";
    if (!fs_is_dir(dir))
        dir = "/tmp";
    for (int i = 0; i < UID_RANGES; i++) {
        char path[128];
        snprintf(path, sizeof(path), "%s/judged-uids-%d.lock", dir, i);
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return -errno;
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
            *uid_base = UID_FIRST + (unsigned)i * UID_SPAN;
            return fd; /* held (and open) until the process exits */
        }
        close(fd);
    }
    return -EBUSY;
}

int host_check_hidden(const char *const *paths, const char *what, const char *dir, char *why,
                      size_t size)
{
    char shown[PATH_MAX], real[PATH_MAX];
    int rc = sandbox_path_hidden(paths, dir, shown, sizeof(shown));
    if (rc == -EEXIST) {
        /* It contains the shown path when that lies strictly below it; else it is (or, not made
         * yet, would be) inside. */
        size_t n = realpath(dir, real) ? strlen(real) : 0;
        bool contains =
            n && strcmp(shown, real) && (n == 1 || (!strncmp(shown, real, n) && shown[n] == '/'));
        snprintf(why, size,
                 "%s '%s' %s '%s', which the sandbox shows to every compile and run: refusing to "
                 "start; keep it outside the toolchain's folders (e.g. /var/lib/judged, "
                 "docs/sandbox.md)",
                 what, dir, contains ? "contains" : "is inside", shown);
    } else if (rc) {
        snprintf(why, size, "cannot check %s '%s': %s", what, dir, strerror(-rc));
    }
    return rc;
}
