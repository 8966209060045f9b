"""A visitor asks who at the ministry is responsible for something: the
search of the committed content finds the unit or organisation that is,
among the first results, in the visitor's language."""

from urllib.parse import quote, urlsplit

import pytest

from tests.languages import organisation_path, unit_path
from tests.pagecheck import check_page

SEARCH = {"nl": "/nl/zoeken/", "en": "/en/search/"}
# Who is responsible, and what a visitor asking for it types, per language.
RESPONSIBLE = {
    ("organisation", "kiesraad"): {
        "nl": ["verkiezingen", "Kiesraad"],
        "en": ["elections", "Kiesraad"],
    },
    ("organisation", "rvig"): {
        "nl": ["paspoort", "reisdocumenten"],
        "en": ["passport", "travel documents"],
    },
    ("unit", "dgkr"): {"nl": ["Caribisch Nederland"], "en": ["Caribbean Netherlands"]},
    ("organisation", "logius"): {"nl": ["DigiD"], "en": ["DigiD"]},
}
PATH = {"organisation": organisation_path, "unit": unit_path}
ASKED = [
    (lang, query, PATH[kind](lang, found))
    for (kind, found), asked in RESPONSIBLE.items()
    for lang, queries in asked.items()
    for query in queries
]
FIRST = 3  # a result further down is not found by a visitor who skims


@pytest.mark.parametrize(("lang", "query", "responsible"), ASKED)
def test_a_search_finds_who_is_responsible(client, lang, query, responsible):
    page = check_page(client, f"{SEARCH[lang]}?q={quote(query)}", lang, twin=False)
    [results] = page.all("ol", **{"class": "results"})
    found = [urlsplit(a.get("href")).path for a in results.iter("a")]
    assert responsible in found[:FIRST], f"{query!r} lists {found[:FIRST]}"
