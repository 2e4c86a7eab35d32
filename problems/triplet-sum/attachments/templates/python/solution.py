import sys


def main():
    data = sys.stdin.buffer.read().split()
    # Read n, k and the array from data; print the triplets.


main()
