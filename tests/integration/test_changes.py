"""The changes page and its Atom feed in every language, and what a unit's
page says of its past: built from the committed content with two made-up
units (tests/made_up_history.py) that ended, followed, merged and were renamed."""

import json
from urllib.parse import urlsplit

import feedparser
import pytest

from bzksite import changes as changes_view
from bzksite import create_app, queries
from bzksite.db import get_db
from tests.conftest import build_site
from tests.languages import LANGUAGES, organisation_path, paths, unit_path
from tests.made_up_history import history_content
from tests.pagecheck import check_page, text_of

FEED = {"nl": "/nl/wijzigingen.xml", "en": "/en/changes.xml"}
# What the page and the feed say in Dutch and English.
BY_2025 = {"nl": "uiterlijk 2025", "en": "by 2025"}
PREVIOUSLY = {"nl": "Eerder", "en": "Previously"}
FOLLOWED = {"nl": "Het werd opgevolgd door", "en": "It was followed by"}
YEAR_ONLY = {"nl": "De bron noemt alleen het jaar", "en": "The source gives only the year"}
SPOKEN = [lang for lang in LANGUAGES if lang in BY_2025]


def make_site(folder):
    return create_app(build_site(folder, content=history_content(folder)))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_site(tmp_path_factory.mktemp("changes"))


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def recorded(app):
    """The changes the database holds, in the order the page and feed show them."""
    with app.app_context():
        return {lang: queries.changes(get_db(), lang) for lang in LANGUAGES}


def feed_path(lang: str) -> str:
    return paths(lang)["changes"].rstrip("/") + ".xml"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_page_lists_every_change_newest_first_with_its_sources(client, recorded, lang):
    page = check_page(client, paths(lang)["changes"], lang)
    items = [li for li in page.one("main").iter("li") if li.get("id", "").startswith("change-")]
    found = recorded[lang]
    assert [li.get("id") for li in items] == [changes_view.anchor(c) for c in found]
    for li, change in zip(items, found, strict=True):
        cited = [a.get("href") for cite in li.iter("cite") for a in cite.iter("a")]
        assert cited == [s.url for s in change.sources if s.url], li.get("id")
        links = [a.get("href") for a in li.iter("a")]
        assert change.subject.name.text in text_of(li)
        if change.is_unit and change.subject.has_page:
            assert unit_path(lang, change.subject.id) in links
    years = [text_of(h2) for h2 in page.one("main").iter("h2")]
    assert years == sorted(set(years), reverse=True)


@pytest.mark.parametrize("lang", SPOKEN)
def test_a_change_known_by_a_year_says_by_that_year(client, lang):
    page = check_page(client, paths(lang)["changes"], lang)
    [dgabd] = [
        li for li in page.one("main").iter("li") if li.get("id", "").endswith("dgabd-renamed-2025")
    ]
    assert text_of(dgabd).startswith(f"{BY_2025[lang]}:")
    [what] = [p for p in dgabd.iter("p") if p.get("class") == "change-what"]
    assert "Bureau Algemene Bestuursdienst (BABD)" in text_of(what)
    marked = [s.get("lang") for s in what.iter("span") if text_of(s).startswith("Bureau Algemene")]
    assert marked == ([] if lang == "nl" else ["nl"]), "kept as written, in Dutch"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_page_links_its_feed_and_is_a_web_page_of_the_site(client, lang):
    page = check_page(client, paths(lang)["changes"], lang)
    head = page.one("head").iter("link")
    feeds = [link for link in head if link.get("type") == "application/atom+xml"]
    assert [(link.get("rel"), link.get("href")) for link in feeds] == [
        ("alternate", feed_path(lang))
    ]
    assert feed_path(lang) in [a.get("href") for a in page.one("main").iter("a")]
    [block] = page.all("script", type="application/ld+json")
    data = json.loads(block.text)
    assert (data["@type"], data["inLanguage"], data["isPartOf"]["@type"]) == (
        "WebPage",
        lang,
        "WebSite",
    )


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_overview_and_the_sitemap_lead_to_the_page(client, lang):
    overview = check_page(client, paths(lang)["overview"], lang)
    assert paths(lang)["changes"] in [a.get("href") for a in overview.one("main").iter("a")]
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert f"http://localhost{paths(lang)['changes']}</loc>" in sitemap


def parsed_feed(client, lang):
    response = client.get(feed_path(lang))
    assert response.status_code == 200
    assert response.content_type == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed, response


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_feed_is_atom_with_an_entry_for_every_change(client, recorded, lang):
    assert feed_path(lang) == FEED.get(lang, feed_path(lang)), "the address the README gives"
    feed, _ = parsed_feed(client, lang)
    found = recorded[lang]
    links = {(link.rel, link.href) for link in feed.feed.links}
    assert links == {
        ("self", f"http://localhost{feed_path(lang)}"),
        ("alternate", f"http://localhost{paths(lang)['changes']}"),
    }
    assert feed.feed.id.startswith("urn:uuid:") and feed.feed.language == lang
    assert len(feed.entries) == len(found)
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    assert [entry.updated for entry in feed.entries] == [
        changes_view.updated(change) for change in found
    ]
    assert feed.feed.updated == max(entry.updated for entry in feed.entries)
    for entry, change in zip(feed.entries, found, strict=True):
        assert change.subject.name.text in entry.title
        if change.is_unit and change.subject.has_page:
            assert urlsplit(entry.link).path == unit_path(lang, change.subject.id)
        elif not change.is_unit:
            assert urlsplit(entry.link).path == organisation_path(lang, change.subject.id)
        else:
            assert entry.link.endswith(f"#{changes_view.anchor(change)}")
        assert all(s.title in entry.summary for s in change.sources)


@pytest.mark.parametrize("lang", SPOKEN)
def test_a_year_only_change_is_dated_its_first_day_and_says_so(client, lang):
    feed, _ = parsed_feed(client, lang)
    [dgkr] = [e for e in feed.entries if e.link.endswith(unit_path(lang, "dgkr"))]
    assert dgkr.updated == "2018-01-01T00:00:00Z"
    assert YEAR_ONLY[lang] in dgkr.summary
    [inlichtingen] = [e for e in feed.entries if "directie-inlichtingen" in e.link]
    assert inlichtingen.updated == "2015-01-01T00:00:00Z"
    assert YEAR_ONLY[lang] not in inlichtingen.summary


def test_the_feeds_ids_are_the_same_in_another_build(client, tmp_path):
    other = make_site(tmp_path).test_client()
    for lang in LANGUAGES:
        first, _ = parsed_feed(client, lang)
        second, _ = parsed_feed(other, lang)
        assert first.feed.id == second.feed.id
        assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert len({parsed_feed(client, lang)[0].feed.id for lang in LANGUAGES}) == len(LANGUAGES)


def test_the_feed_is_cached_like_a_page(client):
    _, response = parsed_feed(client, "nl")
    assert response.headers["Cache-Control"] == "public, no-cache"
    again = client.get(FEED["nl"], headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("lang", SPOKEN)
def test_a_unit_page_shows_its_earlier_names_with_dates_and_sources(client, lang):
    page = check_page(client, unit_path(lang, "proef-nieuw"), lang)
    headings = [text_of(h2) for h2 in page.one("main").iter("h2")]
    assert PREVIOUSLY[lang] in headings
    [history] = page.all("ul", **{"class": "history"})
    merged, renamed = history.findall("li")
    assert "Bureau Proef Een" in text_of(merged) and "Bureau Proef Twee" in text_of(merged)
    assert text_of(renamed).startswith(f"{BY_2025[lang].replace('2025', '2023')}:")
    assert "Afdeling Proef Vroeger (APV)" in text_of(renamed)
    cited = [a.get("href") for a in renamed.iter("a")]
    assert cited == [
        "https://zoek.officielebekendmakingen.nl/stcrt-2023-4860.html",
        "https://zoek.officielebekendmakingen.nl/stcrt-2025-29668.html",
    ]


@pytest.mark.parametrize("lang", SPOKEN)
def test_an_ended_unit_says_what_followed_it(client, lang):
    page = check_page(client, unit_path(lang, "proef-oud"), lang)
    ended = [p for p in page.one("main").iter("p") if p.get("class") == "ended"]
    [followed] = [p for p in ended if text_of(p).startswith(FOLLOWED[lang])]
    assert [a.get("href") for a in followed.iter("a")] == [unit_path(lang, "proef-nieuw")]
    assert "Verzonnen voor de tests: de afdeling hield op." in text_of(page.one("main"))


@pytest.mark.parametrize("lang", SPOKEN)
def test_a_unit_without_history_says_nothing_of_it(client, lang):
    page = check_page(client, unit_path(lang, "kiem"), lang)
    assert PREVIOUSLY[lang] not in [text_of(h2) for h2 in page.one("main").iter("h2")]
    assert not page.all("ul", **{"class": "history"})
