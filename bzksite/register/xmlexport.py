"""The Register van Overheidsorganisaties' XML export, read safely and streamed.

The export holds every government organisation of the country (hundreds of
MB); one organisation is wanted, with its subtree, and the organisations
related to it (related.py). The file is never loaded
whole: each finished organisation at the top level is cleared and detached,
so memory stays bounded by the largest single organisation. No DTD is
accepted (see prologue.py), entities are not resolved and nothing is
fetched from the network.
"""

import re
from datetime import date
from pathlib import Path

from lxml import etree

from .elements import attribute, identifier, local
from .exportfile import ExportFile, error
from .lines import LineReader
from .prologue import DTD, ROOT_ELEMENT, TRUNCATED, check_prologue, not_the_export
from .records import Export, RegisterUnit
from .related import RelatedOrganisations
from .units import read_unit

_OPTIONS = {
    "events": ("start", "end"),
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
# Elements whose line an error or a unit may name.
_LINED = {"organisatie", "naam", "eindDatum", "startDatum", "nummer", "email", "url"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(T|\s|$)")
_POSITION = re.compile(r", line \d+, column \d+$")
_NOT_TRUNCATED = {etree.ErrorTypes.ERR_DOCUMENT_END, etree.ErrorTypes.ERR_TAG_NAME_MISMATCH}


def read_register(path: Path, root: str) -> RegisterUnit:
    """The organisation whose resourceIdentifierTOOI is `root`, at any depth, with its subtree."""
    return read_export(path, root).ministry


def read_export(path: Path, root: str) -> Export:
    """The organisation whose resourceIdentifierTOOI is `root`, at any depth, with its
    subtree; and every top-level organisation related to it, without its units.

    RegisterError names the file, the line where there is one, and what is wrong.
    """
    try:
        with path.open("rb") as file:
            check_prologue(path, file)
            reader = LineReader(file)
            try:
                return _scan(ExportFile(path, {}), reader, root)
            except etree.XMLSyntaxError as problem:
                raise _syntax_error(path, problem, reader) from None
    except OSError as problem:
        raise error(path, None, f"cannot be read ({problem.strerror or problem})") from None


def _scan(source: ExportFile, reader: LineReader, root: str) -> Export:
    found: RegisterUnit | None = None
    exported: date | None = None
    related = RelatedOrganisations(root)
    depth = 0  # organisatie elements open
    for event, element in etree.iterparse(reader, **_OPTIONS):
        name = local(element.tag)
        if event == "start":
            if depth == 0 and element.getparent() is None:
                _check_document(source, reader, element)
                exported = _export_date(attribute(element, "timestamp"))
            if name in _LINED:
                source.lines[element] = reader.start_line(element)
            depth += name == "organisatie"
            continue
        if name == "organisatie":
            depth -= 1
            if identifier(element, "resourceIdentifierTOOI") == root:
                if found is not None:
                    message = f"a second organisation with resourceIdentifierTOOI {root}"
                    raise source.error(element, f"{message} (the first is on line {found.line})")
                found = read_unit(element, source)
                related.ministry_id = found.systeem_id
            elif depth == 0:
                related.consider(element, source)
        if depth == 0:
            _forget(element, source)
    if found is None:
        raise error(source.path, None, f"no organisation with resourceIdentifierTOOI {root}")
    return Export(found, related.of(found), related.skipped(found), exported)


def _export_date(timestamp: str | None) -> date | None:
    """The day of the export (its root's timestamp, "2026-05-15" or a date and time)."""
    if timestamp is None or not _DAY.match(timestamp.strip()):
        return None
    try:
        return date.fromisoformat(timestamp.strip()[:10])
    except ValueError:
        return None


def _check_document(source: ExportFile, reader: LineReader, element: etree._Element) -> None:
    """At the first start event: no DTD, and the register's root element.

    check_prologue refuses both before the parser starts, in a file it can
    read as UTF-8. This catches them in one it cannot (UTF-16, which XML
    allows), and a root whose prefix no xmlns declares: the scan compares
    the name after the prefix, lxml keeps such a prefix in the name.
    """
    docinfo = element.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise error(source.path, None, DTD)
    if local(element.tag) != ROOT_ELEMENT:
        raise not_the_export(source.path, reader.start_line(element), local(element.tag))


def _forget(element: etree._Element, source: ExportFile) -> None:
    """Free a finished element outside every organisatie, and the siblings before it."""
    source.lines.clear()
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _syntax_error(path: Path, problem: etree.XMLSyntaxError, reader: LineReader) -> Exception:
    line = problem.lineno or None
    # lxml reports an error only once it has read the whole file: an error on
    # the line where the file ends, other than content after the root element
    # or a mismatched end tag, means the file stops short.
    if reader.at_end and problem.lineno >= reader.last_line and problem.code not in _NOT_TRUNCATED:
        return error(path, line, TRUNCATED)
    return error(path, line, f"not well-formed XML ({_POSITION.sub('', problem.msg)})")
