"""The meta description of a page: the first paragraph of its own text, which
each view passes to the template as `description`, shortened to what search
engines show (the macro meta_description in templates/macros.html)."""

from flask import Flask

LIMIT = 160
ELLIPSIS = "…"


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` whole when it fits in `limit` characters; else its words up to the
    last that leaves room for a trailing "…" (without a comma or colon before it)."""
    if len(text) <= limit:
        return text
    end = text.rfind(" ", 0, limit)
    if end == -1:
        # One word longer than the limit (an address, say) has no place to cut but inside.
        end = limit - len(ELLIPSIS)
    return text[:end].rstrip(" ,;:") + ELLIPSIS


def init_app(app: Flask) -> None:
    app.jinja_env.filters["shorten"] = shorten
