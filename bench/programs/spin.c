/*
 * The busy submission of bench/healthz_bench.sh: a correct a + b that first burns SPIN_MS of CPU
 * time, so every test of bench/packages/sum-ten (time limit 1 s) runs near its limit and stays AC.
 */
#include <stdio.h>
#include <time.h>

#ifndef SPIN_MS
#define SPIN_MS 600
#endif

int main(void)
{
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2)
        return 1;
    volatile unsigned long x = 0;
    while (clock() < (clock_t)SPIN_MS * (CLOCKS_PER_SEC / 1000))
        for (int i = 0; i < 100000; i++)
            x += (unsigned long)i;
    printf("%lld\n", a + b);
    return 0;
}
