"""db/content/organisations/*.toml: read and checked by make db as units are,
with file:line errors; their name and description are translated texts that
reach the translators' template and the database, translated or not. The
organisations in these files are made up."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from bzksite.content.citations import ORGANISATION_FACTS
from bzksite.content.sources import read_sources
from bzksite.content.tomlfile import TomlFile
from bzksite.content.units import check_contact
from bzksite.sourcefiles import BuildError, SourceError
from bzksite.translate.extract import content_template
from tests.conftest import CONTENT, build_site
from tests.made_up_sources import list_made_up, with_sources

PROEF = """# Made up for the tests.
id = "apd"
kind = "agency"
name = "Agentschap Proefdata"
abbreviation = "APD"
description = [
  "Een verzonnen agentschap.",
  "Het bestaat alleen in de tests.",
]

[contact]
visiting_address = ["Proefstraat 1", "9999 ZZ Proefdorp"]
email = "info@proefdata.invalid"
website = "https://www.proefdata.invalid"

[register]
systeem_id = "900601"
url = "https://organisaties.overheid.nl/900601/"
type = "Agentschap"
imported = 2026-05-16
"""
PROEF = with_sources(PROEF, ORGANISATION_FACTS)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder, ignore=shutil.ignore_patterns("organisations"))
    list_made_up(folder)
    (folder / "organisations").mkdir()
    (folder / "organisations" / "apd.toml").write_text(PROEF)
    return folder


def test_an_organisation_is_read_with_its_texts(content: Path):
    sources = read_sources(content)
    [organisation] = sources.organisations
    assert (organisation.id, organisation.kind, organisation.abbreviation) == (
        "apd",
        "agency",
        "APD",
    )
    assert organisation.contact["email"] == "info@proefdata.invalid" and organisation.described
    texts = [
        (t.context, t.position, t.line) for t in sources.texts if t.owner == "organisation:apd"
    ]
    assert texts == [
        ("organisation:apd:name", 0, 4),
        ("organisation:apd:description", 0, 7),
        ("organisation:apd:description", 1, 8),
    ]
    assert content / "organisations" / "apd.toml" in sources.files


def test_without_the_folder_there_are_no_organisations(content: Path):
    shutil.rmtree(content / "organisations")
    assert read_sources(content).organisations == []


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('kind = "agency"', 'kind = "ministry"', 3, "unknown kind 'ministry'"),
        ('  "Een verzonnen', '  "<p>Een verzonnen', 6, "markup is not allowed"),
        ('  "Een verzonnen', '  " Een verzonnen', 6, "one paragraph on one line"),
        ('email = "info@', 'email = "info at ', 13, "email must be an address"),
        ('type = "Agentschap"', "type = 1", 19, "field 'type' must be a string"),
        ("imported = 2026-05-16", "", 16, "required field 'imported' is missing"),
        ('abbreviation = "APD"', 'parent = "bzk"', 5, "unknown field 'parent'"),
    ],
)
def test_a_bad_file_is_named_with_its_line(content, old, new, line, message):
    path = content / "organisations" / "apd.toml"
    assert old in PROEF
    path.write_text(PROEF.replace(old, new, 1))
    with pytest.raises(BuildError) as raised:
        read_sources(content)
    [error] = raised.value.errors
    assert (error.path, error.line) == (path, line) and message in error.message


def test_an_id_twice_is_an_error(content: Path):
    shutil.copy(content / "organisations" / "apd.toml", content / "organisations" / "apd-2.toml")
    with pytest.raises(BuildError, match=r"apd.toml:2: duplicate id 'apd', also in apd-2.toml:2"):
        read_sources(content)


def test_the_texts_reach_the_template_and_the_database_untranslated(content, tmp_path):
    template = content_template(content, content.parent)
    message = template.get("Een verzonnen agentschap.", context="organisation:apd:description")
    assert message is not None and message.locations == [("content/organisations/apd.toml", 7)]
    config = build_site(tmp_path / "site", content=content)
    with sqlite3.connect(config["DATABASE"]) as db:
        rows = db.execute(
            "SELECT lang, state FROM texts WHERE owner = 'organisation:apd' AND field = 'name'"
        ).fetchall()
    assert ("nl", "source") in rows and ("en", "missing") in rows


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ({"website": "www.proefdata.invalid"}, "website must be a web address"),
        ({"email": "info at proefdata.invalid"}, "email must be an address"),
    ],
)
def test_units_and_organisations_share_one_check_of_contact_data(tmp_path, contact, message):
    path = tmp_path / "apd.toml"
    path.write_text("[contact]\n" + "".join(f'{k} = "{v}"\n' for k, v in contact.items()))
    source = TomlFile(path)
    with pytest.raises(SourceError, match=message):
        check_contact(source, source.data)
    path.write_text('[contact]\nemail = "info@proefdata.invalid"\n')
    source = TomlFile(path)
    assert check_contact(source, source.data) == {"email": "info@proefdata.invalid"}
