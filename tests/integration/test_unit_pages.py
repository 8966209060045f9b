"""What a unit page shows of the register's data (head since, contact data,
the register among its sources), and how units without a page of their own
and ended units appear. The register data here is made up for the tests
(tests/made_up_site.py); the Sources section is tested in test_sources.py."""

from urllib.parse import urlsplit

import pytest

from bzksite import create_app
from tests import made_up_site
from tests.conftest import edited_site
from tests.integration.built import a_unit, dutch_name
from tests.pagecheck import check_page, parse, text_of


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(made_up_site.build(tmp_path_factory.mktemp("units"))).test_client()


def facts(page, cls: str = "facts") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for dl in page.all("dl"):
        if cls in (dl.get("class") or "").split():
            for row in dl.iter("div"):
                found[text_of(row.find("dt"))] = [text_of(dd) for dd in row.iter("dd")]
    return found


def test_a_unit_page_shows_its_contact_data_and_the_register_among_its_sources(client):
    page = check_page(client, "/en/organisation/kiem/", "en")
    contact = facts(page, "contact")
    addresses = [dd for dd in page.one("dl", **{"class": "facts contact"}).iter("dd")][:2]
    assert [[dd.text, *(br.tail for br in dd.iter("br"))] for dd in addresses] == [
        ["Proefstraat 1", "9999 XX Nergenshuizen"],
        ["Postbus 99999", "9999 XY Nergenshuizen"],
    ], "one line each, as the register gives them"
    assert all(dd.get("lang") == "nl" for dd in addresses), "Dutch addresses on an English page"
    assert list(contact)[:2] == ["Visiting address", "Postal address"]
    assert contact["Phone"] == ["070 000 0000"] and contact["Email"] == ["proef@example.nl"]
    links = {text_of(a): a.get("href") for a in page.one("main").iter("a")}
    assert links["070 000 0000"] == "tel:+31700000000"
    assert links["proef@example.nl"] == "mailto:proef@example.nl"
    assert links["www.example.nl/proef"] == "https://www.example.nl/proef/"
    assert links["www.example.nl/proef/contact"] == "https://www.example.nl/proef/contact"
    sources = {text_of(li.find("cite")): li for li in page.one("ul", **{"class": "sources"})}
    register = sources["Register van Overheidsorganisaties"]
    assert register.find("cite").get("lang") == "nl"
    assert [a.get("href") for a in register.iter("a")] == [
        "https://organisaties.overheid.nl/900001/"
    ]
    assert "the contact data" in text_of(sources["Verzonnen voor de tests"])


def test_the_head_is_shown_with_the_day_they_started(client):
    english = facts(check_page(client, "/en/organisation/kiem/", "en"))
    assert english["Director of KIEM"] == ["Dhr. drs. B.F. Steur (Boudewijn)", "since 1 March 2024"]
    dutch = facts(check_page(client, "/nl/organisatie/kiem/", "nl"))
    assert dutch["Directeur KIEM"][1] == "sinds 1 maart 2024"


def test_a_unit_without_contact_data_shows_no_contact_section(client):
    unit_id = a_unit(client.application, "contact IS NULL AND has_page AND ended IS NULL")
    page = check_page(client, f"/nl/organisatie/{unit_id}/", "nl")
    assert "Contact" not in [text_of(h2) for h2 in page.all("h2")]
    assert not page.all("dl", **{"class": "facts contact"})


def test_a_unit_without_register_data_cites_no_register(client):
    unit_id = a_unit(client.application, "systeem_id IS NULL AND has_page")
    page = check_page(client, f"/nl/organisatie/{unit_id}/", "nl")
    cited = [text_of(cite) for cite in page.one("ul", **{"class": "sources"}).iter("cite")]
    assert cited and "Register van Overheidsorganisaties" not in cited
    assert "organisaties.overheid.nl" not in page.html


def test_an_ended_unit_says_so_links_its_parent_and_leaves_the_lists(client):
    page = check_page(client, "/en/organisation/com/", "en")
    ended = page.one("p", **{"class": "ended"})
    assert text_of(ended).startswith("This unit ended on 1 October 2026. It was part of ")
    assert [urlsplit(a.get("href")).path for a in ended.iter("a")] == ["/en/organisation/bo/"]
    overview = check_page(client, "/en/", "en")
    assert "/en/organisation/com/" not in overview.html
    parent = check_page(client, "/en/organisation/bo/", "en")
    assert "/en/organisation/com/" not in parent.html
    assert "/organisation/com/" not in client.get("/sitemap.xml").text


def test_a_unit_with_nothing_but_a_name_is_listed_without_a_page(client):
    # One the overview shows: under a unit directly under the ministry.
    where = "NOT has_page AND ended IS NULL AND parent IN (SELECT id FROM units WHERE parent = ?)"
    unit_id = a_unit(client.application, where, "bzk")
    assert client.get(f"/nl/organisatie/{unit_id}/").status_code == 404
    overview = check_page(client, "/nl/", "nl")
    listed = [li for tree in overview.all("div", **{"class": "tree"}) for li in tree.iter("li")]
    [unit] = [
        li for li in listed if text_of(li).startswith(dutch_name(client.application, unit_id))
    ]
    assert unit.find("a") is None
    assert f"/organisatie/{unit_id}/" not in client.get("/sitemap.xml").text


def test_the_site_is_named_after_the_ministry_in_the_content(tmp_path):
    client = edited_site(tmp_path, bzk=('abbreviation = "BZK"', 'abbreviation = "PROEF"'))
    page = parse("/en/", client.get("/en/").get_data(as_text=True))
    assert text_of(page.one("title")).endswith("– PROEF organisation chart")
    page = parse("/nl/", client.get("/nl/").get_data(as_text=True))
    assert text_of(page.one("title")).endswith("– Organogram PROEF")
