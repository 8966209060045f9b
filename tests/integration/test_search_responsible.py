"""A visitor asks who at the ministry is responsible for something: the
search of the committed content finds the unit or organisation that is,
among the first results, in the visitor's language."""

from urllib.parse import quote, urlsplit

import pytest

from tests.languages import organisation_path, unit_path
from tests.pagecheck import check_page

SEARCH = {"nl": "/nl/zoeken/", "en": "/en/search/"}
# (language, what a visitor types, the page that must be among the first results)
ASKED = [
    ("nl", "verkiezingen", organisation_path("nl", "kiesraad")),
    ("nl", "paspoort", organisation_path("nl", "rvig")),
    ("nl", "reisdocumenten", organisation_path("nl", "rvig")),
    ("nl", "Caribisch Nederland", unit_path("nl", "dgkr")),
    ("nl", "DigiD", organisation_path("nl", "logius")),
    ("nl", "Kiesraad", organisation_path("nl", "kiesraad")),
    ("en", "elections", organisation_path("en", "kiesraad")),
    ("en", "passport", organisation_path("en", "rvig")),
    ("en", "travel documents", organisation_path("en", "rvig")),
    ("en", "Caribbean Netherlands", unit_path("en", "dgkr")),
    ("en", "DigiD", organisation_path("en", "logius")),
    ("en", "Kiesraad", organisation_path("en", "kiesraad")),
]
FIRST = 3  # a result further down is not found by a visitor who skims


@pytest.mark.parametrize(("lang", "query", "responsible"), ASKED)
def test_a_search_finds_who_is_responsible(client, lang, query, responsible):
    page = check_page(client, f"{SEARCH[lang]}?q={quote(query)}", lang, twin=False)
    [results] = page.all("ol", **{"class": "results"})
    found = [urlsplit(a.get("href")).path for a in results.iter("a")]
    assert responsible in found[:FIRST], f"{query!r} lists {found[:FIRST]}"
