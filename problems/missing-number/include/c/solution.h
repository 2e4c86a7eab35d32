/* missing-number: the function a submission implements. */
#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * nums holds numsSize distinct integers taken from 0..numsSize; exactly one
 * value of that range is absent. Return it. nums belongs to the caller; the
 * function may reorder it but must not free it.
 */
int missing_number(int *nums, int numsSize);

#endif
