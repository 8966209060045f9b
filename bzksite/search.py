"""The search page: a plain GET form in every page's header, results on a
page of their own, in the page's language.

A query is read as words, each folded and stemmed as the index is (see
searchtext.py) and quoted, so no query can be FTS5 syntax: "NEAR(", quotes,
stars and minus signs are only characters. On an English page a word is also
stemmed as Dutch, to find the Dutch a text falls back to. The snippet marks
the words that matched, in the language the text is written in.
"""

from dataclasses import dataclass

from flask import Response, make_response, render_template, request, url_for

from . import queries
from .db import get_db
from .i18n import current_language, languages
from .interface import gettext as _
from .records import SOURCE_LANGUAGE, Text, UnitLink
from .searchtext import WORD, fold, stems

MAX_LENGTH = 200  # characters: a longer query gets a page that says so
MAX_WORDS = 10
MAX_RESULTS = 50  # the best; the page says how many more there are
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Result:
    link: UnitLink
    parent: UnitLink | None
    snippet: list[tuple[str, bool]]  # (text, matched)
    snippet_lang: str | None


def forms(query: str, lang: str) -> list[set[str]]:
    """Per word of the query, the forms that find it: folded, and stemmed in
    the page's language and in the source language."""
    found = []
    for word in WORD.findall(query)[:MAX_WORDS]:
        variants = {fold(word), *stems(word, lang), *stems(word, SOURCE_LANGUAGE)}
        variants.discard("")
        if variants:
            found.append(variants)
    return found


def match_expression(words: list[set[str]]) -> str:
    """Every word must match one of its forms, as a prefix ("europ" finds "europese")."""
    clauses = [
        "(" + " OR ".join(f'"{form}"*' for form in sorted(variants)) + ")" for variants in words
    ]
    return " AND ".join(clauses)


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


def results(lang: str, words: list[set[str]]) -> tuple[list[Result], int]:
    """The best results, and how many units the query finds in all."""
    db = get_db()
    found = []
    unit_ids, total = queries.find(db, lang, match_expression(words), MAX_RESULTS)
    for unit_id in unit_ids:
        unit = queries.unit(db, lang, unit_id)
        ancestors = queries.ancestors(db, lang, unit_id)
        texts = [*unit.texts.get("description", []), *unit.texts.get("related", [])]
        if unit.text("director_role"):
            texts.append(unit.text("director_role"))
        marked = [(text, snippet(text, words)) for text in texts]
        best = next(
            ((t, s) for t, s in marked if any(m for _, m in s)), marked[0] if marked else None
        )
        parts, part_lang = (best[1], best[0].lang) if best else ([], None)
        link = UnitLink(
            unit.id, unit.parent, unit.abbreviation, unit.text("name"), unit.has_page, unit.ended
        )
        found.append(Result(link, ancestors[-1] if ancestors else None, parts, part_lang))
    return found, total


def search_page() -> Response:
    lang = current_language()
    query = request.args.get("q", "")
    problem, found, total, words = None, [], 0, []
    if len(query) > MAX_LENGTH:
        problem = "long"
    else:
        words = forms(query, lang)
        if words:
            # A database that cannot be read is a 503 (errors.py), not the query's fault.
            found, total = results(lang, words)
    title = _("Search")
    response = make_response(
        render_template(
            "search.html",
            heading=title,
            description=_("Search the organisation's units by name, abbreviation, task or head."),
            breadcrumb=[(_("Home"), url_for("site.overview")), (title, None)],
            query=query,
            searched=bool(words),
            problem=problem,
            results=found,
            total=total,
            alternates=None,
            switch_to={
                code: url_for("site.search", lang=code, q=query or None) for code in languages()
            },
        ),
        200,
    )
    # Each query its own page: never kept by the page cache, or by anyone else.
    response.headers["Cache-Control"] = "no-store"
    return response
