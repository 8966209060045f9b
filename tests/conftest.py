"""Shared fixtures. The test database is built by the same code as the real
one, from the real sources, so the tests and the site cannot drift."""

import shutil
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.store import build_database
from bzksite.translate.catalogs import read_messages, write_messages

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "db" / "content"
TRANSLATIONS = ROOT / "translations"
# The committed report when there is one; tests of the statement write their own.
REPORT = ROOT / "reports" / "accessibility.json"


def build_site(
    folder: Path,
    content: Path = CONTENT,
    translations: Path = TRANSLATIONS,
    report: Path | None = REPORT,
) -> dict:
    """Copy the catalogs into `folder`, compile and build there; return the app settings.

    `report` is the accessibility report the statement summarises (None or a
    missing file: no results yet)."""
    copied = folder / "translations"
    shutil.copytree(translations, copied, ignore=shutil.ignore_patterns("*.mo"))
    write_messages(read_messages(copied))
    database = folder / "site.db"
    build_database(content, copied, database, report)
    return {"DATABASE": str(database), "TRANSLATIONS": str(copied), "TESTING": True}


@pytest.fixture(scope="session")
def site_config(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture
def app(site_config: dict):
    return create_app(site_config)


@pytest.fixture
def client(app):
    return app.test_client()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("accessibility", "the accessibility suite (tests/browser)")
    group.addoption(
        "--a11y-report",
        metavar="DIR",
        type=Path,
        help="write accessibility.json and accessibility.html to DIR",
    )
    group.addoption(
        "--a11y-base-url",
        metavar="URL",
        help="check the site running at URL (its sitemap) instead of a local one",
    )
