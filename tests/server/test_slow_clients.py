"""Slow and many clients against a real granian with granian.env and one
worker: a request body has a deadline (a 408 page, then the connection
closes), a body over the limit gets the 413 page rather than a reset, and
visitors are served while slow-body and idle clients hold connections.
Everything is on 127.0.0.1, every wait has a bound."""

import http.client
import resource
import select
import socket
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.conftest import build_site
from tests.server.conftest import Server, start, stop
from tests.server.rawhttp import HOST, status

BODY_TIMEOUT = 2  # seconds, for this server: the site's default is 10
IDLE = 1_100  # more than the 1,024 connections that once filled a worker
PAGE_TEXTS = {408: b"Verzoek duurde te lang", 413: b"Verzoek te groot"}


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("slow-clients")
    running = start(folder, {**build_site(folder), "BODY_TIMEOUT": BODY_TIMEOUT}, "--workers", "1")
    try:
        yield running
    finally:
        stop(running.process)


def form_head(length: int) -> bytes:
    return (
        b"POST /nl/cookies/ HTTP/1.1\r\n" + HOST
        + b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % length
    )  # fmt: skip


def connect(server: Server, first: bytes = b"") -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    if first:
        connection.sendall(first)
    return connection


def until_closed(connection: socket.socket, seconds: float) -> bytes:
    connection.settimeout(seconds)
    answer = b""
    while chunk := connection.recv(65536):
        answer += chunk
    return answer


def visit(server: Server, path: str) -> int:
    with urllib.request.urlopen(server.url + path, timeout=10) as response:
        response.read()
        return response.status


@pytest.fixture
def many_sockets() -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert hard >= IDLE + 200, f"this test needs {IDLE + 200} open files, the limit is {hard}"
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_visitors_are_served_while_slow_bodies_and_idle_connections_wait(one_worker, many_sockets):
    slow = [connect(one_worker, form_head(100) + b"a") for _ in range(8)]
    idle = [connect(one_worker) for _ in range(IDLE)]
    try:
        for path in ("/nl/", "/en/organisation/kiem/", "/nl/zoeken/?q=europa", "/robots.txt"):
            assert visit(one_worker, path) == 200, path
        for connection in slow:
            answer = until_closed(connection, BODY_TIMEOUT + 10)
            assert status(answer) == 408 and PAGE_TEXTS[408] in answer
            assert b"Set-Cookie" not in answer
        assert visit(one_worker, "/nl/") == 200
    finally:
        for connection in slow + idle:
            connection.close()


def test_a_body_that_trickles_in_past_the_deadline_gets_a_408(one_worker):
    connection = connect(one_worker, form_head(1000))
    answer, started = b"", time.monotonic()
    with connection:
        while time.monotonic() - started < BODY_TIMEOUT + 10:
            connection.sendall(b"a")  # a byte every 0.2 s: never a whole body in time
            if select.select([connection], [], [], 0.2)[0]:
                answer = until_closed(connection, 10)
                break
    assert status(answer) == 408 and PAGE_TEXTS[408] in answer


def test_a_body_in_time_is_read(one_worker):
    body = b"analytics=no&return=/nl/"
    connection = connect(one_worker, form_head(len(body)) + body[:5])
    with connection:
        time.sleep(0.5)  # half the body later, well within the deadline
        connection.sendall(body[5:])
        connection.settimeout(10)
        answer = connection.recv(65536)
    assert status(answer) == 303


@pytest.mark.parametrize("size", [100_000, 1_000_000, 8_000_000])
def test_a_large_body_gets_the_413_page_not_a_reset(one_worker, size):
    """http.client sends the whole body before it reads: a server that closed
    with the body unread would reset the connection under it."""
    client = http.client.HTTPConnection("127.0.0.1", one_worker.port, timeout=30)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Host": "127.0.0.1"}
        client.request("POST", "/nl/cookies/", body=b"a" * size, headers=headers)
        response = client.getresponse()
        assert response.status == 413 and PAGE_TEXTS[413] in response.read()
    finally:
        client.close()
