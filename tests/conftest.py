"""Shared fixtures. The test database is built by the same code as the real
one, from the real sources, so the tests and the site cannot drift.

The tests take their settings from the test, never from the shell: every
BZKSITE_ variable is removed before the first test, and the languages are
those of tests/languages.py."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.store import build_database
from bzksite.translate.catalogs import read_messages
from bzksite.translate.compile import write_messages
from tests import languages

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "db" / "content"
TRANSLATIONS = ROOT / "translations"
# The register's export of BZK of 2026-05-15 in its real shape (tests/data/register/README.md).
REAL_EXPORT = ROOT / "tests" / "data" / "register" / "exportOO-bzk-2026-05-15.xml"
# The register's schema: its own document, kept beside the project, not in it.
REGISTER_SCHEMA = ROOT.parent / "shared" / "register" / "oo-export-2.6.11.xsd"
# The committed report when there is one; tests of the statement write their own.
REPORT = ROOT / "reports" / "accessibility.json"


def build_site(
    folder: Path,
    content: Path = CONTENT,
    translations: Path | None = None,
    report: Path | None = REPORT,
) -> dict:
    """Copy the catalogs into `folder`, compile and build there; return the app settings.

    `translations` defaults to the catalogs of the tests' languages. `report`
    is the accessibility report the statement summarises (None or a missing
    file: no results yet)."""
    copied = folder / "translations"
    if translations is None:
        languages.copy_translations(copied)
    else:
        shutil.copytree(translations, copied, ignore=shutil.ignore_patterns("*.mo"))
    write_messages(read_messages(copied))
    database = folder / "site.db"
    build_database(content, copied, database, report)
    return {
        "DATABASE": str(database),
        "TRANSLATIONS": str(copied),
        "LANGUAGES": dict(languages.LANGUAGES),
        # The test client's own address, so that links it follows stay with it.
        "SITE_URL": "http://localhost",
        "TESTING": True,
    }


def edited_site(folder: Path, **edits: tuple[str, str]):
    """A test client of the committed content with lines of unit files changed:
    edited_site(folder, kiem=(old, new)). Each change must apply."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    for unit_id, (old, new) in edits.items():
        source = content / "units" / f"{unit_id}.toml"
        text = source.read_text()
        assert old in text, f"{source.name} has no {old!r}"
        source.write_text(text.replace(old, new, 1))
    return create_app(build_site(folder, content=content)).test_client()


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
    parser.addoption(
        "--with-language",
        metavar="CODE",
        help="serve this language too (any: one the site does not serve yet); when it is"
        " not configured, with pseudo-translated catalogs the tests make (tests/languages.py)",
    )
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


def pytest_configure(config: pytest.Config) -> None:
    for name in [name for name in os.environ if name.startswith("BZKSITE_")]:
        del os.environ[name]
    folder = Path(tempfile.mkdtemp(prefix="bzksite-languages-"))
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    languages.configure(config.getoption("--with-language"), folder)
