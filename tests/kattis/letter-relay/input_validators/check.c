#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[64];
    unsigned long long x;
    char tail;
    if (!fgets(line, sizeof(line), stdin) || strncmp(line, "encode ", 7) ||
        sscanf(line + 7, "%llu%c", &x, &tail) != 2 || tail != '\n' || x > 1000000000000000000ull)
        return 43;
    if (line[7] == '0' && line[8] != '\n')
        return 43;
    return getchar() == EOF ? 42 : 43;
}
