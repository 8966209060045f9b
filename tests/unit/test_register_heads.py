"""Who leads a unit: the head's role, name and start date from the register's functies.

The real export has no functies: every unit, functie and person here is made up.
"""

from datetime import date
from pathlib import Path

import pytest

from bzksite.register.heads import head_title
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


def head_of(
    tmp_path: Path, *functies: str, name: str = "Directie Proefdata", kind: str = ""
) -> Head | None:
    types = f"<p:types><p:type>{kind}</p:type></p:types>" if kind else ""
    extra = f"""<p:organisatie p:systeemId="900601" p:resourceIdentifierTOOI="{TOOI}900601">
      <p:naam>{name}</p:naam>{types}
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


def test_a_directies_directeur_ranks_before_a_hoofd_listed_first(tmp_path: Path):
    head = head_of(
        tmp_path,
        functie("Hoofd Proefbureau", ("B", "2024-01-01")),
        functie("Directeur", ("A", "2020-01-01")),
    )
    assert head == Head("Directeur", "A", date(2020, 1, 1))


def test_of_two_functies_with_the_same_title_the_first_decides(tmp_path: Path):
    head = head_of(
        tmp_path, functie("Directeur", ("A", "2020-01-01")), functie("Directeur", ("B", None))
    )
    assert head == Head("Directeur", "A", date(2020, 1, 1))


@pytest.mark.parametrize(
    ("before", "name"),
    [
        ("Directeur Bedrijfsvoering", "Directoraat-generaal Proefdata"),
        # DGRO as the register names it: a programme by its first word, a DG by kinds.py.
        ("Programmadirecteur Proefwoningen", "Programma Directoraat-generaal Ruimtelijke Ordening"),
    ],
)
def test_a_dgs_head_is_its_directeur_generaal_whoever_is_listed_first(
    tmp_path: Path, before: str, name: str
):
    head = head_of(
        tmp_path,
        functie(before, ("A. Proefpersoon", "2024-01-01")),
        functie("Directeur-generaal Proefdata", ("G. Proefpersoon", "2020-01-01")),
        name=name,
    )
    assert head == Head("Directeur-generaal Proefdata", "G. Proefpersoon", date(2020, 1, 1))


@pytest.mark.parametrize(
    ("name", "kind", "role"),
    [
        ("Proefdata", "Ministerie", "Secretaris-generaal"),
        ("Directoraat-generaal Proefdata", "Organisatieonderdeel", "Directeur-generaal"),
        ("Proefdienst", "Agentschap", "Algemeen directeur"),
        ("Cluster Proefdata", "", "Clusterdirecteur"),
        ("Programma Proefdata", "", "Programmadirecteur"),
        ("Afdeling Proefdata", "", "Hoofd"),
        ("Bureau Proefdata", "", "Hoofd"),
    ],
)
def test_the_title_that_fits_the_units_kind_ranks_first(
    tmp_path: Path, name: str, kind: str, role: str
):
    others = [
        functie(title, (f"Iemand als {title}", None))
        for title in ("Directeur", "Hoofd", "Directeur-generaal", "Clusterdirecteur")
        if title != role
    ]
    head = head_of(
        tmp_path, *others, functie(role, ("H. Proefpersoon", None)), name=name, kind=kind
    )
    assert head == Head(role, "H. Proefpersoon", None)


def test_an_inspecteur_generaal_leads_a_directoraat_generaal(tmp_path: Path):
    head = head_of(
        tmp_path,
        functie("Directeur Toezicht", ("D", None)),
        functie("Inspecteur-generaal", ("I", None)),
        name="Inspectie Proefdata",
        kind="Directoraat-generaal",
    )
    assert head == Head("Inspecteur-generaal", "I", None)


def test_an_algemeen_directeur_leads(tmp_path: Path):
    head = head_of(tmp_path, functie("Algemeen directeur", ("A", None)), name="Proefdienst")
    assert head == Head("Algemeen directeur", "A", None)


@pytest.mark.parametrize(
    ("role", "title"),
    [
        ("Hoofdredacteur", None),
        ("Directeuren-overleg", None),
        ("Adviseur van de directeur-generaal", None),
        ("Directeur-generaal", "directeur-generaal"),
        ("Directeur Generaal Proefdata", "directeur-generaal"),
        ("ALGEMEEN DIRECTEUR", "algemeen directeur"),
        ("Directeur Bedrijfsvoering", "directeur"),
        ("Hoofd afdeling Proefdata", "hoofd"),
        ("Plaatsvervangend secretaris-generaal", None),
        ("plv. directeur", None),
        ("plv directeur", None),
        ("Loco-secretaris-generaal", None),
        ("Directeur-generaal (plv.)", None),
    ],
)
def test_titles_are_whole_words_and_deputies_have_none(role: str, title: str | None):
    assert head_title(role) == title


def test_a_programmadirecties_programmadirecteur_leads_before_a_directeur(tmp_path: Path):
    head = head_of(
        tmp_path,
        functie("Directeur Bedrijfsvoering", ("B", None)),
        functie("Programmadirecteur", ("P", None)),
        name="Programmadirectie Proefdata",
    )
    assert head == Head("Programmadirecteur", "P", None)


@pytest.mark.parametrize("kind", ["Agentschap", "AGENTSCHAP"])
def test_an_agency_by_its_type_is_led_by_its_directeur(tmp_path: Path, kind: str):
    head = head_of(
        tmp_path,
        functie("Programmadirecteur", ("P", None)),
        functie("Directeur", ("D", None)),
        name="Proefbeheer",
        kind=kind,
    )
    assert head == Head("Directeur", "D", None)


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
