"""The build reads back every .mo it writes, with the reader the site uses, and
swaps it in only when it holds what was compiled; else the old one stays."""

import io
import os
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo

from bzksite.compiled import read_compiled
from bzksite.sourcefiles import BuildError
from bzksite.translate import compile as compile_module
from bzksite.translate.compile import write_messages


def catalog() -> Catalog:
    """Every kind of entry: plain, with a context, plural (one form left
    empty), fuzzy and untranslated."""
    catalog = Catalog(locale="nl")
    catalog.add("Skip to content", "Naar de inhoud")
    catalog.add("Search", "Zoeken", context="button")
    catalog.add(("%(num)d unit", "%(num)d units"), ("%(num)d eenheid", ""))
    catalog.add("Privacy", "Privacy?", flags=["fuzzy"])
    catalog.add("Cookies", "")
    return catalog


@pytest.fixture
def po(tmp_path) -> Path:
    path = tmp_path / "nl/LC_MESSAGES/messages.po"
    path.parent.mkdir(parents=True)
    return path


def test_every_kind_of_entry_reads_back_as_compiled(po):
    write_messages({po: catalog()})
    compiled = read_compiled(po.with_suffix(".mo"))
    assert compiled.gettext("Skip to content") == "Naar de inhoud"
    assert compiled.pgettext("button", "Search") == "Zoeken"
    assert compiled.ngettext("%(num)d unit", "%(num)d units", 1) == "%(num)d eenheid"
    assert compiled.ngettext("%(num)d unit", "%(num)d units", 2) == "%(num)d units"
    assert compiled.gettext("Privacy") == "Privacy", "a fuzzy entry is left out"
    assert compiled.gettext("Cookies") == "Cookies"
    assert list(po.parent.iterdir()) == [po.with_suffix(".mo")], "no temporary file is left"


def writing(change):
    """write_mo, then `change` applied to the catalog as it was written."""

    def write(file, catalog, use_fuzzy=False):
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=use_fuzzy)
        buffer.seek(0)
        written = read_mo(buffer)
        change(written)
        write_mo(file, written, use_fuzzy=use_fuzzy)

    return write


def garbage(file, catalog, use_fuzzy=False):
    file.write(b"\x00" * 100)


def lose_a_message(written: Catalog) -> None:
    written.delete("Skip to content")


def change_a_translation(written: Catalog) -> None:
    written["Skip to content"].string = "Naar de inhoudsopgave"


def add_a_message(written: Catalog) -> None:
    written.add("Contact", "Contact")


WRITERS = {
    "garbage": (garbage, "the new file is not a compiled catalog (Bad magic number) when read"
                " back"),
    "a message lost": (writing(lose_a_message), "1 of 4 messages read back wrong, 0 unknown"),
    "a translation changed": (
        writing(change_a_translation), "1 of 4 messages read back wrong, 0 unknown"
    ),
    "a message added": (writing(add_a_message), "0 of 4 messages read back wrong, 1 unknown"),
}  # fmt: skip


@pytest.mark.parametrize("case", WRITERS, ids=list(WRITERS))
def test_a_file_that_does_not_read_back_as_compiled_is_not_swapped_in(po, monkeypatch, case):
    write_messages({po: catalog()})
    mo = po.with_suffix(".mo")
    before = mo.read_bytes()
    writer, reason = WRITERS[case]
    monkeypatch.setattr(compile_module, "write_mo", writer)
    changed = catalog()
    changed["Skip to content"].string = "Ga naar de inhoud"
    with pytest.raises(BuildError) as raised:
        write_messages({po: changed})
    assert str(raised.value).startswith(f"{os.path.relpath(mo)}: ")
    assert reason in str(raised.value) and str(raised.value).endswith(": run make db again")
    assert mo.read_bytes() == before
    assert list(po.parent.iterdir()) == [mo], "no temporary file is left"
