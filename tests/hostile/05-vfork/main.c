/* vfork(): glibc makes the vfork system call, which is not on the run allowlist, so the run is SV (vfork). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    pid_t p = vfork();
    if (p == 0)
        _exit(0);
    printf("ESCAPED: vfork returned %d\n", (int)p);
    return 0;
}
