"""Security headers on every response, written without flask-talisman (no
longer maintained): nothing runs or loads that the site did not send, except
Matomo's tracker from its own origin when configured. Also security.txt.
"""

import os
import sqlite3
from datetime import UTC, datetime, timedelta

from flask import Blueprint, Flask, Response, current_app

from .site_address import absolute_url

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=(), payment=(), usb=()",
}
# Sent only when the site says it runs behind HTTPS (BZKSITE_HTTPS): one year.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"

bp = Blueprint("security", __name__)


def content_security_policy(matomo_origin: str | None = None) -> str:
    """No script at all without Matomo; with it, our own script and Matomo's
    tracker, which also sends its requests (beacon or image) to that origin."""
    directives = {
        "default-src": ["'none'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
    if matomo_origin:
        directives["script-src"] = ["'self'", matomo_origin]
        directives["img-src"].append(matomo_origin)
        directives["connect-src"] = [matomo_origin]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def init_app(app: Flask) -> None:
    matomo = app.extensions["matomo"]
    headers = {
        "Content-Security-Policy": content_security_policy(matomo.origin if matomo else None),
        **HEADERS,
    }
    if app.config["HTTPS"]:
        headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    app.extensions["security_headers"] = headers  # also on caching.py's 304s

    def add_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    app.after_request(add_headers)
    app.register_blueprint(bp)


@bp.get("/.well-known/security.txt")
def security_txt() -> Response:
    """RFC 9116. It expires a year after the database was built: a site that
    is not rebuilt for a year has a contact nobody has checked."""
    try:
        built = datetime.fromtimestamp(os.stat(current_app.config["DATABASE"]).st_mtime, UTC)
    except OSError as error:
        raise sqlite3.OperationalError(f"unable to read the database file ({error})") from None
    expires = (built + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: {current_app.config['SECURITY_CONTACT']}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {absolute_url('security.security_txt')}",
    ]
    return current_app.response_class("\n".join(lines) + "\n", mimetype="text/plain")
