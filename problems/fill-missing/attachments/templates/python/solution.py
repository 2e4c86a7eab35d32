def fillMissing(nums, isMissing):
    """Returns a new list of len(nums) values in which every missing entry (isMissing[i] true,
    nums[i] is None) is replaced by the most recent previous non-missing value, or by 0 when no
    earlier value exists."""
    return []
