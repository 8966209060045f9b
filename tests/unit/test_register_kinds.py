"""The kind of a new unit, from the register's type and the unit's name: for
every unit of BZK in the real-shape export, and for made-up names where the
export has no example."""

import pytest
from lxml import etree

from bzksite.content.units import KINDS
from bzksite.register.kinds import kind_from_name
from tests.conftest import REAL_EXPORT

EXPORT = REAL_EXPORT
BZK = "9632"  # the ministry's systeemId in the export
ORGANISATIE = "{*}organisaties/{*}organisatie"

# Every unit of BZK in the export, with the kind its name gives (None: no kind).
EXPECTED = {
    "Algemene Inlichtingen- en Veiligheidsdienst": None,
    "directie Inlichtingen": "department",
    "directie Operatiën": "department",
    "directie Veiligheidsonderzoeken & Bedrijfsvoering": "department",
    "Bureau Algemene Bestuursdienst": "office",
    "ABDTOPConsult": None,
    "directie Management Development Rijk": "department",
    "directie Stelselontwikkeling en Bestuursondersteuning": "department",
    "Cluster Mensen en Middelen": "cluster",
    "CIO & Informatiemanagement": None,
    "Directie Financieel-Economische Zaken (FEZ)": "department",
    "Commissies": None,
    "Advies- en Arbitragecommissie Rijksdienst (AAC)": "committee",
    "Bedrijfscommissie voor de Overheid (BDC-O)": "committee",
    "CIO-Beraad": None,
    "Interdep. Commissie Organisatie en Personeelsbeleid (ICOP)": "committee",
    "Interdepartementale Commissie Huisvesting en Faciliteiten (ICHF)": "committee",
    "Interdepartementale Commissie Inkopen en Aanbesteden (ICIA)": "committee",
    "Directoraat-generaal Digitalisering en Overheidsorganisatie": "directorate-general",
    "directie Ambtenaar & Organisatie (A&O)": "department",
    "directie Chief Information Office- Rijk (CIO-Rijk)": "department",
    "Directie Digitale Overheid": "department",
    "Directie Digitale Samenleving": "department",
    "directie Inkoop- Facilitair en Huisvestingsbeleid Rijk (IFHR)": "department",
    "Nationaal Commissaris Digitale Overheid (NCDO)": None,
    "Directoraat-generaal Koninkrijksrelaties": "directorate-general",
    "Koninkrijksrelaties": None,
    "Programma Wederopbouw": "programme",
    "Rijksdienst Caribisch Nederland": None,
    "SSO Caribisch Nederland": None,
    "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat": "directorate-general",
    "Directie Bestuur, Financiën en Regio\u2019s": "department",
    "directie Constitutionele Zaken en Wetgeving (CZW)": "department",
    "Directie Democratie en Bestuur": "department",
    "Directoraat-generaal Vastgoed en Bedrijfsvoering Rijk (DGVBR)": "directorate-general",
    "Rijksorganisatie voor Informatiehuishouding (RvIHH)": None,
    "Shared Service Organisatie": None,
    "Doc-Direkt": None,
    "Organisatie voor Bedrijfsvoering en Financiën": None,
    "P-direct": None,
    "Rijksinkoopsamenwerking": None,
    "Uitvoeringsorganisatie Bedrijfsvoering Rijk": None,
    "Directoraat-generaal Volkshuisvesting en Bouwen": "directorate-general",
    "Directie Bouwen en Energie": "department",
    "Directie Wonen": "department",
    "Directie Woningbouw": "department",
    "Programma Stad": "programme",
    "Nationaal Coördinator Groningen": None,
    "Programma Directoraat-generaal Ruimtelijke Ordening": "directorate-general",
    "Directie Ruimtelijk Beleid": "department",
    "Directie Ruimtelijke ontwikkeling": "department",
    "Programma directeur Aan de slag": "programme",
    "Raden": None,
    "Raad voor de financiele verhoudingen (Rfv)": "council",
    "Raad voor het Overheidspersoneelsbeleid (ROP)": "council",
    "Secretaris-generaal Cluster": "cluster",
    "BZK Flex": None,
    "Cluster Bestuursondersteuning": "cluster",
    "Bestuursadvisering": None,
    "KIEM": None,
    "directie Concernondersteuning": "department",
    "Secretariaat ROB": "secretariat",
}

# Made-up names, of no unit, for the rules the export has no example of.
MADE_UP = [
    ("Programma-directoraat-generaal Proef", "directorate-general"),
    ("Programmadirectoraat-generaal Proef", "directorate-general"),
    ("Programma directoraat-generaal Proef", "directorate-general"),
    ("Programmadirectie Proef", "department"),
    ("Afdeling Proef", "section"),
    ("afdeling  Proef", "section"),
    ("Dienst Proef", "service"),
    ("Commissie Proef", "committee"),
    ("Raad van Proef", "council"),
    ("Cluster", "cluster"),
    ("Directies Proef", None),
    ("Bureaucratie Proef", None),
    ("Programmabureau Proef", None),
    ("Directie-Proef", None),
    ("Proefdienst", None),
    ("Commissies van Proef", None),
    ("Ministerie van Proef", None),
    ("", None),
]


def units_in_export() -> list[tuple[str, tuple[str, ...]]]:
    """The name and types of every unit nested in BZK in the export, in its order."""
    root = etree.parse(str(EXPORT)).getroot()
    ministry = next(
        o for o in root.iterfind(ORGANISATIE) if o.get(f"{{{root.nsmap['p']}}}systeemId") == BZK
    )
    return [
        (unit.findtext("{*}naam"), tuple(t.text for t in unit.iterfind("{*}types/{*}type")))
        for unit in ministry.iter("{*}organisatie")
        if unit is not ministry
    ]


def test_every_unit_of_bzk_in_the_export_gets_the_kind_its_name_gives():
    units = units_in_export()
    assert len(units) == 62 and {name for name, _ in units} == set(EXPECTED)
    for name, types in units:
        assert types == ("Organisatieonderdeel",), name
        assert kind_from_name(name, types) == EXPECTED[name], name


@pytest.mark.parametrize(("name", "kind"), MADE_UP)
def test_a_name_gives_a_kind_by_its_first_whole_words(name, kind):
    assert kind_from_name(name, ("Organisatieonderdeel",)) == kind


def test_the_type_ministerie_makes_a_ministry_whatever_the_name():
    assert kind_from_name("Proefzaken", ("Ministerie",)) == "ministry"
    assert kind_from_name("Directie Proef", ("ministerie",)) == "ministry"


def test_every_kind_given_is_one_the_site_accepts():
    given = {*EXPECTED.values(), *(kind for _, kind in MADE_UP), "ministry"} - {None}
    assert given <= set(KINDS)
