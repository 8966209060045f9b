"""Search in both languages: stemmed, diacritics folded, abbreviations found,
matches marked, Dutch fallback found on English pages and marked as Dutch;
any query whatever gets a page, never a 5xx."""

import shutil
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.organisation import cite_made_up, made_up_sources
from bzksite import create_app, search
from tests.conftest import CONTENT, build_site
from tests.pagecheck import check_page, parse, text_of

SEARCH = {"nl": "/nl/zoeken/", "en": "/en/search/"}


def found(client, lang: str, query: str) -> list[str]:
    """The ids of the units a search lists, in order."""
    page = check_page(client, f"{SEARCH[lang]}?q={quote(query)}", lang, twin=False)
    results = page.all("ol", **{"class": "results"})
    if not results:
        return []
    return [a.get("href").rstrip("/").rsplit("/", 1)[1] for a in results[0].iter("a")]


def test_europe_finds_kiem_first_and_knowledge_finds_it_in_english(client):
    assert found(client, "nl", "europa")[0] == "kiem"
    assert "kiem" in found(client, "en", "knowledge")
    assert found(client, "nl", "Europese")[0] == "kiem", "stemmed: Europese is Europa's"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_abbreviation_finds_its_unit(client, lang):
    assert found(client, lang, "KIEM")[0] == "kiem"
    assert found(client, lang, "kiem")[0] == "kiem"


def test_diacritics_are_folded(client):
    assert found(client, "nl", "één") == found(client, "nl", "een") != []


def test_matches_are_marked_in_the_page_language(client):
    page = parse("/en/", client.get("/en/search/?q=knowledge").get_data(as_text=True))
    marks = [text_of(mark).lower() for mark in page.all("mark")]
    assert marks and all(mark.startswith("knowledg") for mark in marks)
    count = page.one("h2", id="result-count")
    assert text_of(count).startswith(f"{len(found(client, 'en', 'knowledge'))} results for")


def test_the_count_is_of_every_match_when_only_the_best_are_shown(client, monkeypatch):
    every = found(client, "nl", "een")
    monkeypatch.setattr(search, "MAX_RESULTS", 2)
    page = check_page(client, "/nl/zoeken/?q=een", "nl", twin=False)
    shown = page.one("ol", **{"class": "results"}).findall("li")
    assert len(every) > 2 and len(shown) == 2
    assert text_of(page.one("h2", id="result-count")) == f"{len(every)} resultaten voor “een”"
    assert "De 2 beste worden getoond." in text_of(page.one("main"))


def test_the_count_is_in_dutch_on_a_dutch_page(client):
    assert found(client, "nl", "strategievorming") == ["kiem"], "a word only KIEM's text has"
    page = parse("/nl/", client.get("/nl/zoeken/?q=strategievorming").get_data(as_text=True))
    assert text_of(page.one("h2", id="result-count")) == "1 resultaat voor “strategievorming”"
    page = parse("/nl/", client.get("/nl/zoeken/?q=europa").get_data(as_text=True))
    europe = len(found(client, "nl", "europa"))
    assert text_of(page.one("h2", id="result-count")) == f"{europe} resultaten voor “europa”"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_empty_long_and_fruitless_searches_get_a_helpful_page(client, lang):
    for query in ("", "x" * 10_000, "zzzzqqq"):
        page = check_page(client, f"{SEARCH[lang]}?q={query}", lang, twin=False)
        assert len(page.one("main").findall(".//p")) == 2, "the page's intro and a hint"
    assert check_page(client, SEARCH[lang], lang, twin=False).all("form", role="search")


def test_results_are_noindex_and_never_kept(client):
    first = client.get("/nl/zoeken/?q=europa")
    second = client.get("/nl/zoeken/?q=kennis")
    assert first.data != second.data
    assert first.headers["Cache-Control"] == "no-store" and "ETag" not in first.headers
    assert b'<meta name="robots" content="noindex">' in first.data


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(",
        "NEAR(a b",
        "-",
        "a -b",
        "^x",
        "col:x",
        "a OR",
        "AND",
        "(",
        "é̃̃",
        "\x00",
        "%",
    ],
)
def test_fts5_syntax_is_only_characters(client, query):
    response = client.get(f"/en/search/?q={quote(query)}")
    assert response.status_code == 200, query


@settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(max_size=300))
def test_any_query_gets_a_page(client, query):
    response = client.get("/nl/zoeken/", query_string={"q": query})
    assert response.status_code in (200, 400), repr(query)


def test_english_pages_find_dutch_fallback_and_mark_it_dutch(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    cite_made_up(content)
    (content / "units" / "proefzoek.toml").write_text(
        "# Made up for the tests: a unit with a Dutch description and no translation.\n"
        'id = "proefzoek"\nkind = "unit"\nparent = "kiem"\norder = 9\n'
        'name = "Afdeling Zoekproef"\n'
        'description = ["De afdeling Zoekproef bestaat alleen in de tests van de zoekfunctie."]\n'
        + made_up_sources("description")
    )
    client = create_app(build_site(tmp_path, content=content)).test_client()
    assert found(client, "en", "zoekfunctie") == ["proefzoek"]
    page = parse("/en/", client.get("/en/search/?q=zoekfunctie").get_data(as_text=True))
    [snippet] = [p for p in page.all("p") if p.find("mark") is not None]
    assert snippet.get("lang") == "nl" and text_of(snippet.find("mark")) == "zoekfunctie"
