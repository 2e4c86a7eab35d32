#include <stdio.h>
#include <string.h>

int main(void)
{
    char mode[16], arg[64];
    if (scanf("%15s %63s", mode, arg) != 2)
        return 1;
    if (!strcmp(mode, "encode")) {
        unsigned long long x = 0;
        sscanf(arg, "%llu", &x);
        char w[16];
        int n = 0;
        do {
            w[n++] = (char)('a' + x % 26);
            x /= 26;
        } while (x);
        w[n] = '\0';
        puts(w);
    } else {
        unsigned long long x = 0;
        for (int i = (int)strlen(arg) - 1; i >= 0; i--)
            x = x * 26 + (unsigned long long)(arg[i] - 'a');
        printf("%llu\n", x);
    }
    return 0;
}
