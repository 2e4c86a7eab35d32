"""Tokens split at spaces and newlines, every character but ASCII letters and digits deleted,
lowercased; the n most frequent by (count descending, word ascending)."""
import re
import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read()
    m = re.match(rb"\s*([-+]?\d+)", data)
    n = int(m.group(1))
    rest = data[m.end():]
    words = re.sub(rb"[^A-Za-z0-9 \n]+", b"", rest).lower().split()
    ranked = sorted(Counter(words).items(), key=lambda e: (-e[1], e[0]))[:max(n, 0)]
    sys.stdout.write("%d\n" % len(ranked) + "".join("%s %d\n" % (w.decode(), c) for w, c in ranked))


main()
