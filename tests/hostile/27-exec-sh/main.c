/* execve("/bin/sh"): the policy allows execve only with the sandbox's own path pointer (inside judged's memory), which the program cannot know, so this is SV (execve). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    char *const argv[] = {"/bin/sh", "-c", "echo ESCAPED; cat /etc/passwd", NULL};
    char *const envp[] = {NULL};
    execve("/bin/sh", argv, envp);
    perror("ESCAPED: execve returned");
    return 0;
}
