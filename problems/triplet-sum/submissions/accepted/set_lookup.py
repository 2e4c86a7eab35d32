"""Triplets of values x <= y <= z with x + y + z = k, each once, in lexicographic order.

For each distinct x (ascending), the y worth trying lie in [max(x, t - max), t / 2] with
t = k - x (z = t - y must exist and be >= y); set.intersection(map(t.__sub__, ys)) finds the
matching z for all of them in C. A value used twice or three times must occur that often."""
import sys
from bisect import bisect_left, bisect_right
from collections import Counter


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, k = data[0], data[1]
    cnt = Counter(data[2:2 + n])
    vals = sorted(cnt)
    present = set(vals)
    top = vals[-1] if vals else 0
    out = []
    for i, x in enumerate(vals):
        t = k - x
        lo = max(i, bisect_left(vals, t - top))
        hi = bisect_right(vals, t // 2)
        if lo >= hi:
            continue
        zs = present.intersection(map(t.__sub__, vals[lo:hi]))
        for y in sorted(t - z for z in zs):
            z = t - y
            need = Counter((x, y, z))
            if all(cnt[v] >= c for v, c in need.items()):
                out.append("%d %d %d\n" % (x, y, z))
    sys.stdout.write("%d\n" % len(out) + "".join(out))


main()
