"""Every response carries the security headers; nothing inline is needed."""

from datetime import UTC, datetime, timedelta

import pytest

from bzksite import create_app
from bzksite.security import HEADERS


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/nl/", 200),
        ("/en/organisation/kiem/", 200),
        ("/", 302),
        ("/nl/bestaat-niet/", 404),
        ("/sitemap.xml", 200),
        ("/static/site.css", 200),
    ],
)
def test_headers_on_every_response(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    for name, value in HEADERS.items():
        assert response.headers[name] == value, name


def test_policy_allows_no_script_and_only_own_styles(client):
    policy = client.get("/nl/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == "'self'"
    assert "script-src" not in directives
    assert directives["frame-ancestors"] == "'none'"


def test_no_session_cookie(client):
    for path in ("/", "/nl/", "/en/privacy/", "/nl/bestaat-niet/"):
        assert "Set-Cookie" not in client.get(path).headers


def directives_of(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {name: sources for name, *sources in (p.split() for p in policy.split(";"))}


MATOMO = {"MATOMO_URL": "https://stats.example.nl/", "MATOMO_SITE_ID": 3}


@pytest.mark.parametrize("matomo", [False, True], ids=["without Matomo", "with Matomo"])
@pytest.mark.parametrize("path", ["/nl/", "/en/cookies/", "/nl/bestaat-niet/", "/robots.txt"])
def test_the_headers_pass_the_observatory_rules_that_need_no_https(site_config, path, matomo):
    """After the MDN HTTP Observatory's tests: CSP, clickjacking, MIME sniffing,
    referrer, CORP, CORS; HSTS, redirection and cookie flags need HTTPS."""
    client = create_app({**site_config, **(MATOMO if matomo else {})}).test_client()
    client.set_cookie("analytics_consent", "yes")
    response = client.get(path)
    found = directives_of(response)
    assert found["default-src"] == ["'none'"]
    every_source = {source for sources in found.values() for source in sources}
    assert not every_source & {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"}
    assert found["frame-ancestors"] == ["'none'"] and found["base-uri"] == ["'none'"]
    assert found["form-action"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"no-referrer", "same-origin", "strict-origin"}
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_strict_transport_security_only_when_behind_https(site_config):
    plain = create_app(site_config).test_client().get("/nl/")
    assert "Strict-Transport-Security" not in plain.headers
    https = create_app(
        {**site_config, "HTTPS": True, "SITE_URL": "https://localhost"}
    ).test_client()
    response = https.get("/nl/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    choice = https.post("/nl/cookies/", data={"analytics": "no"})  # a proxy that hides https
    assert "Secure" in choice.headers["Set-Cookie"]


def test_security_txt_names_a_contact_and_expires_within_a_year(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    fields = dict(line.split(": ", 1) for line in response.text.splitlines())
    assert fields["Contact"].startswith("https://")
    expires = datetime.fromisoformat(fields["Expires"])
    assert datetime.now(UTC) < expires <= datetime.now(UTC) + timedelta(days=366)
    assert fields["Canonical"] == "http://localhost/.well-known/security.txt"
    assert fields["Preferred-Languages"] == "nl, en"


@pytest.mark.parametrize("method", ["OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"])
@pytest.mark.parametrize("path", ["/nl/", "/en/organisation/kiem/", "/nl/cookies/", "/sitemap.xml"])
def test_only_get_head_and_the_forms_post_are_allowed(client, method, path):
    response = client.open(path, method=method)
    assert response.status_code == 405
    allowed = set(response.headers["Allow"].split(", "))
    assert allowed == ({"GET", "HEAD", "POST"} if path == "/nl/cookies/" else {"GET", "HEAD"})
