"""The header's search button on the blue header: keyboard focus draws a
yellow outline on the blue around it, at least 2 px wide and 3:1 against the
header it replaces (WCAG 1.4.11 and 2.4.13). The white button alone would
show focus only by a dark bar of 1.9:1 against the header."""

import pytest
from selenium.webdriver.common.keys import Keys

from .colours import contrast
from .keyboard import press

pytestmark = pytest.mark.browser

_IS_SEARCH_BUTTON = "return document.activeElement.matches('.site-search button')"
_FOCUS = """
const button = document.activeElement, style = getComputedStyle(button);
return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor,
        getComputedStyle(button.closest('.site-header')).backgroundColor];
"""


@pytest.mark.parametrize("path", ["/nl/", "/en/"])
def test_the_focused_search_button_stands_out_from_the_header(browser, base_url, path):
    browser.get(base_url + path)
    for _ in range(40):
        press(browser, Keys.TAB)
        if browser.execute_script(_IS_SEARCH_BUTTON):
            break
    else:
        pytest.fail("Tab never reached the header's search button")
    style, width, colour, header = browser.execute_script(_FOCUS)
    assert style == "solid" and width >= 2, f"outline {style} {width}px"
    assert contrast(colour, header) >= 3, f"outline {colour} on the header's {header}"
