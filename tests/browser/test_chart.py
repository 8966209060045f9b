"""The organisation chart as Chromium draws it: no horizontal scrolling at
320 CSS px (an indented tree there, columns on a wide screen), every box
link reached by Tab with visible focus, borders and lines kept in forced
colours, and on paper the top two levels on one A4 page in landscape. The
units under KIEM are made up for the tests (tests/made_up.py)."""

import base64
import re
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.keys import Keys

from tests.conftest import build_site
from tests.made_up import MADE_UP, deeper_content

from .checks import NARROW, set_viewport
from .colours import chart_borders, contrast, system_colour
from .conftest import serve
from .keyboard import focused, mark_stops, press

pytestmark = pytest.mark.browser

CHART = {"nl": "/nl/organogram/", "en": "/en/organisation-chart/"}
# A long name three levels down: the narrowest box at 320 px.
LONG = {"proef5": ("kiem", "Beleidsondersteuningsafdelingscoördinatie Proef Vijf", None)}
A4_LANDSCAPE = (842, 595)  # PDF points


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("chart")
    content = deeper_content(folder, {**MADE_UP, **LONG})
    with serve(build_site(folder, content=content)) as url:
        yield url


@pytest.fixture
def emulation(browser) -> Iterator:
    """The shared browser, with its emulated media and size undone afterwards."""
    yield browser
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def layout(driver) -> dict:
    return driver.execute_script(
        "const d = document.documentElement, top = document.querySelector('.chart .level-1');"
        " return {scroll: d.scrollWidth, width: d.clientWidth,"
        " display: getComputedStyle(top).display,"
        " columns: getComputedStyle(top).gridTemplateColumns.split(' ').length,"
        " right: Math.max(...[...document.querySelectorAll('.box')]"
        ".map(b => b.getBoundingClientRect().right))}"
    )


@pytest.mark.parametrize("lang", CHART)
def test_at_320_px_the_chart_is_an_indented_tree_without_horizontal_scrolling(
    emulation, site, lang
):
    set_viewport(emulation, NARROW)
    emulation.get(site + CHART[lang])
    found = layout(emulation)
    assert found["scroll"] <= found["width"], f"{found['scroll']} px wide at {NARROW} px"
    assert found["right"] <= found["width"] and found["display"] != "grid"


@pytest.mark.parametrize("lang", CHART)
def test_on_a_wide_screen_the_top_level_stands_in_three_columns(emulation, site, lang):
    set_viewport(emulation, 1280)
    emulation.get(site + CHART[lang])
    found = layout(emulation)
    assert (found["display"], found["columns"], found["scroll"]) == ("grid", 3, found["width"])


@pytest.mark.parametrize("lang", CHART)
def test_tab_reaches_every_box_link_with_visible_focus(browser, site, lang):
    browser.get(site + CHART[lang])
    links = browser.execute_script(
        "return [...document.querySelectorAll('.chart a')].map(a => a.getAttribute('href'))"
    )
    stops = mark_stops(browser)
    reached = []
    for _ in range(stops + 1):
        press(browser, Keys.TAB)
        stop = focused(browser)
        if stop is None or stop["inFooter"]:
            break
        if browser.execute_script("return !!document.activeElement.closest('.chart')"):
            assert stop["visible"], f"focus is not visible on {stop['html']}"
            reached.append(stop["href"])
    assert links and reached == links


def tab_into_chart(driver) -> bool:
    """Press Tab until focus is on a box link; whether it got there."""
    for _ in range(mark_stops(driver)):
        press(driver, Keys.TAB)
        if driver.execute_script("return !!document.activeElement.closest('.chart')"):
            return True
    return False


@pytest.mark.parametrize("width", [NARROW, 1280])
def test_borders_and_lines_keep_3_to_1_against_the_page(emulation, site, width):
    set_viewport(emulation, width)
    emulation.get(site + CHART["nl"])
    page = emulation.execute_script("return getComputedStyle(document.body).backgroundColor")
    borders = chart_borders(emulation)
    weak = [
        where
        for where, style, colour in borders
        if style != "solid" or colour.startswith("rgba") or contrast(colour, page) < 3
    ]
    assert borders and weak == [], weak


def test_forced_colours_keep_every_border_line_and_focus(emulation, site):
    emulation.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "forced-colors", "value": "active"}]},
    )
    emulation.get(site + CHART["en"])
    assert emulation.execute_script("return matchMedia('(forced-colors: active)').matches")
    text = system_colour(emulation, "CanvasText")
    borders = chart_borders(emulation)
    faint = [where for where, style, colour in borders if (style, colour) != ("solid", text)]
    assert borders and faint == [], "not solid in the system's text colour: " + "; ".join(faint)
    assert tab_into_chart(emulation)
    outline = emulation.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]"
    )
    assert outline[:2] == ["solid", 3] and not outline[2].endswith(", 0)"), outline


def test_on_paper_the_top_two_levels_fill_one_a4_page_in_landscape(emulation, site):
    emulation.get(site + CHART["nl"])
    emulation.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    shown = emulation.execute_script(
        "return ['.level-1', '.level-2', '.level-3', '.site-header', '.print-note']"
        ".map(s => getComputedStyle(document.querySelector(s)).display !== 'none')"
    )
    assert shown == [True, True, False, False, True]
    printed = emulation.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    pdf = base64.b64decode(printed["data"])
    assert re.findall(rb"/Count (\d+)", pdf) == [b"1"], "one page"
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert (round(float(box[1])), round(float(box[2]))) == A4_LANDSCAPE
