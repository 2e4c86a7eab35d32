/* i386 ABI through int 0x80 (getpid = 20): where the kernel has IA32 emulation the call carries the i386 audit architecture, which the filter kills with SIGSYS: SV (non-native ABI). Where it has none the kernel itself kills the program with SIGSEGV, in the sandbox as outside it: RE (run.sh probes which, see native-fate). */
#include <stdio.h>

int main(void)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
    printf("ESCAPED: int 0x80 getpid returned %ld\n", r);
    return 0;
}
