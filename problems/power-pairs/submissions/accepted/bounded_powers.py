"""Only exponents whose power stays <= R can matter: at most 40 x 28 candidates however big N is."""
import sys


def main():
    L, R, N = map(int, sys.stdin.buffer.read().split()[:3])
    pairs = []
    i, p3 = 0, 1
    while i < N and p3 <= R:
        j, q = 0, p3
        while j < N and q <= R:
            if q >= L:
                pairs.append("%d %d\n" % (i, j))
            j, q = j + 1, q * 5
        i, p3 = i + 1, p3 * 3
    sys.stdout.write("%d\n" % len(pairs) + "".join(pairs))


main()
