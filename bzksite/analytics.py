"""Matomo analytics: off unless configured, and then only for visitors who
accepted analytics cookies and whose browser does not ask not to be tracked.

The page loads our own static/analytics.js with the settings in data
attributes; that script loads Matomo's tracker from the Matomo server. The
Content-Security-Policy allows that one origin (see security.py).
"""

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, g, request

from . import cookies

_HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?", re.ASCII | re.IGNORECASE)
_PATH = re.compile(r"[A-Za-z0-9/._~-]*", re.ASCII)


@dataclass(frozen=True)
class Matomo:
    url: str  # ends with "/": matomo.js and matomo.php are beside it
    site_id: int

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"


def matomo_from_config(config: dict[str, Any]) -> Matomo | None:
    """MATOMO_URL and MATOMO_SITE_ID, checked; None when neither is set."""
    url, site_id = config.get("MATOMO_URL"), config.get("MATOMO_SITE_ID")
    if not url and site_id is None:
        return None
    if not url or site_id is None:
        raise ValueError("Matomo needs both BZKSITE_MATOMO_URL and BZKSITE_MATOMO_SITE_ID")
    parts = urlsplit(str(url))
    # The origin goes into the Content-Security-Policy: only a plain host name and port.
    if parts.scheme != "https" or not _HOST.fullmatch(parts.netloc):
        raise ValueError(f"BZKSITE_MATOMO_URL must be an https:// address, not {url!r}")
    if parts.query or parts.fragment or not _PATH.fullmatch(parts.path):
        raise ValueError(f"BZKSITE_MATOMO_URL must be a plain path, no query or fragment: {url!r}")
    if isinstance(site_id, bool) or not re.fullmatch(r"[1-9][0-9]*", str(site_id), re.ASCII):
        raise ValueError(f"BZKSITE_MATOMO_SITE_ID must be a whole number from 1: {site_id!r}")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return Matomo(url=f"{parts.scheme}://{parts.netloc}{path}", site_id=int(site_id))


def init_app(app: Flask) -> None:
    app.extensions["matomo"] = matomo_from_config(app.config)
    app.jinja_env.globals.update(
        analytics_configured=configured,
        analytics_tracker=tracker,
        asks_not_to_be_tracked=asks_not_to_be_tracked,
    )
    app.after_request(_vary_and_forget)


def matomo() -> Matomo | None:
    return current_app.extensions["matomo"]


def configured() -> bool:
    return matomo() is not None


def asks_not_to_be_tracked() -> bool:
    """Do Not Track or Global Privacy Control: either is a no, whatever the cookie says."""
    return request.headers.get("DNT") == "1" or request.headers.get("Sec-GPC") == "1"


def tracked(settings: Matomo | None, consent: str | None, dnt: str | None, gpc: str | None) -> bool:
    """Whether a request gets the tracker: Matomo on, a yes, and neither DNT nor GPC."""
    return settings is not None and consent == "yes" and dnt != "1" and gpc != "1"


def tracker() -> dict[str, str] | None:
    """The tracker script's data attributes for this request, or None: no tracker."""
    settings = matomo()
    dnt, gpc = request.headers.get("DNT"), request.headers.get("Sec-GPC")
    if not tracked(settings, cookies.consent(), dnt, gpc):
        return None
    lifetimes = {cookie.setting: cookie.seconds for cookie in cookies.matomo_cookies(settings)}
    return {
        "data-matomo-url": settings.url,
        "data-site-id": str(settings.site_id),
        **{f"data-{setting}": str(seconds) for setting, seconds in lifetimes.items()},
    }


def vary(settings: Matomo | None) -> list[str]:
    """What a page differs by: the consent cookie and, with Matomo, DNT and GPC."""
    return ["Cookie", "DNT", "Sec-GPC"] if settings else ["Cookie"]


def _vary_and_forget(response):
    if response.mimetype == "text/html":
        response.vary.update(vary(matomo()))
    # Matomo cookies go when the visitor says no, and whenever a request
    # gets no tracker (consent expired, DNT or GPC switched on since a yes).
    if tracker() is None or g.get("analytics_rejected"):
        cookies.forget_analytics_cookies(response)
    return response
