"""Interface text can never break a page: a fuzzy entry is not shown, and a
translation that cannot be formatted is shown in English and logged."""

import logging

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bzksite import create_app
from tests.conftest import build_site
from tests.languages import copy_translations
from tests.pagecheck import parse, text_of

SKIP = "Skip to content"


def skip_link(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status
    page = parse(path, response.get_data(as_text=True))
    return text_of(page.one("a", **{"class": "skip-link"}))


def test_an_entry_marked_fuzzy_is_shown_in_english(tmp_path):
    translations = copy_translations(tmp_path / "translations")
    po = translations / "nl" / "LC_MESSAGES" / "messages.po"
    text = po.read_text()
    entry = f'msgid "{SKIP}"\nmsgstr "Naar de inhoud"'
    assert f"#, python-format\n{entry}" in text
    po.write_text(text.replace(f"#, python-format\n{entry}", f"#, fuzzy, python-format\n{entry}"))
    client = create_app(build_site(tmp_path / "site", translations=translations)).test_client()
    assert skip_link(client, "/nl/") == SKIP
    assert skip_link(client, "/nl/privacy/") == SKIP


def compile_by_hand(config: dict, translations: dict[str, str]) -> None:
    """Put translations in the Dutch .mo as no build would: unchecked."""
    po = f"{config['TRANSLATIONS']}/nl/LC_MESSAGES/messages.po"
    with open(po, "rb") as file:
        catalog = read_po(file)
    for msgid, msgstr in translations.items():
        catalog.get(msgid).string = msgstr
    with open(po.removesuffix(".po") + ".mo", "wb") as file:
        write_mo(file, catalog)


def test_a_translation_that_cannot_be_formatted_is_shown_in_english_and_logged(tmp_path, caplog):
    config = build_site(tmp_path / "site")
    compile_by_hand(config, {SKIP: "100% naar de inhoud", "Page not found": "100% niet gevonden"})
    client = create_app(config).test_client()
    with caplog.at_level(logging.ERROR):
        assert skip_link(client, "/nl/") == SKIP
        response = client.get("/nl/nergens/")
    assert response.status_code == 404
    page = parse("/nl/nergens/", response.get_data(as_text=True))
    assert page.h1 == "Page not found" and text_of(page.one("a", **{"class": "skip-link"})) == SKIP
    logged = [record.getMessage() for record in caplog.records]
    assert any("'Skip to content' cannot be formatted" in line for line in logged), logged
    assert any("'Page not found' cannot be formatted" in line for line in logged), logged


def test_a_translation_that_can_be_formatted_is_shown(tmp_path, caplog):
    """The control: the same path shows a good translation, and logs nothing."""
    config = build_site(tmp_path / "site")
    compile_by_hand(config, {SKIP: "100%% naar de inhoud"})
    with caplog.at_level(logging.ERROR):
        assert skip_link(create_app(config).test_client(), "/nl/") == "100% naar de inhoud"
    assert not caplog.records
