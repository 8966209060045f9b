"""The import of the register into db/content: units found again by id or
(the first time) by abbreviation and parent or name; only what the register
holds changes, with the export as the source of each fact it writes; a second
import changes nothing; all files or none. Each test starts from the content
before its first import."""

import re
import tomllib
from dataclasses import replace
from datetime import date

import pytest

from bzksite.register.citationfile import register_key
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.mapping import read_mapping
from bzksite.register.records import Contact, Head, RegisterError, RegisterUnit
from bzksite.translate.extract import content_template
from tests.register_fixtures import (
    EXPORTED,
    TODAY,
    changed,
    committed_as_register,
    content_before_import,
    with_child,
)

DENB = "Directie Democratie en Bestuur"
DGOBDR = "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat"
KEY = register_key(EXPORTED)
NEW = RegisterUnit(  # made up
    systeem_id="900099",
    tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg900099",
    name="Directie Proefdata en Verzinsels",
    abbreviations=("DPV",),
    types=("Organisatieonderdeel",),
    head=Head("Directeur Proefdata en Verzinsels", "Mw. A.B. Voorbeeld", date(2026, 6, 1)),
    contact=Contact(
        visiting_address=("Proefstraat 1", "9999 XX Nergenshuizen"),
        phone="070 000 0000",
        email="dpv@example.nl",
    ),
)


@pytest.fixture
def content(tmp_path):
    return content_before_import(tmp_path)


def imported(content, root, today=TODAY) -> list[str]:
    planned = plan_import(content, root, today, exported=EXPORTED)
    apply_import(content, planned)
    return planned.report


def files(folder) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted((folder / "units").iterdir())}


def texts_of(text: str) -> list[str]:
    """What is not the register's in a unit file: its comments and texts but the name."""
    data = tomllib.loads(text)
    kept = [line for line in text.splitlines() if line.startswith("#")]
    kept += [repr(data.get(key)) for key in ("description", "description_heading", "related")]
    return [*kept, repr(data.get("children_intro"))]


def without_tables(text: str, *names: str) -> str:
    for name in names:
        text = re.sub(rf"\n\[{name}\]\n(.+\n)+\n?", "\n", text)
    return text.rstrip()


def keys(cited: str | list[str]) -> list[str]:
    return [cited] if isinstance(cited, str) else cited


def test_the_first_import_finds_every_committed_unit_and_changes_no_text(content):
    before = files(content)
    decree = {*read_mapping(content).decree, "bzk"}  # the ministry and its top level
    report = imported(content, committed_as_register(content))
    after = files(content)
    assert report == [f"new source: {KEY}"], "nothing new, renamed, moved or ended"
    assert set(after) == set(before), "no unit file added"
    for name, text in after.items():
        data, old = tomllib.loads(text), tomllib.loads(before[name])
        assert data["register"]["imported"] == TODAY and data["register"]["systeem_id"], name
        assert texts_of(text) == texts_of(before[name]), name
        assert without_tables(text, "register", "sources") == without_tables(
            before[name], "sources"
        ), "[register] and [sources] are all the import changed"
        expected = dict(old["sources"])
        if "director" in old:
            expected["director"] = KEY  # the head the register names
        if data["id"] not in decree:  # these exist by the decree alone
            expected["unit"] = [*keys(old["sources"]["unit"]), KEY]
        assert data["sources"] == expected, name
    sources = tomllib.loads((content / "sources.toml").read_text())
    assert sources[KEY]["date"] == EXPORTED and sources[KEY]["evidence"] == "official"


def test_a_second_import_changes_nothing(content):
    root = committed_as_register(content)
    imported(content, root)
    before = files(content)
    planned = plan_import(content, root, date(2026, 12, 5), exported=EXPORTED)
    assert planned.files == {} and planned.report == [], "the export is listed once"
    assert files(content) == before


def test_a_new_unit_a_new_head_and_an_end_are_written_and_reported(content):
    imported(content, committed_as_register(content))
    root = with_child(
        committed_as_register(content),
        DGOBDR,
        NEW,
    )
    root = changed(
        root, "Directie Bestuursadvisering", head=Head("Directeur", "Dhr. C. Proef", None)
    )
    root = changed(root, "Directie Communicatie", end_date=date(2026, 10, 1))
    descriptions = {name: texts_of(text) for name, text in files(content).items()}
    report = imported(content, root, date(2026, 12, 1))
    assert report == [
        "new: dpv (Directie Proefdata en Verzinsels)",
        "ended: com (2026-10-01)",
        "new head: ba: Dhr. C. Proef (Directeur)",
    ]
    new = tomllib.loads((content / "units" / "dpv.toml").read_text())
    assert (
        new["parent"] == "dgobdr" and new["kind"] == "department" and new["abbreviation"] == "DPV"
    )
    assert new["director"] == {
        "role": NEW.head.role,
        "name": NEW.head.name,
        "since": date(2026, 6, 1),
    }
    assert new["contact"] == {
        "visiting_address": ["Proefstraat 1", "9999 XX Nergenshuizen"],
        "phone": "070 000 0000",
        "email": "dpv@example.nl",
    }
    assert new["register"]["imported"] == date(2026, 12, 1)
    assert new["sources"] == {"unit": KEY, "director": KEY, "contact": KEY}
    ba = tomllib.loads((content / "units" / "ba.toml").read_text())
    assert ba["director"] == {"role": "Directeur", "name": "Dhr. C. Proef"}
    assert ba["sources"]["director"] == KEY
    com = tomllib.loads((content / "units" / "com.toml").read_text())
    assert (com["ended"], com["sources"]["ended"]) == (date(2026, 10, 1), KEY)
    assert {
        name: texts_of(text) for name, text in files(content).items() if name != "dpv.toml"
    } == descriptions
    names = {message.id for message in content_template(content, content.parent)}
    assert NEW.name in names and NEW.head.role in names, "new texts reach the translators"


def test_new_units_follow_their_existing_siblings_in_the_registers_order(content):
    imported(content, committed_as_register(content))
    root = committed_as_register(content)
    made_up = [  # ba, com and kiem are under bo with orders 1 to 3; dgro has no units
        ("Cluster Bestuursondersteuning", "900091", "Afdeling Proef Een", "ape"),
        ("Cluster Bestuursondersteuning", "900092", "Bureau Proef Twee", "bpt"),
        ("Directoraat-generaal Ruimtelijke Ordening", "900093", "Directie Proef Drie", "dpd"),
    ]
    for parent, number, name, abbreviation in made_up:
        child = replace(NEW, systeem_id=number, tooi=None, name=name, abbreviations=(abbreviation,))
        root = with_child(root, parent, child)
    orders_before = {
        name: tomllib.loads(text).get("order") for name, text in files(content).items()
    }
    imported(content, root)
    orders = {name: tomllib.loads(text).get("order") for name, text in files(content).items()}
    assert (orders["ape.toml"], orders["bpt.toml"], orders["dpd.toml"]) == (4, 5, 1)
    assert {name: orders[name] for name in orders_before} == orders_before


def test_a_new_unit_takes_its_kind_from_its_name_and_a_unit_in_the_content_keeps_its_own(content):
    imported(content, committed_as_register(content))
    root = committed_as_register(content)
    bo = next(c for c in root.children if c.name == "Cluster Bestuursondersteuning")
    com = next(c for c in bo.children if c.name == "Directie Communicatie")
    # renamed in the register: the new name says cluster, com.toml says department
    renamed = replace(com, name="Cluster Communicatie")
    root = with_child(changed(root, com.name, drop=True), bo.name, renamed)
    made_up = [("Bureau Proef", "bp"), ("Team Proef", "tp")]
    for number, (name, abbreviation) in enumerate(made_up, 900094):
        child = replace(
            NEW, systeem_id=str(number), tooi=None, name=name, abbreviations=(abbreviation,)
        )
        root = with_child(root, "Cluster Bestuursondersteuning", child)
    imported(content, root)
    kinds = {name: tomllib.loads(text)["kind"] for name, text in files(content).items()}
    assert kinds["bp.toml"] == "office" and kinds["tp.toml"] == "unit"
    assert kinds["com.toml"] == "department", "the content's kind wins over the name's"


def test_a_unit_the_register_no_longer_lists_is_ended_not_deleted(content):
    imported(content, committed_as_register(content))
    imported(
        content,
        changed(committed_as_register(content), "Directie Communicatie", drop=True),
        date(2026, 12, 2),
    )
    com = tomllib.loads((content / "units" / "com.toml").read_text())
    assert com["ended"] == date(2026, 12, 2) and com["description"]
    assert com["sources"]["ended"] == KEY, "the export that no longer lists it"


def test_a_fact_the_register_no_longer_gives_goes_with_its_source(content):
    root = committed_as_register(content)
    imported(content, with_child(root, DGOBDR, NEW))
    assert tomllib.loads((content / "units" / "dpv.toml").read_text())["sources"]["contact"] == KEY
    report = imported(content, with_child(root, DGOBDR, replace(NEW, contact=Contact())))
    assert not [line for line in report if line.startswith("new")], report
    dpv = tomllib.loads((content / "units" / "dpv.toml").read_text())
    assert "contact" not in dpv and "contact" not in dpv["sources"]
    assert dpv["sources"]["director"] == KEY, "the others stay"


def test_a_renamed_and_moved_unit_keeps_its_id(content):
    imported(content, committed_as_register(content))
    root = committed_as_register(content)
    denb = next(c for c in root.children[0].children if c.name == DENB)
    root = changed(root, DENB, drop=True)
    root = with_child(
        root, "Cluster Bestuursondersteuning", replace(denb, name="Directie Democratie")
    )
    report = imported(content, root)
    assert report == [
        "renamed: denb: Directie Democratie en Bestuur -> Directie Democratie",
        "moved: denb: under dgobdr -> under bo",
    ]
    denb_file = tomllib.loads((content / "units" / "denb.toml").read_text())
    assert (denb_file["id"], denb_file["parent"], denb_file["name"]) == (
        "denb",
        "bo",
        "Directie Democratie",
    )


def test_an_import_that_would_break_the_content_writes_nothing(content):
    before = files(content)
    root = with_child(
        committed_as_register(content), DENB, replace(NEW, name="Directie <b>Vet</b>")
    )
    with pytest.raises(RegisterError, match="the import would break the content") as raised:
        imported(content, root)
    assert "markup is not allowed" in str(raised.value)
    assert files(content) == before
    assert not list((content / "units").glob(".*"))
