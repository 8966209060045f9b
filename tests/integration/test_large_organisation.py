"""An organisation deeper than the overview shows: the overview keeps to the
top two levels and says how many units lie below; every unit's page lists
its own and leads back up. The units under KIEM here are made up for the
tests."""

import pytest

from bzksite import create_app
from tests.conftest import build_site
from tests.made_up import deeper_content
from tests.pagecheck import check_page, text_of


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deep")
    return create_app(build_site(folder, content=deeper_content(folder))).test_client()


def tree_items(page) -> dict[str, str]:
    """Each item of the overview's trees: its link text and what follows it."""
    items = {}
    trees = page.all("div", **{"class": "tree"})
    assert trees, "the overview draws the tree"
    for li in (li for tree in trees for li in tree.iter("li")):
        link = li.find("a")
        if link is not None:
            count = li.find("span")
            items[text_of(link)] = text_of(count) if count is not None else ""
    return items


@pytest.mark.parametrize(("lang", "said"), [("nl", "2 onderdelen"), ("en", "2 units")])
def test_the_overview_shows_two_levels_and_counts_what_lies_below(client, lang, said):
    page = check_page(client, f"/{lang}/", lang)
    items = tree_items(page)
    kiem = next(name for name in items if "(KIEM)" in name)
    assert items[kiem] == said, "two current units: the ended one is not counted"
    assert not any("Proef" in name for name in items), "the third level is not drawn"


def test_each_page_lists_its_units_and_leads_back_up(client):
    kiem = check_page(client, "/nl/organisatie/kiem/", "nl")
    listed = [text_of(a) for a in kiem.one("ul", **{"class": "units"}).iter("a")]
    assert listed == ["Afdeling Proef Een", "Afdeling Proef Twee"]
    team = check_page(client, "/nl/organisatie/proef4/", "nl")
    crumbs = [text_of(li) for li in team.one("nav", **{"class": "breadcrumb"}).iter("li")]
    assert crumbs[0] == "Home" and crumbs[-2:] == ["Afdeling Proef Een", "Team Proef Vier"]
    assert "Directie Kennis, Internationaal, Europa en Macro-economie" in crumbs
