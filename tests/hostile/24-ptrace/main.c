/* ptrace(PTRACE_TRACEME) (the first step of most debugger-based escapes): ptrace is not on the run allowlist: SV (ptrace). */
#include <stdio.h>
#include <sys/ptrace.h>

int main(void)
{
    long r = ptrace(PTRACE_TRACEME, 0, NULL, NULL);
    printf("ESCAPED: ptrace returned %ld\n", r);
    return 0;
}
