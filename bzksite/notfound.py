"""The answer to an address without a page: one not-found page per language
and cookie choice (under /api/, the API's JSON one), rendered once and kept
apart from the pages, so unknown paths, what scanners send most, cost no
rendering and take no room from pages (caching.py)."""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, MapAdapter

from .api.answers import is_api_path
from .cachekey import Key, page_language, request_path

MAX_NOT_FOUND = 64  # per language and cookie choice, so a few


@dataclass(frozen=True)
class Page:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str | None = None

    def size(self) -> int:
        return len(self.body) + 512  # and about as much again for key, headers and object


@dataclass(frozen=True)
class Build:
    file: tuple | None  # the database file's identity: inode, mtime, size
    id: str = ""
    unit_pages: frozenset[str] = frozenset()  # units with a page of their own
    units: frozenset[str] = frozenset()  # every unit: each has a document in the API
    # Every organisation related to the ministry: each has a page and a document.
    organisations: frozenset[str] = frozenset()


class NotFoundAnswers:
    def __init__(self, url_map: Map, languages: list[str]) -> None:
        self.url_map = url_map
        self.routes: MapAdapter | None = None  # bound at the first request, when all rules are in
        self.languages = languages
        self.kept: OrderedDict[tuple[Key, str], Page] = OrderedDict()
        self.lock = threading.Lock()

    def answers(self, environ: dict, build: Build) -> bool:
        """True when no rule takes the path, or it names a unit without a page
        (or document) or an unknown organisation. Anything else, a redirect
        included, is Flask's to answer."""
        if self.routes is None:
            self.routes = self.url_map.bind("localhost")
        try:
            endpoint, args = self.routes.match(request_path(environ), method="GET")
        except NotFound:
            return True
        except HTTPException:
            return False
        if endpoint in ("site.related_organisation", "api.related_organisation"):
            return args["organisation_id"] not in build.organisations
        if endpoint == "api.unit":
            return args["unit_id"] not in build.units
        return endpoint == "site.unit" and args["unit_id"] not in build.unit_pages

    def get(self, environ: dict, key: Key) -> Page | None:
        with self.lock:
            return self.kept.get(self._place(environ, key))

    def keep(self, environ: dict, key: Key, page: Page) -> None:
        """Keep Flask's answer when it is a not-found page that sets no cookie."""
        sets_cookie = any(name.lower() == "set-cookie" for name, _ in page.headers)
        if not page.status.startswith("404") or sets_cookie or environ["REQUEST_METHOD"] != "GET":
            return
        with self.lock:
            self.kept[self._place(environ, key)] = page
            if len(self.kept) > MAX_NOT_FOUND:
                self.kept.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.kept.clear()

    def _place(self, environ: dict, key: Key) -> tuple[Key, str]:
        path = request_path(environ)
        kind = "api" if is_api_path(path) else page_language(environ, self.languages)
        return (key._replace(path="", script_name=""), kind)
