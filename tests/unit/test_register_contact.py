"""A unit's general contact data, chosen by the register's labels.

Every unit, number and address here is made up (Directie Proefcontact,
systeemId 900701, proefdata.invalid).
"""

from pathlib import Path

import pytest

from bzksite.register.records import Contact
from bzksite.register.values import is_topical_page
from tests.unit.register_fixtures import read_organisatie


def _entry(element: str, value_tag: str, value: str, label: str | None) -> str:
    """One labelled entry as the register writes it (a label is optional)."""
    labelled = f"<p:label>{label}</p:label>" if label is not None else ""
    written = f"<p:{value_tag}>{value}</p:{value_tag}>"
    # The schema puts a contactformulier's label first, every other entry's last.
    inner = labelled + written if element == "contactformulier" else written + labelled
    return f"<p:{element}>{inner}</p:{element}>"


def phone(number: str, label: str | None = None) -> str:
    return _entry("telefoonnummer", "nummer", number, label)


def email(address: str, label: str | None = None) -> str:
    return _entry("emailadres", "email", address, label)


def website(url: str, label: str | None = None) -> str:
    return _entry("internetadres", "url", url, label)


def form(url: str, label: str | None = None) -> str:
    return _entry("contactformulier", "url", url, label)


def contact_of(tmp_path: Path, phones=(), emails=(), websites=(), forms=(), after="") -> Contact:
    blocks = [
        ("telefoonnummers", phones),
        ("emailadressen", emails),
        ("internetadressen", websites),
        ("contactformulieren", forms),
    ]
    inner = "".join(f"<p:{name}>{''.join(items)}</p:{name}>" for name, items in blocks if items)
    found, _ = read_organisatie(tmp_path, f"<p:contact>{inner}</p:contact>{after}")
    return found.contact


def test_the_first_general_value_of_each_field_is_taken(tmp_path: Path):
    contact = contact_of(
        tmp_path,
        phones=[phone("0999 100 100", "pers"), phone("0999 200 200", "ALGEMEEN")],
        emails=[email("pers@proefdata.invalid", "pers"), email("info@proefdata.invalid")],
        websites=[website("https://proefdata.invalid/contact", "contact"),
                  website("https://proefdata.invalid/", "Algemeen"),
                  website("https://tweede.proefdata.invalid/", "algemeen")],
        forms=[form("https://proefdata.invalid/formulier", "Algemeen")],
    )  # fmt: skip
    assert contact == Contact(
        phone="0999 200 200",
        email="info@proefdata.invalid",
        website="https://proefdata.invalid/",
        contact_form="https://proefdata.invalid/formulier",
    )


@pytest.mark.parametrize(
    "label",
    ["pers", "secretariaat", "servicedesk", "Rijksbeveiliging", "vanuit het buitenland",
     "Woo", "Woo-verzoeken", "algemeen Woo"],
)  # fmt: skip
def test_a_value_with_another_label_is_not_the_units_general_contact(tmp_path: Path, label: str):
    contact = contact_of(
        tmp_path,
        phones=[phone("0999 300 300", label)],
        emails=[email("woo@proefdata.invalid", label)],
        websites=[website("https://proefdata.invalid/woo", label)],
        forms=[form("https://proefdata.invalid/woo-formulier", label)],
    )
    assert contact == Contact()


def test_the_woo_block_is_never_read_as_contact(tmp_path: Path):
    woo = """<p:woo><p:wooInformatie><p:urls><p:url>https://proefdata.invalid/woo</p:url>
      </p:urls></p:wooInformatie><p:afspraak><p:url>https://proefdata.invalid/afspraak</p:url>
      <p:email>woo@proefdata.invalid</p:email><p:telefoonnummer>0999 400 400</p:telefoonnummer>
      </p:afspraak></p:woo>"""
    found, _ = read_organisatie(tmp_path, woo)
    assert found.contact == Contact()


def test_a_topical_page_is_not_the_units_website(tmp_path: Path):
    topical = "https://www.rijksoverheid.nl/onderwerpen/proefdata"
    contact = contact_of(
        tmp_path, websites=[website(topical, "algemeen"), website("https://proefdata.invalid/")]
    )
    assert contact.website == "https://proefdata.invalid/"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rijksoverheid.nl/onderwerpen/orkaan-irma",
        "http://rijksoverheid.nl/actueel/nieuws/2024/01/01/proef",
        "https://www.rijksoverheid.nl/documenten/rapporten/2024/01/01/proef",
        "https://www.rijksoverheid.nl/Onderwerpen/proef/vraag-en-antwoord",
    ],
)
def test_pages_on_a_topic_at_rijksoverheid_nl(url: str):
    assert is_topical_page(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rijksoverheid.nl/ministeries/ministerie-van-proefdata",
        "http://www.rijksoverheid.nl/",
        "https://www.proefdata.invalid/onderwerpen/proef",
        "https://www.rijksoverheid.nl/contact/contactformulier",
    ],
)
def test_other_pages_are_not_topical(url: str):
    assert not is_topical_page(url)


def test_an_address_with_nothing_but_its_type_gives_no_lines(tmp_path: Path):
    addresses = """<p:adressen>
      <p:adres><p:adresType>Bezoekadres</p:adresType></p:adres>
      <p:adres><p:adresType>Postadres</p:adresType></p:adres>
    </p:adressen>"""
    found, _ = read_organisatie(tmp_path, addresses)
    assert found.contact == Contact() and not found.contact


def test_a_postal_address_with_a_postbus_and_a_visiting_address_by_adrestype(tmp_path: Path):
    addresses = """<p:adressen>
      <p:adres><p:adresType>Postadres</p:adresType><p:postbus>99999</p:postbus>
        <p:postcode>9999 ZY</p:postcode><p:woonplaats>PROEFDORP</p:woonplaats></p:adres>
      <p:adres><p:adresType>bezoekadres</p:adresType><p:openbareRuimte>Proefstraat</p:openbareRuimte>
        <p:huisnummer>1</p:huisnummer><p:postcode>9999 ZZ</p:postcode>
        <p:woonplaats>PROEFDORP</p:woonplaats></p:adres>
    </p:adressen>"""
    found, _ = read_organisatie(tmp_path, addresses)
    assert found.contact == Contact(
        visiting_address=("Proefstraat 1", "9999 ZZ PROEFDORP"),
        postal_address=("Postbus 99999", "9999 ZY PROEFDORP"),
    )
