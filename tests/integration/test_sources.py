"""The Sources section of a unit page, in every language: each document the
unit's file cites once, in the order the page states the facts, with its
title and publisher (Dutch, marked so on other pages), its date or that it
has none, and the facts it supports; the register's entry links the unit's
own page in the register, and a mention says so."""

import shutil
from datetime import date

import pytest
from babel.dates import format_date

from bzksite import create_app
from bzksite.content.citations import read_citations
from bzksite.content.sources import read_sources
from bzksite.content.tree import standings
from bzksite.i18n import FORMATTING_LOCALES
from bzksite.queries.citations import FACTS
from bzksite.records import SOURCE_LANGUAGE
from tests.conftest import CONTENT, build_site
from tests.languages import LANGUAGES, unit_path
from tests.pagecheck import check_page, text_of

CITATIONS = read_citations(CONTENT)
UNITS = {unit.id: unit for unit in read_sources(CONTENT).units}
WITH_PAGE = [
    unit_id
    for unit_id, standing in standings(list(UNITS.values())).items()
    if standing.has_page and UNITS[unit_id].parent
]
# The words of the section, where the tests know the language.
WORDS = {
    "en": {"heading": "Sources", "for": "For", "undated": "undated", "mention": "Mentioned in:",
           "unit": "its existence, name and place", "description": "the description",
           "director": "the head", "contact": "the contact data", "ended": "its end"},
    "nl": {"heading": "Bronnen", "for": "Voor", "undated": "zonder datum", "mention": "Genoemd in:",
           "unit": "het bestaan, de naam en de plaats", "description": "de beschrijving",
           "director": "de leiding", "contact": "de contactgegevens", "ended": "het einde"},
}  # fmt: skip


def cited_in_order(unit_id: str) -> list[tuple[str, list[str]]]:
    """Each source key the unit's file cites, once, with its facts, in the page's order."""
    found: dict[str, list[str]] = {}
    for fact in FACTS:
        for key in UNITS[unit_id].cited.get(fact, ()):
            found.setdefault(key, []).append(fact)
    return list(found.items())


def sources_section(page):
    """The items of the page's Sources list, after its heading."""
    [section] = page.all("ul", **{"class": "sources"})
    return section.findall("li")


def shown_date(published: str | None, lang: str) -> str:
    if published is None:
        return WORDS[lang]["undated"]
    if len(published) == 4:
        return published
    locale = FORMATTING_LOCALES.get(lang, lang)  # as the site formats dates
    return format_date(date.fromisoformat(published), "long", locale=locale)


def expected_text(key: str, facts: list[str], lang: str) -> str:
    citation, words = CITATIONS[key], WORDS[lang]
    mention = f"{words['mention']} " if citation.evidence == "mention" else ""
    publisher = f", {citation.publisher}" if citation.publisher else ""
    named = "; ".join(words[fact] for fact in facts)  # a fact may name several things
    when = shown_date(citation.published, lang)
    return f"{mention}{citation.title}{publisher}, {when}. {words['for']} {named}."


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_unit_page_shows_each_source_once_with_its_facts(client, lang):
    assert WITH_PAGE, "the content has unit pages"
    for unit_id in WITH_PAGE:
        page = check_page(client, unit_path(lang, unit_id), lang)
        items = sources_section(page)
        cited = cited_in_order(unit_id)
        assert cited, f"{unit_id} states facts"
        assert [text_of(li.find("cite")) for li in items] == [
            CITATIONS[key].title for key, _ in cited
        ], unit_id
        if lang in WORDS:
            assert WORDS[lang]["heading"] in [text_of(h2) for h2 in page.all("h2")]
            for li, (key, facts) in zip(items, cited, strict=True):
                assert text_of(li) == expected_text(key, facts, lang), unit_id


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_titles_and_publishers_are_marked_dutch_on_other_pages(client, lang):
    marked = SOURCE_LANGUAGE if lang != SOURCE_LANGUAGE else None
    for unit_id in WITH_PAGE:
        items = sources_section(check_page(client, unit_path(lang, unit_id), lang))
        for li, (key, _) in zip(items, cited_in_order(unit_id), strict=True):
            assert li.find("cite").get("lang") == marked, unit_id
            publisher = [text_of(span) for span in li.findall("span")]
            assert publisher == ([CITATIONS[key].publisher] if CITATIONS[key].publisher else [])
            assert all(span.get("lang") == marked for span in li.findall("span")), unit_id


def test_a_register_source_links_the_units_own_page_in_the_register(client):
    registered = [
        unit_id
        for unit_id in WITH_PAGE
        if UNITS[unit_id].register
        and any(k.startswith("register-") for k, _ in cited_in_order(unit_id))
    ]
    assert registered, "the content cites the register"
    for unit_id in registered:
        for lang in LANGUAGES:
            items = sources_section(check_page(client, unit_path(lang, unit_id), lang))
            for li, (key, _) in zip(items, cited_in_order(unit_id), strict=True):
                links = [a.get("href") for a in li.iter("a")]
                if key.startswith("register-"):
                    assert links == [UNITS[unit_id].register["url"]], unit_id
                else:
                    assert links == ([CITATIONS[key].url] if CITATIONS[key].url else []), unit_id


def test_the_content_has_sources_with_a_day_a_year_and_no_date(client):
    """So that the first test sees each way a date is shown."""
    cited = {key for unit_id in WITH_PAGE for key, _ in cited_in_order(unit_id)}
    dates = [CITATIONS[key].published for key in cited]
    assert None in dates, "an undated source"
    assert any(d and len(d) == 10 for d in dates), "a source with a day"
    assert any(d and len(d) == 4 for d in dates), "a source with only a year"
    undated = next(key for key in cited if CITATIONS[key].published is None)
    unit_id = next(u for u in WITH_PAGE if undated in dict(cited_in_order(u)))
    for lang, words in WORDS.items():
        page = check_page(client, unit_path(lang, unit_id), lang)
        assert any(words["undated"] in text_of(li) for li in sources_section(page))


MENTION = """
[made-up-mention]
title = "Verzonnen voor de tests: een vermelding"
publisher = "Verzonnen"
date = 2026
evidence = "mention"
"""


@pytest.fixture(scope="module")
def mentioned(tmp_path_factory):
    """KIEM's description cites a made-up mention too."""
    folder = tmp_path_factory.mktemp("mention")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    (content / "sources.toml").write_text((content / "sources.toml").read_text() + MENTION)
    kiem = content / "units" / "kiem.toml"
    own = 'description = "organogram-cluster-bestuursondersteuning"'
    assert own in kiem.read_text()
    cites = 'description = ["organogram-cluster-bestuursondersteuning", "made-up-mention"]'
    kiem.write_text(kiem.read_text().replace(own, cites))
    return create_app(build_site(folder, content=content)).test_client()


@pytest.mark.parametrize("lang", list(WORDS))
def test_a_mention_says_it_is_one(mentioned, lang):
    page = check_page(mentioned, unit_path(lang, "kiem"), lang)
    texts = [text_of(li) for li in sources_section(page)]
    words = WORDS[lang]
    assert texts[-1] == (
        f"{words['mention']} Verzonnen voor de tests: een vermelding, Verzonnen, 2026."
        f" {words['for']} {words['description']}."
    )
    assert not any(text.startswith(words["mention"]) for text in texts[:-1]), (
        "the rest are official"
    )
