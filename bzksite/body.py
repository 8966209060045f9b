"""What the site accepts as a request body. Only the consent form sends one:
a few hundred bytes with a Content-Length.

The server bridge (rsgi.py) reads a body before the site sees the request;
one that did not arrive within BODY_TIMEOUT seconds is marked, and gets a
408. A chunked body, whose size is not known in advance, gets a 411; one
over MAX_CONTENT_LENGTH a 413 (Flask's own check).
"""

from flask import Flask, abort, request

TIMED_OUT = "bzksite.body_timed_out"  # set in the WSGI environ by rsgi.py


def init_app(app: Flask) -> None:
    app.before_request(_refuse_late_or_chunked_bodies)


def _refuse_late_or_chunked_bodies() -> None:
    if request.environ.get(TIMED_OUT):
        abort(408)
    if "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        abort(411)
