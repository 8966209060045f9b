"""A database that breaks while the site runs (deleted, overwritten, cut
short): what needs it gets a 503 page with the security headers and
Retry-After, kept pages and static files are still served, one log line
names `make db`, and the next good build is served at once."""

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.store import build_database
from tests.conftest import CONTENT
from tests.pagecheck import parse

KEPT = "/nl/organisatie/kiem/"  # read before the database breaks
NOT_KEPT = "/en/organisation/kiem/"


def replaced(path: Path, data: bytes) -> None:
    """`data` in a new file swapped in, as a careless copy or a broken disk might."""
    new = path.with_name("new.db")
    new.write_bytes(data)
    os.replace(new, path)


BREAKS: dict[str, Callable[[Path], None]] = {
    "deleted": lambda path: path.unlink(),
    "garbage": lambda path: replaced(path, b"this is not a database\n" * 500),
    "empty": lambda path: replaced(path, b""),
    "cut short": lambda path: replaced(path, path.read_bytes()[:20_000]),
    "cut short in place": lambda path: os.truncate(path, 20_000),
}


@pytest.fixture
def site(tmp_path: Path, site_config: dict):
    """A site with a database of its own, and its client, one page already kept."""
    database = tmp_path / "site.db"
    shutil.copy(site_config["DATABASE"], database)
    config = {**site_config, "DATABASE": str(database)}
    client = create_app(config).test_client()
    assert client.get(KEPT).status_code == 200
    return database, config, client


def assert_unavailable(response, api: bool = False) -> None:
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "60"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    if api:
        assert response.json["error"]["status"] == 503
    else:
        page = parse(response.request.path, response.get_data(as_text=True))
        assert page.one("h1").text in ("Tijdelijk niet beschikbaar", "Temporarily unavailable")


@pytest.mark.parametrize("break_it", BREAKS.values(), ids=BREAKS.keys())
def test_a_broken_database_gets_503_pages_and_keeps_what_it_can(site, break_it, caplog):
    database, _, client = site
    kept = client.get(KEPT).data
    break_it(database)
    with caplog.at_level(logging.ERROR, logger="bzksite"):
        for path in (NOT_KEPT, "/nl/zoeken/?q=europa", "/sitemap.xml", "/nl/privacy/"):
            assert_unavailable(client.get(path))
        assert_unavailable(client.get("/api/v1/units/kiem.json"), api=True)
        assert client.get("/static/site.css").status_code == 200
        assert client.get("/robots.txt").status_code == 200
        assert client.get("/nl/bestaat-niet/").status_code in (404, 503)
        kept_now = client.get(KEPT)
    if kept_now.status_code == 200:  # the build could no longer be read: the old one stays
        assert kept_now.data == kept
    else:
        assert_unavailable(kept_now)
    logged = [record.getMessage() for record in caplog.records]
    assert len(logged) == 1, logged
    assert str(database) in logged[0] and "`make db`" in logged[0]


def test_the_next_good_build_is_served_at_once(site, tmp_path, caplog):
    database, config, client = site
    with caplog.at_level(logging.WARNING, logger="bzksite"):
        BREAKS["garbage"](database)
        assert_unavailable(client.get(NOT_KEPT))
        build_database(CONTENT, Path(config["TRANSLATIONS"]), database)
        assert client.get(NOT_KEPT).status_code == 200
        assert client.get("/nl/zoeken/?q=europa").status_code == 200
    broken, recovered = [record.getMessage() for record in caplog.records]
    assert "cannot be read (file is not a database)" in broken
    assert recovered == f"{database} can be read again."


def test_a_search_that_cannot_read_the_database_is_503_not_try_other_words(site):
    database, _, client = site
    BREAKS["deleted"](database)
    response = client.get("/en/search/?q=knowledge")
    assert_unavailable(response)
    assert "Try other words" not in response.get_data(as_text=True)
