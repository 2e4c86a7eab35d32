#define _GNU_SOURCE
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

int fs_read(const char *path, size_t cap, char **out, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        close(fd);
        return -errno;
    }
    if ((size_t)st.st_size > cap) {
        close(fd);
        return -EFBIG;
    }
    size_t size = (size_t)st.st_size, got = 0;
    char *buf = malloc(size + 1);
    if (!buf) {
        close(fd);
        return -ENOMEM;
    }
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    buf[got] = '\0';
    *out = buf;
    if (len)
        *len = got;
    return 0;
}

int fs_write(const char *path, const void *data, size_t len, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return -errno;
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            return -e;
        }
        p += n;
        len -= (size_t)n;
    }
    if (fchmod(fd, mode) < 0 || close(fd) < 0)
        return -errno;
    return 0;
}

int fs_copy(const char *src, const char *dst, mode_t mode)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -errno;
    struct stat st;
    if (fstat(in, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(in);
        return -EINVAL;
    }
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (out < 0) {
        close(in);
        return -errno;
    }
    int rc = 0;
    off_t left = st.st_size;
    while (left > 0) {
        ssize_t n = sendfile(out, in, NULL, (size_t)left);
        if (n <= 0) {
            rc = n < 0 ? -errno : -EIO;
            break;
        }
        left -= n;
    }
    if (!rc && fchmod(out, mode) < 0)
        rc = -errno;
    close(in);
    close(out);
    return rc;
}

int fs_mkdirs(const char *path, mode_t mode)
{
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
        return -ENAMETOOLONG;
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, mode) < 0 && errno != EEXIST)
            return -errno;
        *p = '/';
    }
    if (mkdir(tmp, mode) < 0 && errno != EEXIST)
        return -errno;
    return 0;
}

static int remove_at(int dfd, const char *name)
{
    if (unlinkat(dfd, name, 0) == 0 || errno == ENOENT)
        return 0;
    if (errno != EISDIR && errno != EPERM)
        return -errno;
    int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -errno;
    }
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            if (remove_at(dirfd(d), e->d_name) < 0)
                rc = -errno;
    closedir(d);
    if (unlinkat(dfd, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
        rc = -errno;
    return rc;
}

int fs_remove_tree(const char *path)
{
    return remove_at(AT_FDCWD, path);
}

bool fs_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *fs_join(const char *a, const char *b)
{
    char *s = NULL;
    if (asprintf(&s, "%s/%s", a, b) < 0)
        return NULL;
    return s;
}

bool fs_has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), m = strlen(suffix);
    return n >= m && !strcmp(path + n - m, suffix);
}

static int walk(const char *root, const char *rel, fs_walk_fn fn, void *ud)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s%s%s", root, *rel ? "/" : "", rel);
    struct dirent **ents = NULL;
    int n = scandir(path, &ents, NULL, alphasort);
    if (n < 0)
        return -errno;
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        char sub[PATH_MAX], full[PATH_MAX];
        snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", name);
        snprintf(full, sizeof(full), "%s/%s", root, sub);
        struct stat st;
        if (rc || !strcmp(name, ".") || !strcmp(name, "..")) {
            /* done, or not a child */
        } else if (lstat(full, &st) < 0) {
            rc = -errno;
        } else if (S_ISDIR(st.st_mode)) {
            rc = fn(ud, sub, full, &st);
            if (!rc)
                rc = walk(root, sub, fn, ud);
        } else if (S_ISREG(st.st_mode)) {
            rc = fn(ud, sub, full, &st);
        }
        free(ents[i]);
    }
    free(ents);
    return rc;
}

int fs_walk_sorted(const char *root, fs_walk_fn fn, void *ud)
{
    return walk(root, "", fn, ud);
}

struct copy_ctx {
    const char *dst;
};

static int copy_one(void *ud, const char *rel, const char *full, const struct stat *st)
{
    const struct copy_ctx *c = ud;
    char *to = fs_join(c->dst, rel);
    int rc = to ? 0 : -ENOMEM;
    if (!rc && S_ISDIR(st->st_mode))
        rc = fs_mkdirs(to, 0755);
    else if (!rc)
        rc = fs_copy(full, to, st->st_mode & 0755);
    free(to);
    return rc;
}

int fs_copy_tree(const char *src, const char *dst)
{
    struct copy_ctx c = {dst};
    int rc = fs_mkdirs(dst, 0755);
    return rc ? rc : fs_walk_sorted(src, copy_one, &c);
}
