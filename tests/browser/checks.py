"""What axe cannot see, checked in the browser: each check loads a page and
returns its problems as sentences, an empty list when there are none.

language: <html lang> is the URL's language, the switch links carry their
    target's lang and hreflang, Dutch fallback text sits inside lang="nl".
keyboard: Tab reaches the skip link first and its focus is visible, Enter
    moves focus to main#content, every Tab stop shows focus, Tab reaches the
    end of the page without a trap, no tabindex above 0.
reflow: no horizontal scrolling at 320 CSS px.
target_size: every link and button at least 24 by 24 CSS px.
reduced_motion: no running animation when the visitor asks for less motion.
"""

from urllib.parse import urlsplit

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

MIN_TARGET = 24
NARROW = 320

# Styles that can show focus; focus is visible when one of them changes.
_FOCUS_STYLES = """
const focusStyle = el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
          s.color, s.textDecorationLine, s.borderColor].join("|");
};
"""
_MARK_FOCUSABLES = (
    _FOCUS_STYLES
    + """
document.activeElement && document.activeElement.blur();
const all = [...document.querySelectorAll(
  "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")];
all.forEach((el, i) => { el.dataset.a11yStop = i; el.dataset.a11yStyle = focusStyle(el); });
return all.length;
"""
)
_FOCUSED = (
    _FOCUS_STYLES
    + """
const el = document.activeElement;
if (!el || el === document.body) return null;
return {stop: el.dataset.a11yStop ?? null, changed: el.dataset.a11yStyle !== focusStyle(el),
        id: el.id, tag: el.tagName.toLowerCase(), text: (el.textContent || "").trim().slice(0, 40),
        href: el.getAttribute("href"), inFooter: !!el.closest("footer")};
"""
)


def url_language(url: str) -> str:
    return urlsplit(url).path.split("/")[1]


def language(driver, url: str, dutch_texts: list[str] = ()) -> list[str]:
    """`dutch_texts`: Dutch texts whose translation differs, so seeing one on a
    page in another language means a fallback that must be marked lang="nl"."""
    driver.get(url)
    expected = url_language(url)
    problems = []
    html_lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
    if html_lang != expected:
        problems.append(f'<html lang="{html_lang}"> on a page whose URL says {expected!r}')
    for link in driver.execute_script(
        "return [...document.querySelectorAll('.language-switch a')].map(a => "
        "({href: a.href, lang: a.getAttribute('lang'), hreflang: a.getAttribute('hreflang')}))"
    ):
        target = url_language(link["href"])
        if link["lang"] != target or link["hreflang"] != target:
            problems.append(
                f"switch link to {link['href']} has lang={link['lang']!r} "
                f"hreflang={link['hreflang']!r}, expected {target!r}"
            )
    if expected != "nl" and dutch_texts:
        unmarked = driver.execute_script(
            """
            const texts = arguments[0], found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode, owner = node.parentElement.closest("[lang]");
              const lang = owner ? owner.getAttribute("lang") : null;
              for (const text of texts) {
                if (node.textContent.includes(text) && lang !== "nl") found.push(text);
              }
            }
            return found;
            """,
            [text for text in dutch_texts if len(text) >= 8],
        )
        problems += [f"Dutch text not inside lang=nl: {text[:60]!r}" for text in unmarked]
    return problems


def keyboard(driver, url: str) -> list[str]:
    driver.get(url)
    problems = []
    positive = driver.execute_script(
        "return [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0)"
        ".map(e => e.outerHTML.slice(0, 80))"
    )
    problems += [f"tabindex above 0: {html}" for html in positive]
    stops = driver.execute_script(_MARK_FOCUSABLES)
    tab = ActionChains(driver).send_keys(Keys.TAB)
    tab.perform()
    first = driver.execute_script(_FOCUSED)
    if not first or first["tag"] != "a" or not (first["href"] or "").startswith("#"):
        return [*problems, f"the first Tab stop is not a skip link: {first}"]
    if not first["changed"]:
        problems.append(f"focus on the skip link {first['text']!r} is not visible")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    target = driver.execute_script(
        "const el = document.activeElement; return el.tagName.toLowerCase() + '#' + el.id"
    )
    if target != "main#content":
        problems.append(f"Enter on the skip link moves focus to {target}, not main#content")

    driver.get(url)
    driver.execute_script(_MARK_FOCUSABLES)
    seen: list[str] = []
    last_in_footer = False
    for _ in range(stops + 2):
        tab.perform()
        focused = driver.execute_script(_FOCUSED)
        if focused is None:  # past the last stop: focus left the page
            break
        key = focused["stop"] or f"{focused['tag']}#{focused['id']}"
        if key in seen:
            problems.append(f"Tab comes back to {focused['text']!r} before the end of the page")
            break
        seen.append(key)
        if not focused["changed"]:
            problems.append(f"focus on {focused['tag']} {focused['text']!r} is not visible")
        last_in_footer = focused["inFooter"]
    else:
        problems.append("Tab never leaves the page: a keyboard trap")
    if seen and not last_in_footer:
        problems.append("Tab does not reach the footer")
    return problems


def reflow(driver, url: str) -> list[str]:
    set_viewport(driver, NARROW)
    try:
        driver.get(url)
        width, viewport = driver.execute_script(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth]"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if width > viewport:
        return [f"at {NARROW} CSS px the page is {width} px wide: horizontal scrolling"]
    return []


def target_size(driver, url: str) -> list[str]:
    driver.get(url)
    small = driver.execute_script(
        """
        return [...document.querySelectorAll("a[href], button, input[type=submit], "
                                              + "input[type=button], input[type=reset]")]
          .map(el => [el, el.getBoundingClientRect()])
          .filter(([el, r]) => r.width > 0 && r.height > 0
                   && getComputedStyle(el).visibility !== "hidden")
          .filter(([el, r]) => r.width < arguments[0] - 0.01 || r.height < arguments[0] - 0.01)
          .map(([el, r]) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`
                            + ` is ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px`);
        """,
        MIN_TARGET,
    )
    return [f"target smaller than {MIN_TARGET} x {MIN_TARGET} CSS px: {text}" for text in small]


def reduced_motion(driver, url: str) -> list[str]:
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )
    try:
        driver.get(url)
        running = driver.execute_script(
            "return document.getAnimations().filter(a => a.playState === 'running')"
            ".map(a => (a.animationName || a.id || 'animation') + ' on ' +"
            " (a.effect && a.effect.target ? a.effect.target.tagName.toLowerCase() : '?'))"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return [f"animation runs although reduced motion is asked for: {name}" for name in running]


def set_viewport(driver, width: int, height: int = 800) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


CHECKS = {
    "language": language,
    "keyboard": keyboard,
    "reflow": reflow,
    "target_size": target_size,
    "reduced_motion": reduced_motion,
}
