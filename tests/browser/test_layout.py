"""What only a browser can see: reflow at 320 CSS px, and the skip link by keyboard."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.browser.conftest import set_viewport
from tests.pagecheck import SKIP_LINK

pytestmark = pytest.mark.browser


def test_the_sitemap_gives_every_page(page_urls):
    assert len(page_urls) == 16


def test_every_page_reflows_at_320_px_without_horizontal_scrolling(browser, page_urls):
    set_viewport(browser, 320)
    try:
        too_wide = {}
        for url in page_urls:
            browser.get(url)
            assert browser.execute_script("return window.innerWidth") == 320
            width = browser.execute_script("return document.documentElement.scrollWidth")
            viewport = browser.execute_script("return document.documentElement.clientWidth")
            if width > viewport:
                too_wide[url] = width
        assert too_wide == {}
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tab_reaches_the_skip_link_first_and_enter_moves_focus_to_main(browser, live_server, lang):
    browser.get(f"{live_server}/{lang}/")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.switch_to.active_element
    assert focused.text == SKIP_LINK[lang]
    assert focused.is_displayed() and focused.size["height"] >= 24
    unfocused_shadow = browser.execute_script(
        "return getComputedStyle(document.querySelector('.site-name')).boxShadow"
    )
    assert focused.value_of_css_property("box-shadow") != unfocused_shadow
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.switch_to.active_element.get_attribute("id") == "content"


def test_the_skip_link_is_hidden_until_focused(browser, live_server):
    browser.get(f"{live_server}/en/")
    link = browser.find_element("css selector", ".skip-link")
    assert link.location["x"] < 0, "off screen before it has focus"
