"""Each page with a document of the API links it in its <head>: the overview
the organisation, a unit page its unit. The document validates and names the
parent the page's breadcrumb leads to."""

from urllib.parse import urlsplit

import pytest

from tests.apicheck import get_json
from tests.languages import LANGUAGES, unit_path
from tests.pagecheck import check_page, text_of

UNITS = ["bo", "ba", "com", "kiem", "dgobdr", "denb"]


def linked_document(page) -> str:
    [link] = [
        link
        for link in page.one("head").iter("link")
        if link.get("rel") == "alternate" and link.get("type") == "application/json"
    ]
    return link.get("href")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_links_the_organisation(client, lang):
    page = check_page(client, f"/{lang}/", lang)
    href = linked_document(page)
    assert href == "http://localhost/api/v1/organisation.json"
    document = get_json(client, urlsplit(href).path, "organisation")
    [root] = [unit for unit in document["units"] if unit["parent"] is None]
    assert urlsplit(root["pages"][lang]).path == f"/{lang}/"


@pytest.mark.parametrize("unit_id", UNITS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_unit_page_links_its_document_with_the_same_parent(client, lang, unit_id):
    page = check_page(client, unit_path(lang, unit_id), lang)
    href = linked_document(page)
    assert href == f"http://localhost/api/v1/units/{unit_id}.json"
    unit = get_json(client, urlsplit(href).path, "unit")["unit"]
    assert unit["id"] == unit_id and unit["pages"][lang].endswith(unit_path(lang, unit_id))
    crumbs = page.one("nav", **{"class": "breadcrumb"}).find(".//ol")
    parent_crumb = crumbs[-2].find("a")
    parent = get_json(client, urlsplit(unit["parent"]["url"]).path, "unit")["unit"]
    assert urlsplit(parent_crumb.get("href")).path == urlsplit(parent["pages"][lang]).path
    if parent["parent"] is not None:  # the ministry's crumb says "Home"
        assert text_of(parent_crumb) == unit["parent"]["name"][lang]


def test_pages_without_a_document_link_none(client):
    for path in ("/nl/privacy/", "/en/cookies/"):
        page = check_page(client, path, path[1:3])
        assert not [link for link in page.all("link") if link.get("type") == "application/json"]
