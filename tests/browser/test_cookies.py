"""The cookie banner in a real browser: keyboard only, focus after a choice,
without JavaScript, axe in every state, and Matomo's tracker under the CSP."""

import re
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from . import exceptions
from .axe import PinnedAxe, describe
from .conftest import serve
from .keyboard import focused, mark_stops, press
from .report import simplify

pytestmark = pytest.mark.browser

PAGE = {"nl": "/nl/organisatie/kiem/", "en": "/en/organisation/kiem/"}
OTHER_PAGE = {"nl": "/nl/privacy/", "en": "/en/privacy/"}
SETTINGS = {"nl": "/nl/cookies/", "en": "/en/cookies/"}
BUTTONS = {"nl": ["Accepteren", "Weigeren"], "en": ["Accept", "Reject"]}
SETTINGS_LINK = {"nl": "Cookie-instellingen", "en": "Cookie settings"}
SAID = {
    ("nl", "yes"): "U hebt analytische cookies geaccepteerd.",
    ("nl", "no"): "U hebt analytische cookies geweigerd.",
    ("en", "yes"): "You have accepted analytics cookies.",
    ("en", "no"): "You have rejected analytics cookies.",
}
MATOMO = "https://matomo.invalid/"


@pytest.fixture
def visitor(browser) -> Iterator:
    """The shared browser as a new visitor: no cookies before or after (cookies
    ignore ports, so a choice here would hide the banner from every other test)."""
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    yield browser
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def wait_for_confirmation(driver) -> None:
    WebDriverWait(driver, 10).until(lambda d: "?cookies=saved" in d.current_url)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def console_until(driver, found, timeout: float = 5) -> list[dict]:
    """The browser console's entries, read until one is `found` (or time runs out)."""
    seen: list[dict] = []

    def check(driver) -> bool:
        seen.extend(driver.get_log("browser"))  # get_log empties the console
        return any(found(entry) for entry in seen)

    WebDriverWait(driver, timeout).until(check, f"not in the console: {seen}")
    return seen


def banners(driver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, ".cookie-banner")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tab_reaches_the_banners_buttons_first_then_the_skip_link(visitor, base_url, lang):
    visitor.get(base_url + PAGE[lang])
    mark_stops(visitor)
    stops, texts = [], []
    for _ in range(4):
        press(visitor, Keys.TAB)
        stops.append(focused(visitor))
        texts.append(visitor.switch_to.active_element.text)
    assert [stop["tag"] for stop in stops] == ["button", "button", "a", "a"]
    assert texts[:3] == [*BUTTONS[lang], SETTINGS_LINK[lang]]
    assert [stop["inBanner"] for stop in stops] == [True, True, True, False]
    assert stops[3]["href"] == "#content", "the skip link comes right after the banner"
    assert all(stop["visible"] for stop in stops), [s["html"] for s in stops if not s["visible"]]


@pytest.mark.parametrize(("lang", "choice", "tabs"), [("nl", "yes", 1), ("en", "no", 2)])
def test_choosing_with_the_keyboard_focuses_the_confirmation(visitor, base_url, lang, choice, tabs):
    visitor.get(base_url + PAGE[lang])
    for _ in range(tabs):
        press(visitor, Keys.TAB)
    press(visitor, Keys.ENTER)
    wait_for_confirmation(visitor)
    assert visitor.current_url.startswith(base_url + PAGE[lang]), "back on the same page"
    active = visitor.execute_script("return document.activeElement")
    assert active.get_attribute("id") == "cookie-confirmation"
    assert SAID[lang, choice] in active.text
    assert visitor.execute_script("return window.scrollY") == 0, "the confirmation is in view"

    visitor.get(base_url + OTHER_PAGE[lang])
    assert banners(visitor) == [], "no banner after a choice"
    mark_stops(visitor)
    press(visitor, Keys.TAB)
    assert focused(visitor)["href"] == "#content"


def test_without_javascript_a_visitor_chooses_and_changes_the_choice(visitor, base_url):
    visitor.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    visitor.get(base_url + PAGE["en"])
    visitor.find_element(By.CSS_SELECTOR, ".cookie-banner button[value=no]").click()
    wait_for_confirmation(visitor)
    assert SAID["en", "no"] in banners(visitor)[0].text
    visitor.get(base_url + OTHER_PAGE["en"])
    assert banners(visitor) == []

    visitor.get(base_url + SETTINGS["en"])
    assert visitor.find_element(By.ID, "analytics-no").is_selected()
    visitor.find_element(By.CSS_SELECTOR, "label[for=analytics-yes]").click()
    visitor.find_element(By.CSS_SELECTOR, ".cookie-form button").click()
    wait_for_confirmation(visitor)
    assert visitor.current_url.startswith(base_url + SETTINGS["en"])
    assert SAID["en", "yes"] in banners(visitor)[0].text
    assert visitor.find_element(By.ID, "analytics-yes").is_selected()
    cookie = visitor.get_cookie("analytics_consent")
    assert cookie["value"] == "yes" and cookie["httpOnly"] and cookie["sameSite"] == "Lax"


def axe_problems(driver, url: str, path: str, accepted) -> list[str]:
    results = PinnedAxe(driver).run()
    violations = exceptions.unexcused(simplify(results["violations"]), path, accepted)
    return describe(url, violations)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_passes_in_every_state_of_the_banner(visitor, base_url, lang):
    accepted = exceptions.load()
    problems = []
    visitor.get(base_url + PAGE[lang])
    assert banners(visitor), "the banner is shown"
    problems += axe_problems(visitor, visitor.current_url, PAGE[lang], accepted)

    visitor.find_element(By.CSS_SELECTOR, ".cookie-banner button[value=yes]").click()
    wait_for_confirmation(visitor)
    problems += axe_problems(visitor, visitor.current_url, PAGE[lang], accepted)

    visitor.get(base_url + OTHER_PAGE[lang])
    assert banners(visitor) == []
    problems += axe_problems(visitor, visitor.current_url, OTHER_PAGE[lang], accepted)

    visitor.get(base_url + SETTINGS[lang])
    visitor.find_element(By.CSS_SELECTOR, ".cookie-form button").click()
    wait_for_confirmation(visitor)
    problems += axe_problems(visitor, visitor.current_url, SETTINGS[lang], accepted)
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def matomo_site(site_config) -> Iterator[str]:
    with serve({**site_config, "MATOMO_URL": MATOMO, "MATOMO_SITE_ID": 5}) as url:
        yield url


def test_after_a_yes_the_tracker_loads_matomo_and_the_csp_allows_only_its_origin(
    visitor, matomo_site
):
    visitor.get(matomo_site + "/nl/")
    visitor.get_log("browser")  # start with an empty console
    assert visitor.execute_script("return typeof window._paq") == "undefined", "no tracker yet"
    visitor.find_element(By.CSS_SELECTOR, ".cookie-banner button[value=yes]").click()
    wait_for_confirmation(visitor)
    # The page's JSON-LD block is a script element without a source: data, never run.
    loaded = "return [...document.scripts].filter(s => s.src).map(s => s.src)"
    scripts = visitor.execute_script(loaded)
    assert len(scripts) == 2 and scripts[1] == f"{MATOMO}matomo.js"
    assert re.fullmatch(rf"{matomo_site}/static/analytics\.[0-9a-f]{{10}}\.js", scripts[0])
    commands = dict(visitor.execute_script("return window._paq.map(c => [c[0], c[1] ?? null])"))
    assert commands["setSiteId"] == "5"
    assert commands["setTrackerUrl"] == f"{MATOMO}matomo.php"
    assert "trackPageView" in commands
    # matomo.invalid does not resolve: the browser tried, so the CSP let it.
    console = console_until(visitor, lambda entry: "matomo.invalid/matomo.js" in entry["message"])
    assert [entry for entry in console if entry["source"] == "security"] == [], console

    # The policy still stops every other origin, and says so where we look.
    visitor.execute_script("fetch('https://elsewhere.invalid/').catch(() => {})")
    console_until(
        visitor,
        lambda entry: entry["source"] == "security" and "elsewhere.invalid" in entry["message"],
    )


def test_after_a_no_nothing_loads_from_matomo(visitor, matomo_site):
    visitor.get(matomo_site + "/en/")
    visitor.find_element(By.CSS_SELECTOR, ".cookie-banner button[value=no]").click()
    wait_for_confirmation(visitor)
    visitor.get(matomo_site + "/en/privacy/")
    assert visitor.execute_script("return [...document.scripts].filter(s => s.src)") == []
    kinds = visitor.execute_script("return [...document.scripts].map(s => s.type)")
    assert kinds == ["application/ld+json"], "only the page's data block"
    assert visitor.execute_script("return typeof window._paq") == "undefined"
    assert [c["name"] for c in visitor.get_cookies()] == ["analytics_consent"]
