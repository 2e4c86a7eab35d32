/* fuzz: helpers shared by the libFuzzer harnesses. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"

static char *fuzz_scratch;

static void fuzz_scratch_remove(void)
{
    if (fuzz_scratch)
        fs_remove_tree(fuzz_scratch);
    free(fuzz_scratch);
    fuzz_scratch = NULL;
}

void fuzz_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz harness: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    _exit(2);
}

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz invariant broken: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

const char *fuzz_scratch_make(const char *name)
{
    const char *base = getenv("FUZZ_TMPDIR");
    if (!base || !*base)
        base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    char tmpl[4096];
    snprintf(tmpl, sizeof(tmpl), "%s/judged-fuzz-%s-XXXXXX", base, name);
    if (!mkdtemp(tmpl))
        fuzz_die("cannot make a folder under '%s': %s", base, strerror(errno));
    fuzz_scratch = strdup(tmpl);
    if (!fuzz_scratch)
        fuzz_die("out of memory");
    atexit(fuzz_scratch_remove);
    return fuzz_scratch;
}

void fuzz_write(const char *dir, const char *rel, const void *data, size_t len)
{
    char *path = fs_join(dir, rel);
    if (!path)
        fuzz_die("out of memory");
    char *slash = strrchr(path, '/');
    *slash = '\0';
    if (fs_mkdirs(path, 0755))
        fuzz_die("cannot make '%s'", path);
    *slash = '/';
    if (fs_write(path, data, len, 0644))
        fuzz_die("cannot write '%s'", path);
    free(path);
}

size_t fuzz_split(const void *data, size_t size, char sep, struct fuzz_part *parts, size_t max)
{
    const char *p = data, *end = p + size;
    size_t k = 0;
    while (k < max) {
        const char *s = k + 1 < max ? memchr(p, sep, (size_t)(end - p)) : NULL;
        parts[k].p = p;
        parts[k].n = s ? (size_t)(s - p) : (size_t)(end - p);
        k++;
        if (!s)
            break;
        p = s + 1;
    }
    return k;
}
