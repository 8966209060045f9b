"""The addresses outside the languages: / and the files for search engines."""

from flask import Blueprint, Response, current_app, redirect, render_template, url_for

from . import queries
from .db import get_db
from .i18n import browser_language, languages, urls_in_every_language
from .queries import organisations
from .site_address import absolute_url

bp = Blueprint("root", __name__)


@bp.get("/")
def index() -> Response:
    """Send the visitor to the language their browser prefers; Dutch by default."""
    return redirect(url_for("site.overview", lang=browser_language()), 302)


def site_pages() -> list[tuple[str, dict]]:
    """Every page of the site as (endpoint, arguments), the same in every language."""
    units = [("site.unit", {"unit_id": unit_id}) for unit_id in queries.unit_ids(get_db())]
    # Those that ended keep their page, as units do, but leave the sitemap.
    related = [
        ("site.related_organisation", {"organisation_id": organisation_id})
        for organisation_id in organisations.current_ids(get_db())
    ]
    pages = [("site.privacy", {}), ("site.cookies", {}), ("site.accessibility", {})]
    return [
        ("site.overview", {}),
        ("site.chart", {}),
        ("site.changes", {}),
        *units,
        *related,
        *pages,
    ]


@bp.get("/sitemap.xml")
def sitemap() -> Response:
    pages = [urls_in_every_language(endpoint, args) for endpoint, args in site_pages()]
    xml = render_template("sitemap.xml", pages=pages, default_lang=languages()[0])
    return current_app.response_class(xml, mimetype="application/xml")


@bp.get("/robots.txt")
def robots() -> Response:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url('root.sitemap')}\n"
    return current_app.response_class(text, mimetype="text/plain")
