"""Matomo's settings: off unless both are set, and then checked at start-up."""

import pytest

from bzksite import create_app
from bzksite.analytics import Matomo, matomo_from_config


def test_off_unless_configured():
    assert matomo_from_config({}) is None
    assert matomo_from_config({"MATOMO_URL": None, "MATOMO_SITE_ID": None}) is None


@pytest.mark.parametrize(
    ("url", "site_id", "expected"),
    [
        ("https://stats.example.nl/", 3, Matomo("https://stats.example.nl/", 3)),
        ("https://stats.example.nl", "3", Matomo("https://stats.example.nl/", 3)),
        ("https://example.nl/matomo", 12, Matomo("https://example.nl/matomo/", 12)),
        ("https://example.nl:8443/m/", 1, Matomo("https://example.nl:8443/m/", 1)),
    ],
)
def test_the_address_ends_with_a_slash_and_the_id_is_a_number(url, site_id, expected):
    found = matomo_from_config({"MATOMO_URL": url, "MATOMO_SITE_ID": site_id})
    assert found == expected
    assert found.origin == expected.url[: expected.url.index("/", 8)]


@pytest.mark.parametrize(
    ("url", "site_id", "message"),
    [
        ("https://stats.example.nl/", None, "needs both"),
        (None, 3, "needs both"),
        ("http://stats.example.nl/", 3, "must be an https:// address"),
        ("//stats.example.nl/", 3, "must be an https:// address"),
        ("stats.example.nl", 3, "must be an https:// address"),
        ("https:///matomo/", 3, "must be an https:// address"),
        ("https://user:secret@stats.example.nl/", 3, "must be an https:// address"),
        ("https://stats.example.nl;script-src *;/", 3, "must be an https:// address"),
        ("https://stats.example.nl x/", 3, "must be an https:// address"),
        ("https://stats.example.nl:abc/", 3, "must be an https:// address"),
        ("https://stats.example.nl/?x=1", 3, "no query or fragment"),
        ("https://stats.example.nl/#x", 3, "no query or fragment"),
        ("https://stats.example.nl/a;b/", 3, "plain path"),
        ("https://stats.example.nl/", "abc", "whole number"),
        ("https://stats.example.nl/", 0, "whole number"),
        ("https://stats.example.nl/", -2, "whole number"),
        ("https://stats.example.nl/", 1.5, "whole number"),
        ("https://stats.example.nl/", True, "whole number"),
        ("https://stats.example.nl/", "³", "whole number"),
        ("https://stats.example.nl/", "١٢", "whole number"),
        ("https://stats.example.nl/", "03", "whole number"),
    ],
)
def test_a_bad_setting_stops_start_up_with_a_clear_message(url, site_id, message):
    with pytest.raises(ValueError, match=message):
        matomo_from_config({"MATOMO_URL": url, "MATOMO_SITE_ID": site_id})


def test_the_environment_configures_it(site_config, monkeypatch):
    monkeypatch.setenv("BZKSITE_MATOMO_URL", "https://stats.example.nl/")
    monkeypatch.setenv("BZKSITE_MATOMO_SITE_ID", "7")
    app = create_app(site_config)
    assert app.extensions["matomo"] == Matomo("https://stats.example.nl/", 7)
