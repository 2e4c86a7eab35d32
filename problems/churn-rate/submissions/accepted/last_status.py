"""The last flag of every user in a dict; churned users are those whose last flag is 0."""
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    last = dict(zip(data[1:1 + 2 * n:2], data[2:2 + 2 * n:2]))
    users = len(last)
    churned = sum(1 for f in last.values() if int(f) == 0)
    sys.stdout.write("%.6f\n" % (100.0 * churned / users if users else 0.0))


main()
