"""Rainfalls as integer hundredths (the part before the point times 100 plus the part after, read
as the C reference reads "%d.%d"); the median of the rainy days (> 0) printed in thousandths."""
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    rainy = []
    for tok in data[2:2 + 2 * n:2]:
        whole, _, frac = tok.partition(b".")
        v = int(whole) * 100 + int(frac)
        if v > 0:
            rainy.append(v)
    if not rainy:
        sys.stdout.write("none\n")
        return
    rainy.sort()
    r = len(rainy)
    thousandths = (rainy[(r - 1) // 2] + rainy[r // 2]) * 5
    sys.stdout.write("%d.%03d\n" % (thousandths // 1000, thousandths % 1000))


main()
