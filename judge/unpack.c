/*
 * Archives are read with libarchive, but written by us: every path is checked as text before
 * anything is created, files are created with O_EXCL | O_NOFOLLOW below `dest`, and symbolic links
 * (only those that stay inside) are created last, so no entry is ever written through one. No
 * folder on the path of a file or a link may be a link, and a link's ".." steps come first, so a
 * link can stay inside only by its text.
 */
#define _GNU_SOURCE
#include "unpack.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"

const struct unpack_limits unpack_default_limits = {
    .entry_bytes = 256ull << 20,
    .total_bytes = 1ull << 30,
    .entries = 20000,
    .ratio = 200,
    .bomb_floor = 64ull << 20,
};

/* Normalises "./a//b/" to "a/b"; false for absolute paths, ".." or empty names. */
static bool clean_path(const char *in, char *out, size_t size)
{
    if (!in || in[0] == '/' || strlen(in) >= size)
        return false;
    out[0] = '\0';
    size_t n = 0;
    const char *p = in;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 2 && !strncmp(p, "..", 2))
            return false;
        if (len && !(len == 1 && p[0] == '.')) {
            if (n)
                out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
            out[n] = '\0';
        }
        p += len + (e ? 1 : 0);
        if (!e)
            break;
    }
    return n > 0;
}

/*
 * Does link `target`, placed at `linkpath` (both relative), stay inside? Its ".." steps must all
 * come first: they then climb the link's own folders, which are real folders (make_parents), while
 * a ".." after a name could climb out of wherever another link led ("l/.." with l -> "..").
 */
static bool link_stays_inside(const char *linkpath, const char *target)
{
    if (target[0] == '/')
        return false;
    int depth = 0;
    bool named = false;
    for (const char *p = linkpath; (p = strchr(p, '/')); p++)
        depth++;
    for (const char *p = target; *p;) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 2 && !strncmp(p, "..", 2)) {
            if (named)
                return false;
            depth--;
        } else if (len && !(len == 1 && p[0] == '.')) {
            named = true;
            depth++;
        }
        if (depth < 0)
            return false;
        p += len + (e ? 1 : 0);
        if (!e)
            break;
    }
    return true;
}

struct pending_link {
    char *path, *target;
};

/* Makes the folders above `rel` one by one with mkdirat: no component may be a link or a file. */
static int make_parents(int dfd, const char *rel)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s", rel);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    char full[PATH_MAX];
    size_t n = 0;
    for (char *p = dir;; p = slash + 1) {
        slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        snprintf(full + n, sizeof(full) - n, "%s%.*s", n ? "/" : "", (int)len, p);
        n = strlen(full);
        if (mkdirat(dfd, full, 0755) < 0 && errno != EEXIST)
            return -errno;
        struct stat st;
        if (fstatat(dfd, full, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISDIR(st.st_mode))
            return -ENOTDIR;
        if (!slash)
            return 0;
    }
}

static int write_entry(struct archive *a, int dfd, const char *rel, const char *what,
                       const struct unpack_limits *lim, uint64_t packed, uint64_t *total,
                       struct diag *errors)
{
    int rc = make_parents(dfd, rel);
    if (rc) {
        diag_add(errors, "problem '%s': archive entry '%s' cannot be written: %s", what, rel,
                 strerror(-rc));
        return -EINVAL;
    }
    int fd = openat(dfd, rel, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        diag_add(errors, "problem '%s': archive entry '%s' cannot be written: %s", what, rel,
                 strerror(errno));
        return -EINVAL;
    }
    uint64_t size = 0;
    char buf[65536];
    for (;;) {
        la_ssize_t n = archive_read_data(a, buf, sizeof(buf));
        if (n == 0)
            break;
        if (n < 0) {
            diag_add(errors, "problem '%s': archive entry '%s' is corrupt: %s", what, rel,
                     archive_error_string(a));
            rc = -EINVAL;
            break;
        }
        size += (uint64_t)n;
        *total += (uint64_t)n;
        if (size > lim->entry_bytes) {
            diag_add(errors, "problem '%s': archive entry '%s' is larger than %llu MiB", what, rel,
                     (unsigned long long)(lim->entry_bytes >> 20));
            rc = -EINVAL;
            break;
        }
        if (*total > lim->total_bytes) {
            diag_add(errors, "problem '%s': the archive unpacks to more than %llu MiB", what,
                     (unsigned long long)(lim->total_bytes >> 20));
            rc = -EINVAL;
            break;
        }
        /* Checked while writing: a bomb is stopped long before it fills the disk. */
        if (*total > lim->bomb_floor && *total / (packed ? packed : 1) > lim->ratio) {
            diag_add(errors,
                     "problem '%s': the archive unpacks to more than %u times its size "
                     "(a decompression bomb?)",
                     what, lim->ratio);
            rc = -EINVAL;
            break;
        }
        if (write(fd, buf, (size_t)n) != n) {
            rc = -errno;
            break;
        }
    }
    close(fd);
    return rc;
}

int unpack_archive(const char *archive, const char *dest, const char *what,
                   const struct unpack_limits *lim, struct diag *errors)
{
    if (!lim)
        lim = &unpack_default_limits;
    struct stat ast;
    if (stat(archive, &ast) < 0)
        return -errno;
    int rc = fs_mkdirs(dest, 0755);
    if (rc)
        return rc;
    int dfd = open(dest, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return -errno;
    struct archive *a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    struct pending_link *links = NULL;
    size_t nlinks = 0, entries = 0;
    uint64_t total = 0;
    if (archive_read_open_filename(a, archive, 65536) != ARCHIVE_OK) {
        diag_add(errors, "problem '%s': not a zip or gzip-compressed tar archive: %s", what,
                 archive_error_string(a));
        rc = -EINVAL;
        goto out;
    }
    struct archive_entry *e;
    for (;;) {
        int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN) {
            diag_add(errors, "problem '%s': the archive is corrupt: %s", what,
                     archive_error_string(a));
            rc = -EINVAL;
            break;
        }
        const char *name = archive_entry_pathname(e);
        char rel[PATH_MAX];
        if (++entries > lim->entries) {
            diag_add(errors, "problem '%s': the archive has more than %zu entries", what,
                     lim->entries);
            rc = -EINVAL;
            break;
        }
        if (!clean_path(name, rel, sizeof(rel))) {
            if (name && (!strcmp(name, "./") || !strcmp(name, ".")))
                continue;
            diag_add(errors,
                     "problem '%s': archive entry '%s' has an unsafe path (absolute or "
                     "with '..')",
                     what, name ? name : "");
            rc = -EINVAL;
            break;
        }
        mode_t type = archive_entry_filetype(e);
        if (archive_entry_hardlink(e)) {
            diag_add(errors, "problem '%s': archive entry '%s' is a hard link", what, rel);
            rc = -EINVAL;
            break;
        }
        if (type == AE_IFDIR)
            continue; /* folders are made as their files need them */
        if (type == AE_IFLNK) {
            const char *target = archive_entry_symlink(e);
            if (!target || !link_stays_inside(rel, target)) {
                diag_add(errors,
                         "problem '%s': archive entry '%s' is a symbolic link that "
                         "leaves the package",
                         what, rel);
                rc = -EINVAL;
                break;
            }
            struct pending_link *nl = realloc(links, (nlinks + 1) * sizeof(*nl));
            if (!nl) {
                rc = -ENOMEM;
                break;
            }
            links = nl;
            links[nlinks].path = strdup(rel);
            links[nlinks].target = strdup(target);
            nlinks++;
            continue;
        }
        if (type != AE_IFREG) {
            diag_add(errors, "problem '%s': archive entry '%s' is not a file or a folder", what,
                     rel);
            rc = -EINVAL;
            break;
        }
        if (archive_entry_size_is_set(e) && (uint64_t)archive_entry_size(e) > lim->entry_bytes) {
            diag_add(errors, "problem '%s': archive entry '%s' is larger than %llu MiB", what, rel,
                     (unsigned long long)(lim->entry_bytes >> 20));
            rc = -EINVAL;
            break;
        }
        if ((rc = write_entry(a, dfd, rel, what, lim, (uint64_t)ast.st_size, &total, errors)))
            break;
    }
    for (size_t i = 0; !rc && i < nlinks; i++) {
        /* Its folders are real ones, so its leading ".." steps climb where they appear to. */
        int err = make_parents(dfd, links[i].path);
        if (!err && symlinkat(links[i].target, dfd, links[i].path) < 0)
            err = -errno;
        if (err) {
            diag_add(errors, "problem '%s': archive link '%s' cannot be made: %s", what,
                     links[i].path, strerror(-err));
            rc = -EINVAL;
        }
    }
out:
    for (size_t i = 0; i < nlinks; i++) {
        free(links[i].path);
        free(links[i].target);
    }
    free(links);
    archive_read_free(a);
    close(dfd);
    return rc;
}

char *unpack_package_root(const char *dir)
{
    char *yaml = fs_join(dir, "problem.yaml");
    bool here = yaml && fs_is_file(yaml);
    free(yaml);
    if (here)
        return strdup(dir);
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *only = NULL;
    int subdirs = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "__MACOSX"))
            continue;
        char *p = fs_join(dir, e->d_name);
        if (p && fs_is_dir(p)) {
            subdirs++;
            free(only);
            only = p;
        } else {
            free(p);
        }
    }
    closedir(d);
    if (subdirs != 1) {
        free(only);
        return NULL;
    }
    yaml = fs_join(only, "problem.yaml");
    here = yaml && fs_is_file(yaml);
    free(yaml);
    if (!here) {
        free(only);
        return NULL;
    }
    return only;
}
