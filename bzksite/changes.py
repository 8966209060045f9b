"""The changes to the organisation: a page (/nl/wijzigingen/, /en/changes/)
and its Atom feed (RFC 4287; /nl/wijzigingen.xml, /en/changes.xml), both from
queries.changes, newest first.

Each entry's id is a urn:uuid derived from the change's key and the feed's
language, so it stays the same in every build for as long as the content
says the same: a feed reader shows a change once.
"""

import uuid

from flask import Response, current_app, render_template, url_for

from . import jsonld, queries
from .db import get_db
from .i18n import current_language
from .interface import gettext as _
from .pages import home_crumb
from .records import Change
from .site_address import absolute_url
from .site_name import site_name

FEED_TYPE = "application/atom+xml"
# Fixed for good: the ids of the feeds and their entries are derived from it.
ID_NAMESPACE = uuid.UUID("6f1f3c52-2a54-4f4e-9d0e-1b6c2f0e8a71")
# A feed without a change still needs a date; no change can be older.
NO_CHANGE = "1970-01-01T00:00:00Z"


def page() -> str:
    lang = current_language()
    found = queries.changes(get_db(), lang)
    heading = _("Changes")
    intro = _(
        "How the organisation has changed: units renamed, merged, split off, moved, started"
        " or ended, newest first, each with the date and the source that records it."
    )
    url = absolute_url("site.changes")
    return render_template(
        "changes.html",
        changes=found,
        heading=heading,
        description=intro,
        breadcrumb=[home_crumb(), (heading, None)],
        structured_data=jsonld.web_page(heading, url, lang, intro, site_name()),
        feed=url_for("site.changes_feed"),
        anchor=anchor,
    )


def feed() -> Response:
    lang = current_language()
    found = queries.changes(get_db(), lang)
    page_url = absolute_url("site.changes")
    entries = [
        (change, entry_id(change, lang), updated(change), entry_link(change, page_url))
        for change in found
    ]
    xml = render_template(
        "changes.xml",
        lang=lang,
        feed_id=feed_id(lang),
        title=f"{_('Changes')} – {site_name()}",
        updated=max((entry[2] for entry in entries), default=NO_CHANGE),
        entries=entries,
        self_url=absolute_url("site.changes_feed"),
        page_url=page_url,
    )
    return current_app.response_class(xml, mimetype=FEED_TYPE)


def feed_id(lang: str) -> str:
    return uuid.uuid5(ID_NAMESPACE, f"changes:{lang}").urn


def entry_id(change: Change, lang: str) -> str:
    return uuid.uuid5(ID_NAMESPACE, f"change:{lang}:{change.key}").urn


def updated(change: Change) -> str:
    """The change's day at midnight UTC; for a year without a day, its first day."""
    year, month, day = change.order
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"


def entry_link(change: Change, page_url: str) -> str:
    """The unit's or organisation's page; for a unit without one, the change on the page."""
    if not change.is_unit:
        return absolute_url("site.related_organisation", organisation_id=change.subject.id)
    if change.subject.has_page:
        if change.subject.parent is None:
            return absolute_url("site.overview")
        return absolute_url("site.unit", unit_id=change.subject.id)
    return f"{page_url}#{anchor(change)}"


def anchor(change: Change) -> str:
    """The id of the change on the changes page."""
    return "change-" + change.key.replace(":", "-")
