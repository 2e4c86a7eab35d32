/* The main thread exits with pthread_exit while another thread sleeps forever, hoping the judge thinks the run ended and leaves the thread behind; the process (and pid 1) lives until its last thread, so the wall limit kills it: TLE, and nothing of uid 60000 may remain. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *linger(void *arg)
{
    (void)arg;
    for (;;)
        sleep(1000);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, linger, NULL);
    puts("CONTAINED");
    fflush(stdout);
    pthread_exit(NULL);
}
