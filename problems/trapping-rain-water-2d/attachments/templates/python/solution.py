import sys


def main():
    data = sys.stdin.buffer.read().split()
    # Read the grid from data; print the trapped water.


main()
