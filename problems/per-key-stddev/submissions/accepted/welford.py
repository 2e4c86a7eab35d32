"""Welford's running mean and M2 per key, keys in order of first appearance (dicts keep it);
the population standard deviation sqrt(M2 / count)."""
import sys
from math import sqrt


def main():
    data = sys.stdin.buffer.read().decode("latin-1").split()
    n = int(data[0])
    groups = {}
    for key, tok in zip(data[1:1 + 2 * n:2], data[2:2 + 2 * n:2]):
        x = float(int(tok))
        g = groups.get(key)
        if g is None:
            g = groups[key] = [0, 0.0, 0.0]
        g[0] += 1
        delta = x - g[1]
        g[1] += delta / g[0]
        g[2] += delta * (x - g[1])
    sys.stdout.write("".join("%s %.6f\n" % (k, sqrt(g[2] / g[0])) for k, g in groups.items()))


main()
