"""Pages are rendered once per worker and then served as bytes; an ETag that
matches costs no rendering; static files have content-hashed names."""

import re
import shutil

import pytest
from flask import request

from bzksite import caching, create_app, errors, views
from bzksite.cookies import CONSENT_COOKIE
from bzksite.static_files import hashed_name
from bzksite.store import build_database
from tests import made_up_site
from tests.conftest import CONTENT, ROOT, build_site
from tests.integration.built import a_unit

PAGE = "/nl/organisatie/kiem/"


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """Every template the views render, in order."""
    rendered: list[str] = []
    real = views.render_template

    def counting(name, **context):
        rendered.append(name)
        return real(name, **context)

    monkeypatch.setattr(views, "render_template", counting)
    return rendered


def test_a_page_carries_an_etag_and_asks_caches_to_check_it(client):
    response = client.get(PAGE)
    assert re.fullmatch(r'"[0-9a-f]{24}"', response.headers["ETag"])
    assert response.headers["Cache-Control"] == "public, no-cache"
    assert "Cookie" in response.headers["Vary"]


def test_a_matching_etag_gets_a_304_without_rendering(client, renders):
    etag = client.get(PAGE).headers["ETag"]
    assert renders == ["unit.html"]
    again = client.get(PAGE, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert again.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert renders == ["unit.html"], "the 304 rendered nothing"


def test_a_worker_renders_a_page_once(client, renders):
    first = client.get(PAGE)
    second = client.get(PAGE)
    head = client.head(PAGE)
    assert renders == ["unit.html"]
    assert second.data == first.data and second.headers["ETag"] == first.headers["ETag"]
    assert head.data == b"" and head.headers["ETag"] == first.headers["ETag"]


@pytest.mark.parametrize(
    ("change", "request_args"),
    [
        ("another page", {"path": "/nl/organisatie/ba/"}),
        ("another language", {"path": "/en/organisation/kiem/"}),
        ("a query", {"path": PAGE + "?cookies=saved"}),
    ],
)
def test_what_changes_the_page_changes_the_etag(client, change, request_args):
    assert client.get(PAGE).headers["ETag"] != client.get(**request_args).headers["ETag"], change


def test_the_host_and_scheme_asked_for_change_nothing(client, renders):
    """Links start with SITE_URL, so a new port per request cannot get past the cache."""
    first = client.get(PAGE)
    for base_url in ("http://127.0.0.1", "https://localhost", "http://localhost"):
        for port in range(5):
            response = client.get(PAGE, base_url=f"{base_url}:{8000 + port}")
            assert response.data == first.data and response.headers["ETag"] == first.headers["ETag"]
    assert renders == ["unit.html"]


def test_the_visitors_choice_changes_the_etag(client):
    etags = set()
    for choice in (None, "yes", "no"):
        if choice:
            client.set_cookie(CONSENT_COOKIE, choice)
        etags.add(client.get(PAGE).headers["ETag"])
    assert len(etags) == 3


def test_a_cached_page_still_gets_the_headers_of_its_request(client):
    client.get(PAGE)
    client.set_cookie("_pk_id.3.a1b2", "x")  # left from an earlier yes: must go
    response = client.get(PAGE)
    assert any(h.startswith("_pk_id.3.a1b2=;") for h in response.headers.getlist("Set-Cookie"))


def test_a_rebuilt_database_is_served_at_once_without_a_restart(tmp_path):
    config = build_site(tmp_path / "site")
    client = create_app(config).test_client()
    before = client.get(PAGE)
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    kiem = content / "units" / "kiem.toml"
    kiem.write_text(kiem.read_text().replace("Dhr. drs. B.F. Steur", "Mw. dr. A. Nieuw"))
    translations = tmp_path / "site" / "translations"
    build_database(content, translations, tmp_path / "site" / "site.db")
    after = client.get(PAGE, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Mw. dr. A. Nieuw" in after.text
    assert after.headers["ETag"] != before.headers["ETag"]


def test_errors_and_the_form_are_not_cached(client, renders):
    for _ in range(2):
        assert "ETag" not in client.get("/nl/bestaat-niet/").headers
    response = client.post("/nl/cookies/", data={"analytics": "no", "return": "/nl/"})
    assert "ETag" not in response.headers and response.headers["Cache-Control"] == "no-store"


def test_static_files_have_content_hashed_names_cached_for_a_year(client):
    html = client.get(PAGE).text
    css = re.search(r'href="(/static/site\.[0-9a-f]{10}\.css)"', html)[1]
    assert css == f"/static/{hashed_name(ROOT / 'bzksite' / 'static' / 'site.css')}"
    response = client.get(css)
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    plain = client.get("/static/site.css")
    assert plain.data == response.data and plain.headers["Cache-Control"] == "public, max-age=3600"
    for missing in ("/static/site.0000000000.css", "/static/nothing.css", "/static/../app.py"):
        assert client.get(missing).status_code == 404, missing


def test_a_hashed_name_follows_the_content(tmp_path):
    file = tmp_path / "site.css"
    file.write_text("a { color: red }")
    first = hashed_name(file)
    file.write_text("a { color: blue }")
    assert re.fullmatch(r"site\.[0-9a-f]{10}\.css", first) and hashed_name(file) != first


MATOMO = {"MATOMO_URL": "https://stats.example.nl/", "MATOMO_SITE_ID": 3}


def test_other_queries_share_the_page(client, renders):
    plain = client.get(PAGE).headers["ETag"]
    assert client.get(PAGE + "?utm_source=x").headers["ETag"] == plain
    assert client.get(PAGE + "?cookies=other").headers["ETag"] == plain
    assert renders == ["unit.html"]


def test_the_settings_page_of_a_browser_that_declines_tracking_is_its_own(site_config):
    """With Matomo on, the settings page tells a DNT or GPC browser that it is
    respected: that page must never reach another visitor, whoever came first."""
    note = "Your browser asks websites not to track you"
    for first, second in (({"Sec-GPC": "1"}, {}), ({}, {"DNT": "1"})):
        client = create_app({**site_config, **MATOMO}).test_client()
        a, b = client.get("/en/cookies/", headers=first), client.get("/en/cookies/", headers=second)
        assert (note in a.text, note in b.text) == (bool(first), bool(second))
        assert a.headers["ETag"] != b.headers["ETag"]


def test_settings_that_change_pages_change_the_etag(site_config):
    plain = create_app(site_config).test_client().get("/en/cookies/").headers["ETag"]
    with_matomo = create_app({**site_config, **MATOMO}).test_client().get("/en/cookies/")
    assert with_matomo.headers["ETag"] != plain


def test_identical_checkouts_give_identical_etags(tmp_path):
    first = create_app(build_site(tmp_path / "one")).test_client().get(PAGE)
    second = create_app(build_site(tmp_path / "two")).test_client().get(PAGE)
    assert first.headers["ETag"] == second.headers["ETag"]


def test_if_none_match_star_is_a_304_for_a_page_that_exists(client):
    assert client.get(PAGE, headers={"If-None-Match": "*"}).status_code == 304
    assert client.get("/nl/bestaat-niet/", headers={"If-None-Match": "*"}).status_code == 404


def test_a_304_carries_the_headers_of_the_page(client):
    page = client.get(PAGE)
    again = client.get(PAGE, headers={"If-None-Match": f'W/{page.headers["ETag"]}, "other"'})
    assert again.status_code == 304
    for name in ("Content-Security-Policy", "X-Frame-Options", "Vary", "ETag", "Cache-Control"):
        assert again.headers[name] == page.headers[name], name


def test_a_tracked_visitor_with_matomo_cookies_is_served_from_the_cache(site_config, renders):
    client = create_app({**site_config, **MATOMO}).test_client()
    client.set_cookie(CONSENT_COOKIE, "yes")
    client.set_cookie("_pk_id.3.a1b2", "x")
    first, second = client.get(PAGE), client.get(PAGE)
    assert renders == ["unit.html"] and second.headers["ETag"] == first.headers["ETag"]
    assert "Set-Cookie" not in second.headers, "a tracked visitor keeps Matomo's cookies"


@pytest.fixture
def error_renders(monkeypatch) -> list[str]:
    """Every error page rendered, by the path of its request."""
    rendered: list[str] = []
    real = errors.render_template

    def counting(name, **context):
        rendered.append(request.path)
        return real(name, **context)

    monkeypatch.setattr(errors, "render_template", counting)
    return rendered


def test_every_address_without_a_page_gets_one_not_found_page(tmp_path, error_renders):
    """Scanners send unknown paths: the not-found page of a language is
    rendered once, whatever the path, and is never kept as a page. A unit
    with nothing but a name (made up: the committed units all have a page)
    has none either."""
    client = create_app(made_up_site.build(tmp_path)).test_client()
    nameonly = a_unit(client.application, "NOT has_page")
    paths = [
        "/nl/bestaat-niet/",
        "/nl/x.php",
        "/nl/organisatie/bestaat-niet/",
        f"/nl/organisatie/{nameonly}/",
    ]
    answers = [client.get(path) for path in paths]
    assert {answer.status_code for answer in answers} == {404}
    assert len({answer.data for answer in answers}) == 1
    assert error_renders == ["/nl/bestaat-niet/"]
    assert client.get("/en/does-not-exist/").status_code == 404
    assert client.head("/en/nothing/").status_code == 404
    assert error_renders == ["/nl/bestaat-niet/", "/en/does-not-exist/"]
    assert client.get(PAGE).status_code == 200, "a unit with a page is no not-found"


def test_a_not_found_page_follows_the_cookie_choice_and_the_browsers_language(
    client, error_renders
):
    assert b"cookie-banner" in client.get("/nl/a/").data
    client.set_cookie(CONSENT_COOKIE, "no")
    assert b"cookie-banner" not in client.get("/nl/b/").data
    dutch = client.get("/wp-login.php", headers={"Accept-Language": "nl"})
    english = client.get("/xmlrpc.php", headers={"Accept-Language": "en-GB,en"})
    assert b'<html lang="nl">' in dutch.data and b'<html lang="en">' in english.data
    assert "Accept-Language" in english.headers["Vary"]
    assert error_renders == ["/nl/a/", "/nl/b/", "/xmlrpc.php"], "the Dutch one was kept"


def test_pages_asked_for_once_do_not_push_out_pages_asked_for_again(
    site_config, monkeypatch, renders
):
    monkeypatch.setattr(caching, "MAX_BYTES", 40_000)  # room for a few pages
    client = create_app(site_config).test_client()
    for _ in range(2):
        client.get(PAGE)
    others = [f"/{lang}/{path}" for lang in ("nl", "en") for path in ("", "privacy/")]
    for path in others:
        client.get(path)
    cache = client.application.extensions["page_cache"]
    assert cache.pages.currsize <= 40_000
    assert renders.count("unit.html") == 1
    client.get(PAGE)
    assert renders.count("unit.html") == 1, "the page asked for twice stayed"
