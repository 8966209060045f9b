"""The organisation chart: the ministry and its current units drawn as a tree
of boxes, on the server, from nested lists that the stylesheet lays out (no
script, no image). The lists are the chart's text alternative: read in order,
they are the tree.

It draws one level more than the overview (views.OVERVIEW_LEVELS): the
ministry's clusters and directoraten-generaal, their directies and the units
under those. Not all levels: each one multiplies the boxes, and a chart of
hundreds of boxes can no longer be taken in. For the same reason it draws
only the overview's two when the three hold more than MAX_BOXES units (in an
organisation of 1,000, most can sit on the third). A unit whose units are not
drawn says how many there are, and its page lists them. Beneath the tree, the
organisations that belong to the ministry without being part of it, as a
list by group, as on the overview.
"""

from flask import render_template, url_for

from . import jsonld, queries
from .db import get_db
from .i18n import current_language
from .interface import gettext as _
from .queries import organisations
from .site_address import absolute_url
from .site_name import site_name

LEVELS = 3  # under the ministry
MAX_BOXES = 200


def page() -> str:
    lang = current_language()
    organisation = queries.levels(get_db(), lang, LEVELS)
    if len(organisation.units) > MAX_BOXES:
        organisation = queries.levels(get_db(), lang, LEVELS - 1)
    heading = _("Organisation chart")
    intro = _(
        "The organisation of the ministry as a chart, from the top down."
        " A box with a link leads to the unit's page, which lists the units under it."
    )
    url = absolute_url("site.chart")
    return render_template(
        "chart.html",
        organisation=organisation,
        related_groups=organisations.groups(get_db(), lang),
        heading=heading,
        description=intro,
        breadcrumb=[(_("Home"), url_for("site.overview")), (heading, None)],
        structured_data=jsonld.web_page(heading, url, lang, intro, site_name()),
    )
