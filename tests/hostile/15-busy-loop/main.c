/* Busy loop: the supervisor samples the CPU clock and kills the run once it passes 1 s: TLE. */
int main(void)
{
    volatile unsigned long x = 0;
    for (;;)
        x++;
}
