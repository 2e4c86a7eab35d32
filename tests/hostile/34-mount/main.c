/* mount(2) of a tmpfs over /tmp (the start of any mount-based escape): mount is not on the run allowlist (nor would the uid have the capability): SV (mount). */
#define _GNU_SOURCE
#include <sys/mount.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = mount("none", "/tmp", "tmpfs", 0, NULL);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
