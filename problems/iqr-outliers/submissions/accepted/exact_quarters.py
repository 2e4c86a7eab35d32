"""Linearly interpolated quartiles of the sorted values, exactly in units of 1/4; the fences
Q1 - 1.5 IQR and Q3 + 1.5 IQR in units of 1/8. Values inside the fences are kept, in input order."""
import sys


def quartile4(s, num):
    """4 * the quantile num / 4 of sorted s, by linear interpolation."""
    pos4 = (len(s) - 1) * num
    k, r = divmod(pos4, 4)
    return 4 * s[k] + (r * (s[k + 1] - s[k]) if r else 0)


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    v = data[1:1 + n]
    if n == 0:
        sys.stdout.write("0\n")
        return
    s = sorted(v)
    q1, q3 = quartile4(s, 1), quartile4(s, 3)
    iqr = q3 - q1
    lo8, hi8 = 2 * q1 - 3 * iqr, 2 * q3 + 3 * iqr
    kept = [a for a in v if lo8 <= 8 * a <= hi8]
    sys.stdout.write("%d\n" % len(kept) + "".join("%d\n" % a for a in kept))


main()
