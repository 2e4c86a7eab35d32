#include <stdio.h>
#include <stdlib.h>

#include "solution.h"

/* Reads the test, calls precisionRecall and prints one line "precision recall" per class,
 * or "null" when the function (correctly) returned NULL with *returnSize = 0. */
int main(void)
{
    int r, c;
    if (scanf("%d %d", &r, &c) != 2 || r < 1 || c < 1)
        return 1;
    int **matrix = malloc(sizeof(int *) * (size_t)r);
    int **rows = malloc(sizeof(int *) * (size_t)r); /* own copy of the row pointers, for free() */
    int *colSize = malloc(sizeof(int) * (size_t)r);
    if (!matrix || !rows || !colSize)
        return 1;
    for (int i = 0; i < r; i++) {
        matrix[i] = rows[i] = malloc(sizeof(int) * (size_t)c);
        if (!matrix[i])
            return 1;
        colSize[i] = c;
        for (int j = 0; j < c; j++)
            if (scanf("%d", &matrix[i][j]) != 1)
                return 1;
    }

    int returnSize = -1;
    double *res = precisionRecall(matrix, r, colSize, &returnSize);
    if (res == NULL && returnSize == 0) {
        printf("null\n");
    } else if (res == NULL || r != c || returnSize != 2 * r) {
        /* NULL with a non-zero size, an array for a non-square matrix, or a wrong size */
        printf("invalid\n");
    } else {
        for (int i = 0; i < r; i++)
            printf("%.6f %.6f\n", res[2 * i], res[2 * i + 1]);
    }
    free(res);
    for (int i = 0; i < r; i++)
        free(rows[i]);
    free(rows);
    free(matrix);
    free(colSize);
    return 0;
}
