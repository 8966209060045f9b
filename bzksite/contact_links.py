"""How contact data is linked: a phone number as a tel: address, a web
address shown without its scheme."""

import re

from flask import Flask


def tel_href(number: str) -> str:
    """ "070 426 6426" -> "tel:+31704266426": digits only, Dutch numbers made
    international so that they work from abroad too."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]
    return f"tel:{digits}"


def web_label(url: str) -> str:
    """ "https://www.example.nl/contact/" -> "www.example.nl/contact"."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(tel_href=tel_href, web_label=web_label)
