"""The queries return plain objects, with Dutch fallback and its state."""

import sqlite3
from pathlib import Path

import pytest

from bzksite import queries
from bzksite.content.pages import PAGE_INCLUDES
from bzksite.db import connect
from tests.languages import unserved


@pytest.fixture
def db(site_config):
    database = connect(site_config["DATABASE"])
    yield database
    database.close()


def test_the_tree_a_page_shows(db):
    organisation = queries.levels(db, "en", 2)
    assert organisation.root.id == "bzk"
    top = ["dgobdr", "dgvb", "dgro", "dgkr", "dgdoo", "dgabd", "aivd", "mm", "bo"]
    assert [unit.id for unit in organisation.children("bzk")] == top, "the decree's order"
    assert [unit.id for unit in organisation.children("bo")] == ["ba", "com", "kiem"]
    assert organisation.units["kiem"].name == queries.Text(
        "Knowledge, International Affairs, Europe and Macroeconomics Department", "en", "translated"
    )
    assert [unit.id for unit in queries.children(db, "en", "bo")] == ["ba", "com", "kiem"]
    assert [unit.id for unit in queries.ancestors(db, "en", "denb")] == ["bzk", "dgobdr"]
    assert queries.ancestors(db, "en", "bzk") == []


def test_the_overview_reads_only_the_levels_it_shows(db):
    organisation = queries.levels(db, "nl", 1)
    assert "bo" in organisation.units and "kiem" not in organisation.units
    assert organisation.children("bo") == []


def test_unit_in_dutch_is_the_source(db):
    unit = queries.unit(db, "nl", "denb")
    assert unit.abbreviation == "D&B"
    assert unit.text("name") == queries.Text("Directie Democratie en Bestuur", "nl", "source")
    assert len(unit.texts["description"]) == 3
    assert [item.title.text for item in unit.related] == [
        "Strategische kennisagenda Vitale en weerbare democratie"
    ]
    assert unit.related[0].url is None


def test_unknown_unit_and_page_are_none(db):
    assert queries.unit(db, "en", "nope") is None
    assert queries.unit(db, "en", "KIEM") is None
    assert queries.page(db, "en", "nope") is None


def test_a_language_without_catalog_falls_back_to_dutch(db):
    unit = queries.unit(db, unserved()[0], "ba")
    name = unit.text("name")
    assert name == queries.Text("Directie Bestuursadvisering", "nl", "missing")
    assert name.is_fallback


def test_page_texts(db):
    page = queries.page(db, "en", "privacy")
    assert page.title.text == "Privacy and cookies"
    assert len(page.body) == 1
    assert [(s.heading.text, s.include) for s in page.sections] == [
        ("The cookies on this website", "cookie-table")
    ]


def test_the_accessibility_statement_has_sections_with_their_includes(db):
    page = queries.page(db, "en", "accessibility")
    assert page.title.text == "Accessibility statement"
    headings = [section.heading.text for section in page.sections]
    assert "What we have tested and how" in headings and "Reporting a problem" in headings
    includes = {section.heading.text: section.include for section in page.sections}
    assert includes["What we have tested and how"] == "test-results"
    assert includes["Known problems"] == "known-problems"
    assert [include for include in includes.values() if include] == [
        "test-results",
        "known-problems",
    ]
    assert all(section.paragraphs for section in page.sections)


def test_every_include_has_its_template():
    templates = Path(queries.__file__).parent.parent / "templates" / "includes"
    for includes in PAGE_INCLUDES.values():
        for include in includes:
            assert (templates / f"{include}.html").is_file(), include


def test_unit_ids_in_tree_order_without_the_ministry(db, committed_tree):
    """Units without a page and ended units are left out (the committed units all
    have a page; test_unit_pages has made-up units with nothing but a name)."""
    ids = queries.unit_ids(db)
    (ministry, _), *below = committed_tree
    assert ministry.kind == "ministry"
    assert ids == [unit.id for unit, standing in below if standing.has_page and not standing.ended]
    nameonly = [unit.id for unit, standing in below if not standing.has_page]
    ended = [unit.id for unit, standing in below if standing.ended and standing.has_page]
    assert ended and not set(ids) & {*nameonly, *ended}


def test_the_database_is_read_only(db):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM units")
