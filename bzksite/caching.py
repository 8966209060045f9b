"""Pages are worked out once per worker and then handed out as bytes, by a
WSGI layer in front of Flask.

A page depends on the database build, the code and templates, its URL (with
host and scheme: it carries absolute links), the visitor's cookie choice
(banner, confirmation) and whether the tracker is on. All of that is read
from the request as it comes in and makes the page's key and ETag, before
Flask sees it: an If-None-Match that matches gets a 304 at once, without any
rendering, and a page this worker rendered before goes out as stored bytes.
A rebuilt database has a new build id, so nothing stale is served and no
restart is needed. Flask marks which responses may be kept (_mark).
"""

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, request

from . import analytics, cookies
from .db import connect

CACHE_CONTROL = "public, no-cache"  # store, but ask each time: a 304 costs nothing
MAX_PAGES = 256  # per worker; a page is 10 to 20 KB
CACHEABLE = "bzksite.cacheable"  # set in the WSGI environ by Flask for a page to keep


@dataclass(frozen=True)
class Page:
    etag: str
    status: str
    headers: list[tuple[str, str]]
    body: bytes


class PageCache:
    def __init__(self, app: Flask) -> None:
        self.next = app.wsgi_app
        self.database = app.config["DATABASE"]
        self.version = code_version(app)
        self.matomo = app.extensions["matomo"]
        vary = ", ".join(analytics.vary(self.matomo))
        self.headers_304 = [*app.extensions["security_headers"].items(), ("Vary", vary)]
        self.pages: OrderedDict[tuple, Page] = OrderedDict()
        self._file: tuple | None = None
        self._build_id = ""

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method, cookie = environ["REQUEST_METHOD"], environ.get("HTTP_COOKIE", "")
        # Matomo cookies left over get expired per request (analytics.py): no shortcut.
        if method not in ("GET", "HEAD") or "_pk_" in cookie:
            return self.next(environ, start_response)
        key = self.key(environ, cookie)
        etag = self.pages[key].etag if key in self.pages else _etag(self.version, key)
        if _matches(environ.get("HTTP_IF_NONE_MATCH", ""), etag):
            start_response("304 Not Modified", [*self.headers_304, *_validators(etag)])
            return []
        page = self.pages.get(key)
        if page is None:
            status, headers, body = self.render(environ)
            if not environ.get(CACHEABLE):
                start_response(status, headers)
                return [body]
            page = Page(etag, status, [*headers, *_validators(etag)], body)
            if method == "GET":  # a HEAD has no body to keep
                self.keep(key, page)
        else:
            self.pages.move_to_end(key)
        start_response(page.status, page.headers)
        return [] if method == "HEAD" else [page.body]

    def key(self, environ: dict, cookie: str) -> tuple:
        consent = cookies.consent_in(cookie)
        dnt, gpc = environ.get("HTTP_DNT"), environ.get("HTTP_SEC_GPC")
        return (
            self.build_id(),
            environ["wsgi.url_scheme"],
            environ.get("HTTP_HOST", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            consent,
            analytics.tracked(self.matomo, consent, dnt, gpc),
        )

    def build_id(self) -> str:
        """The database's build id, read again only when the file was replaced."""
        stat = os.stat(self.database)
        file = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if file != self._file:
            db = connect(self.database)
            try:
                row = next(db.query("SELECT value FROM meta WHERE key = 'build_id'"))
            finally:
                db.close()
            self._file, self._build_id = file, row["value"]
            self.pages.clear()
        return self._build_id

    def render(self, environ: dict) -> tuple[str, list, bytes]:
        answer: list = []
        chunks = self.next(
            environ, lambda status, headers, exc_info=None: answer.extend([status, headers])
        )
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        return answer[0], answer[1], body

    def keep(self, key: tuple, page: Page) -> None:
        self.pages[key] = page
        if len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)


def _etag(version: str, key: tuple) -> str:
    return hashlib.sha256(repr((version, key)).encode()).hexdigest()[:24]


def _validators(etag: str) -> list[tuple[str, str]]:
    return [("ETag", f'"{etag}"'), ("Cache-Control", CACHE_CONTROL)]


def _matches(if_none_match: str, etag: str) -> bool:
    return any(tag.strip().removeprefix("W/") == f'"{etag}"' for tag in if_none_match.split(","))


def code_version(app: Flask) -> str:
    """A hash of what shapes a page besides the database: code, templates,
    static files and the compiled interface catalogs (read once per worker)."""
    package = Path(app.root_path)
    patterns = [(package, "*.py"), (package, "*.html"), (package, "*.xml"), (package, "static/*")]
    patterns.append((Path(app.config["TRANSLATIONS"]), "*/LC_MESSAGES/*.mo"))
    files = sorted(path for folder, pattern in patterns for path in folder.rglob(pattern))
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def init_app(app: Flask) -> None:
    app.after_request(_mark)
    app.wsgi_app = PageCache(app)  # type: ignore[method-assign]


def _mark(response: Response) -> Response:
    """Let PageCache keep this response: a page of the site or a file for search
    engines, whole, and with no cookie of its own."""
    endpoint = request.endpoint or ""
    wanted = endpoint.startswith("site.") or endpoint in ("root.sitemap", "root.robots")
    if wanted and response.status_code == 200 and "Set-Cookie" not in response.headers:
        request.environ[CACHEABLE] = True
    return response
