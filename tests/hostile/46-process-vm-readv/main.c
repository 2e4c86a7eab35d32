/* process_vm_readv of pid 1 (reading another process's memory): not on the run allowlist: SV (process_vm_readv). */
#define _GNU_SOURCE
#include <sys/uio.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    char buf[64];
    static char src[64] = "x";
    struct iovec l = {buf, sizeof(buf)}, rem = {src, sizeof(src)};
    long r = process_vm_readv(1, &l, 1, &rem, 1, 0);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
