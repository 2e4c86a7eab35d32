/* Reading host files (/etc/passwd, /etc/shadow, /etc/hostname, ...): the root holds no /etc at all, so every open fails and the host name is the sandbox's own "judge"; CONTAINED (AC), anything read is printed (WA). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
    static const char *const files[] = {
        "/etc/passwd", "/etc/shadow", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf",
        "/etc/machine-id", "/etc/ssh/ssh_host_ed25519_key", "/root/.bash_history",
        "/home", "/var/log/syslog", "/run", "/sys/class/net",
    };
    int leaked = 0;
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        int fd = open(files[i], O_RDONLY);
        if (fd < 0)
            continue;
        char buf[512];
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        printf("LEAKED %s: %.*s\n", files[i], n > 0 ? (int)n : 0, buf);
        leaked++;
        close(fd);
    }
    struct utsname u;
    if (uname(&u) == 0 && strcmp(u.nodename, "judge") != 0) {
        printf("LEAKED host name %s\n", u.nodename);
        leaked++;
    }
    if (!leaked)
        puts("CONTAINED");
    return 0;
}
