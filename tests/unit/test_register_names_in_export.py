"""A unit's or organisation's naam as the content takes it: on one line,
whitespace collapsed, markup dropped with a warning; a related organisation
without a naam is left out with a warning, never a reason to stop. Every unit
and organisation here is made up."""

from pathlib import Path

import pytest

from bzksite.register.xmlexport import read_export
from bzksite.sourcefiles import display_path
from tests.register_files import write_export
from tests.unit.register_fixtures import MINISTRY, line_of, read_organisatie

NAMELESS = """    <p:organisatie p:systeemId="900610" p:resourceIdentifierTOOI="{tooi}900610">
      {naam}
      <p:relatieMetMinisterie p:resourceIdentifierTOOI="{ministry}" p:systeemId="900001"
        >Proefdata</p:relatieMetMinisterie>
    </p:organisatie>\n"""


@pytest.mark.parametrize(
    "naam", ["Directie\n      Proefcontact", "  Directie   Proefcontact ", "Directie\tProefcontact"]
)
def test_whitespace_in_a_naam_is_collapsed_without_a_warning(tmp_path: Path, naam: str):
    found, _ = read_organisatie(tmp_path, "", name=naam)
    assert (found.name, found.warnings) == ("Directie Proefcontact", ())


def test_markup_in_a_naam_is_dropped_with_a_warning(tmp_path: Path):
    naam = "Directie &lt;b&gt;Proef&lt;/b&gt;contact\n  &lt;br/&gt;Zuid"
    found, path = read_organisatie(tmp_path, "", name=naam)
    assert found.name == "Directie Proefcontact Zuid"
    where = f"{display_path(path)}:{line_of(path, '<p:naam>')}"
    unit = "organisatie systeemId 900701 (Directie Proefcontact Zuid)"
    assert found.warnings == (
        f"{where}: {unit}: naam 'Directie <b>Proef</b>contact <br/>Zuid' holds markup;"
        " written as 'Directie Proefcontact Zuid'",
    )
    assert found.url.endswith("/900701/Directie_b_Proef_b_contact_br_Zuid/"), (
        "the register's page is named after the naam as the register holds it"
    )


@pytest.mark.parametrize(
    "naam", ["", "<p:naam/>", "<p:naam> </p:naam>", "<p:naam>&lt;b/&gt;</p:naam>"]
)
def test_a_related_organisation_without_a_naam_is_left_out_with_a_warning(
    tmp_path: Path, naam: str
):
    tooi = MINISTRY.tooi[: -len("900001")]
    extra = NAMELESS.format(tooi=tooi, naam=naam, ministry=MINISTRY.tooi)
    path = write_export(tmp_path / "exportOO.xml", [MINISTRY], extra=extra)
    export = read_export(path, MINISTRY.tooi)
    assert export.related == ()
    line = line_of(path, '<p:organisatie p:systeemId="900610"')
    assert export.warnings == (
        f"{display_path(path)}:{line}: organisatie systeemId 900610:"
        " related to the ministry, without a naam; left out",
    )
    assert export.ministry.name == MINISTRY.name
