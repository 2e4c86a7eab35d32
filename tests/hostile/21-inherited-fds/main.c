/* Inherited descriptors: the sandbox closes everything but stdin (the test file), stdout and stderr (pipes) before exec, so fds 3..1023 are all closed (the cgroup, netns, listener and socket descriptors of the judge must not leak): CONTAINED (AC). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    int open_fds = 0;
    for (int fd = 3; fd < 1024; fd++) {
        if (fcntl(fd, F_GETFD) < 0)
            continue;
        struct stat st;
        fstat(fd, &st);
        printf("LEAKED fd %d open (mode %o, inode %lu)\n", fd, (unsigned)st.st_mode,
               (unsigned long)st.st_ino);
        open_fds++;
    }
    struct stat s0, s1, s2;
    if (fstat(0, &s0) || !S_ISREG(s0.st_mode)) {
        puts("stdin is not a regular file");
        open_fds++;
    }
    if (fstat(1, &s1) || !S_ISFIFO(s1.st_mode) || fstat(2, &s2) || !S_ISFIFO(s2.st_mode)) {
        puts("stdout/stderr are not pipes");
        open_fds++;
    }
    if (fcntl(0, F_GETFL) & (O_WRONLY | O_RDWR)) {
        puts("stdin is writable");
        open_fds++;
    }
    if (!open_fds)
        puts("CONTAINED");
    return 0;
}
