/* Control case: reading /dev/urandom, /dev/random and getrandom is legitimate (seeding) and must keep working inside the sandbox: CONTAINED (AC). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/random.h>
#include <unistd.h>

int main(void)
{
    unsigned char buf[4096];
    int ok = 1;
    static const char *const devs[] = {"/dev/urandom", "/dev/random", "/dev/zero"};
    for (int i = 0; i < 3; i++) {
        int fd = open(devs[i], O_RDONLY);
        if (fd < 0 || read(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf)) {
            printf("cannot read %s\n", devs[i]);
            ok = 0;
        }
        if (fd >= 0)
            close(fd);
    }
    if (getrandom(buf, 64, 0) != 64) {
        puts("getrandom failed");
        ok = 0;
    }
    int null = open("/dev/null", O_WRONLY);
    if (null < 0 || write(null, buf, 64) != 64) {
        puts("cannot write /dev/null");
        ok = 0;
    }
    if (ok)
        puts("CONTAINED");
    return 0;
}
