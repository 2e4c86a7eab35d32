"""Window sums from prefix sums (exact integers), each divided by the window length."""
import sys
from itertools import accumulate


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, w = data[0], data[1]
    pre = [0] + list(accumulate(data[2:2 + n]))
    out = ["-\n"] * min(w - 1, n)
    out += ["%.6f\n" % ((pre[i + 1] - pre[i + 1 - w]) / w) for i in range(w - 1, n)]
    sys.stdout.write("".join(out))


main()
