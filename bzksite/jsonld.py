"""schema.org's description of a page, for search engines and other systems:
one JSON-LD block in the page's <head>, made from the objects the page shows,
so the two cannot disagree.

A unit, and the ministry on the overview, is a GovernmentOrganization: its
name in the page's language (the h1), abbreviation, canonical URL, the
register's identifiers and page, its parent and current units, its head in
an OrganizationRole, its contact data and the day it ended. So is an
organisation that belongs to the ministry without being part of it (an
agency, an advisory body), with the ministry as its parentOrganization. The
site's other pages are WebPages of the site.
"""

from typing import Any

from .records import RelatedOrganisation, Text, Unit, UnitLink
from .site_address import absolute_url

CONTEXT = "https://schema.org"


def organisation(
    unit: Unit,
    url: str,
    description: Text | str | None,
    parent: UnitLink | None,
    children: list[UnitLink],
) -> dict[str, Any]:
    data = _government_organisation(unit, url, description, parent)
    if children:
        data["subOrganization"] = [link(child) for child in children]
    if unit.director:
        data["member"] = _head(unit)
    return data


def related_organisation(
    found: RelatedOrganisation, url: str, description: Text | str, ministry: UnitLink
) -> dict[str, Any]:
    """An agency, advisory body or committee: the ministry is its parent, and
    its own website one more page about it."""
    data = _government_organisation(found, url, description, ministry)
    if found.contact and found.contact.website:
        data.setdefault("sameAs", []).append(found.contact.website)
    return data


def _government_organisation(
    item: Unit | RelatedOrganisation,
    url: str,
    description: Text | str | None,
    parent: UnitLink | None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "GovernmentOrganization",
        "name": item.text("name").text,
        "url": url,
    }
    if item.abbreviation:
        data["alternateName"] = item.abbreviation
    if description:
        data["description"] = _plain(description)
    if parent is not None:
        data["parentOrganization"] = link(parent)
    data.update(_register(item))
    data.update(_contact(item))
    if item.ended:
        data["dissolutionDate"] = item.ended.isoformat()
    return data


def web_page(title: Text | str, url: str, lang: str, description: Text | str | None, site: str):
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": _plain(title),
        "url": url,
        "inLanguage": lang,
        "isPartOf": {
            "@type": "WebSite",
            "name": site,
            "url": absolute_url("site.overview"),
        },
    }
    if description:
        data["description"] = _plain(description)
    return data


def link(unit: UnitLink) -> dict[str, str]:
    """Another unit, by name, with its page when it has one."""
    data = {"@type": "GovernmentOrganization", "name": unit.name.text}
    if unit.has_page:
        endpoint, args = (
            ("site.overview", {}) if unit.parent is None else ("site.unit", {"unit_id": unit.id})
        )
        data["url"] = absolute_url(endpoint, **args)
    return data


def _head(unit: Unit) -> dict[str, Any]:
    """The head in the role the page names (schema.org's Role pattern)."""
    role: dict[str, Any] = {
        "@type": "OrganizationRole",
        "member": {"@type": "Person", "name": unit.director},
    }
    if unit.text("director_role"):
        role["roleName"] = unit.text("director_role").text
    if unit.director_since:
        role["startDate"] = unit.director_since.isoformat()
    return role


def _register(unit: Unit | RelatedOrganisation) -> dict[str, Any]:
    if unit.register is None:
        return {}
    identifiers = [
        {"@type": "PropertyValue", "propertyID": "systeemId", "value": unit.register.systeem_id}
    ]
    if unit.register.tooi:
        identifiers.append(
            {"@type": "PropertyValue", "propertyID": "TOOI", "value": unit.register.tooi}
        )
    return {"identifier": identifiers, "sameAs": [unit.register.url]}


def _contact(unit: Unit | RelatedOrganisation) -> dict[str, Any]:
    contact = unit.contact
    if contact is None:
        return {}
    data: dict[str, Any] = {}
    if contact.visiting_address:
        data["address"] = ", ".join(contact.visiting_address)
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.email:
        data["email"] = contact.email
    if contact.contact_form:
        data["contactPoint"] = {"@type": "ContactPoint", "url": contact.contact_form}
    return data


def _plain(text: Text | str) -> str:
    return text.text if isinstance(text, Text) else str(text)
