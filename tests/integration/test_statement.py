"""The accessibility statement in both languages: the summary of the last
automated test from the report, its violated rules as known problems with
axe's English help texts marked as English, and plain words when there is
no report yet."""

import pytest

from bzksite import create_app
from tests.conftest import build_site
from tests.pagecheck import check_page, text_of
from tests.sample_report import IMAGE_ALT, REGION, sample, write_report

PATHS = {"nl": "/nl/toegankelijkheid/", "en": "/en/accessibility/"}
HEADINGS = {
    "nl": ["Stand van zaken", "Wat we hebben getest en hoe", "Bekende problemen",
           "Verdere stappen", "Probleem melden", "Handhaving"],
    "en": ["Current status", "What we have tested and how", "Known problems", "Next steps",
           "Reporting a problem", "Enforcement"],
}  # fmt: skip
FIGURES = {
    "nl": {
        "Datum van de test": "23 november 2026",
        "Testprogramma": "axe-core 4.14.1",
        "Geteste pagina's": "3",
        "Geteste talen": "Nederlands en Engels",
        "Gevonden overtredingen": "3",
        "Overtreden regels": "2",
        "Resultaten die handmatig moeten worden beoordeeld": "1",
        "Problemen gevonden door onze eigen controles": "1",
    },
    "en": {
        "Date of the test": "23 November 2026",
        "Tool": "axe-core 4.14.1",
        "Pages tested": "3",
        "Languages tested": "Dutch and English",
        "Violations found": "3",
        "Rules violated": "2",
        "Results that need manual review": "1",
        "Problems found by our own checks": "1",
    },
}
IMAGE_ALT_FACTS = {
    "nl": {"WCAG-succescriteria": "1.1.1", "Ernst": "kritiek", "Pagina's met dit probleem": "2",
           "Regel van axe-core": "image-alt"},
    "en": {"WCAG success criteria": "1.1.1", "Impact": "critical", "Pages affected": "2",
           "axe-core rule": "image-alt"},
}  # fmt: skip
NO_CRITERIA = {"nl": "geen, een aanbevolen werkwijze", "en": "none, a best practice"}
NO_RESULTS = {
    "nl": "Er zijn nog geen resultaten van automatische tests beschikbaar.",
    "en": "No automated test results are available yet.",
}


def facts(dl) -> dict[str, str]:
    return {text_of(group.find("dt")): text_of(group.find("dd")) for group in dl}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("statement")
    return create_app(build_site(folder, report=write_report(folder / "reports"))).test_client()


@pytest.fixture(scope="module")
def client_without_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("no-report")
    return create_app(build_site(folder, report=folder / "missing.json")).test_client()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_statement_has_its_sections_and_the_test_summary(client, lang):
    page = check_page(client, PATHS[lang], lang)
    assert page.h1 == {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"}[lang]
    assert [text_of(h2) for h2 in page.one("main").iter("h2")] == HEADINGS[lang]
    summary, image_alt, region = page.all("dl", **{"class": "facts"})
    assert facts(summary) == FIGURES[lang]
    assert facts(image_alt) == IMAGE_ALT_FACTS[lang]
    criteria, impact, *_ = IMAGE_ALT_FACTS[lang]
    assert facts(region)[criteria] == NO_CRITERIA[lang]
    assert facts(region)[impact] == {"nl": "matig", "en": "moderate"}[lang]
    links = list(image_alt.iter("a"))
    assert [(a.get("href"), a.get("hreflang")) for a in links] == [
        ("https://dequeuniversity.com/rules/axe/4.14/image-alt", "en")
    ]


@pytest.mark.parametrize(("lang", "marked"), [("nl", "en"), ("en", None)])
def test_axe_help_texts_are_marked_english_on_other_languages_pages(client, lang, marked):
    page = check_page(client, PATHS[lang], lang)
    rules = [(h3.get("lang"), text_of(h3)) for h3 in page.all("h3")]
    assert rules == [(marked, IMAGE_ALT), (marked, REGION)], "most severe first"


def test_the_summary_and_the_rules_sit_in_the_sections_that_include_them(client):
    page = check_page(client, PATHS["nl"], "nl")
    tags = [
        text_of(element) if element.tag == "h2" else element.tag
        for element in page.one("main").find("div")
        if element.tag != "h1"
    ]
    tested = tags.index("Wat we hebben getest en hoe")
    assert tags[tested + 1 : tags.index("Bekende problemen")] == ["p", "p", "p", "p", "dl", "p"]
    known = tags.index("Bekende problemen")
    assert tags[known + 1 : tags.index("Verdere stappen")] == ["p", "p", "h3", "dl", "h3", "dl"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_a_report_the_statement_says_there_are_no_results(client_without_report, lang):
    page = check_page(client_without_report, PATHS[lang], lang)
    assert [text_of(h2) for h2 in page.one("main").iter("h2")] == HEADINGS[lang]
    assert not page.all("dl") and not page.all("h3")
    paragraphs = [text_of(p) for p in page.one("main").iter("p")]
    assert NO_RESULTS[lang] in paragraphs


def test_a_report_without_violations_says_so_and_what_that_means(tmp_path):
    data = sample()
    for page in data["pages"]:
        page["violations"] = []
    folder = tmp_path / "site"
    folder.mkdir()
    config = build_site(folder, report=write_report(tmp_path / "reports", data))
    page = check_page(create_app(config).test_client(), PATHS["en"], "en")
    assert facts(page.one("dl", **{"class": "facts"}))["Violations found"] == "0"
    text = text_of(page.one("main"))
    assert "The last automated test found no violations. That does not mean there are none" in text
    assert not page.all("h3")
