"""SITE_URL: a scheme and a host, checked at start-up."""

import pytest

from bzksite.site_address import checked


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://organisatie.example.nl", "https://organisatie.example.nl"),
        ("https://organisatie.example.nl/", "https://organisatie.example.nl"),
        ("http://127.0.0.1:8011", "http://127.0.0.1:8011"),
        ("http://[::1]:8000/", "http://[::1]:8000"),
    ],
)
def test_a_good_address_is_kept_without_its_slash(value, expected):
    assert checked(value, https=False) == expected


@pytest.mark.parametrize(
    ("value", "https", "problem"),
    [
        ('["https://example.nl"]', False, "not an http:// or https:// address"),
        (["https://example.nl"], False, "must be an address like"),
        ("example.nl", False, "not an http:// or https:// address"),
        ("ftp://example.nl", False, "not an http:// or https:// address"),
        ("https://", False, "not an http:// or https:// address"),
        ("https://example.nl:port", False, "has a bad port"),
        ("https://example.nl/organisatie/", False, "scheme and host only"),
        ("https://example.nl/?a=b", False, "scheme and host only"),
        ("https://user@example.nl", False, "scheme and host only"),
        ("http://example.nl", True, "must start with https:// when HTTPS is true"),
    ],
)
def test_a_bad_address_stops_start_up(value, https, problem):
    with pytest.raises(ValueError, match=problem):
        checked(value, https=https)
