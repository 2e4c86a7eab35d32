/* io_uring_setup through syscall(): io_uring would perform I/O without further system calls, outside seccomp's view, so it is not allowed: SV (io_uring_setup). */
#include <linux/io_uring.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof(p));
    long fd = syscall(SYS_io_uring_setup, 8, &p);
    printf("ESCAPED: io_uring_setup returned %ld\n", fd);
    return 0;
}
