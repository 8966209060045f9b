"""The register's real export of BZK (2026-05-15), carried as test data
(tests/data/register/), for the tests that check the reader against real data."""

from pathlib import Path

from lxml import etree

from bzksite.register.exportfile import ExportFile
from bzksite.register.records import RegisterUnit
from bzksite.register.units import read_unit
from tests.conftest import REAL_EXPORT


def real_export() -> Path:
    return REAL_EXPORT


def every_unit(path: Path) -> list[RegisterUnit]:
    """Every organisatie in the file, at any depth, read as the importer reads one."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    source = ExportFile(path, {})
    found = [read_unit(organisatie, source) for organisatie in tree.getroot()[0]]

    def flat(unit: RegisterUnit) -> list[RegisterUnit]:
        return [unit, *(nested for child in unit.children for nested in flat(child))]

    return [unit for top in found for unit in flat(top)]
