def sampleVariance(nums):
    """Returns the sample variance (sum of squared deviations from the mean divided by
    len(nums) - 1) of nums, rounded to 2 decimal places, or -1.0 when len(nums) < 2."""
    return -1.0
