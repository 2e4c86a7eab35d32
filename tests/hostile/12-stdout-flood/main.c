/* stdout flood: write without end; the supervisor caps collected stdout at the problem's output limit (8 MiB) and kills the run: OLE. */
#include <string.h>
#include <unistd.h>

int main(void)
{
    static char buf[65536];
    memset(buf, 'A', sizeof(buf));
    for (;;)
        if (write(1, buf, sizeof(buf)) < 0)
            return 1;
}
