"""The raw-socket helper against a tiny server that answers before it has read
the request and closes at once, as a server may with a 411 for a chunked body."""

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.server.rawhttp import get, raw, status

# Far more than a socket's send buffer and the peer's receive window hold
# together, so the client is still sending when the server closes.
LARGE = get(b"/", b"Content-Length: 16000000", method=b"POST", body=b"a" * 16_000_000)
LENGTH_REQUIRED = b"HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@contextmanager
def answering_early(answer: bytes) -> Iterator[int]:
    """A server on a free port for one connection: it reads the request line,
    sends `answer` and closes with the rest unread, which resets the connection."""
    errors: list[OSError] = []
    with socket.socket() as listener:
        # A small window: the client cannot get far ahead of what is read.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(10)

        def serve() -> None:
            try:
                connection, _ = listener.accept()
                with connection:
                    connection.settimeout(10)
                    received = b""
                    while b"\r\n" not in received and (chunk := connection.recv(1024)):
                        received += chunk
                    connection.sendall(answer)
            except OSError as error:
                errors.append(error)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        try:
            yield listener.getsockname()[1]
        finally:
            thread.join(timeout=15)
    assert not thread.is_alive() and not errors, errors


def test_an_answer_that_comes_while_the_request_is_being_sent_is_read():
    with answering_early(LENGTH_REQUIRED) as port:
        assert status(raw(port, LARGE)) == 411


def test_a_reset_without_an_answer_is_an_error():
    with answering_early(b"") as port, pytest.raises((ConnectionResetError, BrokenPipeError)):
        raw(port, LARGE)
