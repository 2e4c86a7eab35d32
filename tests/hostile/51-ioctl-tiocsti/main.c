/* ioctl(TIOCSTI) to push keystrokes into a terminal the judge might share: ioctl is allowed only for TCGETS (isatty), so SV (ioctl). */
#include <stdio.h>
#include <sys/ioctl.h>

int main(void)
{
    char c = 'x';
    int r = ioctl(0, TIOCSTI, &c);
    if (r < 0)
        r = ioctl(1, TIOCSTI, &c);
    printf("ESCAPED: ioctl returned %d\n", r);
    return 0;
}
