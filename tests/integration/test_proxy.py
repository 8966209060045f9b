"""X-Forwarded-Proto and X-Forwarded-For count only from FORWARDED_ALLOW_IPS,
and only together; a bad setting stops the site at start-up."""

import pytest
from flask import request

from bzksite import create_app

FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
CANONICAL = 'rel="canonical" href="{}://localhost/en/"'


def canonical_scheme(client, headers: dict, address: str = "127.0.0.1") -> str:
    response = client.get("/en/", headers=headers, environ_base={"REMOTE_ADDR": address})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    (scheme,) = [s for s in ("http", "https") if CANONICAL.format(s) in page]
    return scheme


def test_the_proxy_on_an_allowed_address_sets_the_scheme(client):
    assert canonical_scheme(client, FORWARDED) == "https"
    assert canonical_scheme(client, {}) == "http", "a page of each scheme, cached apart"


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
def test_forwarding_headers_are_ignored_otherwise(client, headers, address):
    assert canonical_scheme(client, headers, address) == "http"


def test_the_visitor_address_comes_from_the_proxy(app):
    seen = []
    app.before_request(lambda: seen.append(request.remote_addr))
    app.test_client().get("/en/", headers=FORWARDED)
    app.test_client().get("/en/", headers=FORWARDED, environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert seen == ["203.0.113.9", "127.0.0.2"]


def test_a_network_can_be_allowed(site_config):
    client = create_app({**site_config, "FORWARDED_ALLOW_IPS": ["10.0.0.0/8"]}).test_client()
    assert canonical_scheme(client, FORWARDED, "10.1.2.3") == "https"
    assert canonical_scheme(client, FORWARDED, "127.0.0.1") == "http"


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
