"""The source of what the tests make up: every fact of a made-up unit or
organisation, and every fact a test adds to a copy of the content, names the
key "made-up", which the copy's sources.toml lists as made up for the tests.
The build refuses a fact without a source (bzksite/content/citations.py)."""

import tomllib
from pathlib import Path

import tomlkit

from bzksite.content.citations import FILE_NAME, UNIT_FACTS

MADE_UP = "made-up"
ENTRY = f'\n[{MADE_UP}]\ntitle = "Verzonnen voor de tests"\n'


def list_made_up(content: Path) -> None:
    """List the made-up source in the sources.toml of `content`, a copy, once."""
    path = content / FILE_NAME
    text = path.read_text(encoding="utf-8")
    if f"\n[{MADE_UP}]\n" not in text:
        path.write_text(text.rstrip("\n") + "\n" + ENTRY, encoding="utf-8")


def sources_table(*facts: str) -> str:
    """A [sources] table naming the made-up source for each of `facts`."""
    return "\n[sources]\n" + "".join(f'{fact} = "{MADE_UP}"\n' for fact in facts)


def with_sources(text: str, facts: dict[str, str] = UNIT_FACTS) -> str:
    """`text`, a made-up unit's file (an organisation's with ORGANISATION_FACTS),
    ending in a [sources] table that names the made-up source for each fact it states."""
    data = tomllib.loads(text)
    stated = [fact for fact, field in facts.items() if field in data]
    return text.rstrip("\n") + "\n" + sources_table(*stated)


def cite_made_up(path: Path, *facts: str) -> None:
    """Name the made-up source for `facts` in the [sources] table of the file at
    `path`, for facts a test adds to a copy of a real file."""
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    if "sources" not in document:
        document["sources"] = tomlkit.table()
    for fact in facts:
        document["sources"][fact] = MADE_UP
    path.write_text(tomlkit.dumps(document), encoding="utf-8")
