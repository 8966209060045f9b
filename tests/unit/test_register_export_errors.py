"""Bad register files: each a RegisterError within seconds, naming the file and the line.

Which lxml each relies on: an empty file, a DTD, a root element other than the
register's and a file that ends before its root element are refused by our
prologue scan before lxml reads a byte (the `unparsed` fixture makes sure), so
those hold with lxml 6.1 and 6.2 alike. "not well-formed XML (...)" carries
libxml2's own words and the line it names; the truncated message is ours, on
libxml2's word that the file ended. Both were checked with lxml 6.1.3 and 6.2.0.
"""

import time
import tracemalloc
from pathlib import Path

import pytest
from lxml import etree

from bzksite.register.prologue import PIECE
from bzksite.register.records import RegisterError
from bzksite.register.xmlexport import read_register
from bzksite.sourcefiles import display_path
from tests.register_files import TOOI, write_export
from tests.unit.register_fixtures import MINISTRY, OTHER, line_of

DTD = (
    "the file has a DTD (<!DOCTYPE>), which the register's export never has;"
    " entities could expand without end or reach the network"
)
SECRET = "GEHEIM-PROEFWAARDE-4711"  # noqa: S105 (a made-up string, no password)


def refused(path: Path, root: str = MINISTRY.tooi) -> str:
    started = time.monotonic()
    with pytest.raises(RegisterError) as caught:
        read_register(path, root)
    assert time.monotonic() - started < 5
    # Only the message is shown: no chained exception drags a traceback along.
    assert caught.value.__context__ is None or caught.value.__suppress_context__
    return str(caught.value)


@pytest.fixture
def unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser must not be reached: the prologue scan refuses the file first."""

    def iterparse(*args, **kwargs):
        raise AssertionError("the file reached lxml")

    monkeypatch.setattr(etree, "iterparse", iterparse)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "exportOO.xml", [OTHER, MINISTRY])


def replace(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.6, 0.97, -2])
def test_a_truncated_file(export: Path, fraction: float):
    data = export.read_bytes()
    cut = data[: int(len(data) * fraction)] if fraction > 0 else data[:fraction]
    export.write_bytes(cut)
    last_line = cut.count(b"\n") + 1
    message = "the file ends in the middle of an element (truncated?)"
    assert refused(export) == f"{display_path(export)}:{last_line}: {message}"


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        (b"Dit is geen XML.\n", 1, "Start tag expected, '<' not found"),
        (
            b"<overheidsorganisaties>\n<b x=1/>\n</overheidsorganisaties>\n",
            2,
            "AttValue: \" or ' expected",
        ),
        (b"<overheidsorganisaties/>\n<b/>", 2, "Extra content at the end of the document"),
        (
            b"<overheidsorganisaties>\n</b>",
            2,
            "Opening and ending tag mismatch: overheidsorganisaties line 1 and b",
        ),
    ],
)
def test_text_that_is_not_xml(tmp_path: Path, content: bytes, line: int, problem: str):
    path = tmp_path / "export.xml"
    path.write_bytes(content)
    assert refused(path) == f"{display_path(path)}:{line}: not well-formed XML ({problem})"


def test_a_bad_character_in_the_middle_of_the_export(export: Path):
    replace(export, "<p:naam>Directie Proefdata", "<p:naam>Directie Proefdata & Co")
    line = line_of(export, "Directie Proefdata & Co")
    assert refused(export).startswith(f"{display_path(export)}:{line}: not well-formed XML (")


def test_bytes_that_are_not_utf8(export: Path):
    line = line_of(export, "Directie Oude Proefdata")
    export.write_bytes(export.read_bytes().replace(b"Oude", b"Oud\xff"))
    assert refused(export).startswith(f"{display_path(export)}:{line}: not well-formed XML (")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "<!doctype html>\n<html lang=nl><head><meta charset=utf-8><title>Register</title>",
            ":1: an HTML page, not the register's export",
        ),
        (
            "\n<html><head><title>Even geduld</title></head><body><p>Laden<br></body></html>",
            ":2: not the register's export: the root element is <html>,"
            " not <overheidsorganisaties>",
        ),
        (
            '<?xml version="1.0"?>\n<!-- nieuws -->\n<rss version="2.0"><channel/></rss>\n',
            ":3: not the register's export: the root element is <rss>, not <overheidsorganisaties>",
        ),
        (
            '<?xml version="1.0"?>\n<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body/>',
            ":2: not the register's export: the root element is <html>,"
            " not <overheidsorganisaties>",
        ),
    ],
    ids=["html page", "html without doctype", "rss feed", "xhtml with a prefix"],
)
def test_another_kind_of_file(tmp_path: Path, unparsed: None, content: str, message: str):
    path = tmp_path / "exportOO.xml"
    path.write_text(content)
    assert refused(path) == f"{display_path(path)}{message}"


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"\xef\xbb\xbf"])
def test_an_empty_file(tmp_path: Path, unparsed: None, content: bytes):
    path = tmp_path / "exportOO.xml"
    path.write_bytes(content)
    assert refused(path) == f"{display_path(path)}: the file is empty"


def billion_laughs(prologue: str = "") -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?>\n{prologue}<!DOCTYPE p:overheidsorganisaties [\n'
        + "\n".join(entities)
        + '\n]>\n<p:overheidsorganisaties xmlns:p="urn:x"><p:organisaties><p:organisatie'
        + f' p:systeemId="900001" p:resourceIdentifierTOOI="{MINISTRY.tooi}">'
        + "<p:naam>&lol9;</p:naam></p:organisatie></p:organisaties></p:overheidsorganisaties>\n"
    )


def test_an_entity_bomb_is_refused_at_once(tmp_path: Path, unparsed: None):
    path = tmp_path / "exportOO.xml"
    path.write_text(billion_laughs())
    assert refused(path) == f"{display_path(path)}:2: {DTD}"


LONG_COMMENT = f"<!-- {'lang commentaar ' * 5000} -->\n"  # 85 KB


@pytest.mark.parametrize(
    "prologue",
    [
        LONG_COMMENT,
        '<?xml-stylesheet type="text/xsl" href="oo.xsl"?>\n' + LONG_COMMENT,
        "<!-- een -->\n  <!--\ntwee - -->\t\r\n<?pi ? > -->?>\n" * 1000,
        f"<!-- {'x' * 2_000_000}\n{'- ' * 1000}-->\n",
        "\n \t\r\n" * 100_000,
    ],
    ids=["a long comment", "a PI and a long comment", "many comments", "2 MB", "whitespace"],
)
def test_a_dtd_behind_anything_is_refused_before_the_parser_starts(
    tmp_path: Path, unparsed: None, prologue: str
):
    path = tmp_path / "exportOO.xml"
    path.write_bytes(b"\xef\xbb\xbf" + billion_laughs(prologue).encode())
    assert refused(path) == f"{display_path(path)}:{line_of(path, '<!DOCTYPE')}: {DTD}"


@pytest.mark.parametrize("shift", [-3, -2, -1, 0, 1])
def test_the_end_of_a_comment_is_found_across_the_pieces_the_scan_reads(
    tmp_path: Path, unparsed: None, shift: int
):
    start = len('\n<?xml version="1.0"?>\n<!-- ')
    path = tmp_path / "exportOO.xml"
    path.write_text("\n" + billion_laughs(f"<!-- {'x' * (PIECE + shift - start)}-->"))
    assert path.read_bytes().index(b"-->") == PIECE + shift
    assert refused(path) == f"{display_path(path)}:3: {DTD}"


def test_a_dtd_in_utf16_is_refused_by_the_check_of_the_parsed_document(tmp_path: Path):
    # The prologue scan reads UTF-8, as the register writes; lxml decodes this
    # file and the reader's check of the parsed document (docinfo) refuses it.
    path = tmp_path / "exportOO.xml"
    path.write_bytes('\ufeff<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>\n'.encode("utf-16-le"))
    assert refused(path) == f"{display_path(path)}: {DTD}"


def test_a_prefix_without_its_namespace_is_refused_by_the_check_of_the_parsed_document(
    tmp_path: Path,
):
    path = tmp_path / "exportOO.xml"
    path.write_text("<p:overheidsorganisaties><p:organisaties/></p:overheidsorganisaties>\n")
    message = "the root element is <p:overheidsorganisaties>, not <overheidsorganisaties>"
    assert refused(path) == f"{display_path(path)}:1: not the register's export: {message}"


@pytest.mark.parametrize(
    "content",
    [
        '<?xml version="1.0"?>\n<!-- nooit klaar\n' + "lang commentaar " * 150_000,
        '<?xml version="1.0"?>\n<?xml-stylesheet href="oo.xsl"',
        '<?xml version="1.0"?>\n<!-- alleen commentaar -->\n',
        '<?xml version="1.0"?>\n<p:overheidsorg',
    ],
    ids=["an unterminated comment", "an unterminated PI", "no root element", "half a name"],
)
def test_a_file_that_ends_before_its_root_element(tmp_path: Path, unparsed: None, content: str):
    path = tmp_path / "exportOO.xml"
    path.write_text(content)
    line = content.count("\n") + 1
    message = "the file ends in the middle of an element (truncated?)"
    assert refused(path) == f"{display_path(path)}:{line}: {message}"


def test_the_prologue_is_read_in_pieces(tmp_path: Path):
    path = tmp_path / "exportOO.xml"
    path.write_text(billion_laughs(f"<!-- {'lang commentaar ' * 1_000_000} -->\n"))
    tracemalloc.start()
    try:
        refused(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert path.stat().st_size > 16_000_000 and peak < 1_000_000


@pytest.mark.parametrize(
    "declaration",
    [
        '<!ENTITY geheim SYSTEM "file://{secret}">',
        '<!ENTITY % geheim SYSTEM "file://{secret}"> %geheim;',
    ],
    ids=["general entity", "parameter entity"],
)
def test_an_external_entity_never_reads_the_file_it_points_at(
    tmp_path: Path, unparsed: None, declaration: str
):
    secret = tmp_path / "geheim.txt"
    secret.write_text(f"{SECRET}\n")
    path = write_export(tmp_path / "exportOO.xml", [MINISTRY])
    doctype = f"<!DOCTYPE p:overheidsorganisaties [{declaration.format(secret=secret)}]>\n"
    replace(path, "<p:overheidsorganisaties", doctype + "<p:overheidsorganisaties")
    replace(path, "<p:naam>Directie Proefdata", "<p:naam>&geheim;")
    message = refused(path)
    assert message == f"{display_path(path)}:2: {DTD}" and SECRET not in message


def test_no_organisation_with_the_root(export: Path):
    root = f"{TOOI}999999"
    message = f"no organisation with resourceIdentifierTOOI {root}"
    assert refused(export, root) == f"{display_path(export)}: {message}"


def test_the_root_twice(tmp_path: Path):
    path = write_export(tmp_path / "exportOO.xml", [MINISTRY, OTHER, MINISTRY])
    text = path.read_text()
    opener = '<p:organisatie p:systeemId="900001"'
    first = line_of(path, opener)
    second = text[: text.rindex(opener)].count("\n") + 1
    message = f"a second organisation with resourceIdentifierTOOI {MINISTRY.tooi}"
    assert (
        refused(path) == f"{display_path(path)}:{second}: {message} (the first is on line {first})"
    )
