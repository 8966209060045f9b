"""The organisations that belong to the ministry without being part of it (its
agencies, advisory bodies, ZBO's, committees), from the committed content:
their section on the overview and the chart, and a page each, current or
ended, in every language."""

import json
from datetime import date
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from babel.dates import format_date

from bzksite.content.sources import read_sources
from bzksite.i18n import FORMATTING_LOCALES
from bzksite.queries.organisations import GROUPS
from bzksite.views import path_segments
from tests.apicheck import get_json
from tests.conftest import CONTENT
from tests.languages import LANGUAGES, organisation_path, paths, unit_path
from tests.pagecheck import check_page, in_language, text_of

SECTION = {"nl": "Agentschappen en andere organisaties", "en": "Agencies and public bodies"}
GROUP_HEADINGS = {
    "agency": {"nl": "Agentschappen", "en": "Executive agencies"},
    "advisory-body": {"nl": "Adviescolleges", "en": "Advisory bodies"},
    "independent-body": {
        "nl": "Zelfstandige bestuursorganen",
        "en": "Independent administrative bodies",
    },
    "other": {"nl": "Overige organisaties", "en": "Other organisations"},
}
KIND_NAMES = {"agency": {"nl": "Agentschap", "en": "Executive agency"}}
ENDED = {"nl": "Deze organisatie is opgeheven op 1 januari 2023.",
         "en": "This organisation ended on 1 January 2023."}  # fmt: skip
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def sources():
    return read_sources(CONTENT)


def group_of(kind: str) -> str:
    return next(group for group, kinds in GROUPS if kind in kinds)


def section(page) -> list[tuple[str, list]]:
    """The section's h2, then (h3, its list's links) per group, in the page's order."""
    main = list(page.one("main").iter())
    start = main.index(page.one("h2", id="organisations"))
    groups, current = [], None
    for element in main[start + 1 :]:
        if element.tag == "h2":
            break
        if element.tag == "h3":
            current = (text_of(element), [])
            groups.append(current)
        elif element.tag == "a" and current is not None:
            current[1].append(element)
    return groups


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", ["overview", "chart"])
def test_the_current_organisations_are_listed_by_group(client, sources, lang, where):
    page = check_page(client, paths(lang)[where], lang)
    app = client.application
    assert text_of(page.one("h2", id="organisations")) == in_language(SECTION, lang, app)
    expected = {}
    for organisation in sources.organisations:
        if organisation.ended is None:
            expected.setdefault(group_of(organisation.kind), set()).add(organisation.id)
    shown = section(page)
    order = [group for group, _ in GROUPS if group in expected]
    assert [heading for heading, _ in shown] == [
        in_language(GROUP_HEADINGS[group], lang, app) for group in order
    ]
    for group, (_, links) in zip(order, shown, strict=True):
        hrefs = [urlsplit(a.get("href")).path for a in links]
        assert sorted(hrefs) == sorted(organisation_path(lang, i) for i in expected[group])
        names = [text_of(a).casefold() for a in links]
        assert names == sorted(names), f"{group}: not by name"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_organisation_has_a_page_ended_ones_too(client, sources, lang):
    for organisation in sources.organisations:
        page = check_page(client, organisation_path(lang, organisation.id), lang)
        assert page.h1, organisation.id


def facts(page) -> dict[str, list[str]]:
    return {
        text_of(row.find("dt")): [text_of(dd) for dd in row.iter("dd")]
        for row in page.one("dl", **{"class": "facts"}).iter("div")
    }


def test_an_agency_page_says_what_it_is_and_where_it_belongs(client, sources):
    [rvig] = [o for o in sources.organisations if o.id == "rvig"]
    owner = "organisation:rvig"
    description = [t.text for t in sources.texts if (t.owner, t.field) == (owner, "description")]
    for lang in LANGUAGES:
        page = check_page(client, organisation_path(lang, "rvig"), lang)
        abbreviation, kind, _ = facts(page).values()
        assert abbreviation == ["RvIG"]
        name = in_language(KIND_NAMES["agency"], lang, client.application)
        assert kind[0] == name and len(kind) == 2, "its type, and what that type means"
        relation = page.one("dl", **{"class": "facts"}).findall(".//a")
        assert [urlsplit(a.get("href")).path for a in relation] == [paths(lang)["overview"]]
        paragraphs = [text_of(p) for p in page.one("main").iter("p") if not p.get("class")]
        if lang == "nl":
            assert paragraphs == description
        links = {a.get("href") for a in page.one("main").iter("a")}
        assert rvig.contact["website"] in links, "its own website"
        assert rvig.register["url"] in links, "the register's page, as the source"
        [sources_list] = page.all("ul", **{"class": "sources"})
        assert "Register van Overheidsorganisaties" in text_of(sources_list)
        assert not page.all("p", **{"class": "ended"})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_ended_organisation_says_when_and_leaves_the_lists(client, lang):
    page = check_page(client, organisation_path(lang, "ubr"), lang)
    ended = page.one("p", **{"class": "ended"})
    day = format_date(date(2023, 1, 1), "long", locale=FORMATTING_LOCALES.get(lang, lang))
    msgid = "This organisation ended on %(date)s."
    assert text_of(ended) == in_language(ENDED, lang, client.application, msgid, date=day)
    for where in ("overview", "chart"):
        html = client.get(paths(lang)[where]).get_data(as_text=True)
        assert organisation_path(lang, "ubr") not in html
    data = json.loads(page.one("script", type="application/ld+json").text)
    assert data["dissolutionDate"] == "2023-01-01"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unknown_organisation_is_not_found_and_units_stay_apart(client, sources, lang):
    assert client.get(organisation_path(lang, "geen-organisatie")).status_code == 404
    unit = next(
        u.id
        for u in sources.units
        if u.parent and u.id not in {o.id for o in sources.organisations}
    )
    assert client.get(organisation_path(lang, unit)).status_code == 404
    assert client.get(unit_path(lang, "rvig")).status_code == 404
    assert client.get(f"/api/v1/organisations/{unit}.json").status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
def test_structured_data_names_the_ministry_as_parent(client, lang):
    page = check_page(client, organisation_path(lang, "kiesraad"), lang)
    data = json.loads(page.one("script", type="application/ld+json").text)
    assert data["@type"] == "GovernmentOrganization"
    assert data["parentOrganization"]["@type"] == "GovernmentOrganization"
    assert urlsplit(data["parentOrganization"]["url"]).path == paths(lang)["overview"]
    assert {i["propertyID"] for i in data["identifier"]} == {"systeemId", "TOOI"}
    assert "https://www.kiesraad.nl" in data["sameAs"]
    first = next(p for p in page.one("main").iter("p") if not p.get("class"))
    assert data["description"] == text_of(first), "the description the page shows"


def test_the_sitemap_lists_the_current_ones_with_their_twins(client, sources):
    root = ElementTree.fromstring(client.get("/sitemap.xml").data)
    listed = {
        urlsplit(url.find(f"{SITEMAP}loc").text).path: url for url in root.iter(f"{SITEMAP}url")
    }
    for organisation in sources.organisations:
        for lang in LANGUAGES:
            path = organisation_path(lang, organisation.id)
            assert (path in listed) == (organisation.ended is None), path
            if organisation.ended is None:
                links = listed[path].findall("{http://www.w3.org/1999/xhtml}link")
                alternates = {
                    link.get("hreflang"): urlsplit(link.get("href")).path for link in links
                }
                assert {alternates[code] for code in LANGUAGES} == {
                    organisation_path(code, organisation.id) for code in LANGUAGES
                }


def test_a_page_is_kept_and_revalidated_like_a_unit_page(client):
    path = organisation_path("nl", "logius")
    first = client.get(path)
    assert first.headers["Cache-Control"] == "public, no-cache" and first.headers["ETag"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def result_links(client, lang: str, query: str) -> list[str]:
    search = path_segments(LANGUAGES[lang])["search"]
    page = check_page(client, f"/{lang}/{search}/?q={query}", lang, twin=False)
    return [
        urlsplit(h3.find("a").get("href")).path for h3 in page.all("h3") if h3.find("a") is not None
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("query", "found"),
    [("Kiesraad", "kiesraad"), ("DigiD", "logius"), ("rvig", "rvig")],
)
def test_search_finds_an_organisation_by_name_abbreviation_and_description(
    client, lang, query, found
):
    assert result_links(client, lang, query)[0] == organisation_path(lang, found)


def test_search_leaves_out_the_organisations_that_ended(client):
    assert organisation_path("nl", "ubr") not in result_links(client, "nl", "UBR")


def test_the_open_data_lists_them_as_related_each_with_a_valid_document(client, sources):
    document = get_json(client, "/api/v1/organisation.json", "organisation")
    listed = document["organisations"]
    ministry = next(unit.id for unit in sources.units if unit.kind == "ministry")
    assert [item["id"] for item in listed] == sorted(o.id for o in sources.organisations)
    assert {item["relation"] for item in listed} == {"related"}
    assert not {item["id"] for item in listed} & {unit["id"] for unit in document["units"]}
    for item in listed:
        one = get_json(client, urlsplit(item["url"]).path, "related-organisation")["organisation"]
        assert {key: one[key] for key in item} == item, "both documents say the same"
        assert urlsplit(one["ministry"]["url"]).path == f"/api/v1/units/{ministry}.json"
        for lang, url in item["pages"].items():
            assert urlsplit(url).path == organisation_path(lang, item["id"])
    get_json(client, "/api/v1/organisations/geen-organisatie.json", "error", 404)
