"""The trivial WSGI app of the ceiling: the status, headers and body the site
gave for each path, recorded in the JSON file BENCH_RESPONSES names. It is
served as the site is, through rsgi.py's bridge under granian's RSGI interface."""

import base64
import json
import os

from bzksite.rsgi import Bridge

_RESPONSES: dict = {}


def app(environ, start_response):
    if not _RESPONSES:
        with open(os.environ["BENCH_RESPONSES"], encoding="utf-8") as file:
            for path, (status, headers, body) in json.load(file).items():
                _RESPONSES[path] = (status, [tuple(h) for h in headers], base64.b64decode(body))
    status, headers, body = _RESPONSES[environ["PATH_INFO"]]
    start_response(status, headers)
    return [body]


app.__rsgi__ = Bridge(app, timeout=10, limit=16 * 1024).__rsgi__  # type: ignore[attr-defined]


def record(responses: dict[str, tuple[str, list, bytes]], file) -> None:
    """Write {path: (status, headers, body)} for the ceiling to replay."""
    encoded = {
        path: [status, headers, base64.b64encode(body).decode()]
        for path, (status, headers, body) in responses.items()
    }
    json.dump(encoded, file)
