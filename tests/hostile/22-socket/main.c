/* Network: socket(2) is not on the run allowlist (and the network namespace is empty anyway), so the first socket() is SV (socket). */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>

int main(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    printf("ESCAPED: socket returned %d\n", s);
    return 0;
}
