import sys


def main():
    L, R, N = map(int, sys.stdin.read().split())
    # print the pairs


main()
