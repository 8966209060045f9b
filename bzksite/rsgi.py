"""The site under granian's RSGI interface: requests arrive whole, so a slow
client never holds the worker's one Python thread.

Under granian's WSGI interface the app reads a request body itself, as
slowly as the client sends it: a few clients sending the consent form a byte
every ten seconds held every worker, and nothing limited how long a body
could take. Here granian's event loop reads the body first, while other
requests are served, within BODY_TIMEOUT seconds and up to
MAX_CONTENT_LENGTH bytes; then the WSGI app gets the whole request.

- A body that does not arrive in time: the app answers 408 (body.py), and the
  connection closes.
- A larger body is read on and dropped, up to DRAIN_LIMIT bytes, so a client
  that is still sending sees the 413 page instead of a reset connection.
"""

import asyncio
import io
import logging
import resource
import sys
from collections.abc import Callable, Iterable

from flask import Flask
from granian.rsgi import HTTPProtocol, Scope

from .body import TIMED_OUT
from .wsgi_answer import whole_answer

log = logging.getLogger(__name__)
DRAIN_LIMIT = 16 * 1024 * 1024
_BASE = {
    "GATEWAY_INTERFACE": "CGI/1.1",
    "SCRIPT_NAME": "",  # the site lives at / (granian's URL prefix is not used)
    "SERVER_SOFTWARE": "granian",
    "wsgi.errors": sys.stderr,
    "wsgi.input_terminated": True,
    "wsgi.multiprocess": True,
    "wsgi.multithread": False,
    "wsgi.run_once": False,
    "wsgi.version": (1, 0),
}
_NAMES = {"content-type": "CONTENT_TYPE", "content-length": "CONTENT_LENGTH"}
_NO_BODY = frozenset({"GET", "HEAD"})


class TooLarge(Exception):
    pass


class Bridge:
    """A WSGI app under RSGI; `headers` go with the plain 500 if the app fails."""

    def __init__(
        self, wsgi: Callable, timeout: float, limit: int, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self.wsgi, self.timeout, self.limit = wsgi, timeout, limit
        self.failure_headers = [("content-type", "text/plain; charset=utf-8"), *headers]

    def __rsgi_init__(self, loop: asyncio.AbstractEventLoop) -> None:
        # Each worker may hold as many connections as the system lets it
        # (GRANIAN_BACKPRESSURE in granian.env), idle ones included.
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    async def __rsgi__(self, scope: Scope, protocol: HTTPProtocol) -> None:
        environ = _environ(scope)
        if scope.method not in _NO_BODY:
            try:
                body = await asyncio.wait_for(self.read(protocol), self.timeout)
            except TimeoutError:
                environ[TIMED_OUT] = True
                body = b""
            environ["wsgi.input"] = io.BytesIO(body)
        else:
            environ["wsgi.input"] = io.BytesIO()
        try:
            status, headers, body = self.call(environ)
        except Exception:
            log.exception("The site failed on %s %s", scope.method, scope.path)
            status, headers, body = 500, self.failure_headers, b"500 Internal Server Error\n"
        if environ.get(TIMED_OUT):
            headers = [*headers, ("connection", "close")]  # the rest of the body may still come
        protocol.response_bytes(status, headers, body)

    async def read(self, protocol: HTTPProtocol) -> bytes:
        """The body, or b"" once more than the limit was read and dropped."""
        body, size = bytearray(), 0
        async for chunk in protocol:
            size += len(chunk)
            if size <= self.limit:
                body += chunk
            elif size > DRAIN_LIMIT:
                break  # enough: the answer goes out, the client may see a reset
        return bytes(body) if size <= self.limit else b""

    def call(self, environ: dict) -> tuple[int, list, bytes]:
        status, headers, body = whole_answer(self.wsgi, environ)
        return int(status[:3]), headers, body


def _environ(scope: Scope) -> dict:
    """PEP 3333's environ from granian's scope, as granian's WSGI interface builds it:
    the path percent-decoded, as latin-1 text of its UTF-8 bytes."""
    environ = _BASE.copy()
    server, _, port = scope.server.rpartition(":")
    environ["REQUEST_METHOD"] = scope.method
    environ["PATH_INFO"] = scope.path.encode().decode("latin-1")
    environ["QUERY_STRING"] = scope.query_string
    environ["SERVER_NAME"] = server.strip("[]")
    environ["SERVER_PORT"] = port
    environ["REMOTE_ADDR"] = scope.client.rpartition(":")[0].strip("[]")
    environ["SERVER_PROTOCOL"] = "HTTP/1.0" if scope.http_version == "1" else "HTTP/1.1"
    environ["wsgi.url_scheme"] = scope.scheme
    for name, value in scope.headers.items():
        if "_" in name:
            continue  # X_Forwarded_For must not pass for X-Forwarded-For (nginx drops them too)
        key = _NAMES.get(name) or "HTTP_" + name.upper().replace("-", "_")
        if key in environ:  # a header sent twice: one value, as RFC 9110 joins them
            value = environ[key] + ("; " if key == "HTTP_COOKIE" else ", ") + value
        environ[key] = value
    return environ


def serve_over_rsgi(app: Flask) -> Flask:
    """`app`, which granian's RSGI interface finds by its __rsgi__ (granian.env)."""
    config = app.config
    headers = app.extensions["security_headers"].items()
    bridge = Bridge(app.wsgi_app, config["BODY_TIMEOUT"], config["MAX_CONTENT_LENGTH"], headers)
    app.__rsgi__ = bridge.__rsgi__  # type: ignore[attr-defined]
    app.__rsgi_init__ = bridge.__rsgi_init__  # type: ignore[attr-defined]
    return app
