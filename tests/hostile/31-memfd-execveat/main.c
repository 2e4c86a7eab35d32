/* Running a second program from memory: copy /box/prog into a memfd and execveat it; memfd_create is not on the run allowlist, so the attack stops at its first step: SV (memfd_create). If it got through, the re-executed copy would print ESCAPED. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        puts("ESCAPED: executed from a memfd");
        return 0;
    }
    int fd = (int)syscall(SYS_memfd_create, "x", 0);
    int src = open("/box/prog", O_RDONLY);
    char buf[65536];
    ssize_t n;
    while (src >= 0 && (n = read(src, buf, sizeof(buf))) > 0)
        if (write(fd, buf, (size_t)n) != n)
            break;
    char *const args[] = {"prog", "again", NULL};
    char *const env[] = {NULL};
    syscall(SYS_execveat, fd, "", args, env, AT_EMPTY_PATH);
    printf("ESCAPED: memfd_create returned %d\n", fd);
    return 0;
}
