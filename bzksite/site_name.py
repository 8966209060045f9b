"""The site's name, from the content: "<the ministry's abbreviation>
organisation chart" ("Organogram BZK"). No ministry is written into the code."""

import sqlite3

from flask import Flask, g

from . import queries
from .db import get_db
from .i18n import current_language
from .interface import gettext as _


def site_name() -> str:
    if "ministry" not in g:
        try:
            g.ministry = queries.ministry_short_name(get_db(), current_language())
        except sqlite3.Error:
            g.ministry = ""  # an error page must still render
    return _("%(ministry)s organisation chart", ministry=g.ministry)


def init_app(app: Flask) -> None:
    app.jinja_env.globals["site_name"] = site_name
