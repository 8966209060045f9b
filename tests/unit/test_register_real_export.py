"""The reader against the reconstruction of the register's real export of BZK
(../shared/register/, see its README): the register's page addresses as the
register itself writes them."""

import pytest
from lxml import etree

from bzksite.register.elements import first_text, identifier, local
from bzksite.register.units import register_slug
from tests.unit.real_export import real_export


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
