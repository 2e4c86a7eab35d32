"""Driver for bigrams: reads the sentence, calls bigrams() and prints the result as the C driver does."""
import re
import sys

from solution import bigrams


# A bigram is "x y": one space between two non-empty words of lowercase letters and digits.
BIGRAM = re.compile(r"[a-z0-9]+ [a-z0-9]+")


def well_formed(b):
    return isinstance(b, str) and BIGRAM.fullmatch(b) is not None


def main():
    # latin-1 maps every byte to one character, as the C driver sees bytes
    line = sys.stdin.buffer.readline().decode("latin-1")
    if line.endswith("\n"):
        line = line[:-1]
    res = bigrams(line)
    if not isinstance(res, list) or len(res) > len(line) or not all(map(well_formed, res)):
        sys.stdout.write("invalid\n")
        return
    sys.stdout.write("%d\n" % len(res) + "".join(b + "\n" for b in res))


main()
