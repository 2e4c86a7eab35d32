#ifndef SOLUTION_H
#define SOLUTION_H

/* Returns the bigrams of the sentence, in order, as a malloc'ed array of
 * *returnSize malloc'ed strings "first second". The caller frees every string
 * and then the array. */
char **bigrams(const char *sentence, int *returnSize);

#endif
