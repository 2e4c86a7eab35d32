/* CPU time spread over threads: every thread the limits allow spins; the supervisor reads the CPU clock of the whole process, so the run is stopped near 1 s of CPU (about 0.5 s of wall on 2 CPUs) as TLE. */
#include <pthread.h>
#include <stdio.h>

static void *spin(void *arg)
{
    volatile unsigned long *x = arg;
    for (;;)
        (*x)++;
    return NULL;
}

int main(void)
{
    static volatile unsigned long counters[64];
    for (int i = 1; i < 64; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, spin, (void *)&counters[i]))
            break;
    }
    spin((void *)&counters[0]);
    puts("ESCAPED: the spin ended");
    return 0;
}
