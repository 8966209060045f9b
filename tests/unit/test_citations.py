"""A source for every fact (bzksite/content/citations.py): the build refuses a
fact without a source, a source for a fact the file does not state, a key
sources.toml does not list and a malformed entry of sources.toml, each naming
the file and line; a missing sources.toml is named too. The unit here is
made up, and so is its source."""

from pathlib import Path

import pytest

from bzksite.content.citations import FILE_NAME
from bzksite.content.sources import read_sources
from bzksite.sourcefiles import BuildError
from bzksite.store import build_database
from tests.made_up_sources import list_made_up, sources_table

PROEF = """# Made up for the tests.
id = "proef"
kind = "unit"
parent = "bzk"
name = "Afdeling Proef"
ended = 2026-10-01
description = ["Verzonnen voor de tests."]

[director]
role = "Hoofd Proef"
name = "T. Proefpersoon"

[contact]
email = "proef@proefdata.invalid"
""" + sources_table("unit", "description", "director", "contact", "ended")


@pytest.fixture
def proef(sources) -> Path:
    content, _ = sources
    list_made_up(content)
    path = content / "units" / "proef.toml"
    path.write_text(PROEF, encoding="utf-8")
    assert "proef" in {unit.id for unit in read_sources(content).units}, "the whole file builds"
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    [number] = [n for n, line in enumerate(lines, 1) if line.startswith(text)]
    return number


def the_error(content: Path) -> tuple[Path, int | None, str]:
    with pytest.raises(BuildError) as raised:
        read_sources(content)
    [error] = raised.value.errors
    return error.path, error.line, error.message


def spoil(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("fact", "stated_at"),
    [
        ("unit", 'id = "proef"'),
        ("description", "description = ["),
        ("director", "[director]"),
        ("contact", "[contact]"),
        ("ended", "ended = 2026-10-01"),
    ],
)
def test_a_fact_without_a_source_is_refused_at_its_line(proef, fact, stated_at):
    spoil(proef, f'\n{fact} = "made-up"\n', "\n")
    path, line, message = the_error(proef.parent.parent)
    assert (path, line) == (proef, line_of(proef, stated_at))
    assert message == f"'{fact}' has no source: add {fact} = \"<key>\" under [sources]"


def test_a_source_for_a_fact_the_file_does_not_state_is_refused(proef):
    spoil(proef, "ended = 2026-10-01\n", "")
    path, line, message = the_error(proef.parent.parent)
    assert (path, line) == (proef, line_of(proef, 'ended = "made-up"'))
    assert message == "[sources] names a source for 'ended', but the file does not state it"


def test_a_key_sources_toml_does_not_list_is_refused_at_the_key(proef, sources, tmp_path):
    spoil(proef, 'director = "made-up"', 'director = ["made-up", "nergens"]')
    path, line, message = the_error(proef.parent.parent)
    assert (path, line) == (proef, line_of(proef, "director = ["))
    assert message == f"source 'nergens' is not listed in {FILE_NAME}"
    with pytest.raises(BuildError, match=rf"proef.toml:{line}: source 'nergens'"):
        build_database(*sources, tmp_path / "site.db")  # make db
    assert not (tmp_path / "site.db").exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ('date = "2025-06-30"', "date must be a day (2025-06-30, no quotes) or a year (2025)"),
        ("date = 25", "date must be a day (2025-06-30, no quotes) or a year (2025)"),
        ('evidence = "rumour"', "evidence must be one of official, mention"),
        ('url = "www.proefdata.invalid"', "url must be a web address (https://…)"),
    ],
)
def test_a_malformed_entry_of_sources_toml_is_refused_at_its_line(proef, field, message):
    listed = proef.parent.parent / FILE_NAME
    spoil(listed, 'title = "Verzonnen voor de tests"\n', f'title = "Verzonnen"\n{field}\n')
    path, line, found = the_error(proef.parent.parent)
    assert (path, line, found) == (listed, line_of(listed, field), message)


def test_a_missing_sources_toml_is_named(proef):
    content = proef.parent.parent
    (content / FILE_NAME).unlink()
    path, line, message = the_error(content)
    assert (path, line) == (content / FILE_NAME, None)
    assert message.startswith("missing")
