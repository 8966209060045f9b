"""Pages are worked out once per worker and then handed out as bytes.

A page depends on the database build, the code and templates, its URL (with
host and scheme: it carries absolute links), the visitor's cookie choice
(banner, confirmation) and whether the tracker is on. All of that makes its
ETag, computed before any rendering: an If-None-Match that matches gets a 304
at once, and a worker that rendered the page before sends the stored bytes.
A rebuilt database has a new build id, so nothing stale is ever served, and
no restart is needed.
"""

import hashlib
import os
from collections import OrderedDict
from pathlib import Path

from flask import Flask, Response, current_app, g, request

from . import analytics, cookies
from .db import connect

CACHE_CONTROL = "public, no-cache"  # store, but ask each time: a 304 costs nothing
MAX_PAGES = 256  # per worker; a page is 10 to 20 KB


class PageCache:
    def __init__(self, database: str, code_version: str) -> None:
        self.database = database
        self.code_version = code_version
        self.pages: OrderedDict[str, bytes] = OrderedDict()
        self._file: tuple | None = None
        self._build_id = ""

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

    def get(self, etag: str) -> bytes | None:
        body = self.pages.get(etag)
        if body is not None:
            self.pages.move_to_end(etag)
        return body

    def put(self, etag: str, body: bytes) -> None:
        self.pages[etag] = body
        if len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)


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
    app.extensions["page_cache"] = PageCache(app.config["DATABASE"], code_version(app))
    app.before_request(_answer_from_cache)
    app.after_request(_keep_page)


def _cacheable() -> bool:
    """A page of the site (any language) or a file for search engines, fetched."""
    endpoint = request.endpoint or ""
    is_page = endpoint.startswith("site.") and endpoint != "site.cookie_choice"
    is_file = endpoint in ("root.sitemap", "root.robots")
    return request.method in ("GET", "HEAD") and (is_page or is_file)


def page_etag(cache: PageCache) -> str:
    tracker = analytics.tracker()
    parts = [
        cache.build_id(),
        cache.code_version,
        request.host_url,
        request.full_path,
        cookies.consent() or "-",
        "tracked" if tracker else "-",
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


def _answer_from_cache() -> Response | None:
    if not _cacheable():
        return None
    cache: PageCache = current_app.extensions["page_cache"]
    g.etag = etag = page_etag(cache)
    if request.if_none_match.contains(etag):
        return current_app.response_class(status=304)
    body = cache.get(etag)
    if body is None:
        return None
    g.from_cache = True
    mimetype = "text/html" if request.endpoint.startswith("site.") else None
    return current_app.response_class(body, mimetype=mimetype or _file_type())


def _file_type() -> str:
    return "application/xml" if request.endpoint == "root.sitemap" else "text/plain"


def _keep_page(response: Response) -> Response:
    etag = g.get("etag")
    if etag is None or response.status_code not in (200, 304):
        return response
    if response.status_code == 200 and not g.get("from_cache"):
        current_app.extensions["page_cache"].put(etag, response.get_data())
    response.set_etag(etag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response
