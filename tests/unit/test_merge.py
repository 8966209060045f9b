"""make i18n-update's merge: a changed text turns exactly its entry fuzzy,
with the source it was translated from kept the gettext way."""

import re
from datetime import date

from babel.messages.catalog import Catalog

from bzksite.translate.catalogs import read_catalog, read_checked
from bzksite.translate.merge import merge
from bzksite.translate.update import Template, update_catalog
from bzksite.translate.writer import write_catalog

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


def test_updating_twice_changes_nothing_more_and_keeps_the_editors_header(tmp_path):
    old = catalog((LONG, "Translated.", "unit:kiem:description"), ("Kop", "Heading", "a:b:c"))
    new = template((LONG.replace("op de", "op haar"), "unit:kiem:description"), ("Kop", "a:b:c"))
    path = tmp_path / "en" / "LC_MESSAGES" / "content.po"
    path.parent.mkdir(parents=True)
    write_catalog(path, old)
    saved, header = read_checked(path)
    header.set("X-Generator", "Poedit 3.4.2")  # a field Babel would drop
    write_catalog(path, saved, header)
    update = Template("content", new, None)
    merged, changed = update_catalog(path, update, date(2026, 12, 1))
    once = path.read_text()
    assert changed and merged.fuzzy and '"X-Generator: Poedit 3.4.2\\n"' in once
    assert update_catalog(path, update, date(2026, 12, 2))[1] is False
    assert path.read_text() == once
    assert "# |" not in once and "#| msgid" in once
