/* A huge initialised global array (40 MiB of .data that as and ld must write into the slot's tmpfs): the compile stays within its limits and the program, whose image fits its 64 MiB limit, touches two bytes and prints CONTAINED (AC). */
#include <stdio.h>
#include <string.h>

#define SIZE (40u << 20)
char big[SIZE] = {1};

int main(void)
{
    char line[64] = "";
    if (!fgets(line, sizeof(line), stdin))
        return 1;
    size_t last = SIZE - strlen(line); /* known only at run time: the array must be emitted */
    if (big[0] == 1 && big[last] == 0)
        puts("CONTAINED");
    return 0;
}
