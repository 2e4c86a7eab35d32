/* keyctl(KEYCTL_JOIN_SESSION_KEYRING) (kernel keyrings are shared per uid across sandboxes and a frequent source of kernel bugs): keyctl is not on the run allowlist: SV (keyctl). */
#define _GNU_SOURCE
#include <linux/keyctl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, 0L);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
