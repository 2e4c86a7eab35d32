/* POSIX timer bomb: timer_create is allowed and each timer pins kernel memory and a preallocated signal; RLIMIT_SIGPENDING (inherited from judged, per uid: 96k here) makes timer_create fail with EAGAIN well before the CPU limit, so the program prints CONTAINED (AC); a million timers would mean the kernel memory is unbounded. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void)
{
    long n = 0;
    struct sigevent ev = {.sigev_notify = SIGEV_NONE};
    for (; n < 1000000; n++) {
        timer_t t;
        if (timer_create(CLOCK_MONOTONIC, &ev, &t))
            break;
    }
    if (n < 1000000 && errno == EAGAIN)
        puts("CONTAINED");
    else
        printf("ESCAPED: %ld timers (%s)\n", n, strerror(errno));
    return 0;
}
