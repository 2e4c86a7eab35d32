/* The content hash of a package folder: what names a stored package and checks a download. */
#include "pkg.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"

static int hash_file(crypto_generichash_state *h, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return -errno;
    unsigned char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        crypto_generichash_update(h, buf, (size_t)n);
    int rc = n < 0 ? -errno : 0;
    close(fd);
    return rc;
}

/* Each file's path and size first, so that no two different trees hash the same stream. */
static int hash_entry(void *ud, const char *rel, const char *full, const struct stat *st)
{
    crypto_generichash_state *h = ud;
    if (!S_ISREG(st->st_mode))
        return 0;
    char head[PATH_MAX + 64];
    int len = snprintf(head, sizeof(head), "%s%c%lld%c", rel, 0, (long long)st->st_size, 0);
    crypto_generichash_update(h, (unsigned char *)head, (size_t)len);
    return hash_file(h, full);
}

int pkg_tree_hash(const char *dir, char hex[65])
{
    crypto_generichash_state h;
    unsigned char out[32];
    crypto_generichash_init(&h, NULL, 0, sizeof(out));
    int rc = fs_walk_sorted(dir, hash_entry, &h);
    crypto_generichash_final(&h, out, sizeof(out));
    sodium_bin2hex(hex, 65, out, sizeof(out));
    return rc;
}
