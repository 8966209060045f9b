"""The open data's queries: every unit in tree order, in every language asked
for, each table read once; a translation that is missing or being updated is
left out, never filled in with Dutch."""

from datetime import date

import pytest

from bzksite.db import connect
from bzksite.queries import export
from bzksite.translate.extract import content_template
from bzksite.translate.update import Template, update_catalog
from tests import made_up_site
from tests.conftest import build_site
from tests.languages import unserved


@pytest.fixture
def db(site_config):
    database = connect(site_config["DATABASE"])
    yield database
    database.close()


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    database = connect(made_up_site.build(tmp_path_factory.mktemp("export"))["DATABASE"])
    yield database
    database.close()


def test_every_unit_once_in_tree_order(db, committed_tree):
    units = export.organisation(db, ["nl", "en"])
    tree = [unit.id for unit, _ in committed_tree]
    assert [unit.id for unit in units] == tree
    current = [unit.id for unit, standing in committed_tree
               if unit.parent == "bzk" and not standing.ended]  # fmt: skip
    assert units[0].children == current
    assert sorted(export.every_unit(db)) == sorted(tree)


@pytest.mark.parametrize("database", ["db", "made_up"])
def test_the_organisation_reads_each_table_once(request, database, committed_tree):
    db = request.getfixturevalue(database)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        units = export.organisation(db, ["nl", "en"])
    finally:
        db.conn.set_trace_callback(None)
    assert len(units) >= len(committed_tree)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2


def test_texts_come_in_the_languages_asked_for_in_their_order(db):
    [ministry, *_] = export.organisation(db, ["en", "nl"])
    assert list(ministry.text("name")) == ["en", "nl"]
    assert ministry.text("name")["en"] == "Ministry of the Interior and Kingdom Relations"
    other = unserved()[0]
    [ministry, *_] = export.organisation(db, [other, "nl"])
    assert list(ministry.text("name")) == ["nl"], "no catalog: the text is left out, not Dutch"


def test_ended_units_are_there_but_no_ones_child(made_up):
    units = {unit.id: unit for unit in export.organisation(made_up, ["nl", "en"])}
    assert units["com"].ended == date(2026, 10, 1) and units["proef"].ended == date(2026, 10, 1)
    assert units["bo"].children == ["ba", "kiem"]
    assert units["proef"].text("name") == {"nl": "Afdeling Proef"}, "no translation: no English"


def test_one_unit_with_everything_it_has(made_up):
    kiem = export.unit(made_up, ["nl", "en"], "kiem")
    assert kiem.register.systeem_id == "900001" and kiem.contact.phone == "070 000 0000"
    assert kiem.director_since == date(2024, 3, 1)
    assert len(kiem.texts["description"]) == 3
    assert all(set(paragraph) == {"nl", "en"} for paragraph in kiem.texts["description"])
    [related] = kiem.related
    assert (related.title, related.url) == ({"nl": "Proefpublicatie"}, made_up_site.RELATED_URL)
    assert export.unit(made_up, ["nl", "en"], "bo").children == ["ba", "kiem"]
    assert export.unit(made_up, ["nl"], "nope") is None
    assert export.unit(made_up, ["nl"], "KIEM") is None
    names = export.names(made_up, ["nl", "en"], ["bo", "proef"])
    assert names == {"bo": {"nl": "Cluster Bestuursondersteuning",
                            "en": "Executive Support Cluster"},
                     "proef": {"nl": "Afdeling Proef"}}  # fmt: skip


def test_a_translation_being_updated_is_left_out(sources, tmp_path):
    content, translations = sources
    kiem = content / "units" / "kiem.toml"
    kiem.write_text(
        kiem.read_text().replace("vormt op de deelterreinen", "vormt op haar terreinen")
    )
    template = Template("content", content_template(content, tmp_path), None)
    update_catalog(translations / "en" / "LC_MESSAGES" / "content.po", template, date(2026, 12, 1))
    db = connect(build_site(tmp_path / "site", content, translations)["DATABASE"])
    try:
        paragraphs = export.unit(db, ["nl", "en"], "kiem").texts["description"]
    finally:
        db.close()
    assert list(paragraphs[0]) == ["nl"] and "haar terreinen" in paragraphs[0]["nl"]
    assert [list(p) for p in paragraphs[1:]] == [["nl", "en"], ["nl", "en"]]
