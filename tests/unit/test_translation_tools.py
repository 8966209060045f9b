"""The translators' loop: extract, update (merge), status, init, and the
checks that keep broken or stale catalogs from reaching the site."""

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bzksite import DEFAULTS
from bzksite.records import SOURCE_LANGUAGE
from bzksite.sourcefiles import BuildError, SourceError
from bzksite.translate.catalogs import read_catalog, read_messages
from bzksite.translate.extract import content_template, extract
from bzksite.translate.merge import merge, new_catalog
from bzksite.translate.previous import write_catalog
from bzksite.translate.status import catalog_status, domains_of
from tests.conftest import ROOT, TRANSLATIONS

LONG = "Directie KIEM vormt op de deelterreinen Kennis, Internationaal, Europa en Macro-economie."


def catalog(*messages: tuple[str, str, str | None], fuzzy: set[str] = frozenset()) -> Catalog:
    """A catalog of (msgid, msgstr, msgctxt)."""
    result = Catalog(locale="en", fuzzy=False)
    for msgid, msgstr, context in messages:
        flags = {"fuzzy"} if msgid in fuzzy else set()
        result.add(msgid, msgstr, context=context, flags=flags)
    return result


def template(*messages: tuple[str, str | None]) -> Catalog:
    return catalog(*((msgid, "", context) for msgid, context in messages))


def test_a_changed_text_turns_exactly_its_entry_fuzzy_with_the_old_source_kept():
    old = catalog(
        (LONG, "KIEM links the fields.", "unit:kiem:description"),
        ("Tweede alinea.", "Second paragraph.", "unit:kiem:description"),
        # Alike, but from another place: never the match.
        (LONG.replace("KIEM", "BA"), "BA links the fields.", "unit:ba:description"),
    )
    changed = LONG.replace("op de deelterreinen", "op haar deelterreinen")
    new = template(
        (changed, "unit:kiem:description"),
        ("Tweede alinea.", "unit:kiem:description"),
        (LONG.replace("KIEM", "BA"), "unit:ba:description"),
    )
    merged = merge(old, new)
    assert merged.fuzzy == [(changed, "unit:kiem:description")]
    assert merged.new == [] and merged.obsolete == []
    entry = merged.catalog.get(changed, context="unit:kiem:description")
    assert entry.fuzzy and entry.string == "KIEM links the fields."
    assert entry.previous_id == [LONG]
    untouched = merged.catalog.get("Tweede alinea.", context="unit:kiem:description")
    assert not untouched.fuzzy and untouched.string == "Second paragraph."


def test_a_new_text_arrives_empty_and_a_removed_one_stays_obsolete():
    old = catalog(("Oud.", "Old.", "page:privacy:body"), ("Blijft.", "Stays.", "page:privacy:body"))
    new = template(("Blijft.", "page:privacy:body"), ("Iets heel anders.", "page:cookies:body"))
    merged = merge(old, new)
    assert merged.new == [("Iets heel anders.", "page:cookies:body")]
    assert merged.catalog.get("Iets heel anders.", context="page:cookies:body").string == ""
    assert merged.obsolete == [("Oud.", "page:privacy:body")]
    assert [m.string for m in merged.catalog.obsolete.values()] == ["Old."]


def test_an_unlike_text_in_the_same_place_is_new_not_fuzzy():
    old = catalog((LONG, "KIEM links the fields.", "unit:kiem:description"))
    new = template(("Iets volkomen anders over iets anders.", "unit:kiem:description"))
    merged = merge(old, new)
    assert merged.fuzzy == [] and len(merged.new) == 1 and len(merged.obsolete) == 1


def test_an_obsolete_text_that_comes_back_is_translated_again():
    first = merge(catalog(("Terug.", "Back.", "x:y:z")), template(("Anders.", "a:b:c")))
    again = merge(first.catalog, template(("Terug.", "x:y:z")))
    assert again.catalog.get("Terug.", context="x:y:z").string == "Back."
    assert not again.catalog.get("Terug.", context="x:y:z").fuzzy


def test_previous_msgids_are_written_the_gettext_way_and_read_back(tmp_path):
    changed = LONG.replace("op de", "op haar") * 2  # long enough to wrap
    old = catalog((LONG * 2, "Translated.", "unit:kiem:description"))
    merged = merge(old, template((changed, "unit:kiem:description")))
    merged.catalog.add("Heading", "Kop", context="unit:kiem:name")
    path = tmp_path / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True)
    write_catalog(path, merged.catalog)
    text = path.read_text()
    block = re.search(r"#, fuzzy\n((?:#\| .*\n)+)msgctxt", text)
    assert block, text
    lines = block[1].splitlines()
    assert lines[0] == '#| msgid ""' and all(re.fullmatch(r'#\| ".*"', line) for line in lines[1:])
    assert all(len(line) <= 79 for line in lines)
    again = read_catalog(path)
    assert again.get(changed, context="unit:kiem:description").previous_id == [LONG * 2]
    # A second update keeps what the translator has not yet seen to.
    kept = merge(again, template((changed, "unit:kiem:description")))
    assert kept.catalog.get(changed, context="unit:kiem:description").previous_id == [LONG * 2]


def test_status_counts_and_lists_what_is_not_done(tmp_path):
    path = tmp_path / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True)
    done = catalog(
        ("Een.", "One.", "a:b:c"), ("Twee.", "Two.", "a:b:c"), ("Drie.", "", "a:b:d"),
        fuzzy={"Twee."},
    )  # fmt: skip
    write_catalog(path, done)
    wanted = template(("Een.", "a:b:c"), ("Twee.", "a:b:c"), ("Drie.", "a:b:d"), ("Vier.", None))
    status = catalog_status("en", "content", path, wanted)
    assert (status.total, status.translated, status.fuzzy, status.missing) == (4, 1, 1, 2)
    assert status.percent == 25
    gaps = [(gap.state, gap.context, gap.msgid, gap.line is not None) for gap in status.gaps]
    assert gaps == [
        ("fuzzy", "a:b:c", "Twee.", True),
        ("missing", "a:b:d", "Drie.", True),
        ("missing", None, "Vier.", False),
    ]


def test_which_catalogs_a_language_needs():
    assert domains_of("nl", SOURCE_LANGUAGE) == ["messages"]  # content is written in Dutch
    assert domains_of("en", SOURCE_LANGUAGE) == ["content"]  # interface msgids are English
    assert domains_of("de", SOURCE_LANGUAGE) == ["messages", "content"]


def test_a_new_language_starts_with_a_complete_header_and_empty_entries(tmp_path):
    with (TRANSLATIONS / "messages.pot").open("rb") as file:
        pot = read_po(file)
    path = tmp_path / "de" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    write_catalog(path, new_catalog(pot, "de"))
    status = catalog_status("de", "messages", path, pot)  # read_catalog checks the header
    assert status.translated == 0 and status.missing == status.total > 0
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in path.read_text()


def test_the_committed_templates_are_up_to_date(tmp_path):
    for fresh in extract(ROOT, tmp_path):
        committed = TRANSLATIONS / fresh.name
        now, then = messages_of(fresh), messages_of(committed)
        differ = [m[:2] for m in now if m not in then] + [m[:2] for m in then if m not in now]
        assert not differ, (
            f"{committed.relative_to(ROOT)} is out of date: run make i18n-extract."
            f" First differences (msgctxt, msgid): {differ[:3]}"
        )


def messages_of(path: Path) -> list[tuple]:
    """What a template says, without its dates and source locations."""
    with path.open("rb") as file:
        return [(m.context, m.id, sorted(m.flags), m.auto_comments) for m in read_po(file) if m.id]


def test_a_stale_template_is_found(tmp_path):
    content = tmp_path / "db" / "content"
    shutil.copytree(ROOT / "db" / "content", content)
    kiem = content / "units" / "kiem.toml"
    kiem.write_text(kiem.read_text().replace("op de deelterreinen", "op haar deelterreinen"))
    stale = tmp_path / "content.pot"
    with stale.open("wb") as file:
        write_po(file, content_template(content, tmp_path))
    assert messages_of(stale) != messages_of(TRANSLATIONS / "content.pot")


def test_every_catalog_of_every_language_is_complete():
    """The Dutch interface and the English content, and any language added:
    100% at every submission. A gap names file, line and msgctxt."""
    gaps = []
    for language in DEFAULTS["LANGUAGES"]:
        for domain in domains_of(language, SOURCE_LANGUAGE):
            path = TRANSLATIONS / language / "LC_MESSAGES" / f"{domain}.po"
            assert path.exists(), f"{path.relative_to(ROOT)} is missing: make i18n-init"
            with (TRANSLATIONS / f"{domain}.pot").open("rb") as file:
                status = catalog_status(language, domain, path, read_po(file))
            gaps += [
                f"{gap.path.relative_to(ROOT)}:{gap.line}: {gap.state}: msgctxt {gap.context!r}"
                f" {gap.msgid[:50]!r}"
                for gap in status.gaps
            ]
    assert not gaps, "run make i18n-status, then translate:\n" + "\n".join(gaps)


def test_an_interface_placeholder_mismatch_stops_the_build(tmp_path):
    copied = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, copied, ignore=shutil.ignore_patterns("*.mo"))
    po = copied / "nl" / "LC_MESSAGES" / "messages.po"
    text = po.read_text()
    assert "het %(source)s" in text
    po.write_text(text.replace("het %(source)s", "het %(bron)s", 1))
    with pytest.raises(BuildError) as raised:
        read_messages(copied)
    line = next(n for n, line in enumerate(po.read_text().splitlines(), 1) if "%(bron)s" in line)
    message = str(raised.value)
    assert re.match(
        r".*messages.po:\d+: placeholders differ: the msgid has .*%\(source\)s", message
    )
    assert int(message.split(":")[1]) <= line, "the entry's msgid line, before its msgstr"


def test_a_second_change_keeps_the_source_the_translation_was_made_from():
    first = LONG.replace("op de", "op haar")
    second = first.replace("Europa", "de Europese Unie")
    old = catalog((LONG, "KIEM links the fields.", "unit:kiem:description"))
    once = merge(old, template((first, "unit:kiem:description")))
    twice = merge(once.catalog, template((second, "unit:kiem:description")))
    entry = twice.catalog.get(second, context="unit:kiem:description")
    assert entry.fuzzy and entry.previous_id == [LONG]


def test_a_moved_text_keeps_its_translation_for_review_and_untranslated_leftovers_go():
    old = catalog(("Verhuisd.", "Moved.", "unit:ba:description"), ("Leeg.", "", "unit:ba:name"))
    merged = merge(old, template(("Verhuisd.", "unit:com:description")))
    entry = merged.catalog.get("Verhuisd.", context="unit:com:description")
    assert entry.fuzzy and entry.string == "Moved."
    assert merged.obsolete == [], "an untranslated text leaves nothing behind"


def test_two_sentences_swapped_in_a_long_paragraph_are_a_change_not_a_new_text():
    first, second = LONG * 3, "Tweede zin die ook lang genoeg is om mee te tellen. " * 4
    old = catalog((first + second, "Translated.", "unit:kiem:description"))
    merged = merge(old, template((second + first, "unit:kiem:description")))
    assert len(merged.fuzzy) == 1 and merged.new == []


def test_updating_a_catalog_with_fuzzy_entries_twice_changes_nothing_more(tmp_path):
    old = catalog((LONG, "Translated.", "unit:kiem:description"), ("Kop", "Heading", "a:b:c"))
    new = template((LONG.replace("op de", "op haar"), "unit:kiem:description"), ("Kop", "a:b:c"))
    path = tmp_path / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True)
    extra = ["X-Generator: Poedit 3.4.2"]
    write_catalog(path, merge(old, new).catalog, extra_header=extra)
    once = path.read_text()
    assert '"X-Generator: Poedit 3.4.2\\n"' in once
    write_catalog(path, merge(read_catalog(path), new).catalog, extra_header=extra)
    assert path.read_text() == once
    assert "# |" not in once and "#| msgid" in once


@pytest.mark.parametrize(
    ("msgid", "msgstr", "ok"),
    [
        ("Zie {zie bijlage}.", "See {see annex}.", True),  # no placeholder: words in braces
        ("100%% zeker, {{niet}} dit", "100%% sure, {{not}} this", True),
        ("Op %(date)s", "On %(date)s", True),
        ("Op %(date)s", "On %(datum)s", False),
        ("Op {date}", "On {datum}", False),
        ("Op %(date)s", "On %(date)d", False),
        ("Op %(date)s", "On", False),
    ],
)
def test_placeholders_must_match_and_only_placeholders_count(tmp_path, msgid, msgstr, ok):
    path = tmp_path / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True)
    write_catalog(path, catalog((msgid, msgstr, "a:b:c")))
    if ok:
        read_catalog(path)
    else:
        with pytest.raises(SourceError, match="a:b:c': placeholders differ"):
            read_catalog(path)


def test_every_plural_form_is_checked(tmp_path):
    path = tmp_path / "pl" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    plural = Catalog(locale="pl", fuzzy=False)
    forms = ("%(count)d reguła", "%(count)d reguły", "%(liczba)d reguł")
    plural.add(("%(count)d rule", "%(count)d rules"), forms)
    write_catalog(path, plural)
    with pytest.raises(SourceError, match=r"the translation %\(liczba\)d"):
        read_catalog(path)
