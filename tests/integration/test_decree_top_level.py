"""The committed content is the register's real export imported: the overview
and the chart show the decree's top level, and the units the register alone
puts directly under the ministry apart from it, in both languages; importing
the export again keeps it so."""

import re
import shutil
import tomllib
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bzksite import create_app
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.records import DEFAULT_ROOT
from bzksite.register.xmlexport import read_export
from tests.conftest import CONTENT, REAL_EXPORT, build_site
from tests.languages import unit_path
from tests.pagecheck import check_page, text_of

PERSONAL = re.compile(r"tvoorbeeld@|evtestpersoon@|mproefmans@|06 00 00 00 0\d")
BESIDE = {"nl": "Ook direct onder het ministerie", "en": "Also directly under the ministry"}
DECREE = tomllib.loads((CONTENT / "register-mapping.toml").read_text())["decree"]["units"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The committed site, and the site after importing the export again."""
    before = create_app(build_site(tmp_path_factory.mktemp("before"))).test_client()
    folder = tmp_path_factory.mktemp("after")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    export = read_export(REAL_EXPORT, DEFAULT_ROOT)
    planned = plan_import(
        content, export.ministry, date(2026, 12, 4), export.related, exported=export.exported
    )
    apply_import(content, planned)
    settings = build_site(folder, content=content)
    return before, create_app(settings).test_client(), Path(settings["DATABASE"])


def test_nothing_personal_reaches_the_database(sites):
    """The export's stand-ins for personal data (its README): none is published."""
    data = sites[2].read_bytes().decode("utf-8", "replace")
    assert not PERSONAL.search(data)
    assert "Doc-Direkt" in data, "the database holds the imported units"


def top_level(page, index: int = 0) -> list[str]:
    """The names in the first level of one of the overview's trees."""
    tree = page.all("div", **{"class": "tree"})[index]
    return [text_of(li.find("a") if li.find("a") is not None else li).split("\n")[0]
            for li in tree.find("ul").findall("li")]  # fmt: skip


def top_level_links(page) -> list[str]:
    """The paths the first level of the overview's first tree links to."""
    tree = page.all("div", **{"class": "tree"})[0]
    return [urlsplit(li.find("a").get("href")).path for li in tree.find("ul").findall("li")]


# The register's groups of committees and councils directly under the ministry.
GROUPS = {"nl": ("Commissies", "Raden"), "en": ("Committees", "Councils")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_overview_keeps_the_decrees_top_level(sites, lang):
    before, after = (check_page(site, f"/{lang}/", lang) for site in sites[:2])
    assert top_level_links(before) == [unit_path(lang, unit_id) for unit_id in DECREE]
    assert top_level(after) == top_level(before)
    for page in (before, after):
        assert BESIDE[lang] in [text_of(h) for h in page.all("h3")]
        beside = top_level(page, 1)
        committees, councils = GROUPS[lang]
        assert committees in beside and councils in beside
        assert not set(beside) & set(top_level(page)), "the decree's units stand apart"
    assert top_level(after, 1) == top_level(before, 1)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_chart_draws_them_apart_too(sites, lang):
    path = "/nl/organogram/" if lang == "nl" else "/en/organisation-chart/"
    page = check_page(sites[1], path, lang)
    assert BESIDE[lang] in [text_of(h) for h in page.all("h2")]
