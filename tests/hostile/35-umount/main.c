/* umount2("/box", MNT_DETACH) to uncover what lies below the sandbox's mounts: umount2 is not on the run allowlist: SV (umount2). */
#define _GNU_SOURCE
#include <sys/mount.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = umount2("/box", MNT_DETACH);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
