"""Lowercase, delete everything but ASCII letters, digits and spaces, split at spaces, pair neighbours.
A token of punctuation only becomes empty and disappears in the split."""
import re


def bigrams(sentence):
    words = re.sub(r"[^a-z0-9 ]+", "", sentence.lower()).split()
    return [a + " " + b for a, b in zip(words, words[1:])]
