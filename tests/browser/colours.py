"""What the browser drew in colour, for the chart's tests: each border side
of its boxes and lines, the contrast between two colours (WCAG's formula) and
what a system colour resolves to."""

import re

from selenium.webdriver.remote.webdriver import WebDriver

# Each side drawn of each box and line (the li's ::before and ::after) as
# (where, style, colour); a box must draw all four sides, a line one or two.
_BORDERS = """
const sides = ["Top", "Right", "Bottom", "Left"], found = [];
const add = (el, pseudo) => {
  const s = getComputedStyle(el, pseudo);
  if (s.content === "none" || s.display === "none") return;
  const drawn = sides.filter(side => parseFloat(s[`border${side}Width`]) > 0);
  const where = `${pseudo || "border"} of ${el.outerHTML.slice(0, 80)}`;
  if (!drawn.length || (!pseudo && drawn.length < 4)) found.push([where, "missing", ""]);
  drawn.forEach(side => found.push([where, s[`border${side}Style`], s[`border${side}Color`]]));
};
document.querySelectorAll(".box").forEach(box => add(box, null));
document.querySelectorAll(".chart li li").forEach(li => {
  add(li, "::before");
  add(li, "::after");
});
return found;
"""


def chart_borders(driver: WebDriver) -> list[tuple[str, str, str]]:
    return [tuple(side) for side in driver.execute_script(_BORDERS)]


def system_colour(driver: WebDriver, name: str) -> str:
    """The computed rgb() of a CSS system colour such as CanvasText."""
    return driver.execute_script(
        "const probe = document.body.appendChild(document.createElement('span'));"
        " probe.style.color = arguments[0]; const colour = getComputedStyle(probe).color;"
        " probe.remove(); return colour",
        name,
    )


def _luminance(colour: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """The contrast ratio of two opaque rgb() colours, 1 to 21."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
