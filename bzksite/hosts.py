"""A request for a host the site does not serve (TRUSTED_HOSTS) gets a plain
400 before the page cache or Flask sees it.

Checked this early, a kept page never goes out under a host an attacker
chose, and no error page has to render for a request that Flask cannot
route (an untrusted host leaves Flask without a URL adapter, so an error
page with links would fail). Under /api/ the answer is the API's JSON error.
"""

from collections.abc import Callable, Iterable

from flask import Flask
from werkzeug.exceptions import BadRequest, SecurityError
from werkzeug.wsgi import get_host

from .api.answers import ALLOW_ANY_ORIGIN, JSON_TYPE, error_body, is_api_path
from .cachekey import request_path

MESSAGE = (
    b"Ongeldig verzoek: deze site is niet bereikbaar onder deze naam.\n"
    b"Bad request: this site does not answer to this host name.\n"
)


class TrustedHosts:
    def __init__(self, app: Flask) -> None:
        self.next = app.wsgi_app
        self.hosts = app.config["TRUSTED_HOSTS"]
        self.headers = [*app.extensions["security_headers"].items(), ("Cache-Control", "no-store")]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            get_host(environ, trusted_hosts=self.hosts)
        except SecurityError:
            return self.refuse(environ, start_response)
        return self.next(environ, start_response)

    def refuse(self, environ: dict, start_response: Callable) -> list[bytes]:
        method = environ.get("REQUEST_METHOD")
        if is_api_path(request_path(environ)):
            body = error_body(BadRequest.code)
            headers = [("Content-Type", JSON_TYPE), *self.headers]
            if method in ("GET", "HEAD"):
                headers.append(ALLOW_ANY_ORIGIN)
        else:
            body, headers = MESSAGE, [("Content-Type", "text/plain; charset=utf-8"), *self.headers]
        headers.append(("Content-Length", str(len(body))))
        start_response("400 Bad Request", headers)
        return [] if method == "HEAD" else [body]


def init_app(app: Flask) -> None:
    """Wrap the WSGI app as it is now: call after the page cache is in place."""
    hosts = app.config["TRUSTED_HOSTS"]
    if not isinstance(hosts, list) or not all(isinstance(host, str) for host in hosts):
        # A shell or unit file that ate the quotes leaves a plain string here.
        raise ValueError(f"TRUSTED_HOSTS must be a JSON list of host names, not {hosts!r}")
    app.wsgi_app = TrustedHosts(app)  # type: ignore[method-assign]
