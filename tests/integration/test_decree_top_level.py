"""After the register's real export is imported, the overview and the chart
show the decree's top level as before, and the units the register alone puts
directly under the ministry apart from it, in both languages."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.records import DEFAULT_ROOT
from bzksite.register.xmlexport import read_export
from tests.conftest import CONTENT, REAL_EXPORT, build_site
from tests.pagecheck import check_page, text_of

PERSONAL = re.compile(r"tvoorbeeld@|evtestpersoon@|mproefmans@|06 00 00 00 0\d")
BESIDE = {"nl": "Ook direct onder het ministerie", "en": "Also directly under the ministry"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The committed site, and the site after the import."""
    before = create_app(build_site(tmp_path_factory.mktemp("before"))).test_client()
    folder = tmp_path_factory.mktemp("after")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    export = read_export(REAL_EXPORT, DEFAULT_ROOT)
    planned = plan_import(content, export.ministry, date(2026, 12, 4), export.related)
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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_overview_keeps_the_decrees_top_level(sites, lang):
    before, after = (check_page(site, f"/{lang}/", lang) for site in sites[:2])
    assert top_level(after) == top_level(before)
    assert len(before.all("div", **{"class": "tree"})) == 1, "nothing beside the decree before"
    headings = [text_of(h) for h in after.all("h3")]
    assert BESIDE[lang] in headings
    beside = top_level(after, 1)
    assert "Commissies" in beside and "Raden" in beside
    assert not set(beside) & set(top_level(before))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_chart_draws_them_apart_too(sites, lang):
    path = "/nl/organogram/" if lang == "nl" else "/en/organisation-chart/"
    page = check_page(sites[1], path, lang)
    assert BESIDE[lang] in [text_of(h) for h in page.all("h2")]
