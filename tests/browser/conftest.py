"""A live server with the real app on 127.0.0.1, and headless Debian Chromium.

A missing browser fails these tests, never skips them: `make test` installs it.
"""

import threading
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from bzksite import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="session")
def live_server(site_config):
    server = make_server("127.0.0.1", 0, create_app(site_config), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def page_urls(live_server) -> list[str]:
    """Every page the sitemap lists, in every language."""
    with urllib.request.urlopen(f"{live_server}/sitemap.xml") as response:
        urlset = ElementTree.fromstring(response.read())
    return [loc.text for loc in urlset.iter(f"{SITEMAP}loc")]


@pytest.fixture(scope="session")
def browser():
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: run `make browser` (make test does)")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,900",
    ):
        options.add_argument(argument)
    # Naming the driver keeps Selenium Manager from trying to download one.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def set_viewport(driver, width: int, height: int = 800) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
