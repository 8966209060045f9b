"""The site's cookies, described once: the same table sets the consent cookie,
gives Matomo's tracker its cookie lifetimes and is shown on the cookie
settings and privacy pages, so what the pages say and what happens agree.

The server itself sets one cookie, the visitor's choice about analytics
cookies. Matomo's cookies are set by its tracker, only after a yes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from babel.units import format_unit
from flask import Flask, Response, current_app, request
from flask_babel import LazyString

from .interface import lazy_gettext as _l

if TYPE_CHECKING:
    from .analytics import Matomo

CONSENT_COOKIE = "analytics_consent"
# The values the site writes; any other value counts as no choice yet.
CHOICES = ("yes", "no")
# On the page the visitor returns to after choosing: show the confirmation.
SAVED = ("cookies", "saved")

_SECONDS = {"minute": 60, "month": 2_628_000, "year": 31_536_000}  # a month: 1/12 of a year


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: LazyString
    amount: int
    unit: str  # "minute", "month" or "year"
    needs_consent: bool
    # A Matomo cookie's name goes on with the site id and a hash of the domain.
    is_prefix: bool = False
    # The tracker's data attribute that sets this lifetime (static/analytics.js).
    setting: str | None = None

    @property
    def seconds(self) -> int:
        return self.amount * _SECONDS[self.unit]

    def lifetime(self, lang: str) -> str:
        """ "1 jaar", "13 months": the lifetime in words of `lang`."""
        return format_unit(self.amount, f"duration-{self.unit}", length="long", locale=lang)

    @property
    def display_name(self) -> str:
        return f"{self.name}…" if self.is_prefix else self.name


CONSENT = Cookie(
    CONSENT_COOKIE,
    _l("Remembers whether you accepted or rejected analytics cookies, so we do not ask again."),
    1,
    "year",
    needs_consent=False,
)
# Matomo's first-party cookies, by name: purpose, lifetime (as our tracker
# sets it; none outlives the consent cookie) and the tracker's data
# attribute that sets it.
_MATOMO = {
    "_pk_id": (
        _l("Matomo: a random number that recognises your browser when you come back."),
        (12, "month"),
        "visitor-cookie-seconds",
    ),
    "_pk_ses": (
        _l("Matomo: links the pages you view during one visit."),
        (30, "minute"),
        "session-cookie-seconds",
    ),
    "_pk_ref": (
        _l("Matomo: remembers which website or search engine brought you here."),
        (6, "month"),
        "referral-cookie-seconds",
    ),
}


def matomo_cookies(matomo: Matomo) -> list[Cookie]:
    return [
        Cookie(f"{name}.{matomo.site_id}.", purpose, *lifetime, True, True, setting)
        for name, (purpose, lifetime, setting) in _MATOMO.items()
    ]


def site_cookies() -> list[Cookie]:
    """Every cookie this site can set, as configured."""
    matomo = current_app.extensions["matomo"]
    return [CONSENT, *(matomo_cookies(matomo) if matomo else [])]


# Names as Matomo writes them: _pk_id.<site id>.<hash of the domain>.
_MATOMO_NAME = re.compile(rf"({'|'.join(_MATOMO)})\.[0-9]+\.[0-9a-f]+", re.ASCII)


def consent() -> str | None:
    """The visitor's choice: "yes", "no", or None when there is none."""
    return consent_in(request.headers.get("Cookie", ""))


def consent_in(cookie_header: str) -> str | None:
    """The choice in a Cookie header; None when it is not exactly what the site
    writes (read raw: a cookie parser would also take "yes" in quotes)."""
    for pair in cookie_header.split(";"):
        name, _, value = pair.strip().partition("=")
        if name == CONSENT_COOKIE:
            return value if value in CHOICES else None
    return None


def remember(response: Response, choice: str) -> None:
    response.set_cookie(
        CONSENT_COOKIE,
        choice,
        max_age=CONSENT.seconds,
        path="/",
        secure=request.is_secure or current_app.config["HTTPS"],
        httponly=True,
        samesite="Lax",
    )


def forget_analytics_cookies(response: Response) -> None:
    """Expire the Matomo cookies the browser still has, of any site id."""
    for name in request.cookies:
        if _MATOMO_NAME.fullmatch(name):
            response.delete_cookie(name, path="/")


def banner() -> str | None:
    """What the top of the page shows: "ask" for a choice, "saved" to confirm one, or None."""
    choice = consent()
    if choice is None:
        # The settings page asks in its own form.
        return None if request.endpoint == "site.cookies" else "ask"
    return "saved" if request.args.get(SAVED[0]) == SAVED[1] else None


def return_path() -> str:
    """This page's path, as the form sends it back: percent-encoded, without query."""
    return quote(request.path)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        cookie_banner=banner,
        consent=consent,
        return_path=return_path,
        site_cookies=site_cookies,
    )
