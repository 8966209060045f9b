"""In-process figures: what rendering a page costs with the page cache
bypassed, and what a page weighs."""

import gzip
import re
import statistics
import time
from pathlib import Path

from bzksite import create_app


def render_ms(database: Path, translations: Path, path: str, times: int = 200) -> float:
    """The median cost in ms of rendering `path` without the page cache, over 5 rounds."""
    app = create_app({"DATABASE": str(database), "TRANSLATIONS": str(translations)})
    app.wsgi_app = app.wsgi_app.next  # Flask itself, behind the page cache
    client = app.test_client()
    assert client.get(path).status_code == 200, path
    rounds = []
    for _ in range(5):
        began = time.perf_counter()
        for _ in range(times):
            client.get(path)
        rounds.append((time.perf_counter() - began) / times * 1000)
    return statistics.median(rounds)


def weight(html: bytes, fetch) -> int:
    """A page's HTML and its stylesheets, each gzipped, in bytes; `fetch(path)` gives a body."""
    links = re.findall(rb"<link\b[^>]*>", html)
    styles = [re.search(rb'href="([^"]+)"', link)[1] for link in links if b"stylesheet" in link]
    css = b"".join(fetch(href.decode()) for href in styles)
    return len(gzip.compress(html)) + (len(gzip.compress(css)) if css else 0)
