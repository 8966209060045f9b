"""Every response carries the security headers; nothing inline is needed."""

import pytest

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
