import sys


def main():
    data = sys.stdin.buffer.read().split()
    # Read n and both lists from data; print the missing element.


main()
