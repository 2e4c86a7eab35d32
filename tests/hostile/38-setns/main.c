/* setns(2) to join another namespace through a descriptor: setns is not on the run allowlist: SV (setns). */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = setns(0, 0);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
