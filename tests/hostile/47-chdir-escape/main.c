/* chdir("..") repeatedly to walk out of the box: chdir is not on the run allowlist (a program has no need to move), so SV (chdir); the walk with openat("..") is the case 48. */
#define _GNU_SOURCE

#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = 0;
    for (int i = 0; i < 32; i++)
        r |= chdir("..");
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
