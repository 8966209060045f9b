"""The open data files the overview offers: the organisation as CSV and as
JSON, every unit once in every language, the same bytes for the same
database, and shown with their real size. The register data and the ended
units are made up for the tests (tests/made_up_site.py)."""

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from babel.numbers import parse_decimal
from babel.units import format_unit

from bzksite import create_app
from bzksite.i18n import FORMATTING_LOCALES
from tests import made_up_site
from tests.apicheck import check_json
from tests.integration.built import a_unit
from tests.languages import LANGUAGES
from tests.pagecheck import check_page, in_language, text_of

CSV = "/api/v1/organisation.csv"
JSON = "/api/v1/organisation.json"
RELATED_CSV = "/api/v1/organisations.csv"
ORGANISATION = {"nl": "Organisatie", "en": "Organisation"}
RELATED = {"nl": "Agentschappen en andere organisaties", "en": "Agencies and public bodies"}


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    return made_up_site.build(tmp_path_factory.mktemp("downloads"))


@pytest.fixture
def client(config):
    return create_app(config).test_client()


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_the_csv_has_every_unit_once_as_the_json_has_it(client):
    response = client.get(CSV)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    data = response.data
    assert not data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n"), "every line ends with CRLF"
    rows = rows_of(data)
    units = check_json(client.get(JSON), "organisation")["units"]
    assert [row["id"] for row in rows] == [unit["id"] for unit in units]
    assert len({row["id"] for row in rows}) == len(rows)
    for row, unit in zip(rows, units, strict=True):
        head, register = unit["head"] or {}, unit["register"] or {}
        for lang in LANGUAGES:
            assert row[f"name_{lang}"] == unit["name"].get(lang, "")
            assert row[f"role_{lang}"] == (head.get("role") or {}).get(lang, "")
            assert row[f"page_{lang}"] == (unit["pages"] or {}).get(lang, "")
        assert (row["parent"], row["abbreviation"]) == (
            unit["parent"] or "",
            unit["abbreviation"] or "",
        )
        assert (row["head"], row["head_since"]) == (head.get("name", ""), head.get("since") or "")
        assert (row["ended"], row["last_changed"]) == (
            unit["ended"] or "",
            unit["last_changed"] or "",
        )
        assert (row["systeem_id"], row["register_url"]) == (
            register.get("systeem_id", ""),
            register.get("url", ""),
        )
        assert row["document"] == unit["url"] and row["kind"] == unit["kind"]


def test_the_organisations_csv_has_every_related_organisation_as_the_json_has_it(client):
    response = client.get(RELATED_CSV)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.data.count(b"\n") == response.data.count(b"\r\n")
    rows = rows_of(response.data)
    related = check_json(client.get(JSON), "organisation")["organisations"]
    assert related, "the committed content has organisations"
    assert [row["id"] for row in rows] == [item["id"] for item in related]
    for row, item in zip(rows, related, strict=True):
        register = item["register"] or {}
        assert (row["kind"], row["relation"], row["abbreviation"]) == (
            item["kind"],
            "related",
            item["abbreviation"] or "",
        )
        assert (row["ended"], row["register_type"]) == (
            item["ended"] or "",
            register.get("type") or "",
        )
        for lang in LANGUAGES:
            assert row[f"name_{lang}"] == item["name"].get(lang, "")
            assert row[f"page_{lang}"] == item["pages"][lang]
        assert row["document"] == item["url"]


def test_both_languages_and_the_made_up_data_are_in_the_csv(client):
    rows = {row["id"]: row for row in rows_of(client.get(CSV).data)}
    assert rows["bo"]["name_nl"] == "Cluster Bestuursondersteuning"
    assert rows["bo"]["name_en"] == "Executive Support Cluster"
    assert rows["kiem"]["name_nl"].startswith("Directie Kennis, Internationaal")
    assert rows["kiem"]["systeem_id"] == "900001" and rows["kiem"]["head_since"] == "2024-03-01"
    assert rows["com"]["ended"] == rows["proef"]["ended"] == made_up_site.ENDED
    assert rows["proef"]["name_en"] == "", "no translation: an empty cell, not Dutch"
    nameonly = a_unit(client.application, "NOT has_page")
    assert rows[nameonly]["page_nl"] == "" and rows["bzk"]["page_nl"] == "http://localhost/nl/"


def test_the_same_database_gives_the_same_bytes(config, tmp_path):
    first, second = create_app(config).test_client(), create_app(config).test_client()
    again = create_app(made_up_site.build(tmp_path)).test_client()
    for path in (CSV, JSON, RELATED_CSV):
        answers = [client.get(path).data for client in (first, second, again)]
        assert answers[0] == answers[1] == answers[2], path


def test_the_csv_is_kept_and_validated_like_a_page(client):
    first = client.get(CSV)
    assert first.headers["Cache-Control"] == "public, no-cache"
    again = client.get(CSV, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["Access-Control-Allow-Origin"] == "*"


def shown_bytes(shown: str, locale: str) -> tuple[float, float]:
    """The size a text such as "3,4 kB" stands for, and how far off rounding may make it."""
    number, symbol = re.fullmatch(r"([0-9.,]+)\s+(\S+)", shown).groups()
    units = {"digital-byte": 1, "digital-kilobyte": 1000, "digital-megabyte": 1000**2}
    factors = {
        format_unit(1, unit, length="short", locale=locale).split()[-1]: factor
        for unit, factor in units.items()
    }
    value = float(parse_decimal(number, locale=locale, strict=True))
    return value * factors[symbol], factors[symbol] * (0.05 if value < 10 else 0.5)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_offers_the_files_with_their_real_size(client, lang):
    page = check_page(client, f"/{lang}/", lang)
    [files] = page.all("ul", **{"class": "downloads"})
    links = list(files.iter("a"))
    assert [urlsplit(a.get("href")).path for a in links] == [CSV, JSON, RELATED_CSV]
    locale = FORMATTING_LOCALES.get(lang, lang)
    labels = [in_language(texts, lang, client.application) for texts in (ORGANISATION, RELATED)]
    for link, label, name in zip(
        links, labels[:1] * 2 + labels[1:], ("CSV", "JSON", "CSV"), strict=True
    ):
        response = client.get(link.get("href"))
        assert link.get("type") == response.headers["Content-Type"]
        shown = re.fullmatch(rf"{re.escape(label)} \({name}, (.+)\)", text_of(link))
        assert shown, f"{lang}: {text_of(link)!r}"
        size, margin = shown_bytes(shown[1], locale)
        assert abs(size - len(response.data)) <= margin, (shown[1], len(response.data))
        if name == "JSON":
            check_json(response, "organisation")
