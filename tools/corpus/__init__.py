"""tools/corpus: the multilingual, multi-author part of the training corpus.

engine.py holds the structure (families of mail x author styles), one module
per language holds the sentences: en, de, es, fr, pt, nl, it.
rows() returns every language's rows, deterministic for a fixed seed."""
from . import de, en, engine, es, fr, it, nl, pt

LANGUAGES = [en, de, es, fr, pt, nl, it]


def rows():
    out = []
    for L in LANGUAGES:
        out += engine.generate(L)
    return out
