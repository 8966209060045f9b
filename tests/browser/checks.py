"""What axe cannot see, checked in the browser: each check loads a page and
returns its problems as sentences naming the element, [] when there are none.

language: <html lang> is the URL's language, the switch links carry their
    target's lang and hreflang, Dutch fallback text sits inside lang="nl".
keyboard: see keyboard.py.
reflow: no horizontal scrolling at 320 CSS px.
target_size: every link, button, radio button and checkbox at least 24 by 24 CSS px.
reduced_motion: no running animation when the visitor asks for less motion.
"""

from collections.abc import Sequence
from urllib.parse import urlsplit

from selenium.webdriver.remote.webdriver import WebDriver

from .keyboard import keyboard

MIN_TARGET = 24
NARROW = 320
UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"
# Where to read more about what each check enforces.
HELP = {
    "language": UNDERSTANDING + "language-of-parts.html",
    "keyboard": UNDERSTANDING + "focus-visible.html",
    "reflow": UNDERSTANDING + "reflow.html",
    "target_size": UNDERSTANDING + "target-size-minimum.html",
    "reduced_motion": UNDERSTANDING + "animation-from-interactions.html",
}


def url_language(url: str) -> str:
    return urlsplit(url).path.split("/")[1]


def language(driver: WebDriver, url: str, dutch_texts: Sequence[str] = ()) -> list[str]:
    """`dutch_texts`: Dutch texts whose translation differs, so seeing one on a
    page in another language means a fallback that must be marked lang="nl"."""
    driver.get(url)
    expected = url_language(url)
    problems = []
    html_lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
    if html_lang != expected:
        problems.append(f'<html lang="{html_lang}"> on a page whose URL says {expected!r}')
    links = driver.execute_script(
        "return [...document.querySelectorAll('.language-switch a')].map(a => ({href: a.href,"
        " lang: a.getAttribute('lang'), hreflang: a.getAttribute('hreflang'),"
        " html: a.outerHTML.slice(0, 100)}))"
    )
    if not links:
        problems.append("no link in .language-switch")
    for link in links:
        target = url_language(link["href"])
        if link["lang"] != target or link["hreflang"] != target:
            problems.append(f"switch link without lang and hreflang {target!r}: {link['html']}")
    if expected != "nl" and dutch_texts:
        unmarked = driver.execute_script(
            """
            const texts = arguments[0], found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode, owner = node.parentElement.closest("[lang]");
              if (owner && owner.getAttribute("lang") === "nl") continue;
              for (const text of texts) {
                if (node.textContent.includes(text))
                  found.push(node.parentElement.outerHTML.slice(0, 100));
              }
            }
            return found;
            """,
            [text for text in dutch_texts if len(text) >= 8],
        )
        problems += [f"Dutch text not inside lang=nl: {html}" for html in unmarked]
    return problems


def reflow(driver: WebDriver, url: str) -> list[str]:
    set_viewport(driver, NARROW)
    try:
        driver.get(url)
        width, wide = driver.execute_script(
            "const d = document.documentElement; return [d.scrollWidth,"
            " [...document.body.querySelectorAll('*')]"
            ".filter(e => e.getBoundingClientRect().right > d.clientWidth + 0.5)"
            ".slice(-3).map(e => e.outerHTML.slice(0, 100))]"
        )
        viewport = driver.execute_script("return document.documentElement.clientWidth")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if width > viewport:
        return [f"at {NARROW} CSS px the page is {width} px wide; too wide: {' '.join(wide)}"]
    return []


def target_size(driver: WebDriver, url: str) -> list[str]:
    driver.get(url)
    small = driver.execute_script(
        """
        const min = arguments[0] - 0.01;
        return [...document.querySelectorAll("a[href], button, input[type=submit], "
            + "input[type=button], input[type=reset], input[type=radio], input[type=checkbox]")]
          .map(el => [el, el.getBoundingClientRect()])
          .filter(([el, r]) => r.width > 0 && r.height > 0
                   && getComputedStyle(el).visibility !== "hidden")
          .filter(([el, r]) => r.width < min || r.height < min)
          .map(([el, r]) => `${r.width.toFixed(1)} x ${r.height.toFixed(1)} px: `
                            + el.outerHTML.slice(0, 100));
        """,
        MIN_TARGET,
    )
    return [f"target smaller than {MIN_TARGET} x {MIN_TARGET} CSS px, {text}" for text in small]


def reduced_motion(driver: WebDriver, url: str) -> list[str]:
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )
    try:
        driver.get(url)
        running = driver.execute_script(
            "return document.getAnimations().filter(a => a.playState === 'running')"
            ".map(a => (a.animationName || 'animation') + ' on ' +"
            " (a.effect && a.effect.target ? a.effect.target.outerHTML.slice(0, 100) : '?'))"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return [f"animation runs although reduced motion is asked for: {name}" for name in running]


def set_viewport(driver: WebDriver, width: int, height: int = 800) -> None:
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
