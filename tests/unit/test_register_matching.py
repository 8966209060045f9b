"""A register unit is found again in the content however the register names
it: by the way people read a name, by an abbreviation, by place, and by the
editors' mapping; what only resembles a unit is held back, never created
twice. The decree's top level keeps its place and name. Made-up units are
built on the content before its first import by tests/register_fixtures.py."""

import tomllib
from dataclasses import replace
from datetime import date

import pytest

from bzksite.register.citationfile import register_key
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.mapping import read_mapping
from bzksite.register.names import core_key, name_key, split_abbreviation
from bzksite.register.records import RegisterError, RegisterUnit
from bzksite.sourcefiles import SourceError
from tests.register_fixtures import (
    TODAY,
    changed,
    committed_as_register,
    content_before_import,
    with_child,
)

MAPPING = "register-mapping.toml"


@pytest.fixture
def content(tmp_path):
    return content_before_import(tmp_path)


def unit_files(content) -> dict[str, dict]:
    return {p.stem: tomllib.loads(p.read_text()) for p in (content / "units").glob("*.toml")}


@pytest.mark.parametrize(
    ("register", "content"),
    [
        ("directie Inlichtingen", "Directie Inlichtingen"),
        ("Bestuursadvisering", "Directie Bestuursadvisering"),
        ("Programma Directoraat-generaal Ruimtelijke Ordening", "Directoraat-generaal Ruimtelijke"
         " Ordening"),
        ("Directie Financieel-Economische Zaken (FEZ)", "Directie Financieel-Economische Zaken"),
        ("Directie Bestuur, Financiën en Regio\u2019s", "directie Bestuur, Financien en Regio's"),
    ],
)  # fmt: skip
def test_names_read_as_people_read_them(register, content):
    assert name_key(register) == name_key(content)


def test_names_of_different_units_differ():
    assert name_key("Directie Wonen") != name_key("Directie Woningbouw")
    assert name_key("Bureau Algemene Bestuursdienst") != name_key(
        "Directoraat-generaal Algemene Bestuursdienst"
    )
    assert core_key("Bureau Algemene Bestuursdienst") == core_key(
        "Directoraat-generaal Algemene Bestuursdienst"
    )


def test_an_abbreviation_in_brackets_is_split_off_and_other_brackets_stay():
    assert split_abbreviation("directie Ambtenaar & Organisatie (A&O)") == (
        "directie Ambtenaar & Organisatie",
        "A&O",
    )
    assert split_abbreviation("Raad voor de financiele verhoudingen (Rfv)")[1] == "Rfv"
    assert split_abbreviation("Directie Wonen (tijdelijk ingesteld)")[1] is None


def register_named_as_people_write(content):
    """The committed units as the register writes them: other case, no
    "Directie", a "Programma" prefix, KIEM by its abbreviation alone."""
    root = committed_as_register(content)
    root = changed(root, "Directie Bestuursadvisering", name="Bestuursadvisering", abbreviations=())
    root = changed(root, "Directie Kennis, Internationaal, Europa en Macro-economie", name="KIEM")
    root = changed(root, "Directie Democratie en Bestuur", name="directie Democratie en Bestuur")
    return changed(
        root,
        "Directoraat-generaal Ruimtelijke Ordening",
        name="Programma Directoraat-generaal Ruimtelijke Ordening",
        abbreviations=(),
    )


def test_the_first_import_finds_units_the_register_names_otherwise(content):
    before = unit_files(content)
    planned = plan_import(content, register_named_as_people_write(content), TODAY)
    apply_import(content, planned)
    after = unit_files(content)
    assert set(after) == set(before), "no unit twice"
    assert not [line for line in planned.report if line.startswith(("new:", "renamed"))]
    assert [line for line in planned.report if line.startswith("different")] == [
        "different from the decree: dgro: register: 'Programma Directoraat-generaal Ruimtelijke"
        " Ordening' / content: 'Directoraat-generaal Ruimtelijke Ordening'"
    ]
    for unit_id, data in after.items():
        assert data["name"] == before[unit_id]["name"], "names read alike are kept"


def test_a_look_alike_is_held_back_until_the_mapping_says_which_unit_it_is(content):
    committed = (content / MAPPING).read_text()
    (content / MAPPING).write_text(committed.split("\n[units]")[0])  # the decree, no decisions
    root = changed(
        committed_as_register(content),
        "Directoraat-generaal Algemene Bestuursdienst",
        name="Bureau Algemene Bestuursdienst",
        abbreviations=(),
    )
    number = next(c.systeem_id for c in root.children if c.name.startswith("Bureau"))
    planned = plan_import(content, root, TODAY)
    assert planned.report == [
        f"new source: {register_key(TODAY)}",  # the export, dated today: it has no date
        f"to map: {number} 'Bureau Algemene Bestuursdienst' resembles dgabd"
        " (Directoraat-generaal Algemene Bestuursdienst); map it in the mapping file",
    ]
    apply_import(content, planned)
    assert "systeem_id" not in unit_files(content)["dgabd"].get("register", {})
    assert not (content / "units" / "bureau-algemene-bestuursdienst.toml").exists()

    decision = f'[units]\n"{number}" = "dgabd"  # made up: a test\'s decision\n'
    (content / MAPPING).write_text(committed.replace("[units]\n", decision))
    planned = plan_import(content, root, TODAY)
    apply_import(content, planned)
    dgabd = unit_files(content)["dgabd"]
    assert dgabd["register"]["systeem_id"] == number
    assert dgabd["name"] == "Directoraat-generaal Algemene Bestuursdienst"
    assert not [line for line in planned.report if line.startswith(("new:", "to map"))]


def test_a_decree_unit_is_never_moved_nor_renamed_and_the_difference_is_reported(content):
    grouping = replace(
        committed_as_register(content),
        systeem_id="900077",
        tooi=None,
        name="Secretaris-generaal Cluster",
        abbreviations=(),
        types=("Organisatieonderdeel",),
        children=(),
    )
    root = committed_as_register(content)
    bo = next(c for c in root.children if c.name == "Cluster Bestuursondersteuning")
    root = changed(root, bo.name, drop=True)
    root = replace(root, children=(*root.children, replace(grouping, children=(bo,))))
    root = changed(root, "Directoraat-generaal Koninkrijksrelaties", name="DG Koninkrijk")
    report = plan_import(content, root, TODAY).report
    assert (
        "different from the decree: bo: register: under"
        " 'Secretaris-generaal Cluster' (900077)"
        " / content: under bzk (the decree's)"
    ) in report
    assert (
        "different from the decree: dgkr: register: 'DG Koninkrijk'"
        " / content: 'Directoraat-generaal Koninkrijksrelaties'"
    ) in report
    assert any(
        line.startswith("different from the decree: secretaris-generaal-cluster") for line in report
    )
    planned = plan_import(content, root, TODAY)
    apply_import(content, planned)
    after = unit_files(content)
    assert after["bo"]["parent"] == "bzk" and after["bo"]["order"] == 9
    assert after["dgkr"]["name"] == "Directoraat-generaal Koninkrijksrelaties"
    assert after["secretaris-generaal-cluster"]["order"] == 10, "after the decree's units"


def test_the_mapping_places_a_unit_elsewhere(content):
    extra = replace(
        committed_as_register(content), systeem_id="900088", tooi=None, name="Commissies",
        abbreviations=(), types=("Organisatieonderdeel",), children=(),
    )  # fmt: skip
    root = committed_as_register(content)
    root = replace(root, children=(*root.children, extra))
    mapping = (content / MAPPING).read_text()
    (content / MAPPING).write_text(
        mapping.replace("[places]\n", '[places]\n"900088" = "dgdoo"  # made up for a test\n')
    )
    apply_import(content, plan_import(content, root, TODAY))
    assert unit_files(content)["commissies"]["parent"] == "dgdoo"


def test_a_mapping_line_without_a_reason_or_to_no_unit_is_refused(content):
    (content / MAPPING).write_text('[units]\n"900006" = "dgabd"\n')
    with pytest.raises(SourceError, match=r"register-mapping.toml:2: 900006: say why"):
        read_mapping(content)
    (content / MAPPING).write_text('[units]\n"900006" = "nergens"  # made up\n')
    with pytest.raises(RegisterError, match=r"register-mapping.toml:2: unit 'nergens' does not"):
        plan_import(content, committed_as_register(content), TODAY)


def test_history_ended_before_the_first_import_reopened_and_under_an_ended_parent(content):
    gone = replace(
        committed_as_register(content), systeem_id="900055", tooi=None,
        name="Directie Verleden Tijd", abbreviations=(), types=("Organisatieonderdeel",),
        end_date=date(2019, 1, 1), children=(),
    )  # fmt: skip
    root = with_child(committed_as_register(content), "Directie Democratie en Bestuur", gone)
    planned = plan_import(content, root, TODAY)
    assert "ended (history): directie-verleden-tijd (Directie Verleden Tijd, 2019-01-01)" in (
        planned.report
    )
    assert not [line for line in planned.report if line.startswith("new:")]
    apply_import(content, planned)
    ended = unit_files(content)["directie-verleden-tijd"]
    assert (ended["ended"], ended["sources"]["ended"]) == (date(2019, 1, 1), register_key(TODAY))

    root = changed(root, "Directie Verleden Tijd", end_date=None)
    planned = plan_import(content, root, date(2026, 12, 6))
    assert "reopened: directie-verleden-tijd: the register lists it without an end date" in (
        planned.report
    )
    apply_import(content, planned)
    reopened = unit_files(content)["directie-verleden-tijd"]
    assert "ended" not in reopened and "ended" not in reopened["sources"], "nor its source"


def made_up(number: int, name: str, **fields) -> RegisterUnit:
    return RegisterUnit(
        systeem_id=str(number), tooi=None, name=name, types=("Organisatieonderdeel",), **fields
    )


def test_a_unit_under_its_own_parent_wins_over_a_namesake_met_first(content):
    root = changed(committed_as_register(content), "Directie Communicatie", name="Communicatie")
    namesake = made_up(900091, "Communicatie")  # made up, under DGOBDR, met before Cluster BO
    root = with_child(
        root, "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat", namesake
    )
    report = plan_import(content, root, TODAY).report
    assert "new: communicatie (Communicatie)" in report
    assert not [line for line in report if line.startswith(("moved", "to map"))]


def test_a_second_unit_with_the_name_of_one_beside_it_is_held_back(content):
    twin = made_up(900092, "KIEM")  # made up: the register listing a unit twice
    root = with_child(committed_as_register(content), "Cluster Bestuursondersteuning", twin)
    report = plan_import(content, root, TODAY).report
    assert [line for line in report if line.startswith(("new:", "to map"))] == [
        "to map: 900092 'KIEM' has the name of kiem, which register unit"
        f" {kiem_number(root)} already is; map it in the mapping file"
    ]


def kiem_number(root: RegisterUnit) -> str:
    bo = next(c for c in root.children if c.name == "Cluster Bestuursondersteuning")
    return next(c.systeem_id for c in bo.children if c.abbreviations == ("KIEM",))


def test_a_mapping_that_takes_a_unit_another_fits_holds_that_other_back(content):
    root = committed_as_register(content)
    other = made_up(900093, "Directie Proefdata")  # made up, under DGOBDR
    root = with_child(
        root, "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat", other
    )
    mapping = (content / MAPPING).read_text()
    decision = '[units]\n"900093" = "kiem"  # made up: a wrong decision\n'
    (content / MAPPING).write_text(mapping.replace("[units]\n", decision))
    report = plan_import(content, root, TODAY).report
    assert any(
        line.startswith(f"to map: {kiem_number(root)} ") and "has the name of kiem" in line
        for line in report
    ), report
    assert not [line for line in report if line.startswith("new:")]


@pytest.mark.parametrize(
    ("decisions", "message"),
    [
        (
            '[units]\n"{a}" = "kiem"  # made up\n"{b}" = "kiem"  # made up\n',
            r"register-mapping.toml:3: unit 'kiem' is mapped twice",
        ),
        (
            '[places]\n"{a}" = "nergens"  # made up\n',
            r"register-mapping.toml:2: unit 'nergens' does not exist",
        ),
    ],
)
def test_mapping_decisions_the_content_contradicts_are_refused_by_line(content, decisions, message):
    root = committed_as_register(content)
    a, b = (c.systeem_id for c in root.children[:2])
    (content / MAPPING).write_text(decisions.format(a=a, b=b))
    with pytest.raises(RegisterError, match=message):
        plan_import(content, root, TODAY)


def test_history_on_a_first_import_and_a_unit_beside_the_decree_reported_each_time(
    content,
):
    root = changed(
        committed_as_register(content), "Directie Communicatie", end_date=date(2020, 1, 1)
    )
    extra = made_up(900094, "Commissies")  # made up, directly under the ministry
    root = replace(root, children=(*root.children, extra))
    first = plan_import(content, root, TODAY)
    assert "ended (history): com (2020-01-01)" in first.report
    apply_import(content, first)
    beside = "different from the decree: commissies: register: 'Commissies' directly under"
    assert any(line.startswith(beside) for line in first.report)
    assert any(line.startswith(beside) for line in plan_import(content, root, TODAY).report)
