import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, mu0 = int(data[0]), int(data[1])
    values = [int(t) for t in data[2:2 + n]]
    # print t with 6 decimals, or "undefined"


main()
