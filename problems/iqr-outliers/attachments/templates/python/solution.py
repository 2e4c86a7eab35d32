import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    amounts = [int(t) for t in data[1:1 + n]]
    # print the number of kept rows, then the kept amounts in input order


main()
