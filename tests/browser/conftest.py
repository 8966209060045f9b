"""The browser suite: headless Debian Chromium through Selenium, against the
real app on a free port of 127.0.0.1, or against any running copy of the site
(--a11y-base-url). A missing browser fails these tests, never skips them:
`make test` installs it.
"""

import sqlite3
import tempfile
import threading
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from flask import Flask
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from bzksite import create_app
from tests.conftest import build_site

from .report import Report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# Error pages and search results are no sitemap entries but are pages visitors see.
NOT_FOUND = {"nl": "/nl/bestaat-niet/", "en": "/en/does-not-exist/"}
SEARCHES = [
    "/nl/zoeken/",
    "/nl/zoeken/?q=europa",
    "/en/search/?q=knowledge",
    "/en/search/?q=nothing-like-this",
]
# An organisation related to the ministry that ended keeps its page, which the
# sitemap leaves out: UBR, ended on 2023-01-01 by the register.
ENDED_ORGANISATION = ["/nl/organisaties/ubr/", "/en/organisations/ubr/"]

_SITE = pytest.StashKey[dict]()
_SITEMAP = pytest.StashKey[list]()
_WRITTEN = pytest.StashKey[list]()


def local_site(config: pytest.Config) -> dict:
    """The site built once per run, from the real sources, in a temporary folder."""
    if _SITE not in config.stash:
        folder = tempfile.TemporaryDirectory(prefix="bzksite-browser-")
        config.add_cleanup(folder.cleanup)
        config.stash[_SITE] = build_site(Path(folder.name))
    return config.stash[_SITE]


def sitemap_entries(config: pytest.Config) -> list[dict]:
    """The sitemap of the site under test: [{"path": ..., "alternates": {lang: path}}]."""
    if _SITEMAP not in config.stash:
        base_url = config.getoption("a11y_base_url")
        if base_url:
            with urllib.request.urlopen(f"{base_url.rstrip('/')}/sitemap.xml") as response:
                xml = response.read()
        else:
            xml = create_app(local_site(config)).test_client().get("/sitemap.xml").data
        config.stash[_SITEMAP] = [
            {
                "path": urlsplit(url.findtext(f"{SITEMAP}loc")).path,
                "alternates": {
                    link.get("hreflang"): urlsplit(link.get("href")).path
                    for link in url.iter(f"{XHTML}link")
                },
            }
            for url in ElementTree.fromstring(xml).iter(f"{SITEMAP}url")
        ]
    return config.stash[_SITEMAP]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per page: every sitemap entry, the not-found page per language,
    search pages (a form, results, none) and an ended organisation's page."""
    if "page_path" in metafunc.fixturenames:
        paths = [entry["path"] for entry in sitemap_entries(metafunc.config)]
        paths += [*NOT_FOUND.values(), *SEARCHES, *ENDED_ORGANISATION]
        metafunc.parametrize("page_path", paths, ids=paths)


@pytest.fixture(scope="session")
def site_config(pytestconfig) -> dict:
    return local_site(pytestconfig)


@contextmanager
def serve(config: dict, prepare: Callable[[Flask], object] | None = None) -> Iterator[str]:
    """The site of `config` on a free port, its SITE_URL that port's address;
    `prepare` may add to the app before it serves."""
    server = make_server("127.0.0.1", 0, None, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    server.app = create_app({**config, "SITE_URL": url})
    if prepare is not None:
        prepare(server.app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(scope="session")
def live_server(site_config) -> Iterator[str]:
    with serve(site_config) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(pytestconfig, request) -> str:
    """The site under test: --a11y-base-url, or the local live server."""
    given = pytestconfig.getoption("a11y_base_url")
    return given.rstrip("/") if given else request.getfixturevalue("live_server")


@pytest.fixture(scope="session")
def languages(site_config) -> list[str]:
    return list(create_app(site_config).config["LANGUAGES"])


@pytest.fixture(scope="session")
def dutch_texts(site_config) -> list[str]:
    """Dutch texts whose English differs: on an English page they are fallbacks."""
    with sqlite3.connect(site_config["DATABASE"]) as db:
        rows = db.execute(
            "SELECT nl.text FROM texts nl JOIN texts other USING (owner, field, position)"
            " WHERE nl.lang = 'nl' AND other.lang != 'nl' AND other.text IS NOT nl.text"
        )
        return sorted({text for (text,) in rows})


@pytest.fixture(scope="session")
def report(pytestconfig, base_url, languages) -> Iterator[Report]:
    """Collects every result; written at the end of the run with --a11y-report."""
    collected = Report(base_url, languages)
    yield collected
    folder = pytestconfig.getoption("a11y_report")
    if folder is not None:
        pytestconfig.stash[_WRITTEN] = collected.write(folder)


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if config.getoption("a11y_report") is None:
        return
    written = config.stash.get(_WRITTEN, [])
    if written:
        terminalreporter.write_line(f"Accessibility report: {', '.join(map(str, written))}")
    else:
        terminalreporter.write_line("No accessibility report written: axe checked no page.")


@pytest.fixture(scope="session")
def browser() -> Iterator[webdriver.Chrome]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: run `make browser` (make test does)")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,900",
    ):
        options.add_argument(argument)
    # The console, for Content-Security-Policy violations (test_cookies.py).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Naming the driver keeps Selenium Manager from trying to download one.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()
