"""Compile the interface catalogs: each messages.po to the messages.mo beside
it, which Flask-Babel reads.

Each .mo is written under a temporary name, read back with the site's own
reader (bzksite/compiled.py) and compared with the catalog, and swapped in
only when the rest of the build has succeeded too: a failed build leaves
the old ones and no temporary file.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from ..compiled import UnreadableCatalog, read_compiled
from ..outputfiles import new_file, remove, swap_in
from ..sourcefiles import BuildError, SourceError


@contextmanager
def staged_messages(catalogs: dict[Path, Catalog]) -> Iterator[None]:
    """Compile and check every catalog, run the block, then swap them all in."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, catalog in catalogs.items():
            target = path.with_suffix(".mo")
            with new_file(target) as temporary:
                _compile(catalog, temporary, target)
            staged.append((temporary, target))
        yield
    except BaseException:
        for temporary, _ in staged:
            remove(temporary)
        raise
    for temporary, target in staged:
        swap_in(temporary, target)


def write_messages(catalogs: dict[Path, Catalog]) -> None:
    """Compile each catalog to the .mo beside it, checked, as make db does."""
    with staged_messages(catalogs):
        pass


def _compile(catalog: Catalog, temporary: Path, target: Path) -> None:
    with temporary.open("wb") as file:
        # Fuzzy entries are left out, so the interface shows the English msgid
        # rather than a translation nobody has checked.
        write_mo(file, catalog, use_fuzzy=False)
        file.flush()
        os.fsync(file.fileno())  # some file systems tell of a full disk only here
    try:
        written = read_compiled(temporary)
    except UnreadableCatalog as error:
        raise _refused(target, f"the new file {error.reason} when read back") from None
    # gettext keeps the messages it read in _catalog, keyed as _expected builds them.
    found = {key: text for key, text in written._catalog.items() if key != ""}
    expected = _expected(catalog)
    if found != expected:
        wrong = sum(found.get(key) != text for key, text in expected.items())
        extra = len(found.keys() - expected.keys())
        reason = f"{wrong} of {len(expected)} messages read back wrong, {extra} unknown"
        raise _refused(target, f"the new file does not read back as compiled ({reason})")


def _expected(catalog: Catalog) -> dict[object, str]:
    """What write_mo writes of `catalog`, keyed as gettext reads it:
    "context\\x04msgid", and (msgid, n) for each plural form."""
    expected: dict[object, str] = {}
    for message in list(catalog)[1:]:  # the header comes first
        if not message.string or message.fuzzy:
            continue
        prefix = f"{message.context}\x04" if message.context else ""
        if message.pluralizable:
            for form, text in enumerate(message.string):
                # write_mo writes an empty form as the msgid it translates
                expected[prefix + message.id[0], form] = text or message.id[min(form, 1)]
        else:
            expected[prefix + message.id] = message.string
    return expected


def _refused(target: Path, reason: str) -> BuildError:
    return BuildError([SourceError(target, None, f"{reason}: run make db again")])
