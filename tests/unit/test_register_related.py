"""The organisations related to a ministry: every top-level organisatie whose
relatieMetMinisterie names it, wherever the ministry stands in the file, and
nothing of the units nested in them. On the real-shape export of 2026-05-15
in ../shared/register/ (see its README for the counts) and on made-up files."""

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from bzksite.register.records import DEFAULT_ROOT, RegisterUnit
from bzksite.register.xmlexport import read_export, read_register
from tests.conftest import REAL_EXPORT
from tests.register_files import TOOI, write_export
from tests.unit.register_fixtures import MINISTRY, OTHER, unit, without_lines

FOREIGN_AFFAIRS = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1013"
TYPES = {
    "Adviescollege": 12,
    "Agentschap": 9,
    "Externe commissie": 6,
    "Interdepartementale commissie": 2,
    "Koepelorganisatie": 2,
    "Zelfstandig bestuursorgaan": 9,
}


@pytest.fixture(scope="module")
def real() -> Path:
    return REAL_EXPORT


def moved(source: Path, target: Path, to_end: bool) -> Path:
    """The export with BZK (systeemId 9632) moved to the end or the start of its level."""
    tree = etree.parse(source)
    bzk = next(
        e for e in tree.iter("{*}organisatie") if e.get(f"{{{e.nsmap['p']}}}systeemId") == "9632"
    )
    level = bzk.getparent()
    level.remove(bzk)
    level.append(bzk) if to_end else level.insert(0, bzk)
    tree.write(target, xml_declaration=True, encoding="UTF-8")
    return target


def descendants(found: RegisterUnit) -> int:
    return sum(1 + descendants(child) for child in found.children)


def ids(found: RegisterUnit) -> set[str]:
    return {found.systeem_id}.union(*(ids(child) for child in found.children))


def test_the_real_export_has_forty_related_organisations_by_type(real: Path):
    export = read_export(real, DEFAULT_ROOT)
    assert export.ministry.systeem_id == "9632" and descendants(export.ministry) == 62
    assert Counter(t for found in export.related for t in found.types) == TYPES
    assert sum(1 for found in export.related if found.end_date) == 5
    assert all(found.related_to == DEFAULT_ROOT for found in export.related)
    assert all(found.children == () for found in export.related), "their units are not read"
    names = {found.name for found in export.related}
    assert len(names) == 40
    assert {"Logius", "Kiesraad", "Vereniging van Nederlandse Gemeenten"} <= names
    assert not names & {"Rijksinkoopsamenwerking", "Nationaal Coördinator Groningen"}
    foreign = read_register(real, FOREIGN_AFFAIRS)
    assert descendants(foreign) == 6
    assert not ids(foreign) & {found.systeem_id for found in export.related}


def test_a_related_organisation_carries_what_the_register_says_of_it(real: Path):
    logius = next(f for f in read_export(real, DEFAULT_ROOT).related if f.name == "Logius")
    assert (logius.systeem_id, logius.types, logius.end_date) == ("71428", ("Agentschap",), None)
    assert logius.tooi and logius.tooi.startswith("https://identifier.overheid.nl/tooi/id/")
    assert logius.url and "71428" in logius.url
    assert logius.description and logius.description.startswith("Logius")
    assert logius.contact.website == "https://www.logius.nl"


def test_the_units_description_is_read_too(real: Path):
    ministry = read_register(real, DEFAULT_ROOT)
    assert ministry.description and ministry.description.startswith("'Samen leven en wonen")


@pytest.mark.parametrize("to_end", [True, False], ids=["ministry last", "ministry first"])
def test_the_order_does_not_depend_on_where_the_ministry_stands(real, tmp_path, to_end):
    expected = read_export(real, DEFAULT_ROOT)
    found = read_export(moved(real, tmp_path / "moved.xml", to_end), DEFAULT_ROOT)
    assert [f.systeem_id for f in found.related] == [f.systeem_id for f in expected.related]
    assert without_lines(found.ministry) == without_lines(expected.ministry)


# Made up: organisations related to MINISTRY (systeemId 900001, TOOI .../oorg900001).
AGENCY = unit(900601, "Agentschap Proefdata", types=("Agentschap",), related_to=MINISTRY.tooi)
ELSEWHERE = unit(900602, "Agentschap Elders", types=("Agentschap",), related_to=OTHER.tooi)


def by_systeem_id(relation: str, number: int, name: str, nested: str = "") -> str:
    """A related organisation whose relatieMetMinisterie has a systeemId and no TOOI."""
    return f"""<p:organisatie p:systeemId="{number}" p:resourceIdentifierTOOI="{TOOI}{number}">
      <p:naam>{name}</p:naam>
      <p:relatieMetMinisterie p:systeemId="{relation}">Proefdata</p:relatieMetMinisterie>
      {nested}
    </p:organisatie>\n"""


def test_related_by_tooi_or_by_systeemid_before_and_after_the_ministry(tmp_path: Path):
    before = by_systeem_id("900001", 900603, "Raad voor Proefdata")
    later = by_systeem_id("900001", 900604, "Commissie Proefdata")
    path = tmp_path / "export.xml"
    write_export(path, [AGENCY, ELSEWHERE, MINISTRY], extra=later)
    text = path.read_text().replace("    <p:organisatie", before + "    <p:organisatie", 1)
    path.write_text(text)
    export = read_export(path, MINISTRY.tooi)
    names = [found.name for found in export.related]
    assert names == ["Raad voor Proefdata", "Agentschap Proefdata", "Commissie Proefdata"]
    assert export.related[0].related_to is None, "the relation named no TOOI"
    assert without_lines(export.ministry) == MINISTRY


def test_a_relation_to_another_ministry_by_systeemid_is_left_out(tmp_path: Path):
    extra = by_systeem_id("900101", 900605, "Raad Elders")
    path = write_export(tmp_path / "export.xml", [MINISTRY, OTHER], extra=extra)
    assert read_export(path, MINISTRY.tooi).related == ()
    assert [f.name for f in read_export(path, OTHER.tooi).related] == ["Raad Elders"]


def test_units_inside_the_ministry_with_a_relation_stay_its_units(tmp_path: Path):
    inside = unit(900606, "Programma Proefdata", related_to=MINISTRY.tooi)
    ministry = dataclasses.replace(MINISTRY, children=(*MINISTRY.children, inside))
    export = read_export(write_export(tmp_path / "export.xml", [ministry]), MINISTRY.tooi)
    assert export.related == ()
    assert "Programma Proefdata" in [child.name for child in export.ministry.children]


def test_the_units_nested_in_a_related_organisation_are_not_read_even_when_broken(tmp_path):
    broken = '<p:organisaties><p:organisatie p:systeemId="900608"/></p:organisaties>'
    extra = by_systeem_id("900001", 900607, "Dienst Proefdata", nested=broken)
    path = write_export(tmp_path / "export.xml", [MINISTRY], extra=extra)
    related = read_export(path, MINISTRY.tooi).related
    assert [(f.name, f.children) for f in related] == [("Dienst Proefdata", ())]


def test_a_related_organisation_comes_back_as_it_was_written(tmp_path: Path):
    agency = dataclasses.replace(AGENCY, description="Een verzonnen agentschap.")
    path = write_export(tmp_path / "export.xml", [MINISTRY, agency])
    assert [without_lines(found) for found in read_export(path, MINISTRY.tooi).related] == [agency]
