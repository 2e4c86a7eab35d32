/* Sleeping forever uses no CPU; the wall-time limit (2 x time limit + 1 s) kills the run: TLE. */
#include <unistd.h>

int main(void)
{
    for (;;)
        sleep(1000);
}
