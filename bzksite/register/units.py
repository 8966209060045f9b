"""One organisatie element, with everything nested in it, as a RegisterUnit.

A value that cannot be taken (a date that is not a date, an e-mail element
holding a web address) is left out with a warning in the unit's `warnings`;
only a unit without systeemId or naam stops the import.
"""

import re
import unicodedata

from lxml import etree

from .contact import read_contact
from .elements import attribute, child, each, first_text, identifier, local, text, texts
from .exportfile import ExportFile
from .heads import read_head
from .plaintext import has_markup, plain_name
from .records import RegisterUnit

# The unit's page in the register; the address without the slug is a 404.
REGISTER_PAGE = "https://organisaties.overheid.nl/{systeem_id}/{slug}/"


def register_slug(name: str) -> str:
    """The name as the register writes it in a page's address: accents
    stripped, letters, digits and hyphens kept, every other run of characters
    one underscore ("Curaçao en Sint Maarten" gives Curacao_en_Sint_Maarten)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9-]+", "_", plain).strip("_")


def register_page(systeem_id: str, name: str) -> str:
    return REGISTER_PAGE.format(systeem_id=systeem_id, slug=register_slug(name))


def read_unit(organisatie: etree._Element, source: ExportFile) -> RegisterUnit:
    """The unit and its subtree; RegisterError for a unit the importer cannot take."""
    # The unit's own warnings are those met before its children are read.
    first_warning = len(source.warnings)
    systeem_id = identifier(organisatie, "systeemId")
    name = read_name(organisatie, source, systeem_id)
    if systeem_id is None:
        named = f"organisatie {name!r}" if name else "an organisatie without naam"
        raise source.error(organisatie, f"{named} ({_parent(organisatie)}) has no systeemId")
    if name is None:
        message = f"organisatie systeemId {systeem_id} ({_parent(organisatie)}) has no naam"
        raise source.error(organisatie, message)
    unit = f"organisatie systeemId {systeem_id} ({name})"
    abbreviations = texts(organisatie, "afkorting")
    types = texts(organisatie, "types", "type")
    end_date = source.date(child(organisatie, "eindDatum"), unit)
    head = read_head(organisatie, source, unit, name, types)
    contact, withheld = read_contact(organisatie, source, unit, (name, *abbreviations))
    warnings = tuple(source.warnings[first_warning:])
    return RegisterUnit(
        systeem_id=systeem_id,
        tooi=identifier(organisatie, "resourceIdentifierTOOI"),
        description=first_text(organisatie, "organisatieBeschrijving", "beschrijvingText"),
        related_to=attribute(child(organisatie, "relatieMetMinisterie"), "resourceIdentifierTOOI"),
        name=name,
        abbreviations=abbreviations,
        types=types,
        end_date=end_date,
        # The register builds its page's address from the naam as it holds it.
        url=register_page(systeem_id, first_text(organisatie, "naam") or name),
        head=head,
        contact=contact,
        children=tuple(
            read_unit(nested, source) for nested in each(organisatie, "organisaties", "organisatie")
        ),
        line=source.line(organisatie),
        withheld=withheld,
        warnings=warnings,
    )


def read_name(
    organisatie: etree._Element, source: ExportFile, systeem_id: str | None
) -> str | None:
    """The organisatie's naam on one line, whitespace collapsed, markup dropped
    with a warning; None for none, or nothing but markup."""
    element = next((found for found in each(organisatie, "naam") if text(found)), None)
    if element is None:
        return None
    name = plain_name(element.text)
    if name and has_markup(element.text):
        unit = f"organisatie systeemId {systeem_id} ({name})"
        holds = f"naam {' '.join(element.text.split())!r} holds markup"
        source.warn(element, unit, holds, f"written as {name!r}")
    return name or None


def _parent(organisatie: etree._Element) -> str:
    """Where the unit stands, for errors: "in <parent's naam>" or "at the top level"."""
    parent = organisatie.getparent()
    while parent is not None and local(parent.tag) != "organisatie":
        parent = parent.getparent()
    if parent is None:
        return "at the top level"
    return f"in {first_text(parent, 'naam') or 'systeemId ' + str(identifier(parent, 'systeemId'))}"
