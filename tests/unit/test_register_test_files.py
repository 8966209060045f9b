"""The exports the tests write are in the register's real shape: valid
against the register's own schema (its document, kept beside the project in
../shared/register/), and read as the project's copy of the real export is.
Where the schema is not at hand the test says so, by name, and fails."""

from dataclasses import replace
from datetime import date

import pytest
from lxml import etree

from bzksite.register.records import Head
from tests.conftest import REGISTER_SCHEMA
from tests.needs import missing
from tests.register_files import write_export
from tests.unit.register_fixtures import MINISTRY

# Made up: every field the writer knows, the ministry's contact data included.
FULL = replace(
    MINISTRY,
    systeem_id="900050",
    tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg900050",
    name="Proefagentschap Verzinsels",
    abbreviations=("PAV",),
    types=("Agentschap",),
    end_date=date(2030, 1, 1),
    head=Head("Algemeen directeur", "Mw. A. Proefpersoon", date(2025, 3, 1)),
    description="Een verzonnen agentschap voor de tests.",
    related_to="https://identifier.overheid.nl/tooi/id/ministerie/mnre1034",
    children=(),
)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    if not REGISTER_SCHEMA.is_file():
        missing(f"the register's schema is not at {REGISTER_SCHEMA}")
    return etree.XMLSchema(etree.parse(str(REGISTER_SCHEMA)))


@pytest.mark.parametrize("organisations", [[MINISTRY], [FULL, MINISTRY]], ids=["ministry", "all"])
def test_the_tests_exports_are_valid_against_the_registers_schema(schema, tmp_path, organisations):
    # The schema's namespace is that of version 2.6.9; the live export's changes without notice.
    path = write_export(tmp_path / "export.xml", organisations, namespace_version="2.6.9")
    assert schema.validate(etree.parse(str(path))), schema.error_log
