/* Writing outside /tmp: the root, /box, /usr (and /bin, /lib through it), /dev and /data are read-only mounts, so creating or truncating files there fails while /tmp works; CONTAINED (AC). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    static const char *const paths[] = {
        "/pwned", "/box/pwned", "/box/src/pwned", "/usr/pwned", "/usr/bin/pwned", "/bin/pwned",
        "/lib/pwned", "/usr/lib/pwned", "/dev/pwned", "/data/pwned",
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        int fd = open(paths[i], O_CREAT | O_WRONLY | O_EXCL, 0755);
        if (fd >= 0) {
            printf("ESCAPED: created %s\n", paths[i]);
            bad++;
            close(fd);
        }
    }
    static const char *const existing[] = {"/box/prog", "/usr/bin/gcc", "/bin/sh", "/box/src/main.c"};
    for (size_t i = 0; i < sizeof(existing) / sizeof(existing[0]); i++) {
        int fd = open(existing[i], O_WRONLY | O_APPEND);
        if (fd >= 0) {
            printf("ESCAPED: %s is writable\n", existing[i]);
            bad++;
            close(fd);
        }
    }
    int fd = open("/tmp/allowed", O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0 || write(fd, "ok", 2) != 2) {
        printf("/tmp is not writable: %s\n", strerror(errno));
        bad++;
    }
    if (!bad)
        puts("CONTAINED");
    return 0;
}
