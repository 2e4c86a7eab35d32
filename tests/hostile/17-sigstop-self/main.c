/* Stopping itself with raise(SIGSTOP), kill(1, SIGSTOP) and SIGTSTP: the program is pid 1 of its pid namespace, and the kernel drops default-action signals (even SIGSTOP) sent to a namespace init from inside, so it keeps running and prints CONTAINED (AC); had it stopped, the wall limit would give TLE. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    raise(SIGSTOP);
    kill(getpid(), SIGSTOP);
    kill(1, SIGSTOP);
    kill(1, SIGTSTP);
    raise(SIGTTOU);
    puts("CONTAINED");
    return 0;
}
