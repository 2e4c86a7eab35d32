/* Reading the judge's environment: there is no /proc or /sys in the root, and the program starts with an empty environment, so /proc/1/environ, /proc/self/environ, environ[] and getenv all come back empty: CONTAINED (AC). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
    static const char *const files[] = {
        "/proc/1/environ", "/proc/self/environ", "/proc/self/status", "/proc/1/cmdline",
        "/proc/self/mountinfo", "/proc/self/fd/0", "/proc/sys/kernel/hostname", "/sys/kernel",
        "/proc/cpuinfo",
    };
    int leaked = 0;
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        int fd = open(files[i], O_RDONLY);
        if (fd < 0)
            continue;
        char buf[4096];
        ssize_t n = read(fd, buf, sizeof(buf));
        for (ssize_t j = 0; j < n; j++)
            if (buf[j] == '\0')
                buf[j] = '\n';
        printf("LEAKED %s:\n%.*s\n", files[i], n > 0 ? (int)n : 0, buf);
        leaked++;
        close(fd);
    }
    for (char **e = environ; e && *e; e++) {
        printf("LEAKED environment: %s\n", *e);
        leaked++;
    }
    if (getenv("HOSTILE_SECRET") || getenv("PATH") || getenv("HOME")) {
        puts("LEAKED getenv");
        leaked++;
    }
    if (!leaked)
        puts("CONTAINED");
    return 0;
}
