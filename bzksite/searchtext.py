"""Words as search compares them, the same when `make db` indexes a text and
when a visitor's query is read: split into words, folded (lower case, no
diacritics: "één" is "een") and stemmed by Snowball's stemmer for the text's
language ("digitale" and "digitaal" are one stem), where Snowball has one."""

import re
import unicodedata
from functools import cache

import snowballstemmer
from babel import Locale

WORD = re.compile(r"\w+")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _algorithm(lang: str) -> str | None:
    """Snowball's algorithm for a language code, by the language's English name."""
    name = Locale.parse(lang).get_language_name("en").lower()
    return name if name in snowballstemmer.algorithms() else None


def stems(text: str, lang: str) -> list[str]:
    """The text's words, folded and stemmed in `lang`."""
    words = [fold(word) for word in WORD.findall(text)]
    algorithm = _algorithm(lang)
    if algorithm is None:
        return words
    # A stemmer keeps state while it works: one per call, never shared by threads.
    return snowballstemmer.stemmer(algorithm).stemWords(words)


def indexed(text: str, lang: str) -> str:
    """The text as the search index holds it."""
    return " ".join(stems(text, lang))
