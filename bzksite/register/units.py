"""One organisatie element, with everything nested in it, as a RegisterUnit."""

from lxml import etree

from .contact import read_contact
from .elements import attribute, child, each, first_text, identifier, local, texts
from .exportfile import ExportFile
from .heads import read_head
from .records import RegisterUnit

REGISTER_PAGE = "https://organisaties.overheid.nl/{systeem_id}/"


def read_unit(organisatie: etree._Element, source: ExportFile) -> RegisterUnit:
    """The unit and its subtree; RegisterError for a unit the importer cannot take."""
    systeem_id = identifier(organisatie, "systeemId")
    name = first_text(organisatie, "naam")
    if systeem_id is None:
        named = f"organisatie {name!r}" if name else "an organisatie without naam"
        raise source.error(organisatie, f"{named} ({_parent(organisatie)}) has no systeemId")
    if name is None:
        message = f"organisatie systeemId {systeem_id} ({_parent(organisatie)}) has no naam"
        raise source.error(organisatie, message)
    unit = f"organisatie systeemId {systeem_id} ({name})"
    return RegisterUnit(
        systeem_id=systeem_id,
        tooi=identifier(organisatie, "resourceIdentifierTOOI"),
        description=first_text(organisatie, "organisatieBeschrijving", "beschrijvingText"),
        related_to=attribute(child(organisatie, "relatieMetMinisterie"), "resourceIdentifierTOOI"),
        name=name,
        abbreviations=texts(organisatie, "afkorting"),
        types=texts(organisatie, "types", "type"),
        end_date=source.date(child(organisatie, "eindDatum"), unit),
        url=first_text(organisatie, "overzichtURL") or REGISTER_PAGE.format(systeem_id=systeem_id),
        head=read_head(organisatie, source, unit),
        contact=read_contact(organisatie),
        children=tuple(
            read_unit(nested, source) for nested in each(organisatie, "organisaties", "organisatie")
        ),
        line=source.line(organisatie),
    )


def _parent(organisatie: etree._Element) -> str:
    """Where the unit stands, for errors: "in <parent's naam>" or "at the top level"."""
    parent = organisatie.getparent()
    while parent is not None and local(parent.tag) != "organisatie":
        parent = parent.getparent()
    if parent is None:
        return "at the top level"
    return f"in {first_text(parent, 'naam') or 'systeemId ' + str(identifier(parent, 'systeemId'))}"
