"""The JSON API's documents: every unit once, in tree order, both languages
in one document, each address in it answering. The register data, the ended
units and the untranslated unit are made up for the tests (tests/made_up_site.py)."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po

from bzksite import create_app
from bzksite.content.sources import read_sources
from tests import made_up_site
from tests.apicheck import get_json
from tests.integration.built import a_unit, unit_ids
from tests.languages import LANGUAGES

ORGANISATION = "/api/v1/organisation.json"


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    return made_up_site.build(tmp_path_factory.mktemp("api"))


@pytest.fixture
def client(config):
    return create_app(config).test_client()


@pytest.fixture(scope="module")
def sources(config):
    return read_sources(Path(config["DATABASE"]).parent / "content")


def units_of(client) -> dict[str, dict]:
    return {unit["id"]: unit for unit in get_json(client, ORGANISATION, "organisation")["units"]}


def test_every_unit_once_in_tree_order(client, sources):
    document = get_json(client, ORGANISATION, "organisation")
    assert document["languages"] == list(LANGUAGES) and document["source_language"] == "nl"
    assert document["url"] == "http://localhost" + ORGANISATION
    ids = [unit["id"] for unit in document["units"]]
    assert sorted(ids) == sorted(unit.id for unit in sources.units) and len(set(ids)) == len(ids)
    assert document["units"][0]["parent"] is None
    for place, unit in enumerate(document["units"][1:], 1):
        assert ids.index(unit["parent"]) < place, f"{unit['id']} comes before its parent"
    for unit in document["units"]:
        current = [
            u["id"] for u in document["units"] if u["parent"] == unit["id"] and not u["ended"]
        ]
        assert unit["children"] == current, unit["id"]


def test_names_and_roles_in_every_language_that_has_them(client, config, sources):
    units = units_of(client)
    catalogs = {}
    for lang in LANGUAGES:
        if lang != "nl":
            with open(
                Path(config["TRANSLATIONS"]) / lang / "LC_MESSAGES" / "content.po", "rb"
            ) as f:
                catalogs[lang] = read_po(f)
    for text in sources.texts:
        if not text.owner.startswith("unit:") or text.field not in ("name", "director_role"):
            continue
        unit = units[text.owner.removeprefix("unit:")]
        shown = unit["name"] if text.field == "name" else unit["head"]["role"]
        assert shown["nl"] == text.text
        for lang, catalog in catalogs.items():
            entry = catalog.get(text.text, context=text.context)
            current = entry is not None and entry.string and not entry.fuzzy
            assert shown.get(lang) == (entry.string if current else None), (text.context, lang)
    assert units["proef"]["name"] == {"nl": "Afdeling Proef"}, "untranslated: only Dutch"


def test_what_the_register_and_the_content_say_of_a_unit(client):
    units = units_of(client)
    kiem = units["kiem"]
    assert kiem["head"]["name"] == "Dhr. drs. B.F. Steur (Boudewijn)"
    assert kiem["head"]["since"] == "2024-03-01"
    assert kiem["register"] == {
        "systeem_id": "900001",
        "tooi": "https://identifier.overheid.nl/tooi/id/oorg/oorg900001",
        "url": "https://organisaties.overheid.nl/900001/",
    }
    assert kiem["last_changed"] == "2026-11-28"
    outside = units[a_unit(client.application, "systeem_id IS NULL")]
    assert outside["register"] is None and outside["last_changed"] is None
    assert units["com"]["ended"] == units["proef"]["ended"] == made_up_site.ENDED
    assert units["bo"]["children"] == ["ba", "kiem"], "an ended unit is no one's child"
    nameonly = units[a_unit(client.application, "NOT has_page AND ended IS NULL")]
    assert nameonly["pages"] is None and nameonly["head"] is None
    assert units["bzk"]["pages"] == {lang: f"http://localhost/{lang}/" for lang in LANGUAGES}


def test_every_address_in_the_organisation_answers(client):
    for unit in units_of(client).values():
        document = get_json(client, urlsplit(unit["url"]).path, "unit")
        assert document["unit"]["id"] == unit["id"]
        shared = {key: value for key, value in document["unit"].items() if key in unit}
        assert shared == {**unit, "parent": shared["parent"], "children": shared["children"]}
        for lang, url in (unit["pages"] or {}).items():
            response = client.get(urlsplit(url).path)
            assert response.status_code == 200 and f'<html lang="{lang}">' in response.text
        if unit["pages"] is None:
            assert client.get(f"/nl/organisatie/{unit['id']}/").status_code == 404


def test_a_unit_document_has_its_texts_contact_and_links(client):
    unit = get_json(client, "/api/v1/units/kiem.json", "unit")["unit"]
    assert unit["parent"]["id"] == "bo" and unit["parent"]["url"].endswith("/api/v1/units/bo.json")
    assert unit["parent"]["name"]["en"] == "Executive Support Cluster"
    assert unit["children"] == [] and unit["description_heading"] is None
    assert len(unit["description"]) == 3 and unit["description"][0]["nl"].startswith("Directie")
    assert unit["contact"]["visiting_address"] == ["Proefstraat 1", "9999 XX Nergenshuizen"]
    assert unit["contact"]["email"] == "proef@example.nl"
    assert unit["related"] == [
        {"kind": "publication", "title": {"nl": "Proefpublicatie"}, "url": made_up_site.RELATED_URL}
    ]
    ministry = get_json(client, "/api/v1/units/bzk.json", "unit")["unit"]
    current = unit_ids(client.application, "parent = 'bzk' AND ended IS NULL")
    assert ministry["parent"] is None
    assert sorted(child["id"] for child in ministry["children"]) == current
    bo = get_json(client, "/api/v1/units/bo.json", "unit")["unit"]
    assert [child["id"] for child in bo["children"]] == ["ba", "kiem"]
    nameonly = a_unit(client.application, "NOT has_page AND ended IS NULL")
    assert get_json(client, f"/api/v1/units/{nameonly}.json", "unit")["unit"]["pages"] is None


def test_addresses_start_with_the_site_url_whatever_host_was_asked_for(site_config):
    config = {**site_config, "SITE_URL": "https://organisatie.example.nl/"}
    client = create_app(config).test_client()
    document = get_json(client, ORGANISATION, "organisation", base_url="http://127.0.0.1:8123")
    assert document["url"] == "https://organisatie.example.nl" + ORGANISATION
    assert document["units"][1]["url"].startswith("https://organisatie.example.nl/api/v1/units/")
