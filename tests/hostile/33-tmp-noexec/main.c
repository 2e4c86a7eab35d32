/* Executing code written to /tmp: /tmp is mounted noexec, so mapping a file from it with PROT_EXEC (directly or by mprotect) fails; CONTAINED (AC). Anonymous executable memory stays allowed (JITs), which gives nothing seccomp does not already filter. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
    int fd = open("/tmp/code", O_CREAT | O_RDWR | O_TRUNC, 0700);
    unsigned char ret[4096] = {0xc3};
    if (fd < 0 || write(fd, ret, sizeof(ret)) != (ssize_t)sizeof(ret)) {
        puts("cannot write /tmp/code");
        return 0;
    }
    int bad = 0;
    void *x = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
    if (x != MAP_FAILED) {
        puts("ESCAPED: PROT_EXEC mapping of a /tmp file");
        bad++;
    }
    void *r = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    if (r != MAP_FAILED && mprotect(r, 4096, PROT_READ | PROT_EXEC) == 0) {
        puts("ESCAPED: mprotect PROT_EXEC of a /tmp file");
        bad++;
    }
    if (!bad)
        puts("CONTAINED");
    return 0;
}
