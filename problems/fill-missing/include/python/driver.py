"""Driver for fill-missing: reads the values ("None" = missing), calls fillMissing(), prints the
returned list on one line. A missing entry of nums is None; isMissing says which are missing."""
import sys

from solution import fillMissing


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    toks = data[1:1 + n]
    is_missing = [t == b"None" for t in toks]
    nums = [None if m else int(t) for t, m in zip(toks, is_missing)]
    res = fillMissing(nums, is_missing)
    if not isinstance(res, list) or len(res) != n or not all(type(v) is int for v in res):
        sys.stdout.write("invalid\n")
        return
    sys.stdout.write(" ".join(map(str, res)) + "\n")


main()
