/* Lower-cases the word: wrong, as the comparison is case sensitive. */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
    char w[128];
    if (scanf("%127s", w) != 1)
        return 1;
    for (char *c = w; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    printf("%s %s\n", w, w);
    return 0;
}
