"""The physical limit: import spaCy, load a model, parse one text file once."""

import sys

if __name__ == "__main__":
    import spacy

    nlp = spacy.load(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as fh:
        nlp(fh.read())
