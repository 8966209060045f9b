"""HTTP as raw bytes over a socket, for requests no client library will send."""

import re
import socket

HOST = b"Host: 127.0.0.1\r\n"


def raw(port: int, request: bytes, source: str = "127.0.0.1") -> bytes:
    """Send bytes as they are, from the address `source`; the answer, until the
    server closes.

    A server may answer and close before it has read the whole request (a 411
    for a chunked body): sending stops there and the answer is still read, as
    data that arrived before a reset stays readable. A reset with no answer at
    all is raised."""
    reset: OSError | None = None
    address = (source, 0)
    with socket.create_connection(
        ("127.0.0.1", port), timeout=10, source_address=address
    ) as connection:
        try:
            connection.sendall(request)
        except (BrokenPipeError, ConnectionResetError) as error:
            reset = error
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except ConnectionResetError as error:
            reset = error
    if reset and not answer:
        raise reset
    return answer


def read_response(connection: socket.socket, head_only: bool = False) -> tuple[bytes, bytes]:
    """One response from a connection that stays open: its head and its body
    (Content-Length bytes; none for an answer to HEAD)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        assert chunk, f"closed after {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length: *(\d+)\r?$", head)
    assert length, f"no Content-Length in {head!r}"
    wanted = 0 if head_only else int(length[1])
    while len(body) < wanted:
        chunk = connection.recv(65536)
        assert chunk, "closed inside the body"
        body += chunk
    assert len(body) == wanted, f"{len(body) - wanted} bytes more than the response"
    return head, body


def status(answer: bytes) -> int:
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", answer)
    assert match, f"no status line in {answer[:80]!r}"
    return int(match[1])


def get(target: bytes, *headers: bytes, method: bytes = b"GET", body: bytes = b"") -> bytes:
    return b"%s %s HTTP/1.1\r\n%s%sConnection: close\r\n\r\n%s" % (
        method, target, HOST, b"".join(h + b"\r\n" for h in headers), body,
    )  # fmt: skip
