/* unshare(CLONE_NEWUSER) to become root of a new user namespace and gain capabilities there: unshare is not on the run allowlist: SV (unshare). */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = unshare(CLONE_NEWUSER | CLONE_NEWNS);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
