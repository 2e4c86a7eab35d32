def missing_number(nums):
    """nums holds len(nums) distinct integers taken from 0..len(nums); exactly one value of that
    range is absent. Return it. The function may reorder nums."""
    return 0
