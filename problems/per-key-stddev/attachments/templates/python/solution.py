import sys


def main():
    data = sys.stdin.buffer.read().decode().split()
    n = int(data[0])
    for i in range(n):
        key, value = data[1 + 2 * i], int(data[2 + 2 * i])
        # group the row by its key
    # print "key std" for every key, in order of first appearance


main()
