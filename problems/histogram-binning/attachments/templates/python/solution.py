import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, x = int(data[0]), int(data[1])
    values = [int(t) for t in data[2:2 + n]]
    # print "lo hi count" for every non-empty bin, in increasing order


main()
