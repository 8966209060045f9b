"""The organisation files an import writes from the register's related
organisations: checked as make db checks them, unchanged by a second import,
an editor's comments and own description kept, an organisation the register
drops marked ended, the export the source of every fact written. Each test
starts from the content before its first import; the register's organisations
come from the real-shape export in tests/data/register/; every text and
source an editor adds here is made up."""

import dataclasses
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bzksite.content.citations import ORGANISATION_FACTS
from bzksite.content.sources import read_sources
from bzksite.register.citationfile import register_key, with_register
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.organisationfile import kind_of
from bzksite.register.organisationplan import OrganisationPlan, plan_organisations
from bzksite.register.plaintext import paragraphs
from bzksite.register.records import DEFAULT_ROOT, RegisterUnit
from bzksite.register.xmlexport import read_export
from tests.conftest import REAL_EXPORT as REAL
from tests.made_up_sources import MADE_UP, cite_made_up, list_made_up, with_sources
from tests.register_fixtures import committed_as_register, content_before_import

TODAY = date(2026, 5, 16)
EXPORTED = date(2026, 5, 15)
KEY = register_key(EXPORTED)
KINDS = {
    "advisory-body": 12,
    "agency": 9,
    "external-committee": 6,
    "interdepartmental-committee": 2,
    "umbrella-organisation": 2,
    "independent-body": 9,
}


@pytest.fixture(scope="module")
def related() -> tuple[RegisterUnit, ...]:
    return read_export(REAL, DEFAULT_ROOT).related


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The content before its first import, with the export listed in sources.toml
    as plan_import lists it before it plans the organisations."""
    folder = content_before_import(tmp_path)
    (folder / "sources.toml").write_text(with_register(folder, EXPORTED), encoding="utf-8")
    return folder


# The one related organisation whose general phone number is a mobile one.
FRIESE_TAAL = "withheld: organisation orgaan-voor-de-friese-taal: phone (personal, or may be)"


def changes(plan: OrganisationPlan) -> list[str]:
    """The report but the withheld field, which every import reports again."""
    return [line for line in plan.report if line != FRIESE_TAAL]


def imported(content: Path, related, today: date = TODAY) -> OrganisationPlan:
    plan = plan_organisations(content, related, today, KEY)
    for path, text in plan.files.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return plan


def files(content: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted((content / "organisations").iterdir())}


def test_the_first_import_writes_one_checked_file_per_organisation(content, related):
    plan = imported(content, related)
    organisations = read_sources(content).organisations
    assert len(organisations) == len(plan.files) == len(changes(plan)) == 40
    assert plan.report[-1] == FRIESE_TAAL, "reported, without the number"
    assert Counter(o.kind for o in organisations) == KINDS
    assert sum(1 for o in organisations if o.ended) == 5
    assert "new organisation: logius (Logius, Agentschap)" in plan.report
    assert "new organisation: acict (Adviescollege ICT-toetsing, Externe commissie)" in plan.report
    logius = tomllib.loads(files(content)["logius.toml"])
    assert logius["register"] == {
        "systeem_id": "71428",
        "tooi": "https://identifier.overheid.nl/tooi/id/oorg/oorg10117",
        "url": "https://organisaties.overheid.nl/71428/Logius/",
        "type": "Agentschap",
        "description_hash": logius["register"]["description_hash"],
        "imported": TODAY,
    }
    assert logius["description"][0].startswith("Logius (voorheen GBO.Overheid) is de dienst")
    assert logius["sources"] == {"organisation": KEY, "description": KEY, "contact": KEY}


def test_a_second_import_changes_no_byte(content, related):
    imported(content, related)
    before = files(content)
    again = imported(content, related, date(2026, 6, 1))
    assert (again.files, changes(again)) == ({}, [])
    assert files(content) == before


def edit(content: Path, name: str, old: str, new: str) -> None:
    path = content / "organisations" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_an_editors_comment_and_own_description_are_kept(content, related):
    imported(content, related)
    own = 'description = [\n  "Een eigen, verzonnen tekst van de redactie.",\n]\n'
    logius = files(content)["logius.toml"]
    register_description = logius[logius.index("description = [") : logius.index("]\n") + 2]
    edit(content, "logius.toml", register_description, "# Made up: the editors' note.\n" + own)
    edit(content, "kiesraad.toml", 'name = "Kiesraad"', '# Made up: a comment.\nname = "Kiesraad"')
    kiesraad = files(content)["kiesraad.toml"]
    changed = [
        dataclasses.replace(found, description=f"{found.description} Een verzonnen zin.")
        if found.name in ("Logius", "Kiesraad")
        else found
        for found in related
    ]
    later = date(2026, 6, 1)
    plan = imported(content, changed, later)
    assert sorted(path.name for path in plan.files) == ["kiesraad.toml", "logius.toml"]
    logius_now = files(content)["logius.toml"]
    assert "# Made up: the editors' note.\n" + own in logius_now
    assert "description_hash" not in logius_now, "the description is the editor's now"
    kiesraad_now = tomllib.loads(files(content)["kiesraad.toml"])
    assert kiesraad_now["description"][-1].endswith("Een verzonnen zin.")
    assert "# Made up: a comment.\n" in files(content)["kiesraad.toml"]
    assert kiesraad_now["register"]["imported"] == later
    assert len(kiesraad.splitlines()) == len(files(content)["kiesraad.toml"].splitlines())
    assert imported(content, changed, later).files == {}


def test_an_organisation_the_register_drops_is_ended_not_deleted(content, related):
    imported(content, related)
    later = date(2026, 6, 1)
    plan = imported(content, [found for found in related if found.name != "Logius"], later)
    assert changes(plan) == ["ended organisation: logius (no longer in the register)"]
    logius = tomllib.loads(files(content)["logius.toml"])
    assert logius["ended"] == later and logius["sources"]["ended"] == KEY
    gone = [found for found in related[1:] if found.name != "Logius"]  # related[0] ended in 2021
    assert imported(content, gone, later).files == {}, "what has ended is not ended again"


def test_an_organisation_the_register_lists_again_is_reopened(content, related):
    imported(content, related)
    imported(content, [found for found in related if found.name != "Logius"], date(2026, 6, 1))
    plan = imported(content, related, date(2026, 6, 2))
    expected = "reopened: organisation logius: the register lists it without an end date"
    assert changes(plan) == [expected]
    logius = tomllib.loads(files(content)["logius.toml"])
    assert "ended" not in logius and "ended" not in logius["sources"], "nor its source"


def test_the_registers_end_date_replaces_another(content, related):
    imported(content, related)
    edit(content, "logius.toml", 'kind = "agency"', 'kind = "agency"\nended = 2026-06-01')
    list_made_up(content)
    cite_made_up(content / "organisations" / "logius.toml", "ended")
    ending = date(2026, 5, 1)
    corrected = [
        dataclasses.replace(found, end_date=ending) if found.name == "Logius" else found
        for found in related
    ]
    plan = imported(content, corrected)
    assert changes(plan) == ["ended organisation: logius (2026-05-01)"]
    logius = tomllib.loads(files(content)["logius.toml"])
    assert (logius["ended"], logius["sources"]["ended"]) == (ending, KEY), "the register's"
    to_come = [
        dataclasses.replace(found, end_date=date(2027, 1, 1)) if found.name == "Logius" else found
        for found in related
    ]
    assert imported(content, to_come).files == {}, "an end still to come changes nothing yet"


def test_a_comment_above_a_table_stays_with_it_when_the_organisation_ends(content, related):
    imported(content, related)
    note = "# Made up: the editors' note on Logius's contact data.\n"
    edit(content, "logius.toml", "[contact]", note + "[contact]")
    imported(content, [found for found in related if found.name != "Logius"], date(2026, 6, 1))
    logius = files(content)["logius.toml"]
    assert note + "[contact]" in logius
    assert logius.index("ended = 2026-06-01") < logius.index(note)


def test_a_file_an_editor_wrote_first_is_found_by_its_name(content, related):
    (content / "organisations").mkdir()
    list_made_up(content)
    made_up = '# Made up.\nid = "logius-eigen"\nkind = "other"\nname = "Logius"\n'
    made_up = with_sources(made_up, ORGANISATION_FACTS)
    (content / "organisations" / "logius-eigen.toml").write_text(made_up)
    plan = imported(content, related)
    assert "new organisation: logius (Logius, Agentschap)" not in plan.report
    assert "logius.toml" not in files(content)
    written = tomllib.loads(files(content)["logius-eigen.toml"])
    assert (written["kind"], written["register"]["systeem_id"]) == ("agency", "71428")
    assert written["sources"]["organisation"] == [MADE_UP, KEY], "the editor's source kept"


def test_ids_are_unique_and_an_unknown_type_is_other():
    made_up = RegisterUnit("900701", None, "Proefraad", ("PR",), types=("Proefvorm", "Raad"))
    assert kind_of(made_up) == ("other", "Proefvorm")
    assert kind_of(dataclasses.replace(made_up, types=("Raad", "AGENTSCHAP"))) == (
        "agency",
        "AGENTSCHAP",
    )


def test_the_registers_text_becomes_plain_paragraphs():
    text = (
        "<p>Een  verzonnen\t raad.</p><p>Hij adviseert over <b>proeven</b> &amp; data.Hij"
        " bestaat niet.</p> Zie GBO.Overheid: a < 5, <b <br/>Einde"
    )
    assert paragraphs(text) == [
        "Een verzonnen raad.",
        "Hij adviseert over proeven & data.",
        "Hij bestaat niet.",
        "Zie GBO.Overheid: a < 5, b",
        "Einde",
    ]
    assert paragraphs("Eerste regel.\n\nTweede regel.\n") == ["Eerste regel.", "Tweede regel."]
    assert paragraphs("  ") == [] and paragraphs(None) == []


def test_the_import_writes_units_and_organisations_together(content, related):
    root = committed_as_register(content)
    planned = plan_import(content, root, TODAY, related)
    apply_import(content, planned)
    assert len(files(content)) == 40
    assert tomllib.loads((content / "units" / "bzk.toml").read_text())["register"]["systeem_id"]
    report = [line for line in planned.report if line != FRIESE_TAAL]
    assert report[-40:] == [line for line in report if "organisation" in line]
    assert FRIESE_TAAL in planned.report
    assert plan_import(content, root, TODAY).files == {}, "without related, no organisation ends"
    ended = plan_import(content, root, TODAY, ()).report  # 5 of the 40 ended already
    assert len(ended) == 35 and all(line.startswith("ended organisation: ") for line in ended)
