import shutil
from pathlib import Path

import pytest

from bzksite.content.sources import read_sources
from bzksite.content.tree import Standing, standings
from bzksite.content.units import Unit
from tests.conftest import CONTENT
from tests.languages import copy_translations


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the real content and translations to spoil."""
    content, translations = tmp_path / "content", tmp_path / "translations"
    shutil.copytree(CONTENT, content)
    copy_translations(translations)
    return content, translations


@pytest.fixture(scope="session")
def committed_tree() -> list[tuple[Unit, Standing]]:
    """The committed units in tree order (siblings by order, then id), each
    with its standing: what the queries should give, worked out apart from them."""
    units = read_sources(CONTENT).units
    standing = standings(units)
    children: dict[str | None, list[Unit]] = {}
    for unit in sorted(units, key=lambda unit: (unit.order, unit.id)):
        children.setdefault(unit.parent, []).append(unit)

    def walk(parent: str | None):
        for unit in children.get(parent, []):
            yield unit, standing[unit.id]
            yield from walk(unit.id)

    return list(walk(None))
