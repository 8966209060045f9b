"""The keyboard check: Tab reaches the skip link first (after the cookie
banner's controls, when the banner is shown), focus is visible at every Tab
stop, Enter on the skip link moves focus to main#content, Tab reaches the
footer without a trap, and no tabindex is above 0."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

# Focus is visible when the focused element is on screen and its outline (a
# visible one: not none, not 0 wide, not transparent) or box-shadow differs
# from the unfocused state recorded beforehand.
_FOCUS_INDICATOR = """
const indicator = el => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0
    && !/rgba\\(.*,\\s*0\\)$|transparent/.test(s.outlineColor);
  return (outline ? [s.outlineStyle, s.outlineWidth, s.outlineColor].join(" ") : "none")
    + "|" + s.boxShadow;
};
const snippet = el => el.outerHTML.slice(0, 100);
"""
_MARK_STOPS = (
    _FOCUS_INDICATOR
    + """
document.activeElement && document.activeElement.blur();
const stops = [...document.querySelectorAll(
  "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")];
stops.forEach((el, i) => { el.dataset.a11yStop = i; el.dataset.a11yIndicator = indicator(el); });
return stops.length;
"""
)
_FOCUSED = (
    _FOCUS_INDICATOR
    + """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const r = el.getBoundingClientRect();
const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
  && r.left < innerWidth && r.top < innerHeight;
return {stop: el.dataset.a11yStop ?? null, html: snippet(el), id: el.id,
        tag: el.tagName.toLowerCase(), href: el.getAttribute("href"),
        visible: onScreen && el.dataset.a11yIndicator !== indicator(el),
        inFooter: !!el.closest("footer"), inBanner: !!el.closest(".cookie-banner")};
"""
)


def press(driver: WebDriver, key: str) -> None:
    # A new chain each time: perform() empties the chain it ran.
    ActionChains(driver).send_keys(key).perform()


def mark_stops(driver: WebDriver) -> int:
    """Blur, and note every Tab stop's unfocused look; the number of stops."""
    return driver.execute_script(_MARK_STOPS)


def focused(driver: WebDriver) -> dict | None:
    """The focused element (after mark_stops): its stop, tag, id, href, html,
    whether focus on it is visible, and whether it is in the footer or the
    cookie banner; None when nothing in the page has focus."""
    return driver.execute_script(_FOCUSED)


def keyboard(driver: WebDriver, url: str) -> list[str]:
    driver.get(url)
    problems = [
        f"tabindex above 0: {html}"
        for html in driver.execute_script(
            "return [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0)"
            ".map(e => e.outerHTML.slice(0, 100))"
        )
    ]
    stops = mark_stops(driver)
    first = _first_stop_after_banner(driver, stops)
    if not first or first["tag"] != "a" or not (first["href"] or "").startswith("#"):
        html = first["html"] if first else "nothing"
        return [*problems, f"the first Tab stop is not a skip link: {html}"]
    if not first["visible"]:
        problems.append(f"focus on the skip link is not visible: {first['html']}")
    press(driver, Keys.ENTER)
    target = driver.execute_script(
        "const el = document.activeElement; return el.tagName.toLowerCase() + '#' + el.id"
    )
    if target != "main#content":
        problems.append(f"Enter on the skip link moves focus to {target}, not main#content")
    return problems + _tab_through(driver, url, stops)


def _first_stop_after_banner(driver: WebDriver, stops: int) -> dict | None:
    """Press Tab past the cookie banner's controls; the stop after them."""
    for _ in range(stops + 1):
        press(driver, Keys.TAB)
        stop = focused(driver)
        if stop is None or not stop["inBanner"]:
            return stop
    return None


def _tab_through(driver: WebDriver, url: str, stops: int) -> list[str]:
    """Tab from the top of the page until focus leaves it."""
    driver.get(url)
    mark_stops(driver)
    problems, seen, last = [], [], None
    for _ in range(stops + 2):
        press(driver, Keys.TAB)
        stop = focused(driver)
        if stop is None:  # past the last stop: focus left the page
            break
        key = stop["stop"] or stop["html"]
        if key in seen:
            return [*problems, f"Tab comes back to {stop['html']}: a keyboard trap"]
        seen.append(key)
        if not stop["visible"]:
            problems.append(f"focus is not visible on {stop['html']}")
        last = stop
    else:
        return [*problems, "Tab never leaves the page: a keyboard trap"]
    if last is None:
        problems.append("Tab reaches nothing on the page")
    elif not last["inFooter"]:
        problems.append(f"Tab does not reach the footer; the last stop is {last['html']}")
    return problems
