/* x32 ABI: getpid with the x32 bit (39 | 0x40000000) through inline asm dodges a filter that only knows x86-64 numbers; the filter kills non-native calls with SIGSYS, which the judge reports as SV (non-native ABI). */
#include <stdio.h>

int main(void)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(39L | 0x40000000L) : "rcx", "r11", "memory");
    printf("ESCAPED: x32 getpid returned %ld\n", r);
    return 0;
}
