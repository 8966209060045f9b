"""Error pages: the right status, in the request's language, in the site's layout."""

import pytest
from flask import request
from werkzeug.exceptions import LengthRequired

from bzksite import create_app, errors
from bzksite.errors import render_error
from tests.languages import unserved
from tests.pagecheck import check_page, parse


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/nl/organisatie/bestaat-niet/", "nl", "Pagina niet gevonden"),
        ("/en/organisation/does-not-exist/", "en", "Page not found"),
        ("/nl/bestaat-niet", "nl", "Pagina niet gevonden"),
        ("/en/organisatie/kiem/", "en", "Page not found"),
        ("/nl/organisation/kiem/", "nl", "Pagina niet gevonden"),
        ("/en/organisation/KIEM/", "en", "Page not found"),
    ],
)
def test_not_found_in_the_urls_language(client, path, lang, heading):
    page = check_page(client, path, lang, status=404, twin=False)
    assert page.h1 == heading
    assert page.all("meta", name="robots", content="noindex")


OTHER, ANOTHER = unserved()[:2]


@pytest.mark.parametrize(
    "path", [f"/{OTHER}/", f"/{ANOTHER}/organisation/kiem/", "/NL/", "/nl-nl/"]
)
def test_unknown_language_prefix_is_not_found(client, path):
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404
    page = parse(path, response.get_data(as_text=True))
    assert page.root.get("lang") == "en", "without a language in the URL, the browser's"
    assert page.h1 == "Page not found"


def test_method_not_allowed_keeps_the_allow_header(client):
    response = client.post("/nl/")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    page = parse("/nl/", response.get_data(as_text=True))
    assert page.h1 == "Actie niet toegestaan"
    assert page.root.get("lang") == "nl"


def test_server_error_page_in_the_layout(site_config):
    app = create_app({**site_config, "PROPAGATE_EXCEPTIONS": False})

    @app.get("/en/broken/")
    def broken():
        raise RuntimeError("a bug")

    response = app.test_client().get("/en/broken/")
    assert response.status_code == 500
    page = parse("/en/broken/", response.get_data(as_text=True))
    assert page.h1 == "Something went wrong"
    assert "a bug" not in response.get_data(as_text=True)
    assert page.one("main", id="content") is not None


@pytest.mark.parametrize("method", ["GET", "HEAD", "POST", "PUT", "OPTIONS"])
@pytest.mark.parametrize("path", ["/nl/", "/", "/nl/cookies/", "/static/site.css", "/nope"])
def test_an_untrusted_host_gets_a_plain_400(client, method, path):
    """Before anything can fail for want of a host to link to: no page, no routing."""
    response = client.open(path, method=method, headers={"Host": "evil.example:8080"})
    assert response.status_code == 400
    assert response.mimetype == "text/plain" and response.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    text = response.get_data(as_text=True)
    if method == "HEAD":
        assert text == ""
    else:
        assert "this site does not answer to this host name" in text
        assert "evil.example" not in text


def test_missing_trailing_slash_redirects_on_the_site(client):
    response = client.get("/en/organisation/kiem")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/en/organisation/kiem/")


@pytest.mark.parametrize(
    ("path", "headers", "varies"),
    [
        (f"/{OTHER}/", {"Accept-Language": "en"}, True),
        ("/", {"Host": "evil.example", "Accept-Language": "en"}, False),
        ("/nl/", {"Host": "evil.example", "Accept-Language": "en"}, False),
        ("/nl/bestaat-niet/", {"Accept-Language": "en"}, False),
    ],
)
def test_error_pages_in_the_browsers_language_vary_on_it(client, path, headers, varies):
    response = client.get(path, headers=headers)
    assert response.status_code in (400, 404)
    assert ("Accept-Language" in response.vary) is varies


def test_an_error_page_without_a_url_adapter_is_a_bare_page(app, caplog):
    """What Flask gives an error handler when it could not route the request
    (an untrusted Host that got past hosts.py): no links can be built."""
    with app.test_request_context("/nl/", method="POST", headers={"Host": "evil.example"}):
        assert request.url_rule is None
        page, status, _ = render_error(LengthRequired())
    assert status == 411
    html = parse("/nl/", page)
    assert html.h1 == "Ongeldig verzoek" and "<a " not in page
    assert "could not be rendered" in caplog.text


def test_an_error_page_that_cannot_be_rendered_at_all_is_plain_text(app, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("a broken template")

    monkeypatch.setattr(errors, "render_template", broken)
    response = app.test_client().get("/nl/bestaat-niet/")
    assert response.status_code == 404 and response.mimetype == "text/plain"
    assert response.text == "404 Not Found\n"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert [record.getMessage() for record in caplog.records] == [
        "The error page for 404 could not be rendered; a bare one was sent",
        "The bare error page for 404 could not be rendered either",
    ]
