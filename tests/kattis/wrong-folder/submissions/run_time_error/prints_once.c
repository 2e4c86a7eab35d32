/* Prints the word once: a wrong answer, not the run-time error its folder promises. */
#include <stdio.h>

int main(void)
{
    char w[128];
    if (scanf("%127s", w) != 1)
        return 1;
    printf("%s\n", w);
    return 0;
}
