"""What a catalog may hold: gettext's verdict (msgfmt --check) and the site's
own rules, each refusal naming the file, the line and what to do."""

import codecs
import shutil
from pathlib import Path

import pytest

from bzksite.sourcefiles import BuildError
from bzksite.translate import tools
from bzksite.translate.catalogs import read_catalog, read_messages
from tests.languages import copy_translations

MESSAGES = Path("nl/LC_MESSAGES/messages.po")
CONTENT = Path("en/LC_MESSAGES/content.po")
HEADER = (
    'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)


def catalog_file(tmp_path: Path, entries: str, language: str = "nl", domain: str = "messages"):
    path = tmp_path / language / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(language=language) + entries)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(BuildError) as raised:
        read_catalog(path)
    return str(raised.value)


def line_of(path: Path, text: str) -> int:
    """The last line that holds `text`."""
    return max(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    "translation",
    ["100% zeker op %(date)s", "op %(date)s: 100%", "op %(datum)s", "op", "op %(date)d"],
)
def test_gettext_refuses_what_python_cannot_format(tmp_path, translation):
    path = catalog_file(
        tmp_path, f'#, python-format\nmsgid "On %(date)s"\nmsgstr "{translation}"\n'
    )
    message = refusal(path)
    assert f"messages.po:{line_of(path, 'msgstr')}: " in message, message
    assert message.endswith("(a percent sign on its own is written %%)")


def test_a_percent_sign_in_a_text_without_placeholders_is_refused_too(tmp_path):
    """Every interface text is formatted, so "100%" needs "100%%"."""
    path = catalog_file(tmp_path, '#, python-format\nmsgid "Fully"\nmsgstr "100%"\n')
    assert "not a valid Python format string" in refusal(path)
    path.write_text(path.read_text().replace('"100%"', '"100%%"'))
    read_catalog(path)


def test_a_singular_form_without_the_number_is_accepted(tmp_path):
    path = catalog_file(
        tmp_path,
        '#, python-format\nmsgid "%(num)d rule"\nmsgid_plural "%(num)d rules"\n'
        'msgstr[0] "één regel"\nmsgstr[1] "%(num)d regels"\n',
    )
    read_catalog(path)


def test_content_is_no_format_string(tmp_path):
    path = catalog_file(
        tmp_path,
        'msgctxt "a:b"\nmsgid "Groei van 5% per jaar."\nmsgstr "5% a year."\n',
        "en",
        "content",
    )
    read_catalog(path)


def test_the_committed_placeholder_mismatch_names_the_line(tmp_path):
    translations = copy_translations(tmp_path / "translations")
    po = translations / MESSAGES
    text = po.read_text()
    assert "het %(source)s" in text
    po.write_text(text.replace("het %(source)s", "het %(bron)s", 1))
    with pytest.raises(BuildError) as raised:
        read_messages(translations)
    [problem] = raised.value.errors
    assert problem.path == po and "'bron'" in problem.message
    assert 0 < line_of(po, "%(bron)s") - problem.line < 3, "the msgstr of that entry"


@pytest.mark.parametrize("language", ["en_GB", "en-GB", "en"])
def test_a_regional_language_header_is_accepted(tmp_path, language):
    path = catalog_file(tmp_path, 'msgctxt "a:b"\nmsgid "Kop"\nmsgstr "Heading"\n', "en", "content")
    path.write_text(path.read_text().replace("Language: en\\n", f"Language: {language}\\n"))
    read_catalog(path)


def test_another_language_in_the_header_says_what_to_do(tmp_path):
    path = catalog_file(tmp_path, 'msgctxt "a:b"\nmsgid "Kop"\nmsgstr "Titel"\n', "en", "content")
    path.write_text(path.read_text().replace("Language: en\\n", "Language: de\\n"))
    message = refusal(path)
    assert "the header says Language 'de', the folder 'en': set the language to 'en'" in message
    assert "Poedit" in message and "translations/de/" in message


def test_a_byte_order_mark_is_refused_saying_how_to_save_without_it(tmp_path):
    path = catalog_file(tmp_path, 'msgid "Yes"\nmsgstr "Ja"\n')
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    message = refusal(path)
    assert ":1: the file starts with a byte order mark (BOM)" in message
    assert "save it as UTF-8 without BOM" in message


def test_every_problem_of_a_file_is_listed(tmp_path):
    entries = '#, python-format\nmsgid "A %(x)s"\nmsgstr "%(y)s"\n\n'
    entries += '#, python-format\nmsgid "B %(x)s"\nmsgstr "%(z)s"\n'
    with pytest.raises(BuildError) as raised:
        read_catalog(catalog_file(tmp_path, entries))
    assert len(raised.value.errors) == 2


def test_without_msgfmt_the_build_says_what_to_install(tmp_path, monkeypatch):
    path = catalog_file(tmp_path, 'msgid "Yes"\nmsgstr "Ja"\n')
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    assert "GNU gettext's msgfmt is not installed: `make db` installs it" in refusal(path)


def test_msgfmt_is_there_for_the_other_tests():
    assert shutil.which("msgfmt") and shutil.which("msgcat"), "make test installs gettext"


def test_plural_forms_other_than_the_languages_are_refused_saying_which(tmp_path):
    """Valid for gettext, wrong for Dutch: "0 resultaat" on the site."""
    path = catalog_file(tmp_path, 'msgid "Yes"\nmsgstr "Ja"\n')
    path.write_text(path.read_text().replace("plural=(n != 1);", "plural=(n > 1);"))
    message = refusal(path)
    assert "messages.po:1: the header's Plural-Forms 'nplurals=2; plural=(n > 1);'" in message
    assert "are not those of 'nl'" in message
    assert "set them to 'nplurals=2; plural=(n != 1);'" in message


@pytest.mark.parametrize("written", ["nplurals=2; plural=n != 1;", "nplurals=2;plural=(n!=1)"])
def test_the_languages_plural_forms_are_accepted_however_spaced(tmp_path, written):
    path = catalog_file(tmp_path, 'msgid "Yes"\nmsgstr "Ja"\n')
    path.write_text(path.read_text().replace("nplurals=2; plural=(n != 1);", written))
    read_catalog(path)
