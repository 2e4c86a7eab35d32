#include <unistd.h>
/* Sleeps until the sandbox kills it (its wall limit): holds a sandbox slot without computing. */
int main(void)
{
    for (;;)
        pause();
}
