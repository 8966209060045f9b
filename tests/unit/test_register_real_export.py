"""The reader against the reconstruction of the register's real export of BZK
(../shared/register/, see its README): labels, personal data, bad values and
the register's page addresses as the register itself writes them."""

import pytest
from lxml import etree

from bzksite.register.elements import first_text, identifier, local
from bzksite.register.records import DEFAULT_ROOT, RegisterUnit
from bzksite.register.units import register_slug
from bzksite.register.xmlexport import read_register
from bzksite.sourcefiles import display_path
from tests.unit.real_export import real_export
from tests.unit.register_fixtures import line_of

IRMA = "https://www.rijksoverheid.nl/onderwerpen/orkaan-irma"


@pytest.fixture(scope="module")
def bzk() -> dict[str, RegisterUnit]:
    """BZK's units by systeemId, read as `make import-register` reads them."""
    found: dict[str, RegisterUnit] = {}

    def visit(unit: RegisterUnit) -> None:
        found[unit.systeem_id] = unit
        for child in unit.children:
            visit(child)

    visit(read_register(real_export(), DEFAULT_ROOT))
    return found


def test_bzk_and_its_62_units_are_read_whole(bzk: dict[str, RegisterUnit]):
    assert len(bzk) == 63 and bzk["9632"].name == "Binnenlandse Zaken en Koninkrijksrelaties"


def test_doc_direkts_mobile_number_is_withheld(bzk: dict[str, RegisterUnit]):
    doc_direkt = bzk["97027"]
    assert doc_direkt.withheld == ("phone",)
    assert doc_direkt.contact.phone is None
    assert doc_direkt.contact.website == "http://www.rijksoverheid.nl/"


def test_directie_digitale_overheids_url_in_an_email_element_is_a_warning(
    bzk: dict[str, RegisterUnit],
):
    path = real_export()
    line = line_of(path, "<p:email>http://www.rijksoverheid.nl/</p:email>")
    unit = "organisatie systeemId 27646725 (Directie Digitale Overheid)"
    what = "email 'http://www.rijksoverheid.nl/' is not an e-mail address; left out"
    assert bzk["27646725"].warnings == (f"{display_path(path)}:{line}: {unit}: {what}",)
    assert bzk["27646725"].contact.phone == "(070) 426 61 76"


def test_the_page_on_hurricane_irma_is_no_units_website(bzk: dict[str, RegisterUnit]):
    assert all(unit.contact.website != IRMA for unit in bzk.values())
    assert bzk["134848"].contact.website is None  # DGKR
    wederopbouw = bzk["23055682"]  # Programma Wederopbouw, in DGKR, lists it as "algemeen"
    assert wederopbouw.contact.website is None and IRMA in wederopbouw.warnings[0]


def test_no_bzk_unit_has_a_name_based_address_or_a_mobile_number(bzk: dict[str, RegisterUnit]):
    emails = {unit.contact.email for unit in bzk.values()} - {None}
    assert emails == {
        "administratie.caopjuridisch@caop.nl", "BDC-O@caop.nl",
        "postbus.cioberaad@minbzk.nl", "postbuspdbb@minbzk.nl", "info@rijksdienstcn.com",
        "OBF.Bedrijfsbureau@rijksoverheid.nl", "contact.ris@rijksoverheid.nl", "info@caop.nl",
    }  # fmt: skip
    phones = {unit.contact.phone for unit in bzk.values()} - {None}
    assert not any(phone.replace(" ", "").startswith(("06", "+316")) for phone in phones)


def test_abd_at_is_withheld_by_doubt_from_the_units_that_give_it(bzk: dict[str, RegisterUnit]):
    """abd@ is neither the abbreviation nor the initials of the names of the
    units that give it; the register gives none of them the afkorting ABD."""
    for systeem_id in ("9675", "116761", "98719"):
        assert bzk[systeem_id].withheld == ("email",) and bzk[systeem_id].contact.email is None


def test_every_warning_names_the_file_and_a_line(bzk: dict[str, RegisterUnit]):
    where = f"{display_path(real_export())}:"
    warnings = [warning for unit in bzk.values() for warning in unit.warnings]
    assert warnings and all(w.startswith(where) and w[len(where)].isdigit() for w in warnings)


def test_the_slug_is_the_registers_own_for_every_woo_page_in_the_export():
    tree = etree.parse(str(real_export()))
    pages = list(tree.iter("{*}overzichtURL"))
    assert len(pages) == 21
    for page in pages:
        organisatie = page.getparent()
        while local(organisatie.tag) != "organisatie":
            organisatie = organisatie.getparent()
        systeem_id = identifier(organisatie, "systeemId")
        name = first_text(organisatie, "naam")
        expected = f"https://organisaties.overheid.nl/woo/{systeem_id}/{register_slug(name)}"
        assert page.text == expected


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Binnenlandse Zaken en Koninkrijksrelaties", "Binnenlandse_Zaken_en_Koninkrijksrelaties"),
        ("College financieel toezicht Curaçao en Sint Maarten",
         "College_financieel_toezicht_Curacao_en_Sint_Maarten"),
        ("College financieel toezicht Bonaire, Sint Eustatius en Saba",
         "College_financieel_toezicht_Bonaire_Sint_Eustatius_en_Saba"),
        ("Adviescollege ICT-toetsing", "Adviescollege_ICT-toetsing"),
        (" Directie Bestuur, Financiën en Regio\u2019s (proef) ",
         "Directie_Bestuur_Financien_en_Regio_s_proef"),
    ],
)  # fmt: skip
def test_the_slug(name: str, slug: str):
    assert register_slug(name) == slug


def test_the_units_register_page(bzk: dict[str, RegisterUnit]):
    expected = "https://organisaties.overheid.nl/9632/Binnenlandse_Zaken_en_Koninkrijksrelaties/"
    assert bzk["9632"].url == expected
