"""Units the importer cannot take, and files it cannot open: RegisterError with file and line."""

from pathlib import Path

import pytest

from bzksite.register.records import RegisterError
from bzksite.register.xmlexport import read_register
from bzksite.sourcefiles import display_path
from tests.register_files import write_export
from tests.unit.register_fixtures import MINISTRY, OTHER, line_of


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "exportOO.xml", [OTHER, MINISTRY])


def refused(path: Path, root: str = MINISTRY.tooi) -> str:
    with pytest.raises(RegisterError) as caught:
        read_register(path, root)
    return str(caught.value)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def directie_line(path: Path) -> int:
    return line_of(path, '<p:organisatie p:systeemId="900003"')


@pytest.mark.parametrize("naam", ["", "<p:naam/>", "<p:naam> \n </p:naam>"])
def test_a_unit_without_naam(export: Path, naam: str):
    line = directie_line(export)
    replace(export, "<p:naam>Directie Proefdata</p:naam>", naam)
    message = "organisatie systeemId 900003 (in Directoraat-generaal Proefdata) has no naam"
    assert refused(export) == f"{display_path(export)}:{line}: {message}"


def test_the_root_without_naam_at_the_top_level(export: Path):
    line = line_of(export, '<p:organisatie p:systeemId="900001"')
    replace(export, "<p:naam>Ministerie van Proefdata</p:naam>", "")
    message = "organisatie systeemId 900001 (at the top level) has no naam"
    assert refused(export) == f"{display_path(export)}:{line}: {message}"


def test_a_unit_without_systeemid(export: Path):
    line = directie_line(export)
    replace(export, ' p:systeemId="900003"', "")
    message = (
        "organisatie 'Directie Proefdata' (in Directoraat-generaal Proefdata) has no systeemId"
    )
    assert refused(export) == f"{display_path(export)}:{line}: {message}"


def test_an_einddatum_with_a_time_zone_is_a_date(export: Path):
    replace(export, "<p:eindDatum>2024-12-31<", "<p:eindDatum>2024-12-31+01:00<")
    assert read_register(export, MINISTRY.tooi).children[0].children[1].end_date.day == 31


def test_a_file_that_is_not_there(tmp_path: Path):
    path = tmp_path / "exportOO.xml"
    assert refused(path) == f"{display_path(path)}: cannot be read (No such file or directory)"


def test_a_folder_instead_of_a_file(tmp_path: Path):
    assert refused(tmp_path) == f"{display_path(tmp_path)}: cannot be read (Is a directory)"
