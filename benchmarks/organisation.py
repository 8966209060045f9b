"""A large made-up organisation for `make bench`: the committed content with
generated units added under it, written into a temporary folder.

Every generated unit is made up, and its file and texts say so. It has a
name, an abbreviation and a short description in Dutch, translated into
English in the copied content.po, so pages in both languages are full pages.
"""

import shutil
from pathlib import Path

from bzksite.content.sources import read_sources

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "db" / "content"
TRANSLATIONS = ROOT / "translations"
LEVELS = (("department", "Directie", "Directorate"), ("unit", "Afdeling", "Division"))

_UNIT = """\
# Made up for `make bench`: a generated unit, not a part of the ministry.
id = "{id}"
kind = "{kind}"
parent = "{parent}"
order = {order}
abbreviation = "{abbreviation}"
name = "{name}"
description = [
  "{description}",
]
"""
# The source every made-up fact cites; its title says what it is.
MADE_UP_SOURCE = "made-up"
_MADE_UP_CITATION = f"""
[{MADE_UP_SOURCE}]
title = "Verzonnen voor de tests"
"""
_DESCRIPTION = (
    "Proefeenheid {number}, gemaakt om de snelheid van de site te meten. "
    "Zij valt onder {parent} en bestaat niet echt."
)
_TRANSLATION = (
    "Test unit {number}, made up to measure the speed of the site. "
    "It is part of {parent} and does not really exist."
)


def generate(folder: Path, total: int = 1000) -> tuple[Path, Path]:
    """Content and translations with `total` units in all; (content, translations)."""
    content, translations = folder / "content", folder / "translations"
    shutil.copytree(CONTENT, content)
    shutil.copytree(TRANSLATIONS, translations, ignore=shutil.ignore_patterns("*.mo"))
    cite_made_up(content)
    units = {unit.id: unit for unit in read_sources(CONTENT).units}
    top = [unit.id for unit in units.values() if unit.parent and not units[unit.parent].parent]
    entries = []
    parents = [(unit_id, 0) for unit_id in top]
    count, number = len(units), 0
    while count < total:
        next_level = []
        per_parent = -(-(total - count) // len(parents))
        for parent, level in parents:
            for order in range(1, min(per_parent, 10) + 1):
                if count >= total:
                    break
                number += 1
                count += 1
                unit_id = f"proef{number:04d}"
                kind, dutch, english = LEVELS[min(level, len(LEVELS) - 1)]
                names = (f"{dutch} Proef {number}", f"{english} Test {number}")
                description = _DESCRIPTION.format(number=number, parent=parent.upper())
                (content / "units" / f"{unit_id}.toml").write_text(
                    _UNIT.format(
                        id=unit_id, kind=kind, parent=parent, order=order,
                        abbreviation=f"P{number}", name=names[0], description=description,
                    ) + made_up_sources("description"),
                    encoding="utf-8",
                )  # fmt: skip
                english_description = _TRANSLATION.format(number=number, parent=parent.upper())
                entries.append((f"unit:{unit_id}:name", *names))
                entries.append((f"unit:{unit_id}:description", description, english_description))
                next_level.append((unit_id, level + 1))
        parents = next_level
    _append_translations(translations / "en" / "LC_MESSAGES" / "content.po", entries)
    return content, translations


def cite_made_up(content: Path) -> None:
    """List the made-up source in the sources.toml of copied `content`, once."""
    path = content / "sources.toml"
    text = path.read_text(encoding="utf-8")
    if f"\n[{MADE_UP_SOURCE}]\n" not in text:
        path.write_text(text.rstrip("\n") + "\n" + _MADE_UP_CITATION, encoding="utf-8")


def made_up_sources(*facts: str) -> str:
    """The [sources] table of a made-up unit: the unit and `facts` cite the made-up source."""
    lines = [f'{fact} = "{MADE_UP_SOURCE}"' for fact in ("unit", *facts)]
    return "\n[sources]\n" + "\n".join(lines) + "\n"


def _append_translations(catalog: Path, entries: list[tuple[str, str, str]]) -> None:
    with catalog.open("a", encoding="utf-8") as file:
        for context, source, translation in entries:
            file.write(f'\nmsgctxt "{context}"\nmsgid "{source}"\nmsgstr "{translation}"\n')
