"""The organisation chart: every current unit three levels deep as a box,
nested as the tree is, named with its abbreviation and linked when it has a
page; no ended unit; a unit whose units are not drawn says how many. The
units under KIEM are made up for the tests (tests/made_up.py), and so is
the organisation of 1,000 units (benchmarks/organisation.py)."""

import gzip
import re
import sqlite3
from urllib.parse import urlsplit

import pytest

from benchmarks.organisation import generate
from bzksite import DEFAULTS, create_app
from bzksite.chart import LEVELS, MAX_BOXES
from bzksite.records import SHOWN_AS_WRITTEN, SOURCE_LANGUAGE
from tests.conftest import build_site
from tests.languages import LANGUAGES, paths, unit_path
from tests.made_up import deeper_content
from tests.pagecheck import check_page, text_of

MAX_WEIGHT = 14 * 1024  # HTML and stylesheet, each gzipped
COUNT = {"nl": "1 onderdeel", "en": "1 unit"}


@pytest.fixture(scope="module")
def deeper(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chart")
    return create_app(build_site(folder, content=deeper_content(folder))).test_client()


def drawn(page) -> list[tuple[int, str, str | None, str]]:
    """Each box in reading order: (depth, its name, the path it links to, what it counts)."""
    boxes = []

    def walk(ul, depth: int) -> None:
        assert ul.get("class") == f"level-{depth}", "the stylesheet draws by level"
        for li in ul.findall("li"):
            box, *nested = list(li)
            assert box.get("class") == "box" and [e.tag for e in nested] in ([], ["ul"])
            link = box.find("a")
            count = box.find("span[@class='subunits']")
            path = urlsplit(link.get("href")).path if link is not None else None
            boxes.append((depth, name_in(box), path, text_of(count) if count is not None else ""))
            for ul_below in nested:
                walk(ul_below, depth + 1)

    ministry, *beside = page.all("div", **{"class": "chart"})
    walk(ministry.find("ul"), 0)
    for chart in beside:  # the units the register alone puts under the ministry, apart
        walk(chart.find("ul"), 1)
    return boxes


def name_in(box) -> str:
    """The unit's name and abbreviation: the box's text but a notice and a count."""
    parts = [box.text or ""]
    for element in box:
        if element.get("class") not in ("notice", "subunits"):
            parts.extend(element.itertext())
        parts.append(element.tail or "")
    return " ".join("".join(parts).split())


def expected(app, lang: str, levels: int) -> list[tuple[int, str, str | None]]:
    """From the database: every current unit `levels` deep under the ministry, in tree order."""
    with sqlite3.connect(app.config["DATABASE"]) as db:
        units = db.execute(
            "SELECT id, parent, abbreviation, has_page FROM units WHERE ended IS NULL"
            ' ORDER BY "order", id'
        ).fetchall()
        names = {}
        for owner, text_lang, text, state in db.execute(
            "SELECT owner, lang, text, state FROM texts WHERE field = 'name' ORDER BY lang = ?",
            [lang],
        ):
            if text_lang == SOURCE_LANGUAGE or (text_lang == lang and state in SHOWN_AS_WRITTEN):
                names[owner] = text
    children: dict[str | None, list[tuple]] = {}
    for unit in units:
        children.setdefault(unit[1], []).append(unit)
    found = []

    def walk(parent: str | None, depth: int) -> None:
        for unit_id, _, abbreviation, has_page in children.get(parent, []):
            name = names[f"unit:{unit_id}"] + (f" ({abbreviation})" if abbreviation else "")
            path = (unit_path(lang, unit_id) if depth else f"/{lang}/") if has_page else None
            found.append((depth, name, path))
            if depth < levels:
                walk(unit_id, depth + 1)

    walk(None, 0)
    return found


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_chart_draws_every_current_unit_three_levels_deep(deeper, lang):
    page = check_page(deeper, paths(lang)["chart"], lang)
    assert [box[:3] for box in drawn(page)] == expected(deeper.application, lang, LEVELS)
    shown = text_of(page.one("main"))
    assert "Proef Een" in shown and "Proef Drie" not in shown, "an ended unit is not drawn"
    assert "Proef Vier" not in shown, "the fourth level is not drawn"
    crumbs = [text_of(li) for li in page.one("nav", **{"class": "breadcrumb"}).iter("li")]
    assert crumbs[1:] == [page.h1] and len(crumbs) == 2


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_unit_whose_units_are_not_drawn_says_how_many(deeper, lang):
    page = check_page(deeper, paths(lang)["chart"], lang)
    counts = {name: count for _, name, _, count in drawn(page)}
    assert counts["Afdeling Proef Een"] == COUNT.get(lang, counts["Afdeling Proef Een"])
    assert re.match(r"1\b", counts["Afdeling Proef Een"])
    kiem = next(name for name in counts if name.endswith("(KIEM)"))
    assert counts[kiem] == "", "units that are drawn are not counted"


def weight(client, path: str) -> int:
    html = client.get(path).data
    css = re.search(rb'<link rel="stylesheet" href="([^"]+)"', html)[1].decode()
    return len(gzip.compress(html)) + len(gzip.compress(client.get(css).data))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_committed_chart_links_every_unit_with_a_page_in_under_14_kb(client, lang):
    page = check_page(client, paths(lang)["chart"], lang)
    links = {path for *_, path, _ in drawn(page) if path}
    every_level = expected(client.application, lang, levels=100)
    assert links == {path for *_, path in every_level if path}
    assert weight(client, paths(lang)["chart"]) < MAX_WEIGHT, "HTML and CSS, gzipped"


def test_with_1000_units_the_chart_keeps_to_the_overviews_two_levels(tmp_path):
    content, translations = generate(tmp_path / "large")
    config = build_site(tmp_path / "site", content, translations)
    # The generated catalogs are the committed languages' only.
    client = create_app({**config, "LANGUAGES": DEFAULTS["LANGUAGES"]}).test_client()
    for lang in DEFAULTS["LANGUAGES"]:
        boxes = drawn(check_page(client, paths(lang)["chart"], lang))
        assert len(boxes) <= MAX_BOXES and max(depth for depth, *_ in boxes) == 2
        counted = sum(int(count.split()[0]) for *_, count in boxes if count)
        assert len(boxes) + counted == len(expected(client.application, lang, 3)), (
            "a unit whose units are not drawn says how many"
        )
        assert weight(client, paths(lang)["chart"]) < MAX_WEIGHT


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_overview_links_to_the_chart(client, lang):
    page = check_page(client, paths(lang)["overview"], lang)
    chart = paths(lang)["chart"]
    linked = [a for a in page.one("main").iter("a") if urlsplit(a.get("href")).path == chart]
    assert [text_of(a) for a in linked] == [check_page(client, chart, lang).h1]
