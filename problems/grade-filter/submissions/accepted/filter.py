"""One pass: keep the rows whose colour is exactly "green" or "red" and whose grade is > 90."""
import sys


def main():
    data = sys.stdin.buffer.read().decode("latin-1").split()
    n = int(data[0])
    out = []
    for i in range(n):
        name, age, color, grade = data[1 + 4 * i:5 + 4 * i]
        if (color == "green" or color == "red") and int(grade) > 90:
            out.append("%s %d %s %d\n" % (name, int(age), color, int(grade)))
    sys.stdout.write("%d\n" % len(out) + "".join(out))


main()
