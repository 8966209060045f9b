"""make i18n-extract and make i18n-update: templates that are never stale,
and files that change only where their entries change."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

from bzksite.translate.domains import DOMAINS, FORMAT_FLAG, domains_of
from bzksite.translate.extract import extract
from bzksite.translate.update import read_template, update_catalog
from tests.conftest import ROOT, TRANSLATIONS
from tests.languages import LANGUAGES, copy_translations, source


def catalogs_of(translations: Path) -> list[tuple[str, Path]]:
    return [
        (domain, translations / language / "LC_MESSAGES" / f"{domain}.po")
        for language in LANGUAGES
        for domain in domains_of(language)
    ]


def test_extracting_and_updating_a_clean_checkout_changes_no_byte(tmp_path):
    """Also: the committed templates are fresh, and each catalog records that it is complete."""
    translations = copy_translations(tmp_path / "translations")
    written = extract(ROOT, translations)
    assert [changed for _, changed in written] == [False, False], (
        "a template is out of date: run make i18n-extract"
    )
    for domain, path in catalogs_of(translations):
        _, changed = update_catalog(path, read_template(translations, domain), date.today())
        committed = source() / path.relative_to(translations)
        assert not changed and path.read_bytes() == committed.read_bytes(), (
            f"{path.relative_to(translations)} changes on update: run make i18n-update"
        )


def test_a_changed_source_changes_its_template_and_its_date(tmp_path):
    translations = copy_translations(tmp_path / "translations")
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "db", root / "db", ignore=shutil.ignore_patterns("*.db"))
    shutil.copytree(
        ROOT / "bzksite", root / "bzksite", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "babel.cfg", root)
    kiem = root / "db" / "content" / "units" / "kiem.toml"
    kiem.write_text(kiem.read_text().replace("op de deelterreinen", "op haar deelterreinen"))
    changed = dict(extract(root, translations))
    assert changed == {translations / "messages.pot": False, translations / "content.pot": True}
    before = (TRANSLATIONS / "content.pot").read_text().splitlines()
    after = (translations / "content.pot").read_text().splitlines()
    differ = [line for line in after if line not in before]
    assert any("op haar" in line for line in differ)
    assert any(line.startswith('"POT-Creation-Date:') for line in differ)


def test_every_interface_text_is_a_format_string_and_no_content_is():
    """As written in the files, which gettext reads (Babel guesses the flag when it reads)."""
    for domain in DOMAINS:
        entries = (TRANSLATIONS / f"{domain}.pot").read_text().split("\n\n")[1:]
        flagged = {f"#, {FORMAT_FLAG}" in entry for entry in entries}
        assert flagged == {domain == "messages"}, domain


def test_a_catalog_rewrapped_by_another_tool_shows_only_the_changed_entry(tmp_path):
    """Whatever wrapping an editor writes, an update returns the file to GNU's."""
    translations = copy_translations(tmp_path / "translations")
    po = translations / "en" / "LC_MESSAGES" / "content.po"
    unwrapped = subprocess.run(
        ["msgcat", "--no-wrap", str(po)], capture_output=True, text=True, check=True
    ).stdout
    assert unwrapped != po.read_text(), "the editor wraps differently"
    po.write_text(unwrapped.replace('msgstr "Director of KIEM"', 'msgstr "Director, KIEM"'))
    update_catalog(po, read_template(translations, "content"), date.today())
    committed = (TRANSLATIONS / "en" / "LC_MESSAGES" / "content.po").read_text().splitlines()
    changed = [line for line in po.read_text().splitlines() if line not in committed]
    assert changed == ['msgstr "Director, KIEM"']
