"""Saving the visitor's choice about analytics cookies: a plain form POST
(no JavaScript), refused when it comes from another site, answered with a
303 back to the page the visitor was on, where a confirmation waits.
"""

import re
from urllib.parse import urlsplit

from flask import abort, g, redirect, request, url_for
from werkzeug.wrappers import Response

from . import cookies

# A path of this site: "/" then RFC 3986 path characters, not "//" or "/\",
# which browsers read as another host. No spaces, controls, "?" or "#".
_LOCAL_PATH = re.compile(r"/(?![/\\])[\w\-.~!$&'()*+,;=:@%/]*", re.ASCII)
_MAX_PATH = 2048
_DEFAULT_PORTS = {"http": 80, "https": 443}


def return_target(value: str | None) -> str:
    """`value` when it is a path of this site; otherwise the home page of the language."""
    if value and len(value) <= _MAX_PATH and _LOCAL_PATH.fullmatch(value):
        return value
    return url_for("site.overview")


def is_cross_site() -> bool:
    """True when the browser says the form was sent from another site.

    Sec-Fetch-Site (every current browser) decides when present; else Origin;
    else Referer. A request with none of them cannot be told apart, and is
    let through: curl, or a very old browser.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site != "same-origin"
    sender = request.headers.get("Origin") or request.headers.get("Referer")
    if sender is None:
        return False
    return _origin(sender) != _origin(f"{request.scheme}://{request.host}")


def _origin(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host, port) with the default port filled in; None when malformed."""
    parts = urlsplit(url)
    try:
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    return (parts.scheme.lower(), (parts.hostname or "").lower(), port)


def save_choice() -> Response:
    if is_cross_site():
        abort(403)
    choice = request.form.get("analytics")
    if choice not in cookies.CHOICES:
        abort(400)
    name, value = cookies.SAVED
    target = return_target(request.form.get("return"))
    response = redirect(f"{target}?{name}={value}#cookie-confirmation", 303)
    cookies.remember(response, choice)
    # The request still carries the old choice; analytics.py expires Matomo's cookies.
    g.analytics_rejected = choice == "no"
    response.headers["Cache-Control"] = "no-store"
    return response
