"""Security headers on every response: nothing runs or loads that the site
did not send, except Matomo's tracker from its own origin when configured."""

from flask import Flask, Response

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=()",
}


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

    def add_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    app.after_request(add_headers)
