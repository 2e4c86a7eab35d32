/* i386 ABI through int 0x80 (getpid = 20): the call carries the i386 audit architecture, which the filter kills with SIGSYS: SV (non-native ABI). */
#include <stdio.h>

int main(void)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
    printf("ESCAPED: int 0x80 getpid returned %ld\n", r);
    return 0;
}
