#include "solution.h"

int business_days(const char *start, const char *end)
{
    (void)start;
    (void)end;
    return 0;
}
