"""The addresses outside the languages: / and the files for search engines."""

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from . import queries
from .db import get_db
from .i18n import languages

bp = Blueprint("root", __name__)


@bp.get("/")
def index() -> Response:
    """Send the visitor to the language their browser prefers; Dutch by default."""
    codes = languages()
    lang = request.accept_languages.best_match(codes, default=codes[0])
    response = redirect(url_for("site.overview", lang=lang), 302)
    response.vary.add("Accept-Language")
    return response


def site_pages() -> list[tuple[str, dict]]:
    """Every page of the site as (endpoint, arguments), the same in every language."""
    units = [("site.unit", {"unit_id": unit_id}) for unit_id in queries.unit_ids(get_db())]
    return [("site.overview", {}), *units, ("site.privacy", {})]


@bp.get("/sitemap.xml")
def sitemap() -> Response:
    pages = [
        {code: url_for(endpoint, **args, lang=code, _external=True) for code in languages()}
        for endpoint, args in site_pages()
    ]
    xml = render_template("sitemap.xml", pages=pages, default_lang=languages()[0])
    return current_app.response_class(xml, mimetype="application/xml")


@bp.get("/robots.txt")
def robots() -> Response:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {url_for('root.sitemap', _external=True)}\n"
    return current_app.response_class(text, mimetype="text/plain")
