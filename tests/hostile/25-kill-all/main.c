/* kill(-1, SIGKILL) and kill(1, SIGKILL): kill is allowed, but kill(-1) reaches only processes of the program's own pid namespace (none but itself, which -1 skips: ESRCH) and pid 1 is the program itself, which as namespace init ignores SIGKILL sent from inside; so it survives, prints CONTAINED (AC), and run.sh checks that a uid-60000 canary process on the host survived. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    int r1 = kill(-1, SIGKILL);
    int e1 = errno;
    int r2 = kill(-1, SIGSTOP);
    kill(1, SIGKILL);
    kill(1, SIGTERM);
    if (r1 == 0 || r2 == 0 || e1 != ESRCH)
        printf("ESCAPED: kill(-1) reached someone (%d, %d, %s)\n", r1, r2, strerror(e1));
    else
        puts("CONTAINED");
    return 0;
}
