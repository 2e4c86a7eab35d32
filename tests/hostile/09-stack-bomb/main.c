/* Stack bomb: unbounded recursion, each frame touching 4 KiB. RLIMIT_STACK equals the memory limit (64 MiB), so the stack and the rest of the process reach the 64 MiB memory cgroup limit first: the OOM kill (or a SIGSEGV at a cgroup peak at the limit) is reported as MLE. */
#include <stdio.h>
#include <string.h>

static int deep(int n)
{
    volatile char frame[4096];
    memset((char *)frame, n & 0xff, sizeof(frame));
    return deep(n + 1) + frame[n & 4095];
}

int main(void)
{
    printf("%d\n", deep(0));
    return 0;
}
