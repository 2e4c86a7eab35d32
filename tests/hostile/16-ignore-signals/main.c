/* Ignoring and blocking every catchable signal (SIGTERM, SIGXCPU, SIGINT, ...) then spinning: the supervisor kills with SIGKILL via a pidfd, which cannot be ignored, so still TLE. */
#include <signal.h>
#include <string.h>

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_IGN;
    for (int s = 1; s < 65; s++)
        sigaction(s, &sa, NULL);
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    volatile unsigned long x = 0;
    for (;;)
        x++;
}
