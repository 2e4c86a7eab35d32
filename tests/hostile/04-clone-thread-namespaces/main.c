/* Threads that try to take new namespaces or another parent (clone with CLONE_THREAD, which seccomp allows, plus CLONE_NEW* / CLONE_PARENT): the kernel refuses each (no capability, no user namespace, init cannot CLONE_PARENT), so CONTAINED (AC). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int ran;

static int child(void *arg)
{
    (void)arg;
    atomic_fetch_add(&ran, 1);
    return 0; /* glibc's clone() then makes the exit system call: the thread ends */
}

int main(void)
{
    static const struct {
        int flag;
        const char *name;
    } extra[] = {
        {CLONE_NEWNS, "NEWNS"},   {CLONE_NEWUTS, "NEWUTS"}, {CLONE_NEWIPC, "NEWIPC"},
        {CLONE_NEWNET, "NEWNET"}, {CLONE_NEWPID, "NEWPID"}, {CLONE_NEWUSER, "NEWUSER"},
        {CLONE_NEWCGROUP, "NEWCGROUP"}, {CLONE_PARENT, "PARENT"},
    };
    int base = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM;
    int bad = 0;
    for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
        int flags = base | extra[i].flag;
        if (extra[i].flag == CLONE_NEWNS || extra[i].flag == CLONE_NEWUSER)
            flags &= ~CLONE_FS; /* the kernel rejects these with CLONE_FS outright */
        char *stack = malloc(1 << 16);
        int r = clone(child, stack + (1 << 16), flags, NULL);
        if (r >= 0) {
            printf("ESCAPED: clone(CLONE_THREAD|CLONE_%s) made thread %d\n", extra[i].name, r);
            bad++;
        }
    }
    usleep(100000);
    if (bad || atomic_load(&ran))
        return 0;
    puts("CONTAINED");
    return 0;
}
