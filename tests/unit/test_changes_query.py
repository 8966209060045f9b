"""The changes query: every end and history record of the content, newest
first, a year without a day counting as that year's start; one unit's history."""

from datetime import date

import pytest
from sqlite_utils import Database

from bzksite import queries
from bzksite.content.sources import read_sources
from bzksite.store import build_database
from tests.conftest import CONTENT
from tests.languages import copy_translations
from tests.made_up_history import history_content


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    output = folder / "site.db"
    build_database(history_content(folder), copy_translations(folder / "translations"), output)
    database = Database(output)
    yield database
    database.close()


def test_made_up_changes_come_newest_first_a_year_as_its_start(db):
    made_up = [c for c in queries.changes(db, "nl") if c.subject.id.startswith("proef-")]
    assert [(c.subject.id, c.change, c.day, c.year, c.by) for c in made_up] == [
        ("proef-oud", "ended", date(2024, 5, 1), 2024, False),
        ("proef-nieuw", "merged", date(2023, 6, 1), 2023, False),
        ("proef-nieuw", "renamed", None, 2023, True),
    ]


def test_every_change_is_in_order_and_once(db):
    found = queries.changes(db, "en")
    assert [c.order for c in found] == sorted((c.order for c in found), reverse=True)
    assert len({c.key for c in found}) == len(found)


def test_an_end_takes_its_record_note_sources_and_what_followed(db):
    [end] = [c for c in queries.history_of(db, "nl", "proef-oud")]
    assert end.key == "unit:proef-oud:ended:2024-05-01"
    assert end.note.text == "Verzonnen voor de tests: de afdeling hield op."
    # The file's [sources] ended first, then the record's own.
    assert [s.key for s in end.sources] == ["organisatiebesluit-2025", "organisatiebesluit-2023"]
    assert end.followed_by.id == "proef-nieuw"
    assert end.followed_by.name.text == "Afdeling Proef Nieuw"


def test_a_history_keeps_names_as_written_and_its_sources(db):
    merged, renamed = queries.history_of(db, "en", "proef-nieuw")
    assert merged.earlier_names == ("Bureau Proef Een", "Bureau Proef Twee")
    assert (renamed.earlier_names, renamed.earlier_abbreviation) == (
        ("Afdeling Proef Vroeger",),
        "APV",
    )
    assert [s.key for s in renamed.sources] == [
        "organisatiebesluit-2023",
        "organisatiebesluit-2025",
    ]
    assert renamed.note is None
    # Made up, so without a translation: the note is the Dutch text, marked so.
    assert (merged.note.lang, merged.note.is_fallback) == ("nl", True)


def test_the_committed_content_gives_every_end_and_record(db):
    sources = read_sources(CONTENT)
    items = [*sources.units, *sources.organisations]
    ends = {f"{type(i).__name__.lower()}:{i.id}" for i in items if i.ended}
    records = sum(len([r for r in i.history if r.change != "ended"]) for i in items)
    committed = [c for c in queries.changes(db, "nl") if not c.subject.id.startswith("proef-")]
    assert {c.key.rsplit(":", 2)[0] for c in committed if c.change == "ended"} == ends
    assert len(committed) == len(ends) + records


def test_the_renames_of_the_facts_are_there(db):
    found = {c.key: c for c in queries.changes(db, "nl")}
    dgabd = found["unit:dgabd:renamed:2025"]
    assert (dgabd.earlier_names, dgabd.earlier_abbreviation, dgabd.by) == (
        ("Bureau Algemene Bestuursdienst",),
        "BABD",
        True,
    )
    assert {s.key for s in dgabd.sources} >= {"organisatiebesluit-2023", "organisatiebesluit-2025"}
    merged = found["unit:directie-inlichtingen:merged:2015-01-01"]
    assert merged.earlier_names == (
        "directie Binnenlandse Veiligheid",
        "directie Inlichtingen Buitenland",
    )
    assert found["unit:dgkr:split:2018"].day is None
    assert found["unit:ncdo:ended:2018-03-01"].note is not None
