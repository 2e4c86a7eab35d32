/* Thread bomb: threads are allowed, but RLIMIT_NPROC and the pids cgroup cap the run at 16 tasks, so pthread_create soon fails with EAGAIN; the program reports CONTAINED when it got fewer than 64 threads (AC). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

int main(void)
{
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 1 << 16);
    int n = 0;
    for (; n < 100000; n++) {
        pthread_t t;
        if (pthread_create(&t, &at, sleeper, NULL))
            break;
    }
    if (n < 64)
        puts("CONTAINED");
    else
        printf("ESCAPED: %d threads\n", n);
    fflush(stdout);
    return 0;
}
