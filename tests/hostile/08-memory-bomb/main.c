/* Memory bomb: malloc and touch 1 MiB blocks without end; the memory cgroup (64 MiB) OOM-kills the run, which the judge reports as MLE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    size_t total = 0;
    for (;;) {
        char *p = malloc(1 << 20);
        if (!p)
            break;
        memset(p, 0x5a, 1 << 20);
        total += 1 << 20;
    }
    printf("malloc failed after %zu MiB\n", total >> 20);
    return 0;
}
