"""Shortening a paragraph to a meta description: at a word, with "…" when cut."""

from bzksite.description import LIMIT, shorten

# 182 characters: the first paragraph of the ministry's description.
LONG = (
    "Naast de directoraten-generaal heeft het kerndepartement van het ministerie van "
    "Binnenlandse Zaken en Koninkrijksrelaties (BZK) twee clusters: Bestuursondersteuning "
    "en Mensen en Middelen."
)


def test_a_long_paragraph_is_cut_after_a_whole_word_with_an_ellipsis():
    assert len(LONG) > LIMIT
    assert shorten(LONG) == (
        "Naast de directoraten-generaal heeft het kerndepartement van het ministerie van "
        "Binnenlandse Zaken en Koninkrijksrelaties (BZK) twee clusters…"
    )


def test_a_short_paragraph_is_kept_whole():
    short = "Op dit adres staat geen pagina. Controleer het adres op typefouten."
    assert shorten(short) == short


def test_a_paragraph_of_exactly_the_limit_is_kept_whole():
    exact = "x" * (LIMIT - 5) + " eind"
    assert len(exact) == LIMIT and shorten(exact) == exact


def test_the_cut_never_falls_inside_a_word():
    for limit in range(10, len(LONG)):
        shortened = shorten(LONG, limit)
        kept = shortened.removesuffix("…")
        assert len(shortened) <= limit and shortened.endswith("…"), limit
        assert LONG.startswith(kept) and LONG[len(kept)] in " ,;:", limit


def test_a_word_that_fits_exactly_before_the_ellipsis_is_kept():
    # "vier" leaves room for "…" at 15 characters, not at 14.
    assert shorten("twee drie vier vijf", 15) == "twee drie vier…"
    assert shorten("twee drie vier vijf", 14) == "twee drie…"


def test_only_a_word_longer_than_the_limit_is_cut_inside():
    assert shorten("a" * 200, 10) == "a" * 9 + "…"
