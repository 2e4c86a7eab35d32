#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[64];
    if (!fgets(line, sizeof(line), stdin) || strncmp(line, "go", 2) != 0)
        return 1;
    puts("CONTAINED");
    return 0;
}
