"""The import names its source: the export of the day its root's timestamp
gives (register-<day>), listed once in sources.toml, as the source of each
fact it writes; the register's description goes into a unit without one,
never over an editor's; a later export takes the place of the earlier one
beside the editors' sources. Every register unit and text here is made up;
the content is the content before its first import."""

import tomllib
from datetime import date

import pytest

from bzksite.content.sources import read_sources
from bzksite.register.citationfile import register_key
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.xmlexport import read_export
from tests.register_files import TOOI, write_export
from tests.register_fixtures import (
    EXPORTED,
    TODAY,
    changed,
    committed_as_register,
    content_before_import,
)
from tests.unit.register_fixtures import MINISTRY

KEY = register_key(EXPORTED)
ORGANOGRAM = "organogram-cluster-bestuursondersteuning"  # the editors' source of ba and kiem
DGRO = "Directoraat-generaal Ruimtelijke Ordening"  # in the decree, without a description
KIEM = "Directie Kennis, Internationaal, Europa en Macro-economie"  # the editors' description


@pytest.fixture
def content(tmp_path):
    return content_before_import(tmp_path)


def imported(content, root, exported=EXPORTED, today=TODAY) -> list[str]:
    planned = plan_import(content, root, today, exported=exported)
    apply_import(content, planned)
    return planned.report


def unit(content, unit_id: str) -> dict:
    return tomllib.loads((content / "units" / f"{unit_id}.toml").read_text())


@pytest.mark.parametrize(
    ("timestamp", "exported"),
    [
        ("2026-05-15", date(2026, 5, 15)),
        ("2026-05-15T06:30:00+02:00", date(2026, 5, 15)),
        ("15-05-2026", None),
        ("2026-13-01", None),
        (None, None),
    ],
)
def test_the_day_of_the_export_is_its_roots_timestamp(tmp_path, timestamp, exported):
    path = write_export(tmp_path / "export.xml", [MINISTRY], timestamp=timestamp)
    assert read_export(path, f"{TOOI}900001").exported == exported


def test_the_export_is_listed_once_and_cited_for_what_the_import_writes(content):
    root = committed_as_register(content)
    assert imported(content, root)[0] == f"new source: {KEY}"
    assert not [line for line in imported(content, root) if line.startswith("new source")]
    text = (content / "sources.toml").read_text()
    assert text.count(f"\n[{KEY}]\n") == 1
    listed = read_sources(content).citations[KEY]
    assert (listed.published, listed.evidence) == (EXPORTED.isoformat(), "official")
    assert listed.url.startswith("https://organisaties.overheid.nl")
    assert unit(content, "dgobdr")["sources"]["unit"] == "organisatiebesluit-2025", (
        "the decree's unit exists by the decree, whatever the register says"
    )
    assert unit(content, "kiem")["sources"]["unit"] == [ORGANOGRAM, KEY]


def test_the_registers_description_goes_only_where_the_content_has_none(content):
    root = committed_as_register(content)
    for name in (DGRO, KIEM):
        root = changed(root, name, description="<p>Een verzonnen taak.</p><p>Nog een.</p>")
    kiem_before = unit(content, "kiem")
    imported(content, root)
    dgro, kiem = unit(content, "dgro"), unit(content, "kiem")
    assert dgro["description"] == ["Een verzonnen taak.", "Nog een."]
    assert dgro["sources"]["description"] == KEY and dgro["register"]["description_hash"]
    assert kiem["description"] == kiem_before["description"]
    assert kiem["sources"]["description"] == ORGANOGRAM
    assert "description_hash" not in kiem["register"]

    later = changed(root, DGRO, description="Een andere verzonnen taak.")
    imported(content, later)
    assert unit(content, "dgro")["description"] == ["Een andere verzonnen taak."]
    path = content / "units" / "dgro.toml"
    path.write_text(path.read_text().replace("Een andere", "Een eigen"))  # an editor's now
    imported(content, root)
    dgro = unit(content, "dgro")
    assert dgro["description"] == ["Een eigen verzonnen taak."]
    assert "description_hash" not in dgro["register"]


def test_a_later_export_takes_the_place_of_the_earlier_beside_the_editors_sources(content):
    root = committed_as_register(content)
    imported(content, root)
    later = date(2027, 2, 1)
    report = imported(content, root, exported=later, today=date(2027, 2, 2))
    assert report == [f"new source: {register_key(later)}"]
    ba = unit(content, "ba")
    assert ba["sources"]["unit"] == [ORGANOGRAM, register_key(later)]
    assert ba["sources"]["director"] == register_key(later), "the head the register names"
    assert unit(content, "dgobdr")["sources"]["unit"] == "organisatiebesluit-2025"
    units = " ".join(path.read_text() for path in (content / "units").iterdir())
    assert f'"{KEY}"' not in units, "no fact rests on the earlier export any more"
    assert set(read_sources(content).citations) >= {KEY, register_key(later)}
