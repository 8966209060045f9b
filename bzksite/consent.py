"""Saving the visitor's choice about analytics cookies: a plain form POST
(no JavaScript), refused when it comes from another site, answered with a
303 back to the page the visitor was on, where a confirmation waits.
"""

import re

from flask import abort, redirect, request, url_for
from werkzeug.wrappers import Response

from . import cookies

# A path of this site: "/" then RFC 3986 path characters, not "//" or "/\",
# which browsers read as another host. No spaces, controls, "?" or "#".
_LOCAL_PATH = re.compile(r"/(?![/\\])[\w\-.~!$&'()*+,;=:@%/]*", re.ASCII)
_MAX_PATH = 2048


def return_target(value: str | None) -> str:
    """`value` when it is a path of this site; otherwise the home page of the language."""
    if value and len(value) <= _MAX_PATH and _LOCAL_PATH.fullmatch(value):
        return value
    return url_for("site.overview")


def is_cross_site() -> bool:
    """True when the browser says the form was sent from another site.

    Browsers send Sec-Fetch-Site and Origin with every form POST; a request
    without either (curl, an old browser) cannot have been forged by a page.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return True
    origin = request.headers.get("Origin")
    own = f"{request.scheme}://{request.host}"
    return origin is not None and origin.lower() != own.lower()


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
    if choice == "no":
        cookies.forget_analytics_cookies(response)
    response.headers["Cache-Control"] = "no-store"
    return response
