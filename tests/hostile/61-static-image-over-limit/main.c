/* An executable bigger than the memory limit (160 MiB of initialised .data against 64 MiB): whatever the judge does with it, a submission must never cause IE; its image exceeds the memory limit, so MLE (AC would also be defensible only if the image were not counted at all). */
#include <stdio.h>
#include <string.h>

#define SIZE (160u << 20)
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
