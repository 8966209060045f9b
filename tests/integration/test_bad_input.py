"""What scanners and broken clients send on a public site's first day: every
answer is a clean 2xx, 3xx or 4xx, never a 500; under /api/ a JSON one. The app runs with TESTING,
so an exception in a view would fail the test with its traceback."""

import pytest

from tests.apicheck import check_json

PATHS = [
    "/nl/%00/",
    "/nl/\x00/",
    "/%ff/",
    "/nl/%ff",
    "/nl/organisatie/%ff%fe/",
    "/nl/organisatie/%C3%28/",
    "/..%2f..%2f..%2fetc/passwd",
    "/nl/..%2f..%2fapp.py",
    "/nl/%2e%2e/%2e%2e/",
    "//evil.example/",
    "///evil.example/nl/",
    "/\\evil.example/",
    "/nl//organisatie//kiem/",
    "/nl/organisatie/kiem",
    "/nl/%0d%0aSet-Cookie:%20stolen=1/",
    "/nl/%0aLocation:%20https://evil.example/",
    "/" + "a" * 8000,
    "/nl/organisatie/" + "x" * 5000 + "/",
    "/xx/",
    "/NL/",
    "/nl/organisatie/KIEM/",
    "/nl/organisatie/bzk/",
    "/en/organisatie/kiem/",
    "/nl/organisation/kiem/",
    "/static/",
    "/static/%2e%2e/app.py",
    "/static/..%2fapp.py",
    "/static/site.css/",
    "/static/site.zzzzzzzzzz.css",
    "/.well-known/",
    "/.well-known/security.txt/",
    "/sitemap.xml/",
    "/.env",
    "/.git/config",
    "/wp-login.php",
    "/nl/cookies/?return=//evil.example",
    "/nl/_fixtures/clean/",
    "/index.php?page=../../etc/passwd",
    "/nl/%E2%80%AE/",
    "/nl/<script>alert(1)</script>/",
]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: repr(p[:60]))
def test_odd_paths(client, path):
    response = client.get(path)
    assert 200 <= response.status_code < 500, response.status_code
    location = response.headers.get("Location", "")
    assert not location.startswith(("//", "http://evil", "https://evil")), location
    assert "stolen" not in "".join(response.headers.getlist("Set-Cookie"))


API_PATHS = [
    "/api/v1/units/%00.json",
    "/api/v1/units/\x00.json",
    "/api/v1/units/kiem%00.json",
    "/api/v1/organisation.json%00",
    "/api/v1/units/%ff%fe.json",
    "/api/v1/units/%C3%28.json",
    "/api/%ff/",
    "/api/v1/units/" + "x" * 5000 + ".json",
    "/api/" + "a" * 8000,
    "/api/v1/units/..%2f..%2fapp.py",
    "/api/v1/units/%2e%2e/organisation.json",
    "/api/v1/units/<script>alert(1)</script>.json",
    "/api/%0d%0aSet-Cookie:%20stolen=1/",
    "/api//v1/organisation.json",
    "/api/v1//organisation.json",
    "/api/v1/units/%E2%80%AE.json",
    "/api/V1/organisation.json",
]


@pytest.mark.parametrize("path", API_PATHS, ids=lambda p: repr(p[:60]))
def test_odd_api_paths_get_a_json_404(client, path):
    response = client.get(path)
    check_json(response, "error", 404)
    assert "stolen" not in "".join(response.headers.getlist("Set-Cookie"))


QUERIES = [
    "?a=%ff",
    "?" + "a=1&" * 2000,
    "?cookies=saved&cookies=other",
    "?%00=%00",
    "?cookies[]=saved",
    "?q=" + "%" * 50,
    "?lang=../../etc",
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q[:40]))
@pytest.mark.parametrize(
    "path", ["/nl/", "/en/organisation/kiem/", "/", "/sitemap.xml", "/api/v1/units/kiem.json"]
)
def test_odd_query_strings(client, path, query):
    assert client.get(path + query).status_code < 500


HEADERS = [
    {"Accept-Language": "*;q=abc, ,,;;, nl;q=2, en-US;q=-1"},
    {"Accept-Language": "x" * 10000},
    {"Accept-Language": "\x00\x7f"},
    {"Cookie": "; ;=;==;analytics_consent=\x00"},
    {"Cookie": "a" * 20000},
    {"If-None-Match": 'garbage, "unterminated, W/'},
    {"If-None-Match": "*"},
    {"If-None-Match": '"' + "a" * 5000 + '"'},
    {"If-Modified-Since": "yesterday"},
    {"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
    {"Range": "bytes=abc"},
    {"Range": "bytes=" + ",".join(f"{n}-{n}" for n in range(500))},
    {"Range": "bytes=-0"},
    {"X-Forwarded-For": "not an address, , 999.999.1.1"},
    {"X-Forwarded-Proto": "gopher"},
    {"X-Forwarded-Host": "evil.example"},
    {"Sec-Fetch-Site": "\x00"},
    {"DNT": "1" * 1000},
    {"Content-Type": "multipart/form-data; boundary="},
    {"Content-Length": "-5"},
]


@pytest.mark.parametrize("headers", HEADERS, ids=lambda h: repr(h)[:50])
@pytest.mark.parametrize(
    "path",
    ["/nl/", "/en/cookies/", "/", "/nl/bestaat-niet/", "/static/site.css",
     "/api/v1/organisation.json", "/api/v1/organisation.csv", "/api/v1/units/nope.json"],
)  # fmt: skip
def test_odd_headers(client, path, headers):
    response = client.get(path, headers=headers)
    assert response.status_code < 500
    if "X-Forwarded-Host" in headers:
        assert "evil.example" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "host", ["", "evil.example", "localhost:99999", "local host", "[::1", "a" * 300]
)
def test_a_bad_host_gets_a_400_page_of_its_own(client, host):
    response = client.get("/nl/", headers={"Host": host})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "evil.example" not in html
    assert "<a " not in html, "the bad-host page builds no link: it needs no routing"


@pytest.mark.parametrize(
    "method",
    ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "BREW"],
)
@pytest.mark.parametrize(
    "path",
    ["/", "/nl/", "/nl/cookies/", "/static/site.css", "/nope", "/api/v1/organisation.json",
     "/api/nope"],
)  # fmt: skip
def test_every_method(client, method, path):
    response = client.open(
        path, method=method, data={"analytics": "no"} if method == "POST" else None
    )
    assert response.status_code < 500
    if method not in ("GET", "HEAD") and not (method == "POST" and path == "/nl/cookies/"):
        assert response.status_code in (404, 405), (method, path, response.status_code)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"x" * 17_000, "application/x-www-form-urlencoded"),
        (b"\xff\xfe\x00analytics=yes", "application/x-www-form-urlencoded"),
        (b"analytics=yes&" * 1000, "application/x-www-form-urlencoded"),
        (b'{"analytics": "yes"}', "application/json"),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x"),
        (b"analytics=yes", "text/plain"),
    ],
    ids=["too large", "not UTF-8", "many fields", "JSON", "broken multipart", "text"],
)
def test_odd_bodies_for_the_form(client, body, content_type):
    response = client.post("/nl/cookies/", data=body, content_type=content_type)
    assert response.status_code in (303, 400, 413), response.status_code
    if response.status_code != 303:
        assert "Set-Cookie" not in response.headers
