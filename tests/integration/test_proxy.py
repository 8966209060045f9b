"""X-Forwarded-Proto and X-Forwarded-For count only from FORWARDED_ALLOW_IPS,
and only together; a bad setting stops the site at start-up. (The scheme
decides whether a form post came from the site itself: consent.py. Links
never depend on it: they start with SITE_URL.)"""

import pytest
from flask import request

from bzksite import create_app

FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}


def seen_by_flask(config: dict, headers: dict, address: str = "127.0.0.1") -> tuple[str, str]:
    """The scheme and the visitor's address as a new site of `config` sees them."""
    app = create_app(config)
    seen = []
    app.before_request(lambda: seen.append((request.scheme, request.remote_addr)))
    # The search page is rendered for every request: the page cache keeps none.
    response = app.test_client().get(
        "/en/search/?q=kiem", headers=headers, environ_base={"REMOTE_ADDR": address}
    )
    assert response.status_code == 200
    (found,) = seen
    return found


def scheme(config: dict, headers: dict, address: str = "127.0.0.1") -> str:
    return seen_by_flask(config, headers, address)[0]


def test_the_proxy_on_an_allowed_address_sets_the_scheme(site_config):
    assert scheme(site_config, FORWARDED) == "https"
    assert scheme(site_config, {}) == "http"


@pytest.mark.parametrize(
    ("headers", "address"),
    [
        (FORWARDED, "127.0.0.2"),
        (FORWARDED, "203.0.113.9"),
        ({"X-Forwarded-Proto": "https"}, "127.0.0.1"),  # without X-Forwarded-For
        ({**FORWARDED, "X-Forwarded-Proto": "gopher"}, "127.0.0.1"),
        ({**FORWARDED, "X-Forwarded-Proto": "HTTPS, http"}, "127.0.0.1"),
        ({**FORWARDED, "X-Forwarded-For": ""}, "127.0.0.1"),
    ],
    ids=["another address", "the visitor", "no X-Forwarded-For", "no scheme", "two", "empty"],
)
def test_forwarding_headers_are_ignored_otherwise(site_config, headers, address):
    assert scheme(site_config, headers, address) == "http"


def test_the_visitor_address_comes_from_the_proxy(site_config):
    assert seen_by_flask(site_config, FORWARDED)[1] == "203.0.113.9"
    assert seen_by_flask(site_config, FORWARDED, "127.0.0.2")[1] == "127.0.0.2"


def test_no_link_follows_the_forwarded_scheme(client):
    page = client.get("/en/", headers=FORWARDED).get_data(as_text=True)
    assert 'rel="canonical" href="http://localhost/en/"' in page


def test_a_network_can_be_allowed(site_config):
    config = {**site_config, "FORWARDED_ALLOW_IPS": ["10.0.0.0/8"]}
    assert scheme(config, FORWARDED, "10.1.2.3") == "https"
    assert scheme(config, FORWARDED, "127.0.0.1") == "http"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("127.0.0.1", "must be a JSON list"),
        ('"127.0.0.1"', "must be a JSON list"),
        ('["proxy.example"]', "'proxy.example' is not an IP address or network"),
        ('["*"]', "'\\*' is not an IP address or network"),
        ('["10.0.0.1/8"]', "'10.0.0.1/8' is not an IP address or network"),
    ],
)
def test_a_bad_list_stops_start_up(site_config, monkeypatch, value, message):
    monkeypatch.setenv("BZKSITE_FORWARDED_ALLOW_IPS", value)
    with pytest.raises(ValueError, match=message):
        create_app(site_config)
