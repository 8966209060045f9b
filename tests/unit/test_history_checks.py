"""The [[history]] records and followed_by of a content file: every mistake
stops the build with the file and the line to fix."""

import pytest

from bzksite.store import BuildError, build_database
from tests.made_up_history import made_up_unit

# A made-up unit whose history each case spoils.
UNIT = made_up_unit("proef-historie", "Afdeling Proef Historie") + (
    '\n[[history]]\ndate = 2023-06-01\nchange = "renamed"\n'
    'earlier_name = "Afdeling Proef Vroeger"\nsource = "organisatiebesluit-2023"\n'
    '\n[[history]]\ndate = 2020\nchange = "started"\nsource = "organisatiebesluit-2023"\n'
)
ENDED = 'name = "Afdeling Proef Historie"\nended = 2024-05-01'
# (text of the file to replace, its replacement, the line it blames (its text), message)
BAD_HISTORY = {
    "an unknown change": (
        'change = "started"', 'change = "reorganised"', 'change = "reorganised"',
        "unknown change 'reorganised'; use one of renamed, merged, split, moved, ended, started",
    ),
    "a date in quotes": (
        "date = 2020", 'date = "2020"', 'date = "2020"',
        "date must be a day (2015-01-01, no quotes) or a year (2025)",
    ),
    "a year that is no year": ("date = 2020", "date = 20", "date = 20", "date must be a day"),
    "a date with a time": (
        "date = 2020", "date = 2020-01-01T10:00:00", "date = 2020-01-01T10:00:00",
        "date must be a day",
    ),
    "by that is not true or false": (
        "date = 2020", 'date = 2020\nby = "ja"', 'by = "ja"', "by must be true or false",
    ),
    "a rename without its earlier name": (
        'earlier_name = "Afdeling Proef Vroeger"\n', "", 'change = "renamed"',
        "a rename needs its earlier_name (one name)",
    ),
    "a rename with two earlier names": (
        'earlier_name = "Afdeling Proef Vroeger"', 'earlier_name = ["Een", "Twee"]',
        'change = "renamed"', "a rename needs its earlier_name (one name)",
    ),
    "an earlier name that is no name": (
        'earlier_name = "Afdeling Proef Vroeger"', "earlier_name = [1]", "earlier_name = [1]",
        "earlier_name must be a name, or a list of names for a merger",
    ),
    "an abbreviation without a name": (
        'change = "started"', 'change = "started"\nearlier_abbreviation = "APV"',
        'earlier_abbreviation = "APV"', "earlier_abbreviation needs an earlier_name",
    ),
    "a source sources.toml does not list": (
        'change = "started"\nsource = "organisatiebesluit-2023"',
        'change = "started"\nsource = "geen-bron"', 'source = "geen-bron"',
        "source 'geen-bron' is not listed in sources.toml",
    ),
    "no source": (
        'change = "started"\nsource = "organisatiebesluit-2023"', 'change = "started"',
        "[[history]]#2", "required field 'source' is missing",
    ),
    "an empty list of sources": (
        'change = "started"\nsource = "organisatiebesluit-2023"', 'change = "started"\nsource = []',
        "source = []", "source must be a key of sources.toml, or a list of them",
    ),
    "an unknown field": (
        "date = 2020", 'date = 2020\nwhy = "omdat"', 'why = "omdat"', "unknown field 'why'",
    ),
    "markup in a note": (
        "date = 2020", 'date = 2020\nnote = "<b>Nieuw</b>"', 'note = "<b>Nieuw</b>"',
        "'note': markup is not allowed in content",
    ),
    "the same change twice on one date": (
        'date = 2020\nchange = "started"',
        'date = 2023-06-01\nchange = "renamed"\nearlier_name = "Nog eerder"',
        'change = "renamed"#2', "a second 'renamed' change on 2023-06-01",
    ),
    "an end the file does not state": (
        'change = "started"', 'change = "ended"', 'change = "ended"',
        'an "ended" change needs ended = <the day> at the top of the file',
    ),
    "an end on another day than the file's": (
        'name = "Afdeling Proef Historie"\ndescription', f"{ENDED}\ndescription",
        "date = 2020", "date must be the day the file says it ended (2024-05-01)",
        'change = "started"', 'change = "ended"',
    ),
    "followed_by on a unit that did not end": (
        'description = ["', 'followed_by = "kiem"\ndescription = ["', 'followed_by = "kiem"',
        "followed_by is only for a unit that ended",
    ),
    "followed_by naming no unit": (
        'name = "Afdeling Proef Historie"\ndescription',
        f'{ENDED}\nfollowed_by = "geen-unit"\ndescription', 'followed_by = "geen-unit"',
        "followed_by names no unit: 'geen-unit'",
        'description = "organisatiebesluit-2025"',
        'description = "organisatiebesluit-2025"\nended = "organisatiebesluit-2025"\n'
        'followed_by = "organisatiebesluit-2025"',
    ),
    "followed_by without a source": (
        'name = "Afdeling Proef Historie"\ndescription',
        f'{ENDED}\nfollowed_by = "kiem"\ndescription', 'followed_by = "kiem"',
        "'followed_by' has no source: add followed_by = \"<key>\" under [sources]",
        'description = "organisatiebesluit-2025"',
        'description = "organisatiebesluit-2025"\nended = "organisatiebesluit-2025"',
    ),
}  # fmt: skip


def spoiled(case: tuple) -> str:
    """UNIT with each (old, new) pair of `case` applied; each must apply once."""
    text = UNIT
    edits = [case[:2], *zip(case[4::2], case[5::2], strict=True)]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def line_of(text: str, blamed: str) -> int:
    """The line of `blamed` in `text`, a line written once; "<line>#2" is its second."""
    line, _, nth = blamed.partition("#")
    found = [n for n, written in enumerate(text.splitlines(), 1) if written == line]
    assert nth or len(found) == 1, blamed
    return found[int(nth or 1) - 1]


def test_the_unit_as_written_builds(sources, tmp_path):
    (sources[0] / "units" / "proef-historie.toml").write_text(UNIT)
    build_database(*sources, tmp_path / "site.db")


@pytest.mark.parametrize("case", BAD_HISTORY, ids=list(BAD_HISTORY))
def test_a_mistake_in_the_history_fails_naming_file_and_line(sources, tmp_path, case):
    text = spoiled(BAD_HISTORY[case])
    (sources[0] / "units" / "proef-historie.toml").write_text(text)
    with pytest.raises(BuildError) as raised:
        build_database(*sources, tmp_path / "site.db")
    blamed, message = BAD_HISTORY[case][2:4]
    [error] = raised.value.errors
    assert (error.path.name, error.line) == ("proef-historie.toml", line_of(text, blamed))
    assert message in error.message
    assert not (tmp_path / "site.db").exists()


def test_an_organisation_history_is_checked_too(sources, tmp_path):
    path = sources[0] / "organisations" / "ubr.toml"
    text = path.read_text() + '\n[[history]]\ndate = 2019\nchange = "gone"\nsource = "x"\n'
    path.write_text(text)
    with pytest.raises(BuildError) as raised:
        build_database(*sources, tmp_path / "site.db")
    [error] = raised.value.errors
    assert (error.path.name, error.line) == ("ubr.toml", line_of(text, 'change = "gone"'))
