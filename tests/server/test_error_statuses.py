"""Every error status the site gives, from a real granian over raw sockets:
from the site's own host each is the error page with the security headers;
from a host it does not serve each is the plain 400, never a 5xx, whatever
else is wrong with the request (a chunked body, a body too large or too
slow, a database that cannot be read)."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.server.conftest import Server, start, stop
from tests.server.rawhttp import HOST, get, raw, status

FORM = (b"Content-Type: application/x-www-form-urlencoded",)


def form(body: bytes, *headers: bytes, length: int | None = None) -> bytes:
    size = b"Content-Length: %d" % (len(body) if length is None else length)
    return get(b"/nl/cookies/", *FORM, size, *headers, method=b"POST", body=body)


CHUNKED = b"Transfer-Encoding: chunked"
REQUESTS = {
    400: form(b"analytics=maybe&return=/nl/"),
    403: form(b"analytics=no", b"Sec-Fetch-Site: cross-site", b"Origin: https://evil.example"),
    404: get(b"/nl/bestaat-niet/"),
    405: get(b"/nl/", method=b"DELETE"),
    408: form(b"analytics=n", length=100),  # the rest never comes
    411: get(b"/nl/cookies/", *FORM, CHUNKED, method=b"POST", body=b"5\r\nanaly\r\n0\r\n\r\n"),
    413: form(b"a" * 100_000),
}
UNTRUSTED = b"Host: evil.example:8080\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("statuses")
    running = start(folder, {**build_site(folder), "BODY_TIMEOUT": 2})
    try:
        yield running
    finally:
        stop(running.process)


def assert_headed(answer: bytes) -> None:
    head = answer.partition(b"\r\n\r\n")[0].lower()
    assert b"content-security-policy: default-src 'none'" in head
    assert b"x-content-type-options: nosniff" in head


@pytest.mark.parametrize("code", REQUESTS)
def test_each_error_is_the_page_from_the_sites_host(server, code):
    answer = raw(server.port, REQUESTS[code])
    assert status(answer) == code
    assert_headed(answer)
    assert b"<h1>" in answer and b"</html>" in answer


@pytest.mark.parametrize("code", REQUESTS)
def test_each_error_is_a_plain_400_from_another_host(server, code):
    answer = raw(server.port, REQUESTS[code].replace(HOST, UNTRUSTED))
    assert status(answer) == 400
    assert_headed(answer)
    assert b"this site does not answer to this host name" in answer
    assert b"evil.example" not in answer.partition(b"\r\n\r\n")[2]


def test_a_chunked_post_to_a_page_from_another_host_is_a_plain_400(server):
    """It was a 500: the 411 came before Flask had a URL adapter for the error page."""
    request = get(b"/nl/", CHUNKED, method=b"POST", body=b"5\r\nanaly\r\n0\r\n\r\n")
    assert status(raw(server.port, request)) == 411
    assert status(raw(server.port, request.replace(HOST, UNTRUSTED))) == 400


def test_a_database_that_cannot_be_read_is_503_or_the_plain_400(server):
    database = Path(server.config["DATABASE"])
    kept = database.with_name("kept.db")
    os.replace(database, kept)
    try:
        answer = raw(server.port, get(b"/nl/zoeken/?q=europa"))
        assert status(answer) == 503 and b"retry-after: 60" in answer.lower()
        assert_headed(answer)
        untrusted = raw(server.port, get(b"/nl/zoeken/?q=europa").replace(HOST, UNTRUSTED))
        assert status(untrusted) == 400
    finally:
        os.replace(kept, database)
    assert status(raw(server.port, get(b"/nl/zoeken/?q=europa"))) == 200
    assert "Traceback" not in server.log_text()
