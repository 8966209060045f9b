"""A unit's own general contact data: addresses, phone, email, website and contact form.

Only the organisatie's own `adressen` and `contact` are read: never those of
a medewerker, who may carry contact data of their own, nor the `woo` block
(where to send a request under the Woo).

The register labels each phone number, e-mail and web address ("algemeen",
"pers", "secretariaat", "Woo", ...). The unit's general one is labelled
"algemeen", in any case, or not labelled at all. Of each field the first
general value is taken that is not personal data (personal.py) and that the
content accepts (values.py); one passed over as personal is named in
`withheld`, one passed over as bad gets a warning in the export file.

The element names are the register's schema's (oo-export-2.6.11.xsd).
"""

from collections.abc import Iterable, Iterator

from lxml import etree

from .elements import child, each, first_text, text, texts
from .exportfile import ExportFile
from .personal import is_mobile_number, is_personal_email
from .records import Contact
from .values import value_problem

# Each field with where its values stand: the list, one entry, the value.
_FIELDS = (
    ("phone", ("telefoonnummers", "telefoonnummer", "nummer")),
    ("email", ("emailadressen", "emailadres", "email")),
    ("website", ("internetadressen", "internetadres", "url")),
    ("contact_form", ("contactformulieren", "contactformulier", "url")),
)
GENERAL_LABEL = "algemeen"


def read_contact(
    organisatie: etree._Element, source: ExportFile, unit: str, own: Iterable[str] = ()
) -> tuple[Contact, tuple[str, ...]]:
    """The unit's contact data and the fields withheld as personal data.

    `unit` names the unit in warnings; `own` are its name and abbreviations,
    which an address of its own may carry (abd@, BDC-O@).
    """
    contact = child(organisatie, "contact")
    own = (*own, *texts(contact, "internetadressen", "internetadres", "url"))
    values: dict[str, str] = {}
    withheld: list[str] = []
    for field, path in _FIELDS:
        for element in _general(contact, *path):
            if field in values:
                break
            if (value := text(element)) is None:
                continue
            if _personal(field, value, own):
                withheld += [] if field in withheld else [field]
            elif problem := value_problem(field, value):
                source.warn(element, unit, problem)
            else:
                values[field] = value
    return Contact(
        visiting_address=_address(organisatie, "bezoekadres"),
        postal_address=_address(organisatie, "postadres"),
        **values,
    ), tuple(withheld)


def _general(contact: etree._Element | None, *path: str) -> Iterator[etree._Element]:
    """The value elements at `path` whose entry is labelled "algemeen" or not labelled."""
    *entry_path, leaf = path
    for entry in each(contact, *entry_path):
        label = first_text(entry, "label")
        value = child(entry, leaf)
        if value is not None and (label is None or label.casefold() == GENERAL_LABEL):
            yield value


def _personal(field: str, value: str, own: Iterable[str]) -> bool:
    if field == "phone":
        return is_mobile_number(value)
    return field == "email" and is_personal_email(value, own)


def _address(organisatie: etree._Element, kind: str) -> tuple[str, ...]:
    """The lines of the first address of `kind` ("bezoekadres" or "postadres")."""
    for adres in each(organisatie, "adressen", "adres"):
        if (first_text(adres, "adresType") or "").casefold() == kind:
            return _lines(adres, postal=kind == "postadres")
    return ()


def _lines(adres: etree._Element, postal: bool) -> tuple[str, ...]:
    postbus = first_text(adres, "postbus")
    if postal and postbus:
        first = f"Postbus {postbus}"
    else:
        number = (first_text(adres, "huisnummer") or "") + (first_text(adres, "toevoeging") or "")
        first = _join(first_text(adres, "openbareRuimte"), number)
    second = _join(first_text(adres, "postcode"), first_text(adres, "woonplaats"))
    return tuple(line for line in (first, second) if line)


def _join(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)
