#include <stdio.h>

int main(void)
{
    long long sum = 0, n = 0;
    int c;
    while ((c = getchar()) != EOF)
        if (c >= '0' && c <= '9') {
            sum += c - '0';
            n++;
        }
    printf("%.9f\n", n ? (double)sum / (double)n : 0.0);
    return 0;
}
