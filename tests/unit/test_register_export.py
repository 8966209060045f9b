"""Reading the register's XML export: what a well-formed file gives."""

import dataclasses
from pathlib import Path

import pytest

from bzksite.register.records import Contact
from bzksite.register.xmlexport import read_register
from tests.register_files import (
    ALMANAK_SCHEMA,
    PERSONAL_EMAIL,
    PERSONAL_PHONE,
    SCHEMA,
    TOOI,
    write_export,
)
from tests.unit.register_fixtures import (
    DG,
    DIRECTIE,
    MINISTRY,
    OTHER,
    line_of,
    lines,
    unit,
    without_lines,
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "exportOO.xml", [OTHER, MINISTRY, OTHER])


def test_a_ministry_comes_back_as_it_was_written(export: Path):
    assert without_lines(read_register(export, MINISTRY.tooi)) == MINISTRY


def test_each_unit_has_the_line_where_its_element_starts(export: Path):
    found = read_register(export, MINISTRY.tooi)
    expected = {
        number: line_of(export, f'<p:organisatie p:systeemId="{number}"')
        for number in ("900001", "900002", "900003", "900004")
    }
    assert lines(found) == expected


def test_the_root_is_found_at_any_depth_with_only_its_own_subtree(export: Path):
    found = read_register(export, DIRECTIE.tooi)
    assert without_lines(found) == DIRECTIE
    assert found.line == line_of(export, '<p:organisatie p:systeemId="900003"')


def test_other_ministries_are_left_out(export: Path):
    text = repr(read_register(export, MINISTRY.tooi))
    assert "Andere Proefdata" not in text and "0999 999 999" not in text


@pytest.mark.parametrize("schema", [SCHEMA + "9.9.99", ALMANAK_SCHEMA + "2.6.9", "urn:x"])
def test_names_are_matched_in_whatever_namespace(tmp_path: Path, schema: str):
    path = write_export(tmp_path / "export.xml", [OTHER, MINISTRY])
    path.write_text(path.read_text().replace(SCHEMA + "2.6.13", schema))
    assert without_lines(read_register(path, MINISTRY.tooi)) == MINISTRY


def test_elements_without_a_prefix_and_attributes_without_a_namespace_are_read(tmp_path: Path):
    path = write_export(tmp_path / "export.xml", [MINISTRY])
    text = path.read_text().replace(' xmlns:p="', ' xmlns="').replace("<p:", "<")
    path.write_text(text.replace("</p:", "</").replace(" p:", " "))
    assert "p:" not in path.read_text().replace("http", "")
    assert without_lines(read_register(path, MINISTRY.tooi)) == MINISTRY


def test_the_tooi_may_stand_among_the_identificatiecodes(tmp_path: Path):
    extra = f"""<p:organisatie p:systeemId="900201">
      <p:naam>Directie Gecodeerde Proefdata</p:naam>
      <p:identificatiecodes>
        <p:resourceIdentifier p:naam="OIN">00000009999999999999</p:resourceIdentifier>
        <p:resourceIdentifier p:naam="resourceIdentifierTOOI"> {TOOI}900201 </p:resourceIdentifier>
      </p:identificatiecodes>
    </p:organisatie>\n"""
    path = write_export(tmp_path / "export.xml", [OTHER], extra=extra)
    found = read_register(path, f"{TOOI}900201")
    assert (found.name, found.tooi) == ("Directie Gecodeerde Proefdata", f"{TOOI}900201")


def test_the_register_page_is_made_from_the_systeemid_and_the_name(tmp_path: Path):
    renamed = dataclasses.replace(DIRECTIE, name="Directie Proefdata, Caraïben & Noord")
    found = read_register(write_export(tmp_path / "export.xml", [renamed]), DIRECTIE.tooi)
    assert found.url == "https://organisaties.overheid.nl/900003/Directie_Proefdata_Caraiben_Noord/"


def test_the_current_exports_address_and_contact_form_names_are_read(tmp_path: Path):
    extra = f"""<p:organisatie p:systeemId="900301" p:resourceIdentifierTOOI="{TOOI}900301">
      <p:naam> Directie Nieuwe Proefdata </p:naam>
      <p:afkorting/><p:afkorting>  </p:afkorting><p:afkorting> DNP </p:afkorting>
      <p:adressen>
        <p:adres><p:adresType>Woo-adres</p:adresType><p:postbus>1</p:postbus></p:adres>
        <p:adres><p:adresType>Postadres</p:adresType><p:openbareRuimte>Proeflaan</p:openbareRuimte>
          <p:huisnummer>7</p:huisnummer><p:postcode>9999 ZX</p:postcode>
          <p:woonplaats>PROEFSTAD</p:woonplaats></p:adres>
        <p:adres><p:adresType>Bezoekadres</p:adresType><p:openbareRuimte>Proeflaan</p:openbareRuimte>
          <p:huisnummer>7</p:huisnummer><p:toevoeging>-b</p:toevoeging>
          <p:postcode>9999 ZX</p:postcode><p:woonplaats>PROEFSTAD</p:woonplaats></p:adres>
      </p:adressen>
      <p:contact><p:contactformulieren><p:contactformulier>
        <p:url>https://nieuw.proefdata.invalid/formulier</p:url>
      </p:contactformulier></p:contactformulieren></p:contact>
    </p:organisatie>\n"""
    found = read_register(write_export(tmp_path / "e.xml", [], extra=extra), f"{TOOI}900301")
    assert (found.name, found.abbreviations) == ("Directie Nieuwe Proefdata", ("DNP",))
    assert found.contact == Contact(
        visiting_address=("Proeflaan 7-b", "9999 ZX PROEFSTAD"),
        postal_address=("Proeflaan 7", "9999 ZX PROEFSTAD"),
        contact_form="https://nieuw.proefdata.invalid/formulier",
    )


def test_a_persons_own_contact_data_is_never_taken(export: Path):
    found = read_register(export, MINISTRY.tooi)
    assert PERSONAL_PHONE in export.read_text() and PERSONAL_EMAIL in export.read_text()
    assert PERSONAL_PHONE not in repr(found) and PERSONAL_EMAIL not in repr(found)
    assert read_register(export, DG.tooi).contact == Contact(), "DG has a head, no contact"


def test_a_unit_takes_nothing_from_the_units_nested_in_it(tmp_path: Path):
    parent = unit(900401, "Cluster Proefdata", children=(DIRECTIE,))
    found = read_register(write_export(tmp_path / "export.xml", [parent]), parent.tooi)
    assert (found.contact, found.head, found.abbreviations) == (Contact(), None, ())
    assert found.children[0].contact == DIRECTIE.contact


def test_other_content_of_the_file_is_skipped_even_when_it_is_broken(tmp_path: Path):
    extra = """<p:organisatie p:systeemId="900501"><p:naam/><p:eindDatum>gisteren</p:eindDatum>
    </p:organisatie>\n"""
    path = write_export(tmp_path / "export.xml", [MINISTRY], extra=extra)
    text = path.read_text().replace(
        "</p:overheidsorganisaties>",
        "<p:gemeenten><p:gemeente><p:naam>Proefgemeente</p:naam></p:gemeente></p:gemeenten>"
        "</p:overheidsorganisaties>",
    )
    path.write_text(text)
    assert without_lines(read_register(path, MINISTRY.tooi)) == MINISTRY
