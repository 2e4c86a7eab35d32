/* merge-sorted-lists: the function a submission implements. */
#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * l1 (l1Size integers) and l2 (l2Size integers) are each sorted in non-decreasing order. Return a
 * malloc()ed array of all l1Size + l2Size integers in non-decreasing order and set *returnSize to
 * its length. The caller frees the returned array; l1 and l2 belong to the caller (do not free
 * them). When both lists are empty, returning NULL is allowed.
 */
int *merge_sorted_lists(int *l1, int l1Size, int *l2, int l2Size, int *returnSize);

#endif
