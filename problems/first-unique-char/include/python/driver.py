"""Driver for first-unique-char: reads the line, calls first_non_repeating(), prints the character
or "None" when the function returns None (no character occurs once)."""
import sys

from solution import first_non_repeating


def main():
    # latin-1 maps every byte to one character, as the C driver sees bytes
    line = sys.stdin.buffer.readline().decode("latin-1")
    if line.endswith("\n"):
        line = line[:-1]
    c = first_non_repeating(line)
    if c is None:
        sys.stdout.write("None\n")
    elif isinstance(c, str) and len(c) == 1 and 33 <= ord(c) <= 126:
        sys.stdout.write(c + "\n")
    else:
        sys.stdout.write("invalid\n")


main()
