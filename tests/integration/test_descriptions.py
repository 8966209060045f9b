"""Every page's meta description: the first paragraph of its own text, in the
page's language, shortened; check_page checks length, place and language."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

from babel.messages.pofile import read_po
from flask import url_for

from bzksite.content.sources import read_sources
from bzksite.content.tree import standings
from bzksite.description import shorten
from bzksite.records import SOURCE_LANGUAGE
from tests.conftest import CONTENT
from tests.integration.built import a_unit, dutch_name
from tests.pagecheck import check_page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# The paragraph that describes each kind of page: the ministry's is the overview's.
# (Organisations have no page yet.)
FIRST_PARAGRAPH = {"unit": "description", "page": "body"}


def description(page) -> str:
    return page.one("meta", name="description").get("content")


def sitemap_pages(client) -> list[tuple[str, str]]:
    """(path, language) of every page in the sitemap."""
    urlset = ElementTree.fromstring(client.get("/sitemap.xml").data)
    pages = []
    for entry in urlset.findall("s:url", NS):
        loc = entry.findtext("s:loc", namespaces=NS)
        [lang] = [
            link.get("hreflang")
            for link in entry.findall("x:link", NS)
            if link.get("href") == loc and link.get("hreflang") != "x-default"
        ]
        pages.append((urlsplit(loc).path, lang))
    return pages


def test_every_page_in_every_language_has_a_description_of_its_own(client, app):
    languages = list(app.config["LANGUAGES"])
    pages = sitemap_pages(client)
    assert {lang for _, lang in pages} == set(languages)
    for lang in languages:
        paths = [path for path, page_lang in pages if page_lang == lang]
        descriptions = {path: description(check_page(client, path, lang)) for path in paths}
        assert all(descriptions.values()), descriptions
        assert len(set(descriptions.values())) == len(paths), f"a description repeats: {lang}"


def page_url(owner: str, lang: str) -> str:
    kind, name = owner.split(":")
    if kind == "page":
        return url_for(f"site.{name}", lang=lang)
    if name == "bzk":
        return url_for("site.overview", lang=lang)
    return url_for("site.unit", unit_id=name, lang=lang)


def test_each_page_is_described_by_its_first_paragraph_in_its_language(client, app):
    sources = read_sources(CONTENT)
    with_page = {unit for unit, standing in standings(sources.units).items() if standing.has_page}
    firsts = [
        text
        for text in sources.texts
        if text.position == 0
        and FIRST_PARAGRAPH.get(text.owner.split(":")[0]) == text.field
        and (text.owner.startswith("page:") or text.owner.removeprefix("unit:") in with_page)
    ]
    assert {text.owner for text in firsts} >= {f"page:{page.id}" for page in sources.pages}
    for lang in app.config["LANGUAGES"]:
        translations = None
        if lang != SOURCE_LANGUAGE:
            with open(f"{app.config['TRANSLATIONS']}/{lang}/LC_MESSAGES/content.po", "rb") as po:
                translations = read_po(po)
        for text in firsts:
            with app.test_request_context():
                path = page_url(text.owner, lang)
            expected = text.text
            if translations is not None:
                expected = translations.get(text.text, context=text.context).string
            page = check_page(client, path, lang)
            assert description(page) == shorten(expected), path
            assert page.one("meta", name="description").get("lang") is None, path


def test_a_unit_page_without_a_description_is_described_by_its_place(client, app):
    described = "SELECT substr(owner, 6) FROM texts WHERE field = 'description'"
    unit_id = a_unit(app, f"has_page AND ended IS NULL AND id NOT IN ({described})")
    parent = a_unit(app, "id = (SELECT parent FROM units WHERE id = ?)", unit_id)
    page = check_page(client, f"/nl/organisatie/{unit_id}/", "nl")
    assert description(page) == f"{dutch_name(app, unit_id)} valt onder {dutch_name(app, parent)}."


def test_an_error_page_is_described_by_its_explanation(client):
    page = check_page(client, "/nl/bestaat-niet/", "nl", status=404, twin=False)
    assert (
        description(page) == "Op dit adres staat geen pagina. Controleer het adres op typefouten."
    )
    page = check_page(client, "/en/does-not-exist/", "en", status=404, twin=False)
    assert description(page) == (
        "There is no page at this address. Check the address for typing errors."
    )
