/* Process creation with a raw clone(SIGCHLD) (no CLONE_THREAD): the policy allows clone only with CLONE_THREAD set, so this is SV (clone). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    for (int i = 0; i < 1000; i++) {
        long r = syscall(SYS_clone, (long)SIGCHLD, 0L, 0L, 0L, 0L);
        if (r == 0)
            for (;;)
                ;
    }
    puts("ESCAPED: clone without CLONE_THREAD returned");
    return 0;
}
