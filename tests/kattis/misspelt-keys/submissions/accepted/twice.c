#include <stdio.h>

int main(void)
{
    char w[128];
    if (scanf("%127s", w) != 1)
        return 1;
    printf("%s %s\n", w, w);
    return 0;
}
