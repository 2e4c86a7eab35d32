/* Filling the writable /tmp (a RAM-backed tmpfs) with 4 MiB files: the pages are charged to the run's memory cgroup, so the run is OOM-killed at 64 MiB (MLE) long before the slot's 512 MiB tmpfs fills; writing more than the memory limit would mean RAM outside the limit. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    static char buf[1 << 20];
    memset(buf, 'x', sizeof(buf));
    size_t mib = 0;
    for (int i = 0; i < 100000; i++) {
        char name[64];
        snprintf(name, sizeof(name), "/tmp/fill%d", i);
        int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0600);
        if (fd < 0)
            break;
        int j = 0;
        for (; j < 4; j++) {
            if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
                break;
            mib++;
        }
        close(fd);
        if (j < 4)
            break;
    }
    int e = errno;
    if (mib <= 64)
        puts("CONTAINED");
    else
        printf("ESCAPED: wrote %zu MiB to /tmp (%s)\n", mib, strerror(e));
    return 0;
}
