"""Pages are worked out once per worker and then handed out as bytes, by a
WSGI layer in front of Flask.

A page depends on the database build, the code, templates, settings and
libraries, its URL (with host and scheme: it carries absolute links), the
visitor's cookie choice (banner, confirmation), whether the tracker is on and
whether the browser asks not to be tracked. All of that is read from the
request as it comes in and makes the page's key and ETag, before Flask sees
it: an If-None-Match that matches gets a 304 at once, without any rendering,
and a page this worker rendered before goes out as stored bytes. A rebuilt
database has a new build id, so nothing stale is served and no restart is
needed. Flask marks which responses may be kept (_mark).
"""

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import parse_qs

from flask import Flask, Response, request

from . import analytics, cookies
from .db import connect
from .version import code_version

CACHE_CONTROL = "public, no-cache"  # store, but ask each time: a 304 costs nothing
MAX_PAGES = 256  # per worker; a page is 10 to 20 KB
CACHEABLE = "bzksite.cacheable"  # set in the WSGI environ by Flask for a page to keep


class Key(NamedTuple):
    build_id: str
    scheme: str
    host: str
    script_name: str
    path: str
    saved: bool  # ?cookies=saved: the confirmation
    consent: str | None
    tracked: bool
    declines_tracking: bool  # DNT or GPC with Matomo on: the settings page says so


@dataclass(frozen=True)
class Page:
    status: str
    headers: list[tuple[str, str]]
    body: bytes


class PageCache:
    def __init__(self, app: Flask) -> None:
        self.next = app.wsgi_app
        self.database = app.config["DATABASE"]
        self.version = code_version(app)
        self.matomo = app.extensions["matomo"]
        self.vary = ("Vary", ", ".join(analytics.vary(self.matomo)))
        self.headers_304 = [*app.extensions["security_headers"].items(), self.vary]
        self.pages: OrderedDict[Key, Page] = OrderedDict()
        self.lock = threading.Lock()  # for gunicorn's threaded workers and the dev server
        self.build = (None, "")  # (the database file's identity, its build id)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method, cookie = environ["REQUEST_METHOD"], environ.get("HTTP_COOKIE", "")
        if method not in ("GET", "HEAD"):
            return self.next(environ, start_response)
        key = self.key(environ, cookie)
        if "_pk_" in cookie and not key.tracked:
            # Matomo cookies that must go: Flask expires them on this response.
            return self.next(environ, start_response)
        etag = _etag(self.version, key)
        if_none_match = environ.get("HTTP_IF_NONE_MATCH", "")
        if _matches(if_none_match, etag):
            return self.not_modified(start_response, etag)
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
        if page is None:
            status, headers, body = self.render(environ)
            if not environ.get(CACHEABLE) or any(n.lower() == "set-cookie" for n, _ in headers):
                start_response(status, headers)
                return [body]
            kept = [(n, v) for n, v in headers if n.lower() != "vary"]
            page = Page(status, [*kept, self.vary, *_validators(etag)], body)
            if method == "GET":  # a HEAD has no body to keep
                self.keep(key, page)
        if if_none_match.strip() == "*":  # the page exists
            return self.not_modified(start_response, etag)
        start_response(page.status, page.headers)
        return [] if method == "HEAD" else [page.body]

    def key(self, environ: dict, cookie: str) -> Key:
        consent = cookies.consent_in(cookie)
        dnt, gpc = environ.get("HTTP_DNT"), environ.get("HTTP_SEC_GPC")
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        return Key(
            self.build_id(),
            environ["wsgi.url_scheme"],
            environ.get("HTTP_HOST", ""),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            # The one query the pages read; any other is ignored, so it must not split the cache.
            query.get(cookies.SAVED[0], [None])[0] == cookies.SAVED[1],
            consent,
            analytics.tracked(self.matomo, consent, dnt, gpc),
            self.matomo is not None and "1" in (dnt, gpc),  # the settings page says so
        )

    def build_id(self) -> str:
        """The database's build id, read again only when the file was replaced."""
        stat = os.stat(self.database)
        file = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        known, build_id = self.build
        if file != known:
            db = connect(self.database)
            try:
                build_id = next(db.query("SELECT value FROM meta WHERE key = 'build_id'"))["value"]
            finally:
                db.close()
            with self.lock:
                self.build = (file, build_id)
                self.pages.clear()
        return build_id

    def render(self, environ: dict) -> tuple[str, list, bytes]:
        answer: list = []

        def start(status, headers, exc_info=None):
            answer[:] = [status, headers]

        chunks = self.next(environ, start)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        return answer[0], answer[1], body

    def keep(self, key: Key, page: Page) -> None:
        with self.lock:
            self.pages[key] = page
            if len(self.pages) > MAX_PAGES:
                self.pages.popitem(last=False)

    def not_modified(self, start_response: Callable, etag: str) -> list:
        start_response("304 Not Modified", [*self.headers_304, *_validators(etag)])
        return []


def _etag(version: str, key: Key) -> str:
    return hashlib.sha256(repr((version, key)).encode()).hexdigest()[:24]


def _validators(etag: str) -> list[tuple[str, str]]:
    return [("ETag", f'"{etag}"'), ("Cache-Control", CACHE_CONTROL)]


def _matches(if_none_match: str, etag: str) -> bool:
    return any(tag.strip().removeprefix("W/") == f'"{etag}"' for tag in if_none_match.split(","))


def init_app(app: Flask) -> None:
    app.after_request(_mark)
    app.wsgi_app = PageCache(app)  # type: ignore[method-assign]


def _mark(response: Response) -> Response:
    """Let PageCache keep this response: a whole page of the site or a file for
    search engines. (PageCache also refuses any response that sets a cookie.)"""
    endpoint = request.endpoint or ""
    wanted = endpoint.startswith("site.") or endpoint in ("root.sitemap", "root.robots")
    if wanted and response.status_code == 200:
        request.environ[CACHEABLE] = True
    return response
