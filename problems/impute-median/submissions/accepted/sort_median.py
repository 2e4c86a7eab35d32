"""Median of the known prices (the mean of the two middle ones when their count is even) for
every NA; prices printed with 3 decimals."""
import sys


def main():
    data = sys.stdin.buffer.read().decode("latin-1").split()
    n = int(data[0])
    names, toks = data[1:1 + 2 * n:2], data[2:2 + 2 * n:2]
    known = sorted(float(t) for t in toks if t != "NA")
    k = len(known)
    median = "%.3f" % ((known[(k - 1) // 2] + known[k // 2]) / 2) if k else "NA"
    sys.stdout.write("".join("%s %s\n" % (name, median if t == "NA" else "%.3f" % float(t))
                             for name, t in zip(names, toks)))


main()
