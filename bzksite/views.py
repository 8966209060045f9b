"""The pages, in every language: /<lang>/, unit pages, the pages of the
organisations related to the ministry (related_organisations.py), the organisation chart
(chart.py), the privacy page, the cookie settings (with the form that saves
the choice) and the accessibility statement.

Each rule is registered once per language with the language as a default,
so a page can have the path segment of its language
(/nl/organisatie/kiem/, /en/organisation/kiem/) and `url_for(..., lang=...)`
picks the right one.
"""

from collections.abc import Mapping

from flask import Blueprint, abort, current_app, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from . import changes, chart, consent, jsonld, pages, queries, related_organisations, search
from .api.views import downloads
from .db import get_db
from .i18n import current_language
from .interface import gettext as _
from .pages import home_crumb
from .queries import organisations
from .site_address import absolute_url

# The overview shows the units this many levels under the ministry; each unit's
# page lists the units under it. A large organisation stays one screenful.
OVERVIEW_LEVELS = 2
# The path segments a language may name in its own words, each by its English word.
PATH_SEGMENTS = (
    "organisation",
    "organisations",
    "organisation-chart",
    "privacy",
    "cookies",
    "accessibility",
    "search",
    "changes",
)


def path_segments(named: Mapping[str, str]) -> dict[str, str]:
    """Every path segment of one language: the ones it names, else the English word."""
    unknown = sorted(set(named) - set(PATH_SEGMENTS))
    if unknown:
        raise ValueError(f"unknown path segments {unknown}; known: {', '.join(PATH_SEGMENTS)}")
    return {name: named.get(name, name) for name in PATH_SEGMENTS}


def blueprint(languages: Mapping[str, Mapping[str, str]]) -> Blueprint:
    """The site's pages for `languages`: {code: {English segment: the language's own}}."""
    bp = Blueprint("site", __name__)
    for code, named in languages.items():
        segment = path_segments(named)
        rules = [
            ("/", "overview", overview),
            (f"/{segment['organisation']}/<unit_id>/", "unit", unit),
            (
                f"/{segment['organisations']}/<organisation_id>/",
                "related_organisation",
                related_organisations.page,
            ),
            (f"/{segment['organisation-chart']}/", "chart", chart.page),
            (f"/{segment['privacy']}/", "privacy", pages.privacy),
            (f"/{segment['cookies']}/", "cookies", pages.cookie_settings),
            (f"/{segment['accessibility']}/", "accessibility", pages.accessibility),
            (f"/{segment['search']}/", "search", search.search_page),
            (f"/{segment['changes']}/", "changes", changes.page),
            (f"/{segment['changes']}.xml", "changes_feed", changes.feed),
        ]
        for path, endpoint, view in rules:
            bp.add_url_rule(f"/{code}{path}", endpoint, view, defaults={"lang": code})
        # The banner and the settings page post the visitor's choice to the settings page.
        bp.add_url_rule(
            f"/{code}/{segment['cookies']}/",
            "cookie_choice",
            consent.save_choice,
            defaults={"lang": code},
            methods=["POST"],
        )
    bp.url_value_preprocessor(_take_language)
    bp.url_defaults(_add_language)
    return bp


def _take_language(endpoint: str | None, values: dict | None) -> None:
    if values is not None:
        g.lang = values.pop("lang")


def _add_language(endpoint: str, values: dict) -> None:
    if "lang" not in values and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = current_language()


def overview() -> str:
    lang = current_language()
    organisation = queries.levels(get_db(), lang, OVERVIEW_LEVELS)
    ministry = queries.unit(get_db(), lang, organisation.root.id)
    description = ministry.text("description")
    url = absolute_url("site.overview")
    children = organisation.children(ministry.id) + organisation.beside_decree()
    return render_template(
        "overview.html",
        organisation=organisation,
        related_groups=organisations.groups(get_db(), lang),
        ministry=ministry,
        heading=ministry.text("name"),
        description=description,
        breadcrumb=[(_("Home"), None)],
        structured_data=jsonld.organisation(ministry, url, description, None, children),
        json_document=absolute_url("api.organisation"),
        downloads=downloads(),
    )


def unit(unit_id: str) -> ResponseReturnValue:
    lang = current_language()
    found = queries.unit(get_db(), lang, unit_id)
    if found is None or not found.has_page:
        abort(404)  # a unit with nothing but a name is listed, without a page
    if found.parent is None:
        # The ministry is the overview: one address per page.
        return redirect(url_for("site.overview"), 301)
    ancestors = queries.ancestors(get_db(), lang, unit_id)
    crumbs = [(unit.name, url_for("site.unit", unit_id=unit.id)) for unit in ancestors[1:]]
    parent = ancestors[-1]
    # Without a description of its own, the page is described by its place.
    described_by = found.text("description") or _(
        "%(unit)s is part of %(parent)s.", unit=found.text("name").text, parent=parent.name.text
    )
    children = queries.children(get_db(), lang, unit_id)
    history = queries.history_of(get_db(), lang, unit_id)
    url = absolute_url("site.unit", unit_id=unit_id)
    return render_template(
        "unit.html",
        unit=found,
        heading=found.text("name"),
        description=described_by,
        parent=parent,
        children=children,
        earlier=[change for change in history if change.change != "ended"],
        end=next((change for change in history if change.change == "ended"), None),
        breadcrumb=[home_crumb(), *crumbs, (found.text("name"), None)],
        structured_data=jsonld.organisation(found, url, described_by, parent, children),
        json_document=absolute_url("api.unit", unit_id=unit_id),
    )
