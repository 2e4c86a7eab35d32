/* clone3 process bomb: the policy answers every clone3 with ENOSYS (its flags live in memory the filter cannot read), so no process is ever made, the bomb fizzles and the program prints CONTAINED (AC). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    unsigned long long flag_sets[] = {0, CLONE_VM | CLONE_VFORK, CLONE_NEWUSER, CLONE_NEWPID,
                                      CLONE_PARENT, CLONE_INTO_CGROUP};
    int made = 0, other = 0;
    for (int i = 0; i < 1000; i++) {
        struct clone_args a;
        memset(&a, 0, sizeof(a));
        a.flags = flag_sets[i % (sizeof(flag_sets) / sizeof(flag_sets[0]))];
        a.exit_signal = SIGCHLD;
        long r = syscall(SYS_clone3, &a, sizeof(a));
        if (r == 0)
            for (;;)
                syscall(SYS_clone3, &a, sizeof(a));
        if (r > 0)
            made++;
        else if (errno != ENOSYS)
            other++;
    }
    if (made || other)
        printf("ESCAPED: clone3 made %d processes, %d other errors\n", made, other);
    else
        puts("CONTAINED");
    return 0;
}
