"""Error pages: the right status, in the request's language, in the site's layout."""

import pytest

from bzksite import create_app
from tests.languages import unserved
from tests.pagecheck import check_page, parse, text_of


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


def test_untrusted_host_is_a_bad_request(client):
    response = client.get("/nl/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    page = parse("/nl/", response.get_data(as_text=True))
    assert text_of(page.one("h1")) == "Ongeldig verzoek"
    assert "evil.example" not in response.get_data(as_text=True)


def test_missing_trailing_slash_redirects_on_the_site(client):
    response = client.get("/en/organisation/kiem")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/en/organisation/kiem/")


@pytest.mark.parametrize(
    ("path", "headers", "varies"),
    [
        (f"/{OTHER}/", {"Accept-Language": "en"}, True),
        ("/", {"Host": "evil.example", "Accept-Language": "en"}, True),
        ("/nl/", {"Host": "evil.example", "Accept-Language": "en"}, False),
        ("/nl/bestaat-niet/", {"Accept-Language": "en"}, False),
    ],
)
def test_error_pages_in_the_browsers_language_vary_on_it(client, path, headers, varies):
    response = client.get(path, headers=headers)
    assert response.status_code in (400, 404)
    assert ("Accept-Language" in response.vary) is varies
