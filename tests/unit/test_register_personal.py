"""No personal data from a unit's own contact data: name-based e-mail addresses
and mobile numbers are withheld by rule (bzksite/register/personal.py).

The addresses and numbers here are made up, apart from the functional
addresses of the register's real export, which it publishes as the units' own.
"""

import pytest
from lxml import etree

from bzksite.register.elements import child, local, texts
from bzksite.register.personal import is_mobile_number, is_personal_email
from tests.unit.real_export import real_export

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
        ("abd@proefdata.invalid", ("Bureau Algemene Bestuursdienst",)),
        ("BDC-O@proefdata.invalid", ("Bedrijfscommissie voor de Overheid (BDC-O)",)),
        ("kiesraad@kiesraad.nl", ("Kiesraad",)),
        ("vngoverijssel@proefgemeente.invalid", ("https://vngoverijssel.nl/",)),
        ("ssc-ict@proefdata.invalid", ("SSC-ICT",)),
        ("Klantcontact.oprijk@proefdata.invalid", ("Organisatie en Personeel Rijk", "O&P Rijk")),
        ("administratie.caopjuridisch@caop.nl", ()),
        ("cavv@proefdata.invalid", ()),
        ("rbo@proefdata.invalid", ()),
        ("ipkd@proefdata.invalid", ()),
        ("vadv@proefdata.invalid", ()),
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
    ],
)
def test_anything_that_may_be_a_persons_name_is_withheld(address: str):
    assert is_personal_email(address, ("Directie Proefdata", "DPD"))


@pytest.mark.parametrize(
    "number",
    ["06 12 34 56 78", "0612345678", "06-12345678", "(06) 1234 5678", "+316 1234 5678",
     "+31 6 12345678", "+31 (0)6 12 34 56 78", "00316 12345678", "0031 6 1234 5678"],
)  # fmt: skip
def test_dutch_mobile_numbers_in_any_spacing(number: str):
    assert is_mobile_number(number)


@pytest.mark.parametrize(
    "number", ["(070) 426 63 23", "1400", "0800 123 4567", "+31 70 889 63 60", "+599 715 83 33"]
)
def test_other_numbers_are_not_mobile(number: str):
    assert not is_mobile_number(number)


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
    assert personal == STAND_INS
    numbers = {element.text for element in tree.iter("{*}nummer") if is_mobile_number(element.text)}
    assert numbers == {f"06 00 00 00 0{n}" for n in range(1, 5)}
