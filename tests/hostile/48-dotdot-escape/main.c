/* Walking up with ".." (open("/../../etc/passwd"), relative "../../..", and openat(fd, "..") 32
 * times from /box): ".." stops at the chroot, which is the minimal root (no procfs: /proc is an
 * empty folder, the mount point of rustc's own; no sys, home; /etc only the JVM's configuration),
 * so CONTAINED (AC). */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    int bad = 0;
    static const char *const paths[] = {
        "/../../etc/passwd",         "../../../../../etc/passwd",  "/box/../../../etc/shadow",
        "/usr/../../proc/1/environ", "/tmp/../../../etc/hostname",
    };
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        int fd = open(paths[i], O_RDONLY);
        if (fd >= 0) {
            printf("ESCAPED: opened %s\n", paths[i]);
            bad++;
            close(fd);
        }
    }
    int fd = open("/box", O_RDONLY | O_DIRECTORY);
    for (int i = 0; fd >= 0 && i < 32; i++) {
        int up = openat(fd, "..", O_RDONLY | O_DIRECTORY);
        close(fd);
        fd = up;
    }
    struct stat top, root;
    if (fd < 0 || fstat(fd, &top) || stat("/", &root) || top.st_ino != root.st_ino ||
        top.st_dev != root.st_dev) {
        puts("ESCAPED: '..' walked past the root");
        bad++;
    }
    if (fd >= 0 && openat(fd, "etc/passwd", O_RDONLY) >= 0) {
        puts("ESCAPED: etc/passwd found above /box");
        bad++;
    }
    /* etc: only the JVM's configuration (lang/java.c `paths`), checked below. */
    static const char *const allowed[] = {".",      "..",   "bin",  "box",   "data",
                                          "dev",    "etc",  "lib",  "lib32", "lib64",
                                          "libx32", "proc", "sbin", "tmp",   "usr"};
    DIR *d = opendir("/");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t i = 0;
        while (i < sizeof(allowed) / sizeof(allowed[0]) && strcmp(allowed[i], e->d_name))
            i++;
        if (i == sizeof(allowed) / sizeof(allowed[0])) {
            printf("ESCAPED: the root holds /%s\n", e->d_name);
            bad++;
        }
    }
    DIR *etc = opendir("/etc");
    while (etc && (e = readdir(etc))) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
            strcmp(e->d_name, "java-17-openjdk")) {
            printf("ESCAPED: /etc holds %s\n", e->d_name);
            bad++;
        }
    }
    if (etc)
        closedir(etc);
    DIR *proc = opendir("/proc");
    while (proc && (e = readdir(proc))) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            printf("ESCAPED: /proc holds %s\n", e->d_name);
            bad++;
        }
    }
    if (proc)
        closedir(proc);
    if (!bad)
        puts("CONTAINED");
    return 0;
}
