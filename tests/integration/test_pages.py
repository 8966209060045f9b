"""Every page in every language, through the test client, with the shared page check."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po

from bzksite.content.sources import read_sources
from bzksite.content.tree import standings
from bzksite.records import SOURCE_LANGUAGE
from tests.conftest import CONTENT
from tests.languages import LANGUAGES, organisation_path, paths, unit_path
from tests.pagecheck import check_page, text_of

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SOURCES = read_sources(CONTENT)
COMMITTED = SOURCES.units
# The agencies and public bodies: each has a page; the sitemap lists the current ones.
ORGANISATIONS = sorted(organisation.id for organisation in SOURCES.organisations)
CURRENT_ORGANISATIONS = sorted(o.id for o in SOURCES.organisations if o.ended is None)
STANDINGS = standings(COMMITTED)
PARENTS = {unit.id: unit.parent for unit in COMMITTED}
# Every unit with a page of its own but the ministry (the overview); ended ones too.
UNITS = sorted(unit for unit, standing in STANDINGS.items() if standing.has_page and PARENTS[unit])
CURRENT = [unit for unit in UNITS if not STANDINGS[unit].ended]
PATHS = {
    lang: [
        *paths(lang).values(),
        *(unit_path(lang, unit) for unit in UNITS),
        *(organisation_path(lang, organisation) for organisation in ORGANISATIONS),
    ]
    for lang in LANGUAGES
}
ALL_PAGES = [(lang, path) for lang, found in PATHS.items() for path in found]
# What the sitemap lists: the pages, and the units that have not ended.
LISTED = [
    *(path for lang in LANGUAGES for path in paths(lang).values()),
    *(unit_path(lang, unit) for lang in LANGUAGES for unit in CURRENT),
    *(organisation_path(lang, o) for lang in LANGUAGES for o in CURRENT_ORGANISATIONS),
]


@pytest.mark.parametrize(("lang", "path"), ALL_PAGES)
def test_every_page_passes_the_page_check(client, lang, path):
    check_page(client, path, lang)


def test_sitemap_lists_every_page_with_its_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    urlset = ElementTree.fromstring(response.data)
    entries = urlset.findall("s:url", NS)
    locs = [urlsplit(entry.findtext("s:loc", namespaces=NS)).path for entry in entries]
    assert sorted(locs) == sorted(LISTED)
    for entry in entries:
        alternates = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in entry.findall("x:link", NS)
        }
        assert set(alternates) == {*LANGUAGES, "x-default"}
        assert urlsplit(entry.findtext("s:loc", namespaces=NS)).path in alternates.values()
        assert alternates["x-default"] == alternates["nl"]


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://localhost/sitemap.xml" in response.get_data(as_text=True)


def page_text(client, path, sources: bool = True):
    """The text of the page's main element; without its sources (the list of a
    page's, and those of each change), whose titles and publishers are Dutch in
    every language, as the documents are titled."""
    main = check_page(client, path, path[1:3]).one("main")
    if not sources:
        for parent in list(main.iter()):
            for listed in [
                *parent.findall("ul[@class='sources']"),
                *parent.findall("p[@class='change-sources']"),
            ]:
                parent.remove(listed)
    return text_of(main)


def owner_path(owner: str, lang: str) -> str | None:
    """Where a text is shown: its page; the name of a unit without one on its
    parent's page (the overview for the ministry's). None: nowhere yet (an
    organisation; a unit without a page that ended, so that no list shows it)."""
    kind, name = owner.split(":")
    if kind == "page":
        return paths(lang)[name]
    if kind != "unit" or (not STANDINGS[name].has_page and STANDINGS[name].ended):
        return None
    if not STANDINGS[name].has_page:
        name = PARENTS[name]
    return unit_path(lang, name) if PARENTS[name] else paths(lang)["overview"]


def shown_texts(lang: str) -> list[tuple[object, str]]:
    """Each content text that a page shows, with that page's path in `lang`."""
    found = [(text, owner_path(text.owner, lang)) for text in read_sources(CONTENT).texts]
    return [(text, path) for text, path in found if path]


def test_every_dutch_text_is_on_its_dutch_page(client):
    for text, path in shown_texts("nl"):
        assert text.text in page_text(client, path), text.context


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
def test_translated_pages_show_the_translations_and_no_dutch_source(client, app, lang):
    with open(f"{app.config['TRANSLATIONS']}/{lang}/LC_MESSAGES/content.po", "rb") as file:
        catalog = read_po(file)
    for text, path in shown_texts(lang):
        shown = page_text(client, path, sources=False)
        translation = catalog.get(text.text, context=text.context).string
        assert translation in shown, text.context
        if translation != text.text:  # a name kept in every language: Logius, ABDTOPConsult
            assert text.text not in shown, f"Dutch source on a page in {lang}: {text.context}"


def test_unit_page_shows_director_parent_children_and_related(client):
    page = check_page(client, "/nl/organisatie/bo/", "nl")
    children = [text_of(a) for a in page.one("ul", **{"class": "units"}).iter("a")]
    assert children == [
        "Directie Bestuursadvisering (BA)",
        "Directie Communicatie (COM)",
        "Directie Kennis, Internationaal, Europa en Macro-economie (KIEM)",
    ]
    facts = text_of(page.one("dl", **{"class": "facts"}))
    assert "Valt onder Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)" in facts

    page = check_page(client, "/en/organisation/denb/", "en")
    facts = text_of(page.one("dl", **{"class": "facts"}))
    assert "Director of Democracy and Governance Mw. drs. E.J.A. van Doorne (Ellen)" in facts
    director = [dd for dd in page.one("dl", **{"class": "facts"}).iter("dd") if dd.get("lang")]
    assert [(dd.get("lang"), text_of(dd)) for dd in director] == [
        ("nl", "Mw. drs. E.J.A. van Doorne (Ellen)")
    ], "a name with Dutch titles is marked Dutch on an English page"
    related = page.one("ul", **{"class": "related"})
    assert text_of(related) == "Strategic Knowledge Agenda for a Vital and Resilient Democracy"
    assert not list(related.iter("a")), "no address is known for this publication"


def test_overview_shows_the_whole_tree_linked(client):
    page = check_page(client, "/en/", "en")
    trees = page.all("div", **{"class": "tree"})
    links = {urlsplit(a.get("href")).path for tree in trees for a in tree.iter("a")}
    top_two = [unit for unit in CURRENT if "bzk" in (PARENTS[unit], PARENTS[PARENTS[unit]])]
    assert links == {f"/en/organisation/{unit}/" for unit in top_two}


def test_breadcrumb_leads_home_through_the_parents(client):
    page = check_page(client, "/nl/organisatie/denb/", "nl")
    crumbs = page.one("nav", **{"class": "breadcrumb"}).find(".//ol")
    assert [text_of(li) for li in crumbs] == [
        "Home",
        "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat",
        "Directie Democratie en Bestuur",
    ]
    assert crumbs[-1].get("aria-current") == "page" and crumbs[-1].find("a") is None


def test_the_ministry_has_one_address_the_overview(client):
    response = client.get("/en/organisation/bzk/")
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/"
