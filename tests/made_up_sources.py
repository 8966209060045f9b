"""The source of what the tests make up: every fact of a made-up unit or
organisation, and every fact a test adds to a copy of the content, names the
key "made-up", which the copy's sources.toml lists as made up for the tests.
The build refuses a fact without a source (bzksite/content/citations.py)."""

import tomllib
from pathlib import Path

import tomlkit

from benchmarks.organisation import MADE_UP_SOURCE as MADE_UP
from benchmarks.organisation import cite_made_up as list_made_up
from bzksite.content.citations import UNIT_FACTS

__all__ = ["MADE_UP", "cite_made_up", "list_made_up", "sources_table", "with_sources"]


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
