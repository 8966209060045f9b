"""No personal data from a unit's own contact data: name-based e-mail addresses
and mobile numbers are withheld by rule (bzksite/register/personal.py).

The addresses and numbers here are made up, apart from the functional
addresses of the register's real export, which it publishes as the units' own.
"""

from pathlib import Path

import pytest
from lxml import etree

from bzksite.register.elements import child, local, texts
from bzksite.register.personal import is_mobile_number, is_personal_email
from bzksite.register.records import Contact
from tests.unit.real_export import every_unit, real_export
from tests.unit.register_fixtures import read_organisatie

STAND_INS = {"tvoorbeeld@ipo.nl", "evtestpersoon@ipo.nl", "mproefmans@ipo.nl"}


@pytest.mark.parametrize(
    ("address", "own"),
    [
        ("info@proefdata.invalid", ()),
        ("postbus.proefdata@proefdata.invalid", ()),
        ("postbuspdbb@proefdata.invalid", ()),
        ("secretariaat@proefdata.invalid", ()),
        ("FMHSecretariaat@proefdata.invalid", ("FMHaaglanden", "FMH")),
        ("directiesecretariaat@proefdata.invalid", ()),
        ("vlg.secretariaat@proefdata.invalid", ("VLG",)),
        ("contact@proefdata.invalid", ()),
        ("servicedesk@proefdata.invalid", ()),
        ("communicatie@proefdata.invalid", ()),
        ("woo@proefdata.invalid", ()),
        ("abd@proefdata.invalid", ("Bureau Algemene Bestuursdienst", "ABD")),
        ("BDC-O@proefdata.invalid", ("Bedrijfscommissie voor de Overheid (BDC-O)",)),
        ("kiesraad@kiesraad.nl", ("Kiesraad",)),
        ("vngoverijssel@proefgemeente.invalid", ("https://vngoverijssel.nl/",)),
        ("ssc-ict@proefdata.invalid", ("SSC-ICT",)),
        ("Klantcontact.oprijk@proefdata.invalid", ("Organisatie en Personeel Rijk", "O&P Rijk")),
        ("administratie.caopjuridisch@caop.nl", ()),
        ("cavv@proefdata.invalid", ("Commissie van advies inzake volkenrechtelijke vraagstukken",)),
        ("rob@proefdata.invalid", ("Raad voor het Openbaar Bestuur",)),
        ("vnhg@proefdata.invalid", ("Vereniging van Noord-Hollandse Gemeenten",)),
        ("info.dpd@proefdata.invalid", ("Directie Proefdata (DPD)",)),
        ("http://www.proefdata.invalid/", ()),
    ],
)
def test_functional_addresses_pass(address: str, own: tuple[str, ...]):
    assert not is_personal_email(address, own)


@pytest.mark.parametrize(
    "address",
    [
        "tvoorbeeld@ipo.nl",
        "evtestpersoon@ipo.nl",
        "mproefmans@ipo.nl",
        "j.jansen@proefdata.invalid",
        "jan.de.vries@proefdata.invalid",
        "Jan.Jansen@proefdata.invalid",
        "j.vos@proefdata.invalid",
        "postma@proefdata.invalid",
        "persijn@proefdata.invalid",
        "info.jjansen@proefdata.invalid",
        "anna@proefdata.invalid",
        "henk@proefdata.invalid",
        "jan@proefdata.invalid",
        "bart@proefdata.invalid",
        "mark@proefdata.invalid",
        "jdv@proefdata.invalid",
        "dpx@proefdata.invalid",
    ],
)
def test_anything_that_may_be_a_persons_name_is_withheld(address: str):
    assert is_personal_email(address, ("Directie Proefdata", "DPD"))


@pytest.mark.parametrize(
    ("address", "own"),
    [
        ("abd@proefdata.invalid", ("Bureau Algemene Bestuursdienst",)),
        ("cavv@proefdata.invalid", ("Commissie voor Proefdata",)),
        ("rbo@proefdata.invalid", ("Rijksorganisatie Beveiliging en Logistiek", "RBL")),
        ("jan@proefdata.invalid", ("Directie Juridische Aangelegenheden",)),
    ],
)
def test_a_short_name_that_is_not_the_units_abbreviation_nor_its_initials_is_withheld(
    address: str, own: tuple[str, ...]
):
    assert is_personal_email(address, own)


@pytest.mark.parametrize(
    "number",
    ["06 12 34 56 78", "0612345678", "06-12345678", "(06) 1234 5678", "+316 1234 5678",
     "+31 6 12345678", "+31 (0)6 12 34 56 78", "00316 12345678", "0031 6 1234 5678",
     "070 123 45 67 / 06 12345678", "(070) 123 45 67, mobiel: +31 6 1234 5678"],
)  # fmt: skip
def test_dutch_mobile_numbers_in_any_spacing(number: str):
    assert is_mobile_number(number)


@pytest.mark.parametrize(
    "number",
    ["(070) 426 63 23", "1400", "0800 123 4567", "+31 70 889 63 60", "+599 715 83 33",
     "+31 70 123 06 12", "070 123 45 67 / 0800 06 12"],
)  # fmt: skip
def test_other_numbers_are_not_mobile(number: str):
    assert not is_mobile_number(number)


def test_a_withheld_value_is_not_in_the_contact_and_its_field_is_named(tmp_path: Path):
    inner = """<p:contact>
      <p:telefoonnummers><p:telefoonnummer><p:nummer>06 00 00 00 99</p:nummer>
        <p:label>algemeen</p:label></p:telefoonnummer></p:telefoonnummers>
      <p:emailadressen><p:emailadres><p:email>j.proefpersoon@proefdata.invalid</p:email>
        </p:emailadres><p:emailadres><p:email>info@proefdata.invalid</p:email>
        </p:emailadres></p:emailadressen>
    </p:contact>"""
    found, _ = read_organisatie(tmp_path, inner)
    assert found.contact == Contact(email="info@proefdata.invalid")
    assert found.withheld == ("phone", "email")
    assert "proefpersoon" not in repr(found) and "06 00" not in repr(found)


def test_the_units_own_abbreviation_makes_its_address_functional(tmp_path: Path):
    inner = """<p:contact><p:emailadressen><p:emailadres>
      <p:email>proefco@proefdata.invalid</p:email></p:emailadres></p:emailadressen></p:contact>"""
    found, _ = read_organisatie(tmp_path, inner, abbreviation="ProefCo")
    assert (found.contact.email, found.withheld) == ("proefco@proefdata.invalid", ())
    found, _ = read_organisatie(tmp_path, inner, abbreviation="DPD")
    assert (found.contact.email, found.withheld) == (None, ("email",))


def test_of_every_address_in_the_real_export_only_the_name_based_stand_ins_are_personal():
    tree = etree.parse(str(real_export()))
    personal = set()
    for element in tree.iter("{*}email"):
        organisatie = element.getparent()
        while local(organisatie.tag) != "organisatie":
            organisatie = organisatie.getparent()
        own = texts(organisatie, "naam") + texts(organisatie, "afkorting")
        own += texts(child(organisatie, "contact"), "internetadressen", "internetadres", "url")
        if is_personal_email(element.text, own):
            personal.add(element.text)
    # Withheld by doubt: none is the abbreviation or the initials of its unit's
    # name. abd@ is the address of three units (Bureau Algemene Bestuursdienst,
    # ABDTOPConsult, directie Stelselontwikkeling en Bestuursondersteuning),
    # rbo@ and ipkd@ are RBL's (labelled Rijksbeveiliging and Rijkslogistiek, so
    # never its general e-mail), vadv@ that of Buitenlandse Zaken's Bijzondere
    # functies. cavv@ is the CAVV's own abbreviation and passes.
    doubtful = {"abd@minbzk.nl", "rbo@rijksoverheid.nl", "ipkd@rijksoverheid.nl", "vadv@minbuza.nl"}
    assert personal == STAND_INS | doubtful
    numbers = {element.text for element in tree.iter("{*}nummer") if is_mobile_number(element.text)}
    assert numbers == {f"06 00 00 00 0{n}" for n in range(1, 5)}


def test_the_real_export_gives_no_unit_a_name_based_address_or_a_mobile_number():
    units = every_unit(real_export())
    withheld = {(unit.systeem_id, field) for unit in units for field in unit.withheld}
    assert withheld == {
        ("16055", "email"), ("16062", "email"), ("16070", "email"),  # IPO's units
        ("9675", "email"), ("116761", "email"), ("98719", "email"),  # abd@, by doubt
        ("2559", "email"),  # vadv@, Buitenlandse Zaken's, by doubt
        ("97027", "phone"), ("28360985", "phone"), ("27918811", "phone"), ("27918847", "phone"),
    }  # fmt: skip
    for unit in units:
        assert unit.contact.email not in STAND_INS, unit.name
        assert not is_mobile_number(unit.contact.phone or ""), unit.name
