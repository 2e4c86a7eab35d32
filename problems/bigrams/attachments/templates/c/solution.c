#include "solution.h"
#include <stdlib.h>
#include <string.h>

char **bigrams(const char *sentence, int *returnSize)
{
    (void)sentence;
    *returnSize = 0;
    return NULL;
}
