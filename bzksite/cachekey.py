"""What a page depends on, read from the WSGI environ before Flask sees the
request: the page cache's key, and the ETag made from it.

A page depends on the database build, the code, templates, settings and
libraries (`version`), its path (not the Host or scheme the request came
with: absolute links come from SITE_URL, site_address.py), the visitor's
cookie choice (banner, confirmation), whether the
tracker is on and whether the browser asks not to be tracked.
"""

import hashlib
from typing import NamedTuple
from urllib.parse import parse_qs

from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from . import analytics, cookies
from .analytics import Matomo


class Key(NamedTuple):
    build_id: str
    script_name: str
    path: str
    saved: bool  # ?cookies=saved: the confirmation
    consent: str | None
    tracked: bool
    declines_tracking: bool  # DNT or GPC with Matomo on: the settings page says so


def key_of(environ: dict, build_id: str, matomo: Matomo | None) -> Key:
    consent = cookies.consent_in(environ.get("HTTP_COOKIE", ""))
    dnt, gpc = environ.get("HTTP_DNT"), environ.get("HTTP_SEC_GPC")
    query = environ.get("QUERY_STRING")
    # The one query the pages read; any other is ignored, so it must not split the cache.
    saved = bool(query) and parse_qs(query).get(cookies.SAVED[0], [None])[0] == cookies.SAVED[1]
    return Key(
        build_id,
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        saved,
        consent,
        analytics.tracked(matomo, consent, dnt, gpc),
        matomo is not None and "1" in (dnt, gpc),
    )


def etag_of(version: str, key: Key) -> str:
    return hashlib.sha256(repr((version, key)).encode()).hexdigest()[:24]


def matches(if_none_match: str, etag: str) -> bool:
    return any(tag.strip().removeprefix("W/") == f'"{etag}"' for tag in if_none_match.split(","))


def request_path(environ: dict) -> str:
    """The path as Flask reads it: PATH_INFO's bytes as UTF-8."""
    return environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")


def page_language(environ: dict, languages: list[str]) -> str:
    """The language an error page is in, as i18n.current_language picks it:
    the path's first segment when it is a language, else the browser's."""
    prefix = request_path(environ).split("/", 2)[1:2]
    if prefix and prefix[0] in languages:
        return prefix[0]
    accepted = parse_accept_header(environ.get("HTTP_ACCEPT_LANGUAGE"), LanguageAccept)
    return accepted.best_match(languages, default=languages[0])
