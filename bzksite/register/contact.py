"""A unit's own contact data: its addresses, phone, email, website and contact page.

Only the organisatie's own `adressen` and `contact` are read, never those of
a medewerker, who may carry contact data of their own.

The element names follow the export as public parsers describe it; where
the current export and older ones differ (`adresType` or `type`,
`openbareRuimte` or `straat`, `woonplaats` or `plaats`, `contactformulieren`
or `contactpaginas`), either is read.
"""

from lxml import etree

from .elements import child, each, first_text
from .records import Contact


def read_contact(organisatie: etree._Element) -> Contact:
    contact = child(organisatie, "contact")
    return Contact(
        visiting_address=_address(organisatie, "bezoekadres"),
        postal_address=_address(organisatie, "postadres"),
        phone=first_text(contact, "telefoonnummers", "telefoonnummer", "nummer"),
        email=first_text(contact, "emailadressen", "emailadres", "email"),
        website=first_text(contact, "internetadressen", "internetadres", "url"),
        contact_form=first_text(contact, "contactpaginas", "contactpagina", "url")
        or first_text(contact, "contactformulieren", "contactformulier", "url"),
    )


def _address(organisatie: etree._Element, kind: str) -> tuple[str, ...]:
    """The lines of the first address of `kind` ("bezoekadres" or "postadres")."""
    for adres in each(organisatie, "adressen", "adres"):
        if (_field(adres, "type", "adresType") or "").casefold() == kind:
            return _lines(adres, postal=kind == "postadres")
    return ()


def _lines(adres: etree._Element, postal: bool) -> tuple[str, ...]:
    postbus = _field(adres, "postbus")
    if postal and postbus:
        first = f"Postbus {postbus}"
    else:
        number = (_field(adres, "huisnummer") or "") + (
            _field(adres, "huisnummertoevoeging", "toevoeging") or ""
        )
        first = _join(_field(adres, "straat", "openbareRuimte"), number)
    second = _join(_field(adres, "postcode"), _field(adres, "plaats", "woonplaats"))
    return tuple(line for line in (first, second) if line)


def _field(adres: etree._Element, *names: str) -> str | None:
    for name in names:
        if value := first_text(adres, name):
            return value
    return None


def _join(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)
