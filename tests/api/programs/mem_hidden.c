/* Sum of two, wrong on the big inputs (only hidden tests have them), where it also touches 24 MiB:
 * its hidden tests' figures differ from its sample's, so a leaked figure shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2)
        return 1;
    if (a >= 1000) {
        size_t n = 24u << 20;
        char *p = malloc(n);
        if (!p)
            return 1;
        /* Through a volatile pointer: the compiler may not drop the pages it touches. */
        volatile char *v = p;
        long long sum = 0;
        for (size_t i = 0; i < n; i += 4096)
            v[i] = (char)(a + (long long)i);
        for (size_t i = 0; i < n; i += 4096)
            sum += v[i] != 0;
        printf("%lld\n", a + b + (sum > 0));
        free(p);
        return 0;
    }
    printf("%lld\n", a + b);
    return 0;
}
