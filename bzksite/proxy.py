"""The visitor's scheme and address from the proxy in front, and from no one else.

The server hands the site the scheme and address of the connection it got:
plain HTTP from the proxy that terminates HTTPS. The proxy says what the
visitor used in X-Forwarded-Proto and X-Forwarded-For; the site believes
them only from the addresses in FORWARDED_ALLOW_IPS (addresses or networks,
by default 127.0.0.1), and only both together: then the scheme becomes
X-Forwarded-Proto's (http or https) and the address the last one in
X-Forwarded-For that is not a proxy's. From anyone else both headers are
ignored. The scheme goes into absolute links and the cache key, so this layer
sits outside the page cache. The work is done by granian's own middleware.
"""

import ipaddress

from flask import Flask
from granian.utils.proxies import wrap_wsgi_with_proxy_headers


def init_app(app: Flask) -> None:
    """Wrap the WSGI app as it is now: call after every other layer is in place."""
    allowed = app.config["FORWARDED_ALLOW_IPS"]
    _check(allowed)
    app.wsgi_app = wrap_wsgi_with_proxy_headers(app.wsgi_app, trusted_hosts=allowed)  # type: ignore[method-assign]


def _check(allowed: object) -> None:
    """A list of IP addresses and networks; a bad one stops the site at start-up."""
    if not isinstance(allowed, list) or not all(isinstance(entry, str) for entry in allowed):
        # A shell or unit file that ate the quotes leaves a plain string here.
        raise ValueError(f"FORWARDED_ALLOW_IPS must be a JSON list of addresses, not {allowed!r}")
    for entry in allowed:
        try:
            ipaddress.ip_network(entry)
        except ValueError:
            raise ValueError(
                f"FORWARDED_ALLOW_IPS: {entry!r} is not an IP address or network"
            ) from None
