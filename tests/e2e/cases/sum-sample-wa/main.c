/* Right on every hidden test, wrong on the sample "1 2": the verdict is WA, and a submission that
 * is not accepted never scores max_score (the score is capped one group below it). */
#include <stdio.h>
int main(void)
{
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2)
        return 1;
    printf("%lld\n", a == 1 && b == 2 ? 4 : a + b);
    return 0;
}
