"""The page of an organisation that belongs to the ministry without being part
of its core organisation: an agency, an advisory body, an independent
administrative body (ZBO), a committee (queries/organisations.py).

Its address is its own (/nl/organisaties/<id>/, /en/organisations/<id>/),
apart from the units' (/nl/organisatie/<id>/): a unit and an organisation
may have the same id. An organisation that ended keeps its page, which says
when it ended, and leaves the overview, the chart and the sitemap.
"""

from flask import abort, render_template

from . import jsonld, queries
from .db import get_db
from .i18n import current_language
from .interface import gettext as _
from .pages import home_crumb
from .queries import organisations
from .site_address import absolute_url


def page(organisation_id: str) -> str:
    lang = current_language()
    found = organisations.organisation(get_db(), lang, organisation_id)
    if found is None:
        abort(404)
    ministry = queries.levels(get_db(), lang, 0).root
    name = found.text("name")
    # Without a description of its own, the page is described by its relation.
    described_by = found.text("description") or _(
        "%(organisation)s belongs to %(ministry)s without being part of its core organisation.",
        organisation=name.text,
        ministry=ministry.name.text,
    )
    url = absolute_url("site.related_organisation", organisation_id=organisation_id)
    return render_template(
        "organisation.html",
        organisation=found,
        ministry=ministry,
        heading=name,
        description=described_by,
        breadcrumb=[home_crumb(), (name, None)],
        structured_data=jsonld.related_organisation(found, url, described_by, ministry),
        json_document=absolute_url("api.related_organisation", organisation_id=organisation_id),
    )
