"""make i18n-status and what it reports: how far each catalog is, the words
that changed under a fuzzy entry, and when a language was last up to date."""

from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bzksite.sourcefiles import SourceError
from bzksite.translate import uptodate
from bzksite.translate.catalogs import read_checked
from bzksite.translate.domains import domains_of
from bzksite.translate.header import Header
from bzksite.translate.status import catalog_status, changed_words
from bzksite.translate.update import Template, init_catalog, read_template, update_catalog
from bzksite.translate.writer import write_catalog
from tests.conftest import TRANSLATIONS
from tests.languages import LANGUAGES, source


def catalog(*messages: tuple[str, str, str | None], fuzzy: set[str] = frozenset()) -> Catalog:
    """A catalog of (msgid, msgstr, msgctxt)."""
    result = Catalog(locale="en", fuzzy=False)
    for msgid, msgstr, context in messages:
        result.add(msgid, msgstr, context=context, flags={"fuzzy"} if msgid in fuzzy else set())
    return result


def po_file(tmp_path: Path, contents: Catalog) -> Path:
    path = tmp_path / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_catalog(path, contents)
    return path


def test_status_counts_and_lists_what_is_not_done(tmp_path):
    done = catalog(
        ("Een.", "One.", "a:b:c"), ("Twee.", "Two.", "a:b:c"), ("Drie.", "", "a:b:d"),
        fuzzy={"Twee."},
    )  # fmt: skip
    wanted = catalog(("Een.", "", "a:b:c"), ("Twee.", "", "a:b:c"), ("Drie.", "", "a:b:d"))
    wanted.add("Vier.", "")
    path = po_file(tmp_path, done)
    status = catalog_status("en", "content", path, read_checked(path)[0], wanted)
    assert (status.total, status.translated, status.fuzzy, status.missing) == (4, 1, 1, 2)
    assert status.percent == 25
    gaps = [(gap.state, gap.context, gap.msgid, gap.line is not None) for gap in status.gaps]
    assert gaps == [
        ("fuzzy", "a:b:c", "Twee.", True),
        ("missing", "a:b:d", "Drie.", True),
        ("missing", None, "Vier.", False),
    ]


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("KIEM vormt op de deelterreinen een brug.", "KIEM vormt op haar deelterreinen een brug.",
         "KIEM vormt op [-de-] {+haar+} deelterreinen een brug."),
        ("Een twee drie vier vijf zes zeven acht negen tien elf twaalf.",
         "Een twee drie vier vijf zes zeven acht negen tien elf.",
         "… acht negen tien [-elf twaalf.-] {+elf.+}"),
        ("a b c d e f g h i j", "a B c d e f g h i J",
         "a [-b-] {+B+} c d e … g h i [-j-] {+J+}"),
    ],
)  # fmt: skip
def test_a_changed_source_shows_the_words_that_changed(old, new, shown):
    assert changed_words(old, new) == shown


def test_a_new_language_starts_with_a_complete_header_and_empty_entries(tmp_path):
    template = read_template(TRANSLATIONS, "messages")
    path = tmp_path / "de" / "LC_MESSAGES" / "messages.po"
    init_catalog(path, template, "de")
    catalog_, header = read_checked(path)  # checks the header
    status = catalog_status("de", "messages", path, catalog_, template.catalog)
    assert status.translated == 0 and status.missing == status.total > 0
    assert header.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"


def test_every_catalog_of_every_language_is_complete():
    """The Dutch interface and the English content, and any language added:
    100% at every submission. A gap names file, line and msgctxt."""
    gaps = []
    translations = source()
    for language in LANGUAGES:
        for domain in domains_of(language):
            path = translations / language / "LC_MESSAGES" / f"{domain}.po"
            where = path.relative_to(translations.parent)
            assert path.exists(), f"{where} is missing: make i18n-init"
            with (translations / f"{domain}.pot").open("rb") as file:
                template = read_po(file)
            status = catalog_status(language, domain, path, read_checked(path)[0], template)
            gaps += [
                f"{where}:{gap.line}: {gap.state}: msgctxt {gap.context!r} {gap.msgid[:50]!r}"
                for gap in status.gaps
            ]
    assert not gaps, "run make i18n-status, then translate:\n" + "\n".join(gaps)


def test_the_day_a_catalog_became_complete_is_recorded_once_per_source(tmp_path):
    path = po_file(tmp_path, catalog(("Een.", "One.", "a:b"), ("Twee.", "", "a:b")))
    first = Template("content", catalog(("Een.", "", "a:b"), ("Twee.", "", "a:b")), None)
    update_catalog(path, first, date(2026, 12, 1))
    assert uptodate.recorded(path, read_checked(path)[1]) is None, "not complete yet"

    catalog_, header = read_checked(path)
    catalog_.get("Twee.", context="a:b").string = "Two."
    write_catalog(path, catalog_, header)
    update_catalog(path, first, date(2026, 12, 2))
    update_catalog(path, first, date(2026, 12, 3))
    assert uptodate.recorded(path, read_checked(path)[1])[0] == date(2026, 12, 2)

    second = Template("content", catalog(("Een.", "", "a:b"), ("Drie.", "", "a:b")), None)
    update_catalog(path, second, date(2026, 12, 4))  # Drie. is new: incomplete again
    assert uptodate.recorded(path, read_checked(path)[1])[0] == date(2026, 12, 2)


@pytest.mark.parametrize(
    "value", ["yesterday", "2026-13-01, source 0123456789abcdef", "2026-12-01"]
)
def test_a_malformed_record_names_the_header_and_the_fix(tmp_path, value):
    header = Header([], 5, fields=[("X-Up-To-Date", value)])
    with pytest.raises(SourceError, match="X-Up-To-Date must read 'YYYY-MM-DD, source") as raised:
        uptodate.recorded(tmp_path / "content.po", header)
    assert raised.value.line == 5
