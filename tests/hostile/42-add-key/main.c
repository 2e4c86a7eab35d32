/* add_key("user", ...) into the session keyring, which would outlive the run: add_key is not on the run allowlist: SV (add_key). */
#define _GNU_SOURCE
#include <linux/keyctl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = syscall(SYS_add_key, "user", "hostile", "secret", 6L, (long)KEY_SPEC_SESSION_KEYRING);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
