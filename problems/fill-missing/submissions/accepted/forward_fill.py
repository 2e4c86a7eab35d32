"""Carry the last seen value forward, starting from 0."""


def fillMissing(nums, isMissing):
    res = []
    last = 0
    for v, missing in zip(nums, isMissing):
        if not missing:
            last = v
        res.append(last)
    return res
