"""scripts/i18n.py as translators run it (make i18n-*), on a copy of the catalogs."""

import json
import os
import subprocess
import sys

import pytest

from bzksite.records import SOURCE_LANGUAGE
from bzksite.translate.domains import domains_of
from tests.conftest import ROOT
from tests.languages import LANGUAGES, copy_translations, unserved


@pytest.fixture
def translations(tmp_path):
    return copy_translations(tmp_path / "translations")


def i18n(*arguments, translations, **environment):
    """The script with the tests' languages: settings come from the test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BZKSITE_")}
    env["BZKSITE_LANGUAGES"] = json.dumps(LANGUAGES)
    return subprocess.run(
        [sys.executable, "scripts/i18n.py", *arguments, "--translations", str(translations)],
        cwd=ROOT, capture_output=True, text=True, env={**env, **environment},
    )  # fmt: skip


def test_status_shows_the_committed_catalogs_complete(translations):
    result = i18n("status", translations=translations)
    assert result.returncode == 0
    table, dates = result.stdout.split("\n\n")
    rows = [line.split() for line in table.splitlines()[1:]]
    assert [(row[0], row[1], row[-1]) for row in rows] == [
        (language, domain, "100%") for language in LANGUAGES for domain in domains_of(language)
    ]
    translated = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]
    assert [line.split(":")[0] for line in dates.splitlines()] == translated
    assert all(
        " last brought up to date with the source on 20" in line for line in dates.splitlines()
    )
    assert "Not done yet" not in result.stdout


def test_status_shows_the_words_that_changed_under_a_fuzzy_entry(translations):
    po = translations / "en" / "LC_MESSAGES" / "content.po"
    text = po.read_text()
    old = 'msgctxt "unit:kiem:director_role"\nmsgid "Directeur KIEM"'
    new = '#, fuzzy\n#| msgid "Directeur van KIEM"\n' + old
    po.write_text(text.replace(old, new))
    result = i18n("status", translations=translations)
    [gap] = [line for line in result.stdout.splitlines() if ": fuzzy: " in line]
    assert gap.endswith(
        "fuzzy: msgctxt 'unit:kiem:director_role' the source changed: Directeur [-van-] KIEM"
    )


def test_status_lists_an_emptied_entry_with_file_line_and_msgctxt(translations):
    po = translations / "en" / "LC_MESSAGES" / "content.po"
    po.write_text(po.read_text().replace('msgstr "Director of KIEM"', 'msgstr ""'))
    result = i18n("status", translations=translations)
    assert " 99%" in result.stdout or " 98%" in result.stdout
    [gap] = [line for line in result.stdout.splitlines() if ": missing: " in line]
    assert "content.po:" in gap and "msgctxt 'unit:kiem:director_role'" in gap


def test_init_starts_a_language_once_and_says_how_to_serve_it(translations):
    new = unserved()[0]
    first = i18n("init", new, translations=translations)
    assert first.returncode == 0, first.stderr
    assert (translations / new / "LC_MESSAGES" / "messages.po").exists()
    assert (translations / new / "LC_MESSAGES" / "content.po").exists()
    assert "add it to LANGUAGES in bzksite/__init__.py" in first.stdout
    again = i18n("init", new, translations=translations)
    assert again.returncode == 0 and "exists" in again.stdout
    # Begun but not served yet: status and update include it already.
    status = i18n("status", translations=translations)
    rows = [line.split()[:2] for line in status.stdout.splitlines() if line.startswith(f"{new} ")]
    assert rows == [[new, "messages"], [new, "content"]]


@pytest.mark.parametrize("language", ["C.UTF-8", "DE", "../x", "xx"])
def test_init_refuses_what_is_no_language(translations, language):
    result = i18n("init", language, translations=translations)
    assert result.returncode == 2
    assert not (translations / language).exists()


def test_a_missing_template_is_a_clear_error_and_changes_nothing(translations):
    (translations / "content.pot").unlink()
    before = (translations / "nl" / "LC_MESSAGES" / "messages.po").read_text()
    result = i18n("update", translations=translations)
    assert result.returncode != 0 and "run `make i18n-extract` first" in result.stderr
    assert "Traceback" not in result.stderr
    assert (translations / "nl" / "LC_MESSAGES" / "messages.po").read_text() == before
