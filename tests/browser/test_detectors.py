"""The suite is no no-op: every seeded defect is reported by the detector
meant for it, the clean page passes them all, and an axe that did not run as
pinned is an error, never a pass."""

from pathlib import Path

import pytest

from . import checks
from .axe import AxeError, PinnedAxe
from .conftest import serve
from .defects import DEFECTS, FALLBACK, bp, fixture_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fixture_server(site_config):
    with serve(site_config, lambda app: app.register_blueprint(bp)) as url:
        yield url


def run_detector(browser, url: str, detector: str) -> list[str]:
    """What one detector reports on a page: axe rule ids, or a check's problems."""
    if detector == "axe":
        browser.get(url)
        return [rule["id"] for rule in PinnedAxe(browser).run()["violations"]]
    if detector == "language":
        return checks.language(browser, url, [FALLBACK])
    return checks.CHECKS[detector](browser, url)


@pytest.mark.parametrize("defect", DEFECTS)
def test_each_defect_is_reported_by_its_detector(browser, fixture_server, defect):
    detector, expected = DEFECTS[defect]
    found = run_detector(browser, fixture_server + fixture_path(defect), detector)
    if detector == "axe":
        assert expected in found, f"axe missed {defect}: reported {found}"
    else:
        assert any(expected in problem for problem in found), f"{detector} missed {defect}: {found}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("detector", ["axe", *checks.CHECKS])
def test_the_clean_page_passes_every_detector(browser, fixture_server, lang, detector):
    url = f"{fixture_server}/{lang}/_fixtures/clean/"
    assert run_detector(browser, url, detector) == []


def test_the_clean_page_animates_when_motion_is_welcome(browser, fixture_server):
    """So the reduced-motion check passes the clean page because the emulation works."""
    browser.get(f"{fixture_server}/nl/_fixtures/clean/")
    running = "return document.getAnimations().filter(a => a.playState === 'running').length"
    assert browser.execute_script(running) == 1


def test_a_wrong_axe_script_path_is_an_error(browser):
    with pytest.raises(AxeError, match="missing"):
        PinnedAxe(browser, script=Path("node_modules/axe-core/axe.mistyped.js"))


FAKE_AXE = {
    "nothing": ("/* defines no axe */", "axe is not defined"),
    "old engine": (
        "window.axe = {version: '3.1.1', run: () => Promise.resolve({passes: [{}]})};",
        "axe-core 3.1.1 ran",
    ),
    "no passes": (
        "window.axe = {version: '%s', run: () => Promise.resolve({passes: [],"
        " violations: [], incomplete: []})};",
        "no passing rule",
    ),
    "rejected": (
        "window.axe = {version: '%s', run: () => Promise.reject(new Error('broken'))};",
        "broken",
    ),
}


@pytest.mark.parametrize("case", FAKE_AXE)
def test_an_axe_that_did_not_really_run_is_an_error(browser, fixture_server, tmp_path, case):
    script, message = FAKE_AXE[case]
    pinned = PinnedAxe(browser).version
    fake = tmp_path / "axe.js"
    fake.write_text(script.replace("%s", pinned))
    browser.get(f"{fixture_server}/nl/_fixtures/clean/")
    with pytest.raises(AxeError, match=message):
        PinnedAxe(browser, script=fake).run()
