"""The build: good sources give the database; each bad source fails with file
and line and leaves the previous database as it was."""

import os
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from bzksite import queries
from bzksite.content.sources import read_sources
from bzksite.content.tree import standings
from bzksite.records import SOURCE_LANGUAGE
from bzksite.store import BuildError, build_database
from tests.languages import LANGUAGES
from tests.made_up_sources import cite_made_up, list_made_up, with_sources

PO = Path("en/LC_MESSAGES/content.po")


def build(sources, output):
    return build_database(*sources, output)


def test_build_writes_units_texts_and_states(sources, tmp_path):
    output = tmp_path / "site.db"
    build_id = build(sources, output)
    db = Database(output)
    units = {row["id"]: row for row in db["units"].rows}
    assert set(units) == {path.stem for path in (sources[0] / "units").glob("*.toml")}
    written = ("bzk", "bo", "ba", "com", "kiem", "dgobdr", "denb")  # by editors, not the register
    assert all(units[unit]["has_page"] for unit in written)
    assert units["kiem"]["parent"] == "bo" and units["kiem"]["kind"] == "department"
    assert units["kiem"]["director"] == "Dhr. drs. B.F. Steur (Boudewijn)"
    assert units["denb"]["abbreviation"] == "D&B"
    assert units["bzk"]["parent"] is None
    assert list(db["related"].rows) == [
        {"unit": "denb", "position": 0, "kind": "publication", "url": None}
    ]
    owners = {f"unit:{unit}" for unit in written}
    states = {
        (row["lang"], row["state"])
        for row in db.query("SELECT owner, lang, state FROM texts")
        if row["owner"] in owners
    }
    translated = {(lang, "translated") for lang in LANGUAGES if lang != SOURCE_LANGUAGE}
    assert states == {(SOURCE_LANGUAGE, "source"), *translated}
    paragraphs = db.query(
        "SELECT COUNT(*) AS n FROM texts WHERE owner = 'unit:kiem' AND field = 'description'"
        " AND lang = 'nl'"
    )
    assert next(paragraphs)["n"] == 3
    assert db["meta"].get("build_id")["value"] == build_id


def test_build_id_follows_the_sources(sources, tmp_path):
    _, translations = sources
    first = build(sources, tmp_path / "a.db")
    assert build(sources, tmp_path / "b.db") == first
    po = translations / PO
    po.write_text(po.read_text().replace("Director of KIEM", "Director, KIEM"))
    assert build(sources, tmp_path / "c.db") != first


def test_fuzzy_and_empty_translations_are_not_translated(sources, tmp_path):
    _, translations = sources
    po = translations / PO
    text = po.read_text()
    text = text.replace('msgstr "Director of KIEM"', 'msgstr ""')
    text = text.replace('msgctxt "unit:com:name"', '#, fuzzy\nmsgctxt "unit:com:name"')
    po.write_text(text)
    build(sources, tmp_path / "site.db")
    db = Database(tmp_path / "site.db")
    state = {
        (row["owner"], row["field"]): (row["state"], row["text"])
        for row in db.query("SELECT * FROM texts WHERE lang = 'en'")
    }
    assert state["unit:kiem", "director_role"] == ("missing", None)
    assert state["unit:com", "name"] == ("fuzzy", "Communications Department")
    assert state["unit:ba", "name"] == ("translated", "Executive Advisory Department")


PRIVACY = """id = "privacy"
title = "Privacy"
body = ["Tekst."]

[[sections]]
heading = "Eerste kop"
paragraphs = ["Een.", "Twee."]

[[sections]]
heading = "Tweede kop"
paragraphs = ["Drie."]
include = "cookie-table"
"""


def test_page_sections_keep_their_order_paragraphs_and_lines(sources, tmp_path):
    privacy = sources[0] / "pages/privacy.toml"
    privacy.write_text(PRIVACY)
    line = {text: n for n, text in enumerate(privacy.read_text().splitlines(), 1)}
    texts = {
        (t.context, t.position): (t.text, t.line)
        for t in read_sources(sources[0]).texts
        if t.owner == "page:privacy" and t.field.startswith("sections")
    }
    assert texts == {
        ("page:privacy:sections_heading", 0): ("Eerste kop", line['heading = "Eerste kop"']),
        ("page:privacy:sections_paragraphs", 0): ("Een.", line['paragraphs = ["Een.", "Twee."]']),
        ("page:privacy:sections_paragraphs", 1): ("Twee.", line['paragraphs = ["Een.", "Twee."]']),
        ("page:privacy:sections_heading", 1): ("Tweede kop", line['heading = "Tweede kop"']),
        ("page:privacy:sections_paragraphs", 2): ("Drie.", line['paragraphs = ["Drie."]']),
    }
    build(sources, tmp_path / "site.db")
    db = Database(tmp_path / "site.db")
    assert list(db["sections"].rows_where("page = 'privacy'")) == [
        {"page": "privacy", "position": 0, "paragraphs": 2, "include": None},
        {"page": "privacy", "position": 1, "paragraphs": 1, "include": "cookie-table"},
    ]
    page = queries.page(db, "nl", "privacy")
    shown = [(s.heading.text, [p.text for p in s.paragraphs]) for s in page.sections]
    assert shown == [("Eerste kop", ["Een.", "Twee."]), ("Tweede kop", ["Drie."])]
    # Not in the catalog yet: Dutch, with its state, on the English page.
    heading = queries.page(db, "en", "privacy").sections[1].heading
    assert heading == queries.Text("Tweede kop", "nl", "missing")


def spoil(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


KAAI = 'name = "Géran Kaai"'  # the last line of ba.toml, where tables can follow
# (file to spoil, text to replace, replacement, expected "file:line: message" parts)
BAD_SOURCES = {
    "toml syntax": ("units/kiem.toml", 'kind = "department"', 'kind = "department', "kiem.toml:4:"),
    "unknown field": ("units/ba.toml", "order = 1", 'order = 1\ncolour = "red"', "ba.toml:7:"),
    "unknown kind": ("units/com.toml", '"department"', '"bureau"', "com.toml:5: unknown kind"),
    "duplicate id": ("units/com.toml", 'id = "com"', 'id = "ba"', "com.toml:4: duplicate id"),
    "missing parent": ("units/kiem.toml", 'parent = "bo"', 'parent = "nope"', "kiem.toml:5:"),
    "cycle": ("units/bo.toml", 'parent = "bzk"', 'parent = "kiem"', "bo.toml:7: the parents form"),
    "wrong type": ("units/ba.toml", "order = 1", 'order = "1"', "ba.toml:6: field 'order'"),
    "markup": ("units/ba.toml", '= "Directie Bestuursadvisering"', '= "<b>BA</b>"', "ba.toml:8: "),
    "missing name": (
        "units/ba.toml",
        'name = "Directie Bestuursadvisering"',
        "",
        "ba.toml:3: required field 'name' is missing",
    ),
    "second ministry": (
        "units/bo.toml",
        'kind = "cluster"',
        'kind = "ministry"',
        "bzk.toml:5: a second ministry; the first is in bo.toml:6",
    ),
    "no ministry": ("units/bzk.toml", 'kind = "ministry"', 'kind = "cluster"', "no unit has kind"),
    "decree names no unit": (
        "register-mapping.toml",
        '"mm", "bo"]',
        '"mm", "bo", "nope"]',
        "register-mapping.toml:9: [decree] names 'nope', which is no unit",
    ),
    "unknown page": ("pages/privacy.toml", 'id = "privacy"', 'id = "about"', "privacy.toml:9:"),
    "director without name": ("units/ba.toml", 'name = "Géran Kaai"', "", "ba.toml:13:"),
    "section without paragraphs": (
        "pages/privacy.toml",
        "\n]",
        '\n]\n\n[[sections]]\nheading = "Kop"',
        "privacy.toml:15: required field 'paragraphs' is missing",
    ),
    "unknown field in a section": (
        "pages/privacy.toml",
        "\n]",
        '\n]\n\n[[sections]]\nheading = "Kop"\nparagraphs = ["Tekst."]\nnote = "x"',
        "privacy.toml:18: unknown field 'note'",
    ),
    "unknown include": (
        "pages/accessibility.toml",
        'include = "known-problems"',
        'include = "problems"',
        "accessibility.toml:34: unknown include 'problems'; this page has: test-results,",
    ),
    "include twice": (
        "pages/accessibility.toml",
        'include = "known-problems"',
        'include = "test-results"',
        "accessibility.toml:34: include 'test-results' appears twice",
    ),
    "include missing": (
        "pages/accessibility.toml",
        'include = "known-problems"',
        "",
        "accessibility.toml:6: page 'accessibility' must show 'known-problems'",
    ),
    "include on another page": (
        "pages/privacy.toml",
        "\n]",
        '\n]\n\n[[sections]]\nheading = "Kop"\nparagraphs = ["Tekst."]\ninclude = "test-results"',
        "privacy.toml:18: unknown include 'test-results'; this page has: cookie-table",
    ),
    "a date in quotes": (
        "units/ba.toml",
        "order = 1",
        'order = 1\nended = "2026-10-01"',
        "ba.toml:7: field 'ended'",
    ),
    "a start date with a time": (
        "units/ba.toml",
        'name = "Géran Kaai"',
        'name = "Géran Kaai"\nsince = 2024-03-01T10:00:00',
        "ba.toml:16: field 'since' must be a date",
    ),
    "an unknown contact field": (
        "units/ba.toml",
        'name = "Géran Kaai"',
        f'{KAAI}\n\n[contact]\nfax = "070"',
        "ba.toml:18: unknown field 'fax'",
    ),
    "an email that is none": (
        "units/ba.toml",
        'name = "Géran Kaai"',
        f'{KAAI}\n\n[contact]\nemail = "info at ba"',
        "ba.toml:18: email must be an address",
    ),
    "a website that is none": (
        "units/ba.toml",
        'name = "Géran Kaai"',
        f'{KAAI}\n\n[contact]\nwebsite = "www.ba.nl"',
        "ba.toml:18: website must be a web address",
    ),
    "an address that is no list of lines": (
        "units/ba.toml",
        'name = "Géran Kaai"',
        f'{KAAI}\n\n[contact]\nvisiting_address = "Turfmarkt 147"',
        "ba.toml:18: field 'visiting_address' must be a list of lines",
    ),
    "register data without its url": (
        "units/ba.toml",
        'url = "https://organisaties.overheid.nl/28751668/Bestuursadvisering/"\n',
        "",
        "ba.toml:17: required field 'url' is missing",
    ),
    "markup in a section": (
        "pages/privacy.toml",
        "\n]",
        '\n]\n\n[[sections]]\nheading = "Kop"\nparagraphs = ["<em>Tekst</em>"]',
        "privacy.toml:17: 'paragraphs': markup is not allowed",
    ),
}


@pytest.mark.parametrize("case", BAD_SOURCES, ids=list(BAD_SOURCES))
def test_bad_source_fails_naming_file_and_line(sources, tmp_path, case):
    name, old, new, expected = BAD_SOURCES[case]
    spoil(sources[0] / name, old, new)
    with pytest.raises(BuildError) as raised:
        build(sources, tmp_path / "site.db")
    assert expected in str(raised.value)
    assert not (tmp_path / "site.db").exists()


KIEM_ROLE = 'msgctxt "unit:kiem:director_role"'
# (text to replace, replacement, the line to blame: (its start, which occurrence), message)
BAD_CATALOGS = {
    "unterminated string": (
        'msgstr "Director of KIEM"',
        'msgstr "Director of KIEM',
        ('msgstr "Director of KIEM', 0),
        "end-of-line within string",
    ),
    "stray text": (
        'msgstr "Director of KIEM"',
        'msgstr "Director of KIEM"\nhello',
        ("hello", 0),
        'keyword "hello" unknown',
    ),
    "missing msgstr": (
        'msgstr "Director of KIEM"',
        "",
        ('msgid "Directeur KIEM"', 0),
        "missing 'msgstr' section",
    ),
    "bad escape": (
        'msgstr "Director of KIEM"',
        'msgstr "Director \\q of KIEM"',
        ('msgstr "Director \\q', 0),
        "invalid control sequence",
    ),
    "duplicate entry": (
        KIEM_ROLE,
        f'{KIEM_ROLE}\nmsgid "Directeur KIEM"\nmsgstr "x"\n\n{KIEM_ROLE}',
        ('msgid "Directeur KIEM"', 1),
        "duplicate message definition, first on line",
    ),
    "no Language": ('"Language: en\\n"\n', "", ('msgid ""', 0), "the header has no Language"),
    "another Language": (
        '"Language: en\\n"',
        '"Language: de\\n"',
        ('msgid ""', 0),
        "the header says Language 'de', the folder 'en': set the language to 'en'",
    ),
    "no Plural-Forms": (
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',
        "",
        ('msgid ""', 0),
        "the header has no Plural-Forms",
    ),
    "not UTF-8": (
        "charset=utf-8",
        "charset=ISO-8859-1",
        ('msgid ""', 0),
        "the header's Content-Type must say charset=UTF-8",
    ),
    "markup in a translation": (
        'msgstr "Director of KIEM"',
        'msgstr "Director of <b>KIEM</b>"',
        ('msgid "Directeur KIEM"', 0),
        "msgctxt 'unit:kiem:director_role': markup in the translation",
    ),
    "markup in a msgid": (
        'msgid "Directeur KIEM"',
        'msgid "Directeur &amp; KIEM"',
        ('msgid "Directeur &amp; KIEM"', 0),
        "msgctxt 'unit:kiem:director_role': markup in the msgid",
    ),
    "fuzzy header": (
        'msgid ""\nmsgstr ""\n"Project',
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Project',
        ("#, fuzzy", 0),
        "the header is marked fuzzy",
    ),
}


def line_of(path: Path, start: str, occurrence: int) -> int:
    lines = path.read_text().splitlines()
    numbers = [n for n, line in enumerate(lines, 1) if line.startswith(start)]
    return numbers[occurrence]


@pytest.mark.parametrize("case", BAD_CATALOGS, ids=list(BAD_CATALOGS))
def test_broken_po_fails_naming_file_and_line(sources, tmp_path, case):
    old, new, (start, occurrence), expected = BAD_CATALOGS[case]
    po = sources[1] / PO
    spoil(po, old, new)
    with pytest.raises(BuildError) as raised:
        build(sources, tmp_path / "site.db")
    line = line_of(po, start, occurrence)
    assert str(raised.value).startswith(f"{os.path.relpath(po)}:{line}: {expected}")
    assert not (tmp_path / "site.db").exists()


def test_po_that_is_not_utf8_fails_with_the_line(sources, tmp_path):
    po = sources[1] / PO
    po.write_bytes(po.read_bytes().replace(b"Director of KIEM", b"Director of \xff KIEM"))
    with pytest.raises(BuildError, match=r"content.po:\d+: the file is not valid UTF-8"):
        build(sources, tmp_path / "site.db")


def test_a_failed_build_leaves_the_previous_database(sources, tmp_path):
    output = tmp_path / "site.db"
    build(sources, output)
    before = output.read_bytes()
    spoil(sources[0] / "units/kiem.toml", 'kind = "department"', 'kind = "department')
    with pytest.raises(BuildError):
        build(sources, output)
    assert output.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.db")] == []


def test_every_problem_is_listed(sources, tmp_path):
    spoil(sources[0] / "units/ba.toml", "order = 1", 'order = "x"')
    spoil(sources[0] / "units/com.toml", '"department"', '"bureau"')
    with pytest.raises(BuildError) as raised:
        build(sources, tmp_path / "site.db")
    assert len(raised.value.errors) == 2


def test_stray_file_in_the_content_folder_fails(sources, tmp_path):
    (sources[0] / "units" / "kiem.tml").write_text("")
    with pytest.raises(BuildError, match=r"kiem\.tml: not a \.toml file"):
        build(sources, tmp_path / "site.db")


def made_up_unit(content: Path, unit_id: str, parent: str) -> None:
    """A unit with nothing but its place and name."""
    text = f'# Made up for the tests.\nid = "{unit_id}"\nkind = "unit"\nparent = "{parent}"\n'
    text += f'name = "Afdeling {unit_id.title()}"\n'
    (content / "units" / f"{unit_id}.toml").write_text(with_sources(text))


def test_a_unit_ends_with_the_unit_above_it_and_a_name_alone_gets_no_page(sources):
    content, _ = sources
    list_made_up(content)
    spoil(content / "units/bo.toml", 'kind = "cluster"', 'kind = "cluster"\nended = 2026-10-01')
    spoil(
        content / "units/kiem.toml",
        'kind = "department"',
        'kind = "department"\nended = 2026-09-01',
    )
    cite_made_up(content / "units/bo.toml", "ended")
    cite_made_up(content / "units/kiem.toml", "ended")
    made_up_unit(content, "proef", "bzk")
    standing = standings(read_sources(content).units)
    assert standing["bo"].ended == standing["ba"].ended == date(2026, 10, 1)
    assert standing["kiem"].ended == date(2026, 9, 1), "its own, earlier end"
    spoil(content / "units/kiem.toml", "ended = 2026-09-01", "ended = 2026-11-01")
    later = standings(read_sources(content).units)["kiem"].ended
    assert later == date(2026, 11, 1), "its own end, where the register gives one, even a later one"
    assert standing["dgobdr"].ended is None and standing["bzk"].ended is None
    assert standing["bo"].has_page, "an ended unit keeps its page"
    assert not standing["proef"].has_page, "a name alone"
    # A unit with units under it has a page, whatever else it has.
    made_up_unit(content, "proefje", "proef")
    assert standings(read_sources(content).units)["proef"].has_page
