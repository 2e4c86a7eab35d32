"""Driver for palindrome-permutation: reads the strings, calls perm_palindrome() on each, prints
true or false."""
import sys

from solution import perm_palindrome


def main():
    lines = sys.stdin.buffer.read().decode("latin-1").split("\n")
    t = int(lines[0])
    sys.stdout.write("".join("true\n" if perm_palindrome(lines[1 + i]) else "false\n" for i in range(t)))


main()
