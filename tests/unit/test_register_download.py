"""Downloading the export: against a small HTTP server on 127.0.0.1, in a thread.

Every failure is a RegisterError within seconds and leaves nothing in the cache.
"""

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bzksite.register.download import download
from bzksite.register.records import RegisterError
from bzksite.register.xmlexport import read_register
from tests.register_files import write_export
from tests.unit.register_fixtures import MINISTRY, without_lines

LIMIT = 100_000
TIMEOUT = 0.5
stop = threading.Event()  # set when a test's server goes: slow answers end then


class Handler(BaseHTTPRequestHandler):
    """Answers by path; `server.export` holds the bytes of the good file."""

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1].removesuffix(".xml").replace("-", "_")
        getattr(self, f"send_{name}", self.send_missing)()

    def answer(self, status: int, length: int | None, **headers: str) -> None:
        self.send_response(status)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for header, value in headers.items():
            self.send_header(header, value)
        self.end_headers()

    def send_exportOO(self) -> None:
        self.answer(200, len(self.server.export))
        self.wfile.write(self.server.export)

    def send_missing(self) -> None:
        self.send_error(404)

    def send_failing(self) -> None:
        self.send_error(500)

    def send_large(self) -> None:
        self.answer(200, None)  # no Content-Length: the body ends when the connection does
        for _ in range(40):
            self.wfile.write(b"x" * 10_000)

    def send_declared_large(self) -> None:
        self.answer(200, 10**9)
        self.wfile.write(b"<")

    def send_slow(self) -> None:
        self.answer(200, 1000)
        for _ in range(1000):
            self.wfile.write(b"x")
            self.wfile.flush()
            if stop.wait(0.05):
                return

    def send_silent(self) -> None:
        stop.wait(10)

    def send_broken(self) -> None:
        self.answer(200, 1000)
        self.wfile.write(b"x" * 500)

    def send_to_ftp(self) -> None:
        self.answer(302, 0, Location="ftp://127.0.0.1:9/exportOO.xml")

    def send_moved(self) -> None:
        self.answer(301, 0, Location="/archive/exportOO.xml")

    def handle_one_request(self) -> None:
        # The client stops reading a body that is too large or too slow, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle_one_request()

    def log_message(self, *arguments: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The base URL of a server serving the made-up MINISTRY as /archive/exportOO.xml."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    httpd.export = write_export(tmp_path / "served.xml", [MINISTRY]).read_bytes()
    stop.clear()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/archive"
    stop.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set in the shell must not come between the tests and their server."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def refused(url: str, cache: Path, timeout: float = TIMEOUT) -> str:
    started = time.monotonic()
    with pytest.raises(RegisterError) as caught:
        download(url, cache, LIMIT, timeout)
    assert time.monotonic() - started < 4 * timeout + 1
    assert not cache.exists() or list(cache.iterdir()) == [], "the cache has leftovers"
    return str(caught.value)


def test_the_file_lands_in_the_cache_under_its_own_name(server: str, tmp_path: Path):
    cache = tmp_path / "cache" / "register"
    path = download(f"{server}/exportOO.xml", cache, LIMIT, TIMEOUT)
    assert path == cache / "exportOO.xml" and list(cache.iterdir()) == [path]
    assert without_lines(read_register(path, MINISTRY.tooi)) == MINISTRY


def test_a_redirect_to_http_is_followed(server: str, tmp_path: Path):
    path = download(f"{server}/moved.xml", tmp_path, LIMIT, TIMEOUT)
    assert path == tmp_path / "moved.xml" and path.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.xml", "the server answered 404 Not Found"),
        ("failing.xml", "the server answered 500 Internal Server Error"),
        ("large.xml", f"the file is over {LIMIT} bytes"),
        ("declared-large.xml", f"the file is over {LIMIT} bytes"),
        ("slow.xml", f"the download took longer than {TIMEOUT:g} s"),
        ("silent.xml", f"no answer within {TIMEOUT:g} s"),
        ("broken.xml", "the connection broke off after 500 of 1000 bytes"),
        ("to-ftp.xml", "redirected to ftp://127.0.0.1:9/exportOO.xml, which is not http or https"),
    ],
)
def test_a_failed_download_leaves_nothing(server: str, tmp_path: Path, name: str, message: str):
    url = f"{server}/{name}"
    assert refused(url, tmp_path / "cache") == f"{url}: {message}"


def test_a_failed_download_leaves_the_earlier_file_alone(server: str, tmp_path: Path):
    earlier = tmp_path / "cache" / "missing.xml"
    earlier.parent.mkdir()
    earlier.write_bytes(b"the earlier download")
    with pytest.raises(RegisterError):
        download(f"{server}/missing.xml", earlier.parent, LIMIT, TIMEOUT)
    assert list(earlier.parent.iterdir()) == [earlier]
    assert earlier.read_bytes() == b"the earlier download"


def test_a_refused_connection(tmp_path: Path):
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/archive/exportOO.xml"
    assert refused(url, tmp_path / "cache").startswith(f"{url}: cannot connect (")


@pytest.mark.parametrize(
    "url",
    ["file:///etc/hostname", "ftp://127.0.0.1/exportOO.xml", "exportOO.xml", "http:///x.xml"],
)
def test_only_http_and_https(tmp_path: Path, url: str):
    cache = tmp_path / "cache"
    assert refused(url, cache) == f"{url}: only http and https URLs can be downloaded"
    assert not cache.exists()


@pytest.mark.parametrize(
    "path", ["", "/", "/archive/", "/archive/..", "/archive/%2E%2E", "/a/%2Fx", "/a/.x.xml"]
)
def test_a_url_that_names_no_file(tmp_path: Path, path: str):
    url = f"http://127.0.0.1{path}"
    assert refused(url, tmp_path) == f"{url}: the URL names no file to keep in the cache"
