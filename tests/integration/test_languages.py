"""The languages are configuration: each names its path segments or takes the
English words, the first is the default, and a third needs nothing else."""

import pytest

from bzksite import create_app
from bzksite.i18n import language_name
from tests.languages import LANGUAGES, unserved
from tests.pagecheck import parse, text_of


def make_client(site_config: dict, languages: dict):
    return create_app({**site_config, "LANGUAGES": languages}).test_client()


def test_a_language_that_names_no_segment_uses_the_english_words(site_config):
    new = unserved()[0]
    client = make_client(site_config, {**LANGUAGES, new: {}})
    response = client.get(f"/{new}/organisation/kiem/")
    assert response.status_code == 200
    page = parse(f"/{new}/organisation/kiem/", response.get_data(as_text=True))
    assert page.root.get("lang") == new
    switch = page.one("nav", **{"class": "language-switch"})
    names = [language_name(code) for code in [*LANGUAGES, new]]
    assert [text_of(li) for li in switch.iter("li")] == names
    assert names[:2] == ["Nederlands", "English"]
    # Without a catalog of its own the content is the Dutch source, marked as Dutch.
    assert page.one("h1").find("span").get("lang") == "nl"
    assert client.get(f"/{new}/privacy/").status_code == 200
    assert client.get("/nl/organisatie/kiem/").status_code == 200


def test_a_language_can_name_its_own_segment(site_config):
    client = make_client(site_config, {"nl": {}, "en": {"organisation": "units"}})
    assert client.get("/en/units/kiem/").status_code == 200
    assert client.get("/en/organisation/kiem/").status_code == 404
    assert client.get("/nl/organisation/kiem/").status_code == 200


def test_the_first_language_is_the_default(site_config):
    client = make_client(site_config, {"en": {}, "nl": {"organisation": "organisatie"}})
    assert client.get("/").headers["Location"] == "/en/"


def test_an_unknown_segment_name_stops_start_up(site_config):
    with pytest.raises(ValueError, match="unknown path segments \\['organization'\\]"):
        make_client(site_config, {"nl": {"organization": "organisatie"}, "en": {}})
