"""The site's public address (SITE_URL), the start of every absolute URL it
publishes: canonical and hreflang links, og:url, JSON-LD, the sitemap,
robots.txt, security.txt and the API's links.

Never the request's Host and scheme: a Host is whatever the client sent (a
port, an upper-case name, an alias behind the proxy), and a page that
echoed it would differ per client, split the page cache and could point
search engines at an address the site does not want them to use.
"""

from urllib.parse import urlsplit

from flask import Flask, current_app, url_for


def init_app(app: Flask) -> None:
    app.config["SITE_URL"] = checked(app.config["SITE_URL"], https=app.config["HTTPS"])


def checked(value: object, https: bool) -> str:
    """`value` without a trailing slash; a bad one stops the site at start-up."""
    if not isinstance(value, str):
        raise ValueError(f"SITE_URL must be an address like https://example.nl, not {value!r}")
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        raise ValueError(f"SITE_URL: {value!r} has a bad port") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_URL: {value!r} is not an http:// or https:// address")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"SITE_URL: {value!r} must be a scheme and host only: the site lives at /")
    if https and parts.scheme != "https":
        raise ValueError(f"SITE_URL: {value!r} must start with https:// when HTTPS is true")
    return f"{parts.scheme}://{parts.netloc}"


def absolute_url(endpoint: str, **values: object) -> str:
    """url_for(endpoint, **values) on the site's public address."""
    return current_app.config["SITE_URL"] + url_for(endpoint, **values)
