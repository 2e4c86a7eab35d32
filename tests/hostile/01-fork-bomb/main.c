/* Fork bomb: fork() is clone(2) without CLONE_THREAD, which the run policy does not allow, so the very first fork is held by seccomp and the run ends as SV (clone). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    for (int i = 0; i < 100000; i++) {
        pid_t p = fork();
        if (p == 0)
            for (;;)
                fork();
        if (p < 0) {
            perror("fork failed instead of SV");
            break;
        }
    }
    puts("ESCAPED: fork returned");
    return 0;
}
