/* stderr flood: stderr is collected with the same cap as stdout (8 MiB), so flooding it kills the run as OLE rather than filling the judge's memory or disk. */
#include <string.h>
#include <unistd.h>

int main(void)
{
    static char buf[65536];
    memset(buf, 'E', sizeof(buf));
    for (;;)
        if (write(2, buf, sizeof(buf)) < 0)
            return 1;
}
