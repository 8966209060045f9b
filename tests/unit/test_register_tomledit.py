"""What the import writes into a unit file: the register's tables after the
top-level keys and before an editor's [[related]] items, every comment still
directly above what it was above, and the same bytes when run again."""

import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bzksite.register.records import Contact, Head, RegisterUnit
from bzksite.register.tomledit import UnitFile
from tests.conftest import CONTENT

TODAY = date(2026, 11, 29)
KEY = "register-2026-11-28"  # the export in sources.toml: the source of what the import writes
REGISTER = RegisterUnit(  # made up: no such unit, person or address
    systeem_id="900077",
    tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg900077",
    name="",
    head=Head("Directeur Proef", "Mw. P. Verzonnen", date(2026, 1, 5)),
    contact=Contact(
        visiting_address=("Proefstraat 7", "9999 XX Nergenshuizen"), phone="0999 000 777"
    ),
)
UNITS = sorted((CONTENT / "units").glob("*.toml"))


def imported(path: Path, found: RegisterUnit | None = None) -> str:
    """The file after one import of `found`, which is the unit under its own name
    unless it says otherwise."""
    edit = UnitFile.open(path)
    data = edit.document.unwrap()
    abbreviation = (data["abbreviation"],) if "abbreviation" in data else ()
    found = found or replace(REGISTER, name=data["name"], abbreviations=abbreviation)
    edit.set_name(found.name)  # as the importer does for a unit outside the decree's top level
    if found.abbreviations:
        edit.set_abbreviation(found.abbreviations[0])
    edit.take(found, KEY)
    return edit.text(TODAY)


def comments(text: str) -> list[tuple[str, str | None]]:
    """Every comment line with what it stands above: a key, a header, a blank
    line ("") or the end of the file (None)."""
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            below = next((x for x in lines[index + 1 :] if not x.lstrip().startswith("#")), None)
            if below is not None and not below.startswith("["):
                below = below.split("=")[0].strip()
            found.append((line, below))
    return found


def headers(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("[")]


@pytest.mark.parametrize("path", UNITS, ids=[path.stem for path in UNITS])
def test_every_committed_unit_keeps_its_comments_above_what_they_were_above(path):
    before = path.read_text(encoding="utf-8")
    after = imported(path)
    assert comments(after) == comments(before)
    data = tomllib.loads(after)
    assert data["director"] == {
        "role": "Directeur Proef",
        "name": "Mw. P. Verzonnen",
        "since": date(2026, 1, 5),
    }
    assert data["contact"]["phone"] == "0999 000 777"
    assert data["register"]["systeem_id"] == "900077" and data["register"]["imported"] == TODAY
    assert (data["sources"]["director"], data["sources"]["contact"]) == (KEY, KEY)
    others = [
        header
        for header in headers(before)
        if header not in ("[director]", "[contact]", "[register]")
    ]
    assert headers(after) == ["[director]", "[contact]", "[register]", *others]
    assert "[sources]" in others, "an editor's [sources] stays where it was"


@pytest.mark.parametrize("path", UNITS, ids=[path.stem for path in UNITS])
def test_a_second_import_writes_the_same_bytes(path, tmp_path):
    assert UnitFile.open(path).text(TODAY) == path.read_text(encoding="utf-8"), "read as written"
    once = tmp_path / path.name
    once.write_text(imported(path), encoding="utf-8")
    assert not UnitFile.open(once).changed
    assert imported(once) == once.read_text(encoding="utf-8")


def made_up(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "proef.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_comment_above_related_stays_above_it(tmp_path):
    path = made_up(
        tmp_path,
        '# Made up for this test.\nid = "proef"\nkind = "department"\nname = "Directie Proef"\n'
        '\n# Made-up note about the publication.\n[[related]]\nkind = "publication"\n'
        'title = "Proefschrift"\n',
    )
    after = imported(path)
    assert "\n\n# Made-up note about the publication.\n[[related]]\n" in after
    assert headers(after) == ["[director]", "[contact]", "[register]", "[sources]", "[[related]]"]
    assert 'name = "Directie Proef"\n\n[director]\nrole = ' in after


def test_a_new_key_goes_above_the_comment_that_belongs_to_the_next_table(tmp_path):
    path = made_up(
        tmp_path,
        'id = "proef"\nkind = "department"\nname = "Directie Proef"\n\n# Made up: the head.\n'
        '[director]\nrole = "Directeur Proef"\nname = "Mw. P. Verzonnen"\n\n'
        '# Made up: the publication.\n[[related]]\nkind = "publication"\ntitle = "Proefschrift"\n',
    )
    after = imported(path)
    assert (
        '\n# Made up: the head.\n[director]\nrole = "Directeur Proef"\nname = "Mw. P. Verzonnen"\n'
        "since = 2026-01-05\n\n[contact]\n"
    ) in after
    assert "\n\n# Made up: the publication.\n[[related]]\n" in after


def test_a_comment_after_the_last_key_stays_with_the_keys(tmp_path):
    path = made_up(
        tmp_path,
        'id = "proef"\nkind = "department"\nname = "Directie Proef"\n# Made up: the last key.\n',
    )
    found = replace(REGISTER, name="Directie Proef", abbreviations=("DP",))
    after = imported(path, found)
    assert after.startswith(
        'id = "proef"\nkind = "department"\nname = "Directie Proef"\nabbreviation = "DP"\n'
        "# Made up: the last key.\n\n[director]\n"
    )
    assert comments(after) == [("# Made up: the last key.", "")]


def test_a_comment_at_the_end_of_the_file_stays_there(tmp_path):
    path = made_up(
        tmp_path,
        'id = "proef"\nkind = "department"\nname = "Directie Proef"\n\n[[related]]\n'
        'kind = "publication"\ntitle = "Proefschrift"\n# Made up: the end of the file.\n',
    )
    after = imported(path)
    assert after.endswith('title = "Proefschrift"\n# Made up: the end of the file.\n')
    assert headers(after) == ["[director]", "[contact]", "[register]", "[sources]", "[[related]]"]


def test_a_changed_value_keeps_its_trailing_comment(tmp_path):
    path = made_up(
        tmp_path,
        'id = "proef"\nkind = "department"\nname = "Directie Proef"  # made up: the old name\n'
        '\n[director]\nrole = "Directeur"  # made up: a role\nname = "Mw. P. Verzonnen"\n',
    )
    after = imported(path, replace(REGISTER, name="Directie Nieuwe Proef"))
    assert 'name = "Directie Nieuwe Proef"  # made up: the old name\n' in after
    assert 'role = "Directeur Proef"  # made up: a role\n' in after
    assert (
        imported(made_up(tmp_path, after), replace(REGISTER, name="Directie Nieuwe Proef")) == after
    )


def test_tables_added_to_a_new_file_follow_the_keys_in_order(tmp_path):
    edit = UnitFile.new(tmp_path / "proef.toml", "proef")
    edit.set_place("dgobdr", "department", order=3)
    edit.set_name("Directie Proef")
    edit.take(replace(REGISTER, name="Directie Proef"), KEY)
    text = edit.text(TODAY)
    assert headers(text) == ["[director]", "[contact]", "[register]", "[sources]"]
    assert text.splitlines()[1:5] == [
        'id = "proef"',
        'kind = "department"',
        'parent = "dgobdr"',
        "order = 3",
    ]
    assert tomllib.loads(text)["name"] == "Directie Proef"
