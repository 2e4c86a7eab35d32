def bigrams(sentence):
    """Returns the bigrams of the sentence, in order, as a list of strings "first second"."""
    return []
