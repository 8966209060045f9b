"""The translators' loop end to end, and a third language added by
configuration and `make i18n-init`: through the real build and the app."""

import shutil
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bzksite import create_app
from bzksite.i18n import language_name
from bzksite.translate.catalogs import read_catalog, read_checked
from bzksite.translate.extract import content_template
from bzksite.translate.update import Template, init_catalog, read_template, update_catalog
from bzksite.translate.writer import write_catalog
from tests.conftest import CONTENT, build_site
from tests.languages import LANGUAGES, copy_translations, unit_path, unserved
from tests.pagecheck import check_page, text_of

OLD = "Directie KIEM vormt op de deelterreinen"
NEW = "Directie KIEM vormt op haar deelterreinen"


@pytest.fixture
def checkout(tmp_path) -> tuple[Path, Path]:
    """A copy of the content and the catalogs to work on."""
    content, translations = tmp_path / "db" / "content", tmp_path / "translations"
    shutil.copytree(CONTENT, content)
    copy_translations(translations)
    return content, translations


def update_english(content: Path, translations: Path, today: date = date(2026, 12, 1)) -> Path:
    """make i18n-extract and make i18n-update, for the English content."""
    template = Template("content", content_template(content, content.parent.parent), None)
    po = translations / "en" / "LC_MESSAGES" / "content.po"
    update_catalog(po, template, today)
    return po


def translate(po: Path, change) -> None:
    """What a translator does in an editor: change entries, keep the header."""
    catalog, header = read_checked(po)
    for message in catalog:
        if message.id:
            change(message)
    write_catalog(po, catalog, header)


def kiem_paragraphs(config: dict) -> list:
    page = check_page(create_app(config).test_client(), "/en/organisation/kiem/", "en")
    return [p for p in page.one("main").iter("p") if p.get("class") != "notice"], page


def test_a_changed_dutch_paragraph_is_shown_in_dutch_until_its_translation_is_updated(
    checkout, tmp_path
):
    content, translations = checkout
    kiem = content / "units" / "kiem.toml"
    kiem.write_text(kiem.read_text().replace(OLD, NEW))
    po = update_english(content, translations)

    assert po.read_text().count("#, fuzzy") == 1, "exactly that entry"
    [fuzzy] = [m for m in read_catalog(po) if m.fuzzy and m.id]
    assert (fuzzy.context, fuzzy.id.startswith(NEW)) == ("unit:kiem:description", True)
    assert fuzzy.previous_id[0].startswith(OLD), "the old source is kept for the translator"

    config = build_site(tmp_path / "fuzzy", content, translations)
    paragraphs, page = kiem_paragraphs(config)
    shown = [(p.get("lang"), text_of(p)) for p in paragraphs if NEW in text_of(p)]
    assert shown and shown[0][0] == "nl"
    notices = [text_of(n) for n in page.all("p", **{"class": "notice"})]
    assert "The English translation of this text is being updated; it is shown in Dutch." in notices

    # The translator updates the English and removes the fuzzy flag.
    def review(entry) -> None:
        if entry.fuzzy:
            entry.string = entry.string.replace("In the fields of", "Across the fields of")
            entry.flags.discard("fuzzy")

    translate(po, review)
    config = build_site(tmp_path / "translated", content, translations)
    paragraphs, page = kiem_paragraphs(config)
    assert any(
        text_of(p).startswith("Across the fields of") and not p.get("lang") for p in paragraphs
    )
    assert not page.all("p", **{"class": "notice"})


def test_an_emptied_entry_shows_up_in_the_status_and_as_not_yet_available(checkout, tmp_path):
    content, translations = checkout
    po = translations / "en" / "LC_MESSAGES" / "content.po"

    def empty(entry) -> None:
        if entry.context == "unit:kiem:description":
            entry.string = ""

    translate(po, empty)
    config = build_site(tmp_path / "site", content, translations)
    _, page = kiem_paragraphs(config)
    notices = [text_of(n) for n in page.all("p", **{"class": "notice"})]
    assert "This text is not yet available in English; it is shown in Dutch." in notices


# A language begun with make i18n-init and added to LANGUAGES: nothing translated yet.
NEW = unserved()[0]


@pytest.fixture
def with_new_language(checkout, tmp_path) -> dict:
    content, translations = checkout
    for domain in ("messages", "content"):
        path = translations / NEW / "LC_MESSAGES" / f"{domain}.po"
        init_catalog(path, read_template(translations, domain), NEW)
    config = build_site(tmp_path / "site", content, translations)
    return {**config, "LANGUAGES": {**LANGUAGES, NEW: {}}}


@pytest.mark.parametrize("page", ["overview", "unit", "privacy", "cookies", "accessibility"])
def test_a_new_language_serves_every_page_with_the_dutch_marked(with_new_language, page):
    path = (
        unit_path(NEW, "kiem")
        if page == "unit"
        else f"/{NEW}/{'' if page == 'overview' else page + '/'}"
    )
    client = create_app(with_new_language).test_client()
    checked = check_page(client, path, NEW)  # lang, switch, hreflang and twins in all
    main = checked.one("main")
    fallbacks = [e for e in main.iter() if e.get("lang") == "nl"]
    assert fallbacks, "untranslated content is Dutch, marked lang=nl"
    notices = [text_of(n) for n in main.iter() if n.get("class") == "notice"]
    named = (language_name(NEW, NEW), language_name("nl", NEW))
    assert any(all(name in notice for name in named) for notice in notices), notices
    switch = checked.one("nav", **{"class": "language-switch"})
    assert [e.get("lang") for e in switch.iter() if e.get("lang")] == [*LANGUAGES, NEW]


def test_the_sitemap_lists_the_new_language(with_new_language):
    xml = create_app(with_new_language).test_client().get("/sitemap.xml").text
    assert f"/{NEW}/organisation/kiem/" in xml and f'hreflang="{NEW}"' in xml
    found = {urlsplit(part.split("<")[0]).path for part in xml.split("<loc>")[1:]}
    assert {p for p in found if p.startswith(f"/{NEW}/")} == {
        p.replace("/nl/", f"/{NEW}/", 1)
        .replace("/organisatie/", "/organisation/")
        .replace("/organisaties/", "/organisations/")
        .replace("/toegankelijkheid/", "/accessibility/")
        .replace("/organogram/", "/organisation-chart/")
        .replace("/wijzigingen/", "/changes/")
        for p in found
        if p.startswith("/nl/")
    }


def translation_date(config: dict, path: str) -> list[str]:
    page = check_page(create_app(config).test_client(), path, path[1:3])
    return [text_of(p) for p in page.all("p", **{"class": "translation-date"})]


def test_pages_say_when_their_translation_was_last_brought_up_to_date(checkout, tmp_path):
    content, translations = checkout
    kiem = content / "units" / "kiem.toml"
    kiem.write_text(kiem.read_text().replace(OLD, NEW))
    po = update_english(content, translations, today=date(2026, 12, 1))
    config = build_site(tmp_path / "fuzzy", content, translations)
    [sentence] = translation_date(config, "/en/organisation/ba/")
    assert "on 1 December 2026" not in sentence, "not up to date while a text is fuzzy"
    assert translation_date(config, "/nl/organisatie/ba/") == [], "Dutch is the original"

    translate(po, lambda entry: entry.flags.discard("fuzzy"))
    update_english(content, translations, today=date(2026, 12, 3))
    config = build_site(tmp_path / "complete", content, translations)
    assert translation_date(config, "/en/organisation/ba/") == [
        "The English text of this website was last brought up to date"
        " with the Dutch original on 3 December 2026."
    ]
    update_english(content, translations, today=date(2026, 12, 9))
    assert "2026-12-03" in po.read_text(), "the day it became complete, not a later update"

    po.write_text(po.read_text().replace('"X-Up-To-Date:', '"X-Not-Ours:'))
    config = build_site(tmp_path / "unknown", content, translations)
    assert translation_date(config, "/en/") == [], "nothing is claimed when nothing is recorded"
