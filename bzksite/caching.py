"""Pages are worked out once per worker and then handed out as bytes, by a
WSGI layer in front of Flask.

The key and ETag of a request (cachekey.py) are read before Flask sees it:
an If-None-Match that matches gets a 304 at once, without any rendering, and
a page this worker rendered before goes out as stored bytes. A rebuilt
database has a new build id, so nothing stale is served and no restart is
needed. Flask marks which responses may be kept (_mark).

The store is bounded in bytes and keeps the pages asked for most (LFU): a
flood of addresses asked for once (scanners, random query strings) cannot
push out the pages visitors read. An address with no page is answered with
one not-found page per language and cookie choice, kept apart, so unknown
paths cost no rendering and take no room from pages. The API's answers
(api/) are kept the same way; under /api/ the not-found answer is its JSON one.
"""

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable

from cachetools import LFUCache
from flask import Flask, Response, request

from . import analytics, queries
from .api.answers import ALLOW_ANY_ORIGIN, is_api_path
from .cachekey import Key, etag_of, key_of, matches, request_path
from .db import connect
from .notfound import Build, NotFoundAnswers, Page
from .queries import export, organisations
from .version import code_version
from .wsgi_answer import whole_answer

CACHE_CONTROL = "public, no-cache"  # store, but ask each time: a 304 costs nothing
# Per worker. A page is 4 to 20 KB: room for every page of an organisation of
# 1,000 units in two languages, well within the 64 MB a worker may use.
MAX_BYTES = 16 * 1024 * 1024
CACHEABLE = "bzksite.cacheable"  # set in the WSGI environ by Flask for a page to keep


class PageCache:
    def __init__(self, app: Flask) -> None:
        self.next = app.wsgi_app
        self.database = app.config["DATABASE"]
        self.version = code_version(app)
        self.matomo = app.extensions["matomo"]
        self.vary = ("Vary", ", ".join(analytics.vary(self.matomo)))
        self.headers_304 = [*app.extensions["security_headers"].items(), self.vary]
        self.pages: LFUCache[Key, Page] = LFUCache(MAX_BYTES, getsizeof=Page.size)
        self.not_found = NotFoundAnswers(app.url_map, list(app.config["LANGUAGES"]))
        self.lock = threading.Lock()  # for threaded workers and the dev server
        self.build = Build(None)
        self.failed_file: tuple | None = None
        self.health = app.extensions["database_health"]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method, cookie = environ["REQUEST_METHOD"], environ.get("HTTP_COOKIE", "")
        if method not in ("GET", "HEAD"):
            return self.next(environ, start_response)
        key = key_of(environ, self.current_build().id, self.matomo)
        if "_pk_" in cookie and not key.tracked:
            # Matomo cookies that must go: Flask expires them on this response.
            return self.next(environ, start_response)
        if_none_match = environ.get("HTTP_IF_NONE_MATCH", "")
        if if_none_match:
            etag = etag_of(self.version, key)
            if matches(if_none_match, etag):
                return self.not_modified(environ, start_response, etag)
        with self.lock:
            page = self.pages.get(key)
        if page is None:
            if self.not_found.answers(environ, self.build):
                return self.answer_not_found(environ, key, start_response)
            page = self.render_page(environ, key)
        if if_none_match.strip() == "*" and page.etag:  # the page exists
            return self.not_modified(environ, start_response, page.etag)
        start_response(page.status, page.headers)
        return [] if method == "HEAD" else [page.body]

    def render_page(self, environ: dict, key: Key) -> Page:
        """Flask's answer, kept when Flask marked it and it sets no cookie."""
        status, headers, body = self.render(environ)
        if not environ.get(CACHEABLE) or any(n.lower() == "set-cookie" for n, _ in headers):
            return Page(status, headers, body)
        etag = etag_of(self.version, key)
        kept = [(n, v) for n, v in headers if n.lower() != "vary"]
        page = Page(status, [*kept, self.vary, *_validators(etag)], body, etag)
        if environ["REQUEST_METHOD"] == "GET":  # a HEAD has no body to keep
            with self.lock:
                self.pages[key] = page
        return page

    def answer_not_found(self, environ: dict, key: Key, start_response: Callable) -> list:
        """The not-found answer of this language (or the API) and cookie choice, rendered once."""
        page = self.not_found.get(environ, key)
        if page is None:
            page = Page(*self.render(environ))
            self.not_found.keep(environ, key, page)
        start_response(page.status, page.headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [page.body]

    def current_build(self) -> Build:
        """The database's build, read again only when the file was replaced.

        While the file cannot be read, the last good build stays: its kept
        pages are still served, and whatever must be rendered gets Flask's
        503 (errors.py). A file that failed is not read again until it changes.
        """
        try:
            stat = os.stat(self.database)
        except OSError as error:
            self.health.failed(error)
            return self.build
        file = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if file in (self.build.file, self.failed_file):
            return self.build
        try:
            build = _read_build(self.database, file)
        except (sqlite3.Error, StopIteration) as error:
            self.failed_file = file
            self.health.failed(error)
            return self.build
        with self.lock:
            self.build = build
            self.pages.clear()
            self.not_found.clear()
        self.health.recovered()
        return self.build

    def render(self, environ: dict) -> tuple[str, list, bytes]:
        return whole_answer(self.next, environ)

    def not_modified(self, environ: dict, start_response: Callable, etag: str) -> list:
        cors = [ALLOW_ANY_ORIGIN] if is_api_path(request_path(environ)) else []
        start_response("304 Not Modified", [*self.headers_304, *cors, *_validators(etag)])
        return []


def _read_build(database: str, file: tuple) -> Build:
    db = connect(database)
    try:
        build_id = next(db.query("SELECT value FROM meta WHERE key = 'build_id'"))["value"]
        return Build(
            file,
            build_id,
            frozenset(queries.unit_pages(db)),
            frozenset(export.every_unit(db)),
            frozenset(organisations.every_id(db)),
        )
    finally:
        db.close()


def _validators(etag: str) -> list[tuple[str, str]]:
    return [("ETag", f'"{etag}"'), ("Cache-Control", CACHE_CONTROL)]


def init_app(app: Flask) -> None:
    app.after_request(_mark)
    app.wsgi_app = app.extensions["page_cache"] = PageCache(app)  # type: ignore[method-assign]


def _mark(response: Response) -> Response:
    """Let PageCache keep this response: a whole page of the site, a file for
    search engines or a document of the API. (PageCache also refuses any
    response that sets a cookie.)"""
    endpoint = request.endpoint or ""
    # The search page depends on its query, which is not in the key.
    page = endpoint.startswith(("site.", "api.")) and endpoint != "site.search"
    wanted = page or endpoint in ("root.sitemap", "root.robots")
    if wanted and response.status_code == 200:
        request.environ[CACHEABLE] = True
    return response
