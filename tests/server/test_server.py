"""Against a real granian: malformed requests the test client cannot send get
a clean 4xx, nothing ever a 5xx or a traceback; a database rebuilt under load
fails no request and is served at once; a reload under load starts new
workers and fails no request; keep-alive, HTTP/1.0 and HEAD work; forwarding
headers count only from the proxy's address."""

import re
import shutil
import signal
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from bzksite.store import BuildError, build_database
from bzksite.translate.catalogs import read_messages
from bzksite.translate.compile import write_messages
from tests.conftest import CONTENT, build_site
from tests.server.conftest import start, stop
from tests.server.load import load_in_background
from tests.server.rawhttp import HOST, get, raw, read_response, status

REQUESTS = {
    "bytes that are no UTF-8 in the path": get(b"/nl/\xff\xfe/"),
    "NUL in the path": get(b"/nl/\x00/"),
    "CR in the path": get(b"/nl/\rx/"),
    "encoded CR LF": get(b"/nl/%0d%0aSet-Cookie:%20x=1/"),
    "a request line of 10 KB": get(b"/" + b"a" * 10_000),
    "a header of 10 KB": get(b"/nl/", b"X-Long: " + b"a" * 10_000),
    "200 headers": get(b"/nl/", *(b"X-%d: 1" % n for n in range(200))),
    "NUL in a header": get(b"/nl/", b"X-Bad: a\x00b"),
    "a header without a colon": get(b"/nl/", b"nonsense"),
    "bytes that are no UTF-8 in a header": get(b"/", b"Accept-Language: \xff\xfe"),
    "a broken cookie": get(b"/nl/", b'Cookie: \xff=\xfe; analytics_consent="yes'),
    "an absolute URI for another host": (
        b"GET http://evil.example/nl/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
    ),
    "no Host in HTTP/1.1": b"GET /nl/ HTTP/1.1\r\nConnection: close\r\n\r\n",
    "two Hosts": get(b"/nl/", b"Host: evil.example"),
    "HTTP/0.9": b"GET /nl/\r\n\r\n",
    "an unknown method": get(b"/nl/", method=b"BREW"),
    "a method with a NUL": get(b"/nl/", method=b"G\x00T"),
    "CONNECT": (
        b"CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n"
    ),
    "a negative Content-Length": get(b"/nl/cookies/", b"Content-Length: -1", method=b"POST"),
    "two Content-Lengths": get(
        b"/nl/cookies/", b"Content-Length: 3", b"Content-Length: 4", method=b"POST", body=b"abcd"
    ),
    "a broken chunk": get(
        b"/nl/cookies/", b"Transfer-Encoding: chunked", method=b"POST", body=b"zz\r\n"
    ),
    "a body too large": get(
        b"/nl/cookies/", b"Content-Length: 100000", method=b"POST", body=b"a" * 100_000
    ),
    "a chunked body of 3 MB": get(
        b"/nl/cookies/",
        b"Transfer-Encoding: chunked",
        method=b"POST",
        body=b"".join(b"%x\r\n%s\r\n" % (60000, b"a" * 60000) for _ in range(50)) + b"0\r\n\r\n",
    ),
    "SCRIPT_NAME from a header": get(b"/nl/", b"SCRIPT_NAME: /zz"),
    "garbage forwarding headers": get(
        b"/nl/", b"X-Forwarded-Proto: gopher", b"X-Forwarded-For: ,,,", b"Forwarded: ;;;="
    ),
    "a Range past the end": get(b"/static/site.css", b"Range: bytes=999999-"),
    "a broken If-Modified-Since": get(b"/static/site.css", b"If-Modified-Since: \xff"),
}


@pytest.mark.parametrize("case", REQUESTS, ids=list(REQUESTS))
def test_malformed_requests_get_a_clean_answer(server, case):
    code = status(raw(server.port, REQUESTS[case]))
    assert 200 <= code < 500, f"{case}: {code}"


@pytest.mark.parametrize("case", REQUESTS, ids=list(REQUESTS))
def test_malformed_requests_from_a_strange_host_get_a_clean_answer(server, case):
    """The same, with a Host the site does not serve (test_error_statuses.py has
    one request for each error status)."""
    code = status(raw(server.port, REQUESTS[case].replace(HOST, b"Host: evil.example:81\r\n")))
    assert 200 <= code < 500, f"{case}: {code}"


def test_http2_without_tls_is_closed_without_an_answer(server):
    """The server speaks HTTP/1 only (GRANIAN_HTTP=1), as the proxy does: the
    HTTP/2 preface gets the connection closed, and the next request an answer."""
    assert raw(server.port, PREFACE) == b""
    assert status(raw(server.port, get(b"/nl/"))) == 200


PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def test_a_chunked_body_is_refused_whatever_its_size(server):
    answer = raw(server.port, REQUESTS["a chunked body of 3 MB"])
    assert status(answer) == 411 and b"Set-Cookie" not in answer


def test_headers_cannot_move_the_site_or_poison_its_cache(server):
    for _ in range(3):
        raw(server.port, get(b"/x/en/?utm=1", b"SCRIPT_NAME: /x"))
        raw(server.port, get(b"/en/", b"X-Forwarded-Host: evil.example", b"X-Original-URL: /x/"))
    for _ in range(4):  # whichever worker answers
        page = raw(server.port, get(b"/en/?utm=1"))
        assert status(page) == 200
        assert b'href="/x/' not in page and b"evil.example" not in page


def test_the_log_shows_no_error(server):
    for case in REQUESTS:  # also when this test runs alone
        raw(server.port, REQUESTS[case])
    raw(server.port, PREFACE)
    log = server.log_text()
    assert "Traceback" not in log and "[ERROR]" not in log, log[-3000:]
    assert re.search(r'" 200 ', log), "the access log is on, for this test"
    assert not re.search(r'" 5\d\d ', log), "a 5xx in the access log"


PATHS = ["/nl/", "/en/organisation/kiem/", "/nl/cookies/", "/sitemap.xml"]


def test_rebuilding_the_database_under_load_fails_no_request(server, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    translations, database = Path(server.config["TRANSLATIONS"]), Path(server.config["DATABASE"])
    kiem = content / "units" / "kiem.toml"
    with load_in_background(server.url, PATHS) as load:
        for round_ in range(5):
            kiem.write_text(kiem.read_text().replace("Steur", f"Steur-{round_}", 1))
            build_database(content, translations, database)
            time.sleep(0.2)
    assert not load.failures, load.failures[:5]
    answers = Counter(load.answers)
    assert set(answers) == {200} and sum(answers.values()) > 50, answers
    with urllib.request.urlopen(server.url + "/nl/organisatie/kiem/") as response:
        assert "Steur-4" in response.read().decode(), "the last build is served, no restart"


def test_a_failing_build_stops_the_load(server, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "units" / "kiem.toml").write_text("id = [\n")
    translations = Path(server.config["TRANSLATIONS"])
    with pytest.raises(BuildError), load_in_background(server.url, PATHS) as load:
        assert all(thread.is_alive() for thread in load.threads)
        build_database(content, translations, tmp_path / "site.db")
    assert len(load.threads) == len(PATHS)
    assert not any(thread.is_alive() for thread in load.threads)


def test_a_reload_starts_new_workers_and_fails_no_request(tmp_path):
    """SIGHUP, as systemd's ExecReload sends it, under load from clients that
    keep their connections, as browsers and the proxy do: every worker is
    replaced (each new one started before its old one stops), no request
    fails, and the new workers serve what changed, here the interface text.

    An old worker that stops closes the connections it keeps open, and a
    client sends its request again on a new one (Load.resent). A request on
    a connection of its own that reaches an old worker in the instant it stops
    can be closed unanswered: that is why the proxy keeps its connections
    (see the README's nginx snippet)."""
    config = build_site(tmp_path)
    running = start(tmp_path, config)
    try:
        catalogs = read_messages(Path(config["TRANSLATIONS"]))
        (dutch,) = [catalog for path, catalog in catalogs.items() if path.parts[-3] == "nl"]
        before = workers(running.process.pid)
        assert before, "granian started no worker"
        with load_in_background(running.url, PATHS, keep_alive=True) as load:
            dutch["Skip to content"].string = "Meteen naar de inhoud"
            write_messages(catalogs)
            running.process.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 60
            while (now := workers(running.process.pid)) & before or len(now) < len(before):
                assert time.monotonic() < deadline, f"workers {before} still {now} after 60 s"
                time.sleep(0.1)
            served = page(running.url + "/nl/")
    finally:
        stop(running.process)
    assert not load.failures, load.failures[:5]
    answers = Counter(load.answers)
    assert set(answers) == {200} and sum(answers.values()) > 50, answers
    assert "Meteen naar de inhoud" in served


def workers(pid: int) -> set[int]:
    """The processes `pid` started (Linux: /proc/<pid>/task/*/children)."""
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        children.update(int(child) for child in (task / "children").read_text().split())
    return children


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_a_connection_is_kept_for_the_next_request(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        for path in (b"/nl/", b"/en/organisation/kiem/", b"/sitemap.xml"):
            connection.sendall(b"GET %s HTTP/1.1\r\n%s\r\n" % (path, HOST))
            head, body = read_response(connection)
            assert status(head) == 200 and body, path


def test_http_1_0_gets_its_answer_and_the_connection_closes(server):
    answer = raw(server.port, b"GET /nl/ HTTP/1.0\r\n" + HOST + b"\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert status(head) == 200 and b"</html>" in body


def test_head_gets_the_headers_of_get_without_the_body(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(b"GET /nl/organisatie/kiem/ HTTP/1.1\r\n" + HOST + b"\r\n")
        _, body = read_response(connection)
        connection.sendall(b"HEAD /nl/organisatie/kiem/ HTTP/1.1\r\n" + HOST + b"\r\n")
        head, _ = read_response(connection, head_only=True)
        # The next answer begins right after the head: a HEAD body would be read here.
        connection.sendall(b"GET /robots.txt HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
        after = connection.recv(65536)
    assert status(head) == 200
    assert re.search(rb"(?im)^content-length: *%d\r?$" % len(body), head)
    assert after.startswith(b"HTTP/1.1 200 ")


FORWARDED = (b"X-Forwarded-Proto: https", b"X-Forwarded-For: 203.0.113.9")


def consent_from(origin: bytes, *headers: bytes) -> bytes:
    """The consent form, posted from a page of `origin` by a browser that sends
    no Sec-Fetch-Site: the site compares the origin with its own scheme and host."""
    body = b"analytics=no&return=/en/"
    form = (b"Content-Type: application/x-www-form-urlencoded", b"Content-Length: %d" % len(body))
    return get(b"/en/cookies/", b"Origin: " + origin, *form, *headers, method=b"POST", body=body)


def test_the_proxy_says_the_visitor_came_over_https(server):
    assert status(raw(server.port, consent_from(b"https://127.0.0.1", *FORWARDED))) == 303
    assert status(raw(server.port, consent_from(b"http://127.0.0.1", *FORWARDED))) == 403


def test_forwarding_headers_from_another_address_are_ignored(server):
    answer = raw(server.port, consent_from(b"https://127.0.0.1", *FORWARDED), source="127.0.0.2")
    assert status(answer) == 403
    assert status(raw(server.port, consent_from(b"http://127.0.0.1"), source="127.0.0.2")) == 303


def test_links_start_with_the_site_url_whatever_the_host_and_scheme(server):
    for host in (b"Host: localhost:1234", b"Host: 127.0.0.1:80"):
        page = raw(server.port, get(b"/en/", *FORWARDED).replace(HOST, host + b"\r\n"))
        assert status(page) == 200
        assert b'rel="canonical" href="%s/en/"' % server.url.encode() in page
