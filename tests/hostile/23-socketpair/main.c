/* A local socket pair (a way to get a socket for the allowed sendmsg): socketpair(2) is not on the run allowlist, so SV (socketpair). */
#include <stdio.h>
#include <sys/socket.h>

int main(void)
{
    int sv[2];
    int r = socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    printf("ESCAPED: socketpair returned %d\n", r);
    return 0;
}
