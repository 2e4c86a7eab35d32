#include <stdio.h>
#include <stdlib.h>
#include "solution.h"

int main(void)
{
    int r;
    if (scanf("%d", &r) != 1)
        return 1;
    int **m = NULL;
    int *cols = NULL;
    if (r > 0) {
        m = malloc(sizeof(int *) * (size_t)r);
        cols = malloc(sizeof(int) * (size_t)r);
        for (int i = 0; i < r; i++) {
            if (scanf("%d", &cols[i]) != 1)
                return 1;
            m[i] = malloc(sizeof(int) * (size_t)(cols[i] > 0 ? cols[i] : 1));
            for (int j = 0; j < cols[i]; j++)
                if (scanf("%d", &m[i][j]) != 1)
                    return 1;
        }
    }
    printf("%lld\n", matrix_sum(m, r, cols));
    for (int i = 0; i < r; i++)
        free(m[i]);
    free(m);
    free(cols);
    return 0;
}
