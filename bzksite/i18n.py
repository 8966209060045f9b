"""Languages: taken from the URL and checked, never from a session or cookie.

Interface text goes through Flask-Babel's `messages` domain (msgids in
English); the site's content comes translated from the database.
"""

import sqlite3
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from babel import Locale
from babel.core import get_global
from babel.lists import format_list
from flask import Flask, Response, current_app, g, request
from flask_babel import Babel

from . import interface, queries
from .compiled import UnreadableCatalog, compiled_path, read_compiled
from .db import get_db
from .records import SOURCE_LANGUAGE
from .site_address import absolute_url


def init_app(app: Flask) -> None:
    check_catalogs(Path(app.config["TRANSLATIONS"]), app.config["LANGUAGES"])
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", app.config["TRANSLATIONS"])
    app.config.setdefault("BABEL_DEFAULT_LOCALE", default_language(app))
    # Dates are the Dutch calendar day, whichever page's language shows them.
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Amsterdam")
    Babel(app, locale_selector=formatting_locale)
    interface.init_app(app)
    app.after_request(_vary_on_negotiation)
    # Globals rather than a context processor, so imported macros see them too.
    app.jinja_env.globals.update(
        current_language=current_language,
        default_language=default_language,
        language_name=language_name,
        language_names=language_names,
        same_page_urls=same_page_urls,
        source_language=SOURCE_LANGUAGE,
        territorial_locale=territorial_locale,
        translation_revised=translation_revised,
    )


class CatalogNotCompiled(RuntimeError):
    pass


def check_catalogs(translations: Path, languages: Iterable[str]) -> None:
    """Stop start-up unless each language's interface catalog is compiled and
    reads as Flask-Babel will read it.

    Missing, Flask-Babel would silently fall back to English; garbage,
    truncated or empty, every page in the language would fail. A language
    without a catalog (English: the msgids are its text) needs none.
    """
    for code in languages:
        mo = compiled_path(translations, code)
        if not mo.exists() and not mo.with_suffix(".po").exists():
            continue
        try:
            read_compiled(mo)
        except UnreadableCatalog as error:
            raise CatalogNotCompiled(f"{error}: run `make db` to compile it.") from None


def languages() -> list[str]:
    return list(current_app.config["LANGUAGES"])


def default_language(app: Flask | None = None) -> str:
    return next(iter((app or current_app).config["LANGUAGES"]))


# Dates and numbers on English pages in British style ("23 November 2026"), as
# on government.nl; the page's language stays "en", and so do its catalogs.
FORMATTING_LOCALES = {"en": "en_GB"}


def formatting_locale() -> str:
    """Flask-Babel's locale: the page's language, in the style of the country."""
    lang = current_language()
    return FORMATTING_LOCALES.get(lang, lang)


def territorial_locale(code: str) -> str:
    """The language with a country, as Open Graph names it: "nl_NL", "en_GB"."""
    likely = FORMATTING_LOCALES.get(code) or get_global("likely_subtags").get(code, code)
    locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def current_language() -> str:
    """The URL's language; for a URL without one (an error page), the browser's."""
    if "lang" not in g:
        prefix = request.path.split("/", 2)[1]
        g.lang = prefix if prefix in languages() else browser_language()
    return g.lang


def browser_language() -> str:
    """The site language the browser prefers by Accept-Language; the default
    language when it names none of them or the header is malformed."""
    codes = languages()
    g.language_negotiated = True
    return request.accept_languages.best_match(codes, default=codes[0])


def _vary_on_negotiation(response: Response) -> Response:
    # Caches must not serve one browser's language to another.
    if g.get("language_negotiated"):
        response.vary.add("Accept-Language")
    return response


def translation_revised() -> date | None:
    """When the page's language was last brought up to date with the source;
    None when the database cannot say (an error page must still render)."""
    try:
        return queries.translation_revised(get_db(), current_language())
    except sqlite3.Error:
        return None


def language_name(code: str, in_language: str | None = None) -> str:
    """The name of a language, in that language unless asked otherwise: "Nederlands"."""
    return Locale.parse(code).get_display_name(in_language or code) or code


def language_names(codes: list[str]) -> str:
    """Languages named and listed in the page's language: "Nederlands en Engels"."""
    lang = current_language()
    return format_list([language_name(code, lang) for code in codes], locale=lang)


def same_page_urls() -> dict[str, str] | None:
    """The current page's absolute URL in every language, or None when it has no twin."""
    if request.url_rule is None or request.endpoint is None:
        return None
    if not current_app.url_map.is_endpoint_expecting(request.endpoint, "lang"):
        return None
    return urls_in_every_language(request.endpoint, request.view_args or {})


def urls_in_every_language(endpoint: str, args: dict) -> dict[str, str]:
    """{language: absolute URL} of one page of the site."""
    return {code: absolute_url(endpoint, **args, lang=code) for code in languages()}
