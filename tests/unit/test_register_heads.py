"""Who leads a unit: the head's role, name and start date from the register's functies."""

from datetime import date
from pathlib import Path

import pytest

from bzksite.register.records import Head
from bzksite.register.xmlexport import read_register
from tests.register_files import TOOI, write_export


def functie(role: str, *people: tuple[str, str | None]) -> str:
    medewerkers = "".join(
        f"<p:medewerker><p:naam>{name}</p:naam>"
        + (f"<p:startDatum>{start}</p:startDatum>" if start else "")
        + "</p:medewerker>"
        for name, start in people
    )
    medewerkers = f"<p:medewerkers>{medewerkers}</p:medewerkers>"
    return f"<p:functie><p:naam>{role}</p:naam>{medewerkers}</p:functie>"


def head_of(tmp_path: Path, *functies: str) -> Head | None:
    extra = f"""<p:organisatie p:systeemId="900601" p:resourceIdentifierTOOI="{TOOI}900601">
      <p:naam>Directie Proefdata</p:naam>
      <p:functies>{"".join(functies)}</p:functies>
    </p:organisatie>\n"""
    path = write_export(tmp_path / "export.xml", [], extra=extra)
    return read_register(path, f"{TOOI}900601").head


def test_a_deputy_listed_first_is_not_the_head(tmp_path: Path):
    head = head_of(
        tmp_path,
        functie("Plaatsvervangend directeur-generaal", ("A. Plaatsvervanger", "2024-01-01")),
        functie("plv. Directeur-generaal", ("B. Plaatsvervanger", "2024-01-01")),
        functie("Directeur-generaal", ("C. Proefpersoon", None)),
    )
    assert head == Head("Directeur-generaal", "C. Proefpersoon", None)


def test_of_several_medewerkers_the_one_who_started_last_leads(tmp_path: Path):
    people = [("A", "2019-05-01"), ("B", "2023-02-01"), ("C", "2021-01-01"), ("D", None)]
    head = head_of(tmp_path, functie("Directeur", *people))
    assert head == Head("Directeur", "B", date(2023, 2, 1))


def test_of_two_who_started_on_the_same_day_the_one_listed_last_leads(tmp_path: Path):
    head = head_of(tmp_path, functie("Directeur", ("A", "2023-02-01"), ("B", "2023-02-01")))
    assert head == Head("Directeur", "B", date(2023, 2, 1))


def test_when_no_one_has_a_start_date_the_last_one_leads(tmp_path: Path):
    head = head_of(tmp_path, functie("Hoofd", ("A", None), ("B", None)))
    assert head == Head("Hoofd", "B", None)


@pytest.mark.parametrize(
    "role",
    [
        "SECRETARIS-GENERAAL",
        "Directeur-generaal Proefdata",
        "inspecteur-generaal",
        "Clusterdirecteur",
        "Directeur",
        "Hoofd Proefbureau",
    ],
)
def test_every_heads_title_counts_in_any_case(tmp_path: Path, role: str):
    head = head_of(tmp_path, functie("Woo-contactpersoon", ("W", None)), functie(role, ("H", None)))
    assert head == Head(role, "H", None)


def test_the_first_functie_with_a_heads_title_decides(tmp_path: Path):
    head = head_of(
        tmp_path,
        functie("Directeur", ("A", "2020-01-01")),
        functie("Hoofd", ("B", "2024-01-01")),
    )
    assert head == Head("Directeur", "A", date(2020, 1, 1))


@pytest.mark.parametrize(
    "functies",
    [
        [],
        [functie("Woo-contactpersoon", ("W", None)), functie("Adviseur", ("X", None))],
        [functie("Directeur"), functie("Hoofd", ("B", None))],
        [functie("Directeur", (" ", "2020-01-01"))],
    ],
    ids=["no functies", "no head's title", "vacant", "nameless"],
)
def test_without_a_named_medewerker_in_a_heads_functie_there_is_no_head(
    tmp_path: Path, functies: list[str]
):
    assert head_of(tmp_path, *functies) is None


def test_someone_whose_post_has_ended_is_not_the_head(tmp_path: Path):
    left = (
        "<p:medewerker><p:naam>A. Vertrokken</p:naam><p:startDatum>2025-01-01</p:startDatum>"
        "<p:eindDatum>2025-06-30</p:eindDatum></p:medewerker>"
    )
    role = functie("Directeur", ("B. Blijver", "2020-01-01")).replace(
        "<p:medewerkers>", f"<p:medewerkers>{left}", 1
    )
    assert head_of(tmp_path, role) == Head("Directeur", "B. Blijver", date(2020, 1, 1))
