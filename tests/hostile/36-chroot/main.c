/* chroot("/tmp") (the classic chroot escape starts with a second chroot): chroot is not on the run allowlist: SV (chroot). */
#define _GNU_SOURCE

#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = chroot("/tmp");
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
