/* personality(READ_IMPLIES_EXEC | ADDR_NO_RANDOMIZE) to weaken the memory layout: personality is not on the run allowlist: SV (personality). */
#define _GNU_SOURCE
#include <sys/personality.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long r = personality(READ_IMPLIES_EXEC | ADDR_NO_RANDOMIZE);
    printf("ESCAPED: the call returned %ld\n", r);
    return 0;
}
