"""Made-up register units for the tests of the export reader: no real unit, id or person."""

import dataclasses
from datetime import date
from pathlib import Path

from bzksite.register.records import Contact, Head, RegisterUnit
from bzksite.register.xmlexport import read_register
from tests.register_files import TOOI, write_export


def unit(number: int, name: str, **fields) -> RegisterUnit:
    page = f"https://organisaties.overheid.nl/{number}/{name.replace(' ', '_')}/"
    return RegisterUnit(str(number), f"{TOOI}{number}", name, url=page, **fields)


DIRECTIE = unit(
    900003,
    "Directie Proefdata",
    abbreviations=("DPD",),
    types=("Organisatieonderdeel", "Directie"),
    head=Head("Directeur", "D. Proefpersoon", date(2022, 9, 1)),
    contact=Contact(visiting_address=("Proefstraat 3", "9999 ZZ Proefdorp")),
)
ENDED = unit(900004, "Directie Oude Proefdata", end_date=date(2024, 12, 31))
DG = unit(
    900002,
    "Directoraat-generaal Proefdata",
    types=("Organisatieonderdeel", "Directoraat-generaal"),
    head=Head("Directeur-generaal", "G. Proefpersoon", None),
    children=(DIRECTIE, ENDED),
)
MINISTRY = unit(
    900001,
    "Ministerie van Proefdata",
    abbreviations=("MinPD",),
    types=("Ministerie",),
    head=Head("Secretaris-generaal", "S. Proefpersoon", date(2021, 3, 1)),
    contact=Contact(
        visiting_address=("Proefstraat 1A", "9999 ZZ Proefdorp"),
        postal_address=("Postbus 99999", "9999 ZY Proefdorp"),
        phone="0999 123 456",
        email="postbus@proefdata.invalid",
        website="https://www.proefdata.invalid",
        contact_form="https://www.proefdata.invalid/contact",
    ),
    children=(DG,),
)
OTHER = unit(
    900101,
    "Ministerie van Andere Proefdata",
    types=("Ministerie",),
    contact=Contact(phone="0999 999 999"),
    children=(unit(900102, "Directie Andere Proefdata"),),
)


def without_lines(found: RegisterUnit) -> RegisterUnit:
    """`found` without the lines of its elements, nor its warnings, which name them."""
    children = tuple(without_lines(child) for child in found.children)
    return dataclasses.replace(found, line=None, children=children, warnings=())


def line_of(path: Path, text: str) -> int:
    """The (1-based) line of the first occurrence of `text` in the file."""
    content = path.read_text(encoding="utf-8")
    assert text in content, text
    return content[: content.index(text)].count("\n") + 1


def lines(found: RegisterUnit) -> dict[str, int | None]:
    """Every unit's line in the result, by systeemId."""
    result = {found.systeem_id: found.line}
    for child in found.children:
        result |= lines(child)
    return result


def read_organisatie(
    tmp_path: Path, inner: str, name: str = "Directie Proefcontact", abbreviation: str = ""
) -> tuple[RegisterUnit, Path]:
    """A made-up organisatie (systeemId 900701) with `inner` as its raw XML after
    naam (and afkorting), read back; with the file it was written to."""
    afkorting = f"<p:afkorting>{abbreviation}</p:afkorting>" if abbreviation else ""
    extra = f"""    <p:organisatie p:systeemId="900701" p:resourceIdentifierTOOI="{TOOI}900701">
      <p:naam>{name}</p:naam>{afkorting}
{inner}
    </p:organisatie>\n"""
    path = write_export(tmp_path / "exportOO.xml", [], extra=extra)
    return read_register(path, f"{TOOI}900701"), path
