/* setuid(0) to regain root: the run allowlist has no set*id call (and the uid lacks CAP_SETUID with no_new_privs set), so SV (setuid). */
#define _GNU_SOURCE

#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = setuid(0);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
