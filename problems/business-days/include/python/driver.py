"""Driver for business-days: reads the queries, calls business_days() for each, prints the counts."""
import sys

from solution import business_days


def main():
    data = sys.stdin.buffer.read().decode("latin-1").split()
    q = int(data[0])
    out = [str(business_days(data[1 + 2 * i], data[2 + 2 * i])) for i in range(q)]
    sys.stdout.write("".join(s + "\n" for s in out))


main()
