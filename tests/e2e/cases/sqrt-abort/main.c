#include <assert.h>
int main(void)
{
    assert(0 && "an assertion fails: abort() is a run-time error");
    return 0;
}
