"""Error pages in the request's language and the site's layout."""

from flask import Flask, Response, render_template, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from .api.answers import error_response, is_api_path
from .interface import lazy_gettext as _l
from .pages import home_crumb

TITLES = {
    400: _l("Bad request"),
    403: _l("Request refused"),
    404: _l("Page not found"),
    405: _l("Action not allowed"),
    413: _l("Request too large"),
    500: _l("Something went wrong"),
}
EXPLANATIONS = {
    400: _l("The server could not understand this request."),
    403: _l(
        "This site does not accept this request from another website. "
        "Go to the page on this site and try again there."
    ),
    404: _l("There is no page at this address. Check the address for typing errors."),
    405: _l("This address cannot be used in this way."),
    413: _l("The request sent to the server was larger than it accepts."),
    500: _l("An error on our side prevented this page from being shown. Please try again later."),
}


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, render_error)


def render_error(error: HTTPException) -> tuple[str, int, list[tuple[str, str]]] | Response:
    if is_api_path(request.path):
        return error_response(error)  # a program asked: JSON, never a page
    status = error.code or InternalServerError.code
    # Codes without a text of their own get the general text of their class.
    text_code = status if status in TITLES else (500 if status >= 500 else 400)
    title, explanation = str(TITLES[text_code]), str(EXPLANATIONS[text_code])
    # An Allow header on a 405, for instance, must survive; the body is ours.
    headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
    if isinstance(error, SecurityError):
        # An untrusted Host leaves no URL adapter: this page builds no links.
        page = render_template("bad_host.html", title=title, explanation=explanation)
        return page, status, headers
    page = render_template(
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
    return page, status, headers
