/* kill(0, SIGKILL) and kill(0, SIGSTOP) to the caller's process group: the program itself survives (namespace init), so the verdict is AC, but the process group is inherited from judged and lies outside the pid namespace: run.sh puts a uid-60000 canary in judged's process group and fails the case if the signal reached it. */
#include <signal.h>
#include <stdio.h>

int main(void)
{
    kill(0, SIGSTOP);
    kill(0, SIGKILL);
    puts("CONTAINED");
    return 0;
}
