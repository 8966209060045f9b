"""Error pages in the request's language and the site's layout.

An error page must not fail itself, whatever failed before it: without a
database it shows what it can; when the page cannot be rendered at all (a
request Flask could not route, a template or translation that breaks), the
same text goes out on a bare page, and as a last resort as plain text.
"""

import logging
import sqlite3

from flask import Flask, Response, render_template, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError

from .api.answers import error_response, is_api_path
from .db import unavailable
from .interface import lazy_gettext as _l
from .pages import home_crumb

log = logging.getLogger(__name__)

TITLES = {
    400: _l("Bad request"),
    403: _l("Request refused"),
    404: _l("Page not found"),
    405: _l("Action not allowed"),
    408: _l("Request timed out"),
    413: _l("Request too large"),
    500: _l("Something went wrong"),
    503: _l("Temporarily unavailable"),
}
EXPLANATIONS = {
    400: _l("The server could not understand this request."),
    403: _l(
        "This site does not accept this request from another website. "
        "Go to the page on this site and try again there."
    ),
    404: _l("There is no page at this address. Check the address for typing errors."),
    405: _l("This address cannot be used in this way."),
    408: _l("The request took too long to arrive. Please try again."),
    413: _l("The request sent to the server was larger than it accepts."),
    500: _l("An error on our side prevented this page from being shown. Please try again later."),
    503: _l("This page cannot be shown at the moment. Please try again in a few minutes."),
}
Answer = tuple[str, int, list[tuple[str, str]]] | Response


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(sqlite3.Error, lambda error: render_error(unavailable(error)))


def render_error(error: HTTPException) -> Answer:
    if is_api_path(request.path):
        return error_response(error)  # a program asked: JSON, never a page
    status = error.code or InternalServerError.code
    # An Allow header on a 405, for instance, must survive; the body is ours.
    headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
    try:
        return _page(status), status, headers
    except Exception:
        log.exception("The error page for %d could not be rendered; a bare one was sent", status)
    try:
        title, explanation = _texts(status)
        page = render_template("bare_error.html", title=title, explanation=explanation)
        return page, status, headers
    except Exception:
        log.exception("The bare error page for %d could not be rendered either", status)
    plain = f"{status} {error.name}\n"
    return Response(plain, status, headers, content_type="text/plain; charset=utf-8")


def _texts(status: int) -> tuple[str, str]:
    # Codes without a text of their own get the general text of their class.
    code = status if status in TITLES else (500 if status >= 500 else 400)
    return str(TITLES[code]), str(EXPLANATIONS[code])


def _page(status: int) -> str:
    title, explanation = _texts(status)
    return render_template(
        "error.html",
        # One page for every address it answers, so it can be kept (caching.py):
        # a choice made in its cookie banner returns to the overview.
        return_to=url_for("site.overview"),
        explanation=explanation,
        heading=title,
        description=explanation,
        breadcrumb=[home_crumb(), (title, None)],
        alternates=None,
    )
