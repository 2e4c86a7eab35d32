/* userfaultfd (a tool to win kernel races by stalling page faults): not on the run allowlist: SV (userfaultfd). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = syscall(SYS_userfaultfd, (long)O_CLOEXEC);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
