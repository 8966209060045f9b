"""How the API answers: kept and validated like pages (ETag, 304s), JSON for
every address under /api/ (errors and unknown addresses too, also from the
page cache's not-found fast path), CORS for GET and HEAD and nothing else,
and the Accept header ignored."""

import pytest
from flask import request

from bzksite import create_app, errors
from bzksite.queries import export
from tests.apicheck import check_json, get_json

ORGANISATION = "/api/v1/organisation.json"
DOCUMENTS = [ORGANISATION, "/api/v1/units/kiem.json", "/api/v1/units/bzk.json"]


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Every read of the whole organisation."""
    done: list[str] = []
    real = export.organisation

    def counting(db, languages):
        done.append(request.path)
        return real(db, languages)

    monkeypatch.setattr(export, "organisation", counting)
    return done


@pytest.fixture
def json_errors(monkeypatch) -> list[str]:
    """Every JSON error answer made, by the path of its request."""
    made: list[str] = []
    real = errors.error_response

    def counting(error):
        made.append(request.path)
        return real(error)

    monkeypatch.setattr(errors, "error_response", counting)
    return made


@pytest.mark.parametrize("path", DOCUMENTS)
def test_a_document_is_kept_and_validated_like_a_page(client, path):
    first = client.get(path)
    check_json(first, "organisation" if path == ORGANISATION else "unit")
    assert first.headers["Cache-Control"] == "public, no-cache"
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Access-Control-Allow-Origin"] == "*"
    head = client.head(path)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == first.headers["ETag"]
    assert head.headers["Access-Control-Allow-Origin"] == "*"


def test_a_worker_builds_a_document_once(client, reads):
    first, second = client.get(ORGANISATION), client.get(ORGANISATION)
    assert reads == [ORGANISATION] and first.data == second.data


@pytest.mark.parametrize(
    "path",
    ["/api", "/api/", "/api/v1/", "/api/v2/organisation.json", "/api/v0/units/kiem.json",
     "/api/v1/units/", "/api/v1/units/KIEM.json", "/api/v1/units/kiem", "/api/v1/units/kiem.xml",
     "/api/v1/units/kiem.json/", "/api/v1/organisation.json/", "/api/v1/organisation",
     "/api/v1/units/nope.json", "/api/v1/units/kiem.json.json", "/api/v1/organisation.xml"],
)  # fmt: skip
def test_an_address_without_a_document_is_a_json_404(client, path):
    response = client.get(path, headers={"Accept": "text/html"})
    check_json(response, "error", 404)
    assert "Accept-Language" not in response.headers.get("Vary", "")


def test_the_not_found_fast_path_keeps_json_and_html_apart(client, json_errors):
    assert client.get("/nl/bestaat-niet/").mimetype == "text/html"
    check_json(client.get("/api/bestaat-niet"), "error", 404)
    check_json(client.get("/api/v1/units/nope.json"), "error", 404)
    check_json(client.get("/api/v1/units/other.json"), "error", 404)
    assert client.head("/api/v1/units/nope.json").status_code == 404
    assert json_errors == ["/api/bestaat-niet"], "one JSON not-found answer, kept"
    assert client.get("/nl/ook-niet/").mimetype == "text/html"
    assert client.get("/xmlrpc.php", headers={"Accept-Language": "nl"}).mimetype == "text/html"
    get_json(client, "/api/v1/units/kiem.json", "unit")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
@pytest.mark.parametrize("path", [*DOCUMENTS, "/api/v1/organisation.csv"])
def test_only_get_and_head_are_answered(client, method, path):
    response = client.open(path, method=method, headers={"Origin": "https://example.org"})
    check_json(response, "error", 405)
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD"}


@pytest.mark.parametrize("path", [*DOCUMENTS, "/api/v1/organisation.csv", "/api/nope"])
def test_cors_opens_reading_and_nothing_else(client, path):
    response = client.get(path, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    opened = [name for name, _ in response.headers.items() if name.lower().startswith("access-")]
    assert opened == ["Access-Control-Allow-Origin"]
    assert "Access-Control-Allow-Origin" not in client.get("/nl/").headers, "pages stay closed"


@pytest.mark.parametrize(
    "accept",
    ["text/html", "application/xml", "image/*;q=0.5", "*/*", "", ";;;q=abc,,", "\x00", "a" * 5000],
)
def test_the_accept_header_is_ignored(client, accept):
    plain = client.get(ORGANISATION)
    response = client.get(ORGANISATION, headers={"Accept": accept})
    check_json(response, "organisation")
    assert response.data == plain.data


def test_an_untrusted_host_gets_a_json_400(client):
    check_json(client.get(ORGANISATION, headers={"Host": "evil.example"}), "error", 400)


def test_an_error_in_the_api_is_a_json_500(site_config):
    app = create_app({**site_config, "PROPAGATE_EXCEPTIONS": False})

    @app.get("/api/v1/broken.json")
    def broken():
        raise RuntimeError("a bug")

    response = app.test_client().get("/api/v1/broken.json")
    document = check_json(response, "error", 500)
    assert "a bug" not in response.text and document["error"]["message"]
