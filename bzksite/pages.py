"""The site's pages written in the content (db/content/pages/): privacy, the
cookie settings and the accessibility statement; and the crumb every page's
breadcrumb starts with."""

from flask import abort, render_template, request, url_for

from . import jsonld, queries
from .db import get_db
from .i18n import current_language
from .interface import gettext as _
from .site_address import absolute_url
from .site_name import site_name


def home_crumb() -> tuple[str, str]:
    return _("Home"), url_for("site.overview")


def privacy() -> str:
    return render_page("privacy")


def cookie_settings() -> str:
    return render_page("cookies")


def accessibility() -> str:
    return render_page("accessibility", report=queries.accessibility_report(get_db()))


def render_page(page_id: str, **context: object) -> str:
    """A page from the content: its title is the heading and the last crumb, its
    first paragraph the description. `context` is for what its sections include."""
    found = queries.page(get_db(), current_language(), page_id)
    if found is None:
        abort(404)
    breadcrumb = [home_crumb(), (found.title, None)]
    url = absolute_url(request.endpoint)
    lang = current_language()
    return render_template(
        "page.html",
        page=found,
        heading=found.title,
        description=found.body[0],
        breadcrumb=breadcrumb,
        structured_data=jsonld.web_page(found.title, url, lang, found.body[0], site_name()),
        **context,
    )
