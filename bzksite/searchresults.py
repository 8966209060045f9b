"""What the search page shows of each unit or organisation it finds: its link,
the unit it is part of, and a snippet of its text around the words that
matched, marked, in the language the text is written in."""

from dataclasses import dataclass

from sqlite_utils import Database

from . import queries
from .queries import organisations
from .records import RelatedOrganisationLink, Text, UnitLink
from .searchtext import WORD, fold, stems

SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Result:
    link: UnitLink | RelatedOrganisationLink
    parent: UnitLink | None  # a unit's; an organisation belongs to the ministry
    snippet: list[tuple[str, bool]]  # (text, matched)
    snippet_lang: str | None

    @property
    def is_organisation(self) -> bool:
        return isinstance(self.link, RelatedOrganisationLink)


def result_of(db: Database, lang: str, owner: str, words: list[set[str]]) -> Result:
    """The result of one owner the index found: "unit:kiem" or "organisation:logius"."""
    kind, _, owner_id = owner.partition(":")
    if kind == "organisation":
        return _organisation_result(db, lang, owner_id, words)
    return _unit_result(db, lang, owner_id, words)


def _unit_result(db: Database, lang: str, unit_id: str, words: list[set[str]]) -> Result:
    unit = queries.unit(db, lang, unit_id)
    ancestors = queries.ancestors(db, lang, unit_id)
    texts = [*unit.texts.get("description", []), *unit.texts.get("related", [])]
    if unit.text("director_role"):
        texts.append(unit.text("director_role"))
    link = UnitLink(
        unit.id, unit.parent, unit.abbreviation, unit.text("name"), unit.has_page, unit.ended
    )
    return Result(link, ancestors[-1] if ancestors else None, *_best_snippet(texts, words))


def _organisation_result(db: Database, lang: str, organisation_id: str, words) -> Result:
    found = organisations.organisation(db, lang, organisation_id)
    link = RelatedOrganisationLink(
        found.id, found.kind, found.abbreviation, found.text("name"), found.ended
    )
    return Result(link, None, *_best_snippet(found.texts.get("description", []), words))


def _best_snippet(texts: list[Text], words: list[set[str]]) -> tuple[list, str | None]:
    """The snippet of the first text with a match (else of the first text), and its language."""
    marked = [(text, snippet(text, words)) for text in texts]
    best = next(((t, s) for t, s in marked if any(m for _, m in s)), marked[0] if marked else None)
    return (best[1], best[0].lang) if best else ([], None)


def snippet(text: Text, words: list[set[str]]) -> list[tuple[str, bool]]:
    """Up to SNIPPET_WORDS words of `text` around its first match, matches marked."""
    wanted = set().union(*words)
    pieces = [piece for piece in _pieces(text.text)]
    marks = [
        bool(piece.strip())
        and WORD.fullmatch(piece) is not None
        and any(
            form.startswith(w) for form in (fold(piece), *stems(piece, text.lang)) for w in wanted
        )
        for piece in pieces
    ]
    first = marks.index(True) if True in marks else 0
    start = max(0, first - SNIPPET_WORDS // 3 * 2)
    end = min(len(pieces), start + SNIPPET_WORDS * 2)
    shown = list(zip(pieces[start:end], marks[start:end], strict=True))
    if start > 0:
        shown.insert(0, ("… ", False))
    if end < len(pieces):
        shown.append((" …", False))
    return shown


def _pieces(text: str) -> list[str]:
    """The text as alternating words and what lies between them."""
    pieces, position = [], 0
    for word in WORD.finditer(text):
        if word.start() > position:
            pieces.append(text[position : word.start()])
        pieces.append(word.group())
        position = word.end()
    if position < len(text):
        pieces.append(text[position:])
    return pieces
