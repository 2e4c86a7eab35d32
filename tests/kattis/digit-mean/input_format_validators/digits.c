#include <stdio.h>

int main(void)
{
    int c, n = 0, first = -1;
    while ((c = getchar()) != EOF && c != '\n') {
        if (c < '0' || c > '9')
            return 43;
        if (first < 0)
            first = c;
        n++;
    }
    if (c != '\n' || n < 1 || n > 100000 || (first == '0' && n > 1) || getchar() != EOF)
        return 43;
    return 42;
}
