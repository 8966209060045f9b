"""The search page: a plain GET form in every page's header, results on a
page of their own, in the page's language.

A query is read as words, each folded and stemmed as the index is (see
searchtext.py) and quoted, so no query can be FTS5 syntax: "NEAR(", quotes,
stars and minus signs are only characters. On an English page a word is also
stemmed as Dutch, to find the Dutch a text falls back to. What each result
shows is searchresults.py's.
"""

from flask import Response, make_response, render_template, request, url_for

from . import queries
from .db import get_db
from .i18n import current_language, languages
from .interface import gettext as _
from .records import SOURCE_LANGUAGE
from .searchresults import Result, result_of
from .searchtext import WORD, fold, stems

MAX_LENGTH = 200  # characters: a longer query gets a page that says so
MAX_WORDS = 10
MAX_RESULTS = 50  # the best; the page says how many more there are


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


def results(lang: str, words: list[set[str]]) -> tuple[list[Result], int]:
    """The best results, and how many units and organisations the query finds in all."""
    db = get_db()
    owners, total = queries.find(db, lang, match_expression(words), MAX_RESULTS)
    return [result_of(db, lang, owner, words) for owner in owners], total


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
            description=_(
                "Search the organisation's units, agencies and public bodies by name,"
                " abbreviation, task or head."
            ),
            breadcrumb=[(_("Home"), url_for("site.overview")), (title, None)],
            query=query,
            searched=bool(words),
            problem=problem,
            results=found,
            ministry=queries.ministry_short_name(get_db(), lang),
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
