/* Raising its own hard limits (CPU, processes, files, stack, file size) with prlimit64, which is allowed for reading: raising a hard limit needs CAP_SYS_RESOURCE, so each raise fails with EPERM; CONTAINED (AC). */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>

int main(void)
{
    static const struct {
        int res;
        const char *name;
    } lims[] = {{RLIMIT_CPU, "CPU"},     {RLIMIT_NPROC, "NPROC"}, {RLIMIT_NOFILE, "NOFILE"},
                {RLIMIT_STACK, "STACK"}, {RLIMIT_FSIZE, "FSIZE"}, {RLIMIT_AS, "AS"},
                {RLIMIT_MEMLOCK, "MEMLOCK"}};
    int bad = 0;
    for (size_t i = 0; i < sizeof(lims) / sizeof(lims[0]); i++) {
        struct rlimit cur;
        if (prlimit(0, lims[i].res, NULL, &cur))
            continue;
        if (cur.rlim_max == RLIM_INFINITY)
            continue;
        struct rlimit more = {RLIM_INFINITY, RLIM_INFINITY};
        if (prlimit(0, lims[i].res, &more, NULL) == 0) {
            printf("ESCAPED: raised RLIMIT_%s\n", lims[i].name);
            bad++;
        }
    }
    if (!bad)
        puts("CONTAINED");
    return 0;
}
