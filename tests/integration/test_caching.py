"""Pages are rendered once per worker and then served as bytes; an ETag that
matches costs no rendering; static files have content-hashed names."""

import re
import shutil

import pytest

from bzksite import create_app, views
from bzksite.build import build_database
from bzksite.cookies import CONSENT_COOKIE
from bzksite.static_files import hashed_name
from tests.conftest import CONTENT, ROOT, build_site

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
        ("another host", {"path": PAGE, "base_url": "http://127.0.0.1"}),
        ("https", {"path": PAGE, "base_url": "https://localhost"}),
    ],
)
def test_what_changes_the_page_changes_the_etag(client, change, request_args):
    assert client.get(PAGE).headers["ETag"] != client.get(**request_args).headers["ETag"], change


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
