import sys


def main():
    data = sys.stdin.buffer.read().split()
    # Read n and the heights from data; print the trapped water.


main()
