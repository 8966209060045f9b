"""Whether one contact value from the register can stand in the content.

The content's own checks decide (bzksite/content/units.py), so that a value
the import takes never breaks `make db`. A value that fails is left out of
its unit with a warning; it never stops the import.
"""

from urllib.parse import urlsplit

from ..content.units import EMAIL, WEB_ADDRESS

# rijksoverheid.nl's sections for topics, news, documents and questions: a
# page there is about a subject, not the site of the unit that lists it
# (DGKR's "website" was the page on hurricane Irma).
_TOPICAL_HOSTS = {"rijksoverheid.nl", "www.rijksoverheid.nl"}
_TOPICAL_SECTIONS = {"onderwerpen", "actueel", "documenten", "vraag-en-antwoord", "nieuws"}


def value_problem(field: str, value: str) -> str | None:
    """Why `value` cannot be the unit's `field` ("email", "website", ...), or None."""
    if field == "email" and not EMAIL.match(value):
        return f"email {value!r} is not an e-mail address"
    if field in ("website", "contact_form") and not WEB_ADDRESS.match(value):
        return f"{field} {value!r} is not a web address (https://…)"
    if field == "website" and is_topical_page(value):
        return f"website {value!r} is a page on a topic, not the unit's own site"
    return None


def is_topical_page(url: str) -> bool:
    """A page under rijksoverheid.nl's /onderwerpen/, /actueel/, /documenten/, ..."""
    parts = urlsplit(url)
    section = parts.path.strip("/").split("/")[0].casefold()
    return parts.hostname in _TOPICAL_HOSTS and section in _TOPICAL_SECTIONS
