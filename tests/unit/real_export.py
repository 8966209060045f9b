"""The reconstruction of the register's real export of BZK (2026-05-15), for
the tests that check the reader against real data. It lies beside the
repository for now; a test that needs it is skipped when it is missing."""

from pathlib import Path

import pytest
from lxml import etree

from bzksite.register.exportfile import ExportFile
from bzksite.register.records import RegisterUnit
from bzksite.register.units import read_unit

REGISTER_FOLDER = Path(__file__).resolve().parents[2] / ".." / "shared" / "register"
REAL_EXPORT = REGISTER_FOLDER / "exportOO-bzk-2026-05-15.xml"


def real_export() -> Path:
    if not REAL_EXPORT.is_file():
        pytest.skip(f"the register's export {REAL_EXPORT.name} is not in {REGISTER_FOLDER}")
    return REAL_EXPORT


def every_unit(path: Path) -> list[RegisterUnit]:
    """Every organisatie in the file, at any depth, read as the importer reads one."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    source = ExportFile(path, {})
    found = [read_unit(organisatie, source) for organisatie in tree.getroot()[0]]

    def flat(unit: RegisterUnit) -> list[RegisterUnit]:
        return [unit, *(nested for child in unit.children for nested in flat(child))]

    return [unit for top in found for unit in flat(top)]
