"""Register files for the tests, written as the register writes its XML export.

Every unit, id and person the tests give this builder is made up (a
"Directie Proefdata", systeemId 900001, TOOI .../oorg/oorg900001, a person
"T. Proefpersoon"), unless a test copies the committed content of db/content/.

Elements and attributes carry the `p:` prefix of the register's namespace,
whose version the tests choose. Each unit is written with its head (as a
functie with one medewerker) and its own contact data; every medewerker also
gets contact data of their own (PERSONAL_PHONE, PERSONAL_EMAIL), which the
reader must never take. A unit's `url` is not written: the register has no element
for it (its `overzichtURL` is the Woo page), the reader makes it from the
systeemId and the name. The elements stand in the order of the register's
schema (one afkorting at most), and the tests check the files against it
where the schema is at hand. A unit's `related_to` is written as its
relatieMetMinisterie, whose systeemId (the schema requires one) is made up
from the digits at the end of the TOOI.
"""

import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from bzksite.register.records import Contact, Head, RegisterUnit

SCHEMA = "https://organisaties.overheid.nl/static/schema/oo/export/"
ALMANAK_SCHEMA = "https://almanak.overheid.nl/static/schema/oo/export/"
TOOI = "https://identifier.overheid.nl/tooi/id/oorg/oorg"
PERSONAL_PHONE = "0999 000 111"
PERSONAL_EMAIL = "t.proefpersoon@prive.invalid"
_STREET = re.compile(r"(?P<straat>.+) (?P<huisnummer>\d+)(?P<toevoeging>\S*)")


def write_export(
    path: Path,
    organisations: Iterable[RegisterUnit],
    namespace_version: str = "2.6.13",
    extra: str = "",
    timestamp: str | None = None,
) -> Path:
    """Write `organisations` as an export; `extra` is raw XML placed after them, inside
    the top-level <p:organisaties>; `timestamp`, the day of the export, on the root
    element. Written one organisation at a time."""
    stamp = f" p:timestamp={quoteattr(timestamp)}" if timestamp else ""
    with path.open("w", encoding="utf-8") as file:
        file.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        file.write(f'<p:overheidsorganisaties xmlns:p="{SCHEMA}{namespace_version}"{stamp}>\n')
        file.write("  <p:organisaties>\n")
        for unit in organisations:
            file.write(organisation(unit, "    "))
        file.write(extra)
        file.write("  </p:organisaties>\n</p:overheidsorganisaties>\n")
    return path


def organisation(unit: RegisterUnit, indent: str) -> str:
    """One organisatie with its elements in the order the register's schema gives."""
    inner = indent + "  "
    tooi = f"\n{indent}    p:resourceIdentifierTOOI={quoteattr(unit.tooi)}" if unit.tooi else ""
    lines = [f"{indent}<p:organisatie p:systeemId={quoteattr(unit.systeem_id)}{tooi}>"]
    lines.append(_element("naam", unit.name, inner))
    if unit.abbreviations:
        lines.append(_element("afkorting", unit.abbreviations[0], inner))
    types = "".join(f"<p:type>{escape(value)}</p:type>" for value in unit.types)
    lines.append(f"{inner}<p:types>{types}</p:types>")
    if unit.related_to:
        lines.append(_relation(unit.related_to, inner))
    lines += _contact(unit.contact, inner)
    if unit.description:
        description = _element("beschrijvingText", unit.description)
        lines.append(f"{inner}<p:organisatieBeschrijving>{description}</p:organisatieBeschrijving>")
    if unit.end_date:
        lines.append(_element("eindDatum", unit.end_date.isoformat(), inner))
    if unit.head:
        lines.append(f"{inner}<p:functies>{_functie(unit.head)}</p:functies>")
    if unit.children:
        lines.append(f"{inner}<p:organisaties>")
        lines += [organisation(child, inner + "  ").rstrip("\n") for child in unit.children]
        lines.append(f"{inner}</p:organisaties>")
    lines.append(f"{indent}</p:organisatie>")
    return "\n".join(lines) + "\n"


def _relation(tooi: str, indent: str) -> str:
    systeem_id = re.search(r"\d*$", tooi)[0] or "0"
    attributes = f"p:systeemId={quoteattr(systeem_id)} p:resourceIdentifierTOOI={quoteattr(tooi)}"
    return f"{indent}<p:relatieMetMinisterie {attributes}>Proefzaken</p:relatieMetMinisterie>"


def _element(name: str, value: str, indent: str = "") -> str:
    return f"{indent}<p:{name}>{escape(value)}</p:{name}>"


def _contact(contact: Contact, indent: str) -> list[str]:
    lines = []
    addresses = _address("Bezoekadres", contact.visiting_address)
    addresses += _address("Postadres", contact.postal_address)
    if addresses:
        lines.append(f"{indent}<p:adressen>{addresses}</p:adressen>")
    general = _element("label", "algemeen")
    written = "".join(
        _nested(outer, middle, _element(name, value) + general)
        for outer, middle, name, value in [
            ("telefoonnummers", "telefoonnummer", "nummer", contact.phone),
            ("emailadressen", "emailadres", "email", contact.email),
            ("internetadressen", "internetadres", "url", contact.website),
        ]
        if value
    )
    if contact.contact_form:
        form = general + _element("url", contact.contact_form)
        written += _nested("contactformulieren", "contactformulier", form)
    if written:
        lines.append(f"{indent}<p:contact>{written}</p:contact>")
    return lines


def _address(kind: str, lines: tuple[str, ...]) -> str:
    if not lines:
        return ""
    street, place = lines
    if street.startswith("Postbus "):
        fields = {"postbus": street.removeprefix("Postbus ")}
    else:
        match = _STREET.fullmatch(street)
        assert match, f"write the street as 'Proefstraat 1A', not {street!r}"
        fields = {
            "openbareRuimte": match["straat"],
            "huisnummer": match["huisnummer"],
            "toevoeging": match["toevoeging"],
        }
    fields |= {"postcode": place[:7], "woonplaats": place[8:]}
    written = "".join(_element(name, value) for name, value in fields.items() if value)
    return f"<p:adres>{_element('adresType', kind)}{written}</p:adres>"


def _functie(head: Head) -> str:
    """A head's functie; the medewerker carries contact data of their own, never to be taken."""
    personal = _nested("telefoonnummers", "telefoonnummer", _element("nummer", PERSONAL_PHONE))
    personal += _nested("emailadressen", "emailadres", _element("email", PERSONAL_EMAIL))
    since = _element("startDatum", head.since.isoformat()) if head.since else ""
    medewerker = f"{_element('naam', head.name)}<p:contact>{personal}</p:contact>{since}"
    medewerkers = f"<p:medewerkers><p:medewerker>{medewerker}</p:medewerker></p:medewerkers>"
    return f"<p:functie>{_element('naam', head.role)}{medewerkers}</p:functie>"


def _nested(outer: str, middle: str, content: str) -> str:
    return f"<p:{outer}><p:{middle}>{content}</p:{middle}></p:{outer}>"
