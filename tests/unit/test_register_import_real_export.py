"""The import on the register's real export of BZK (tests/data/register/),
first into the content as it was before its first import
(tests/data/content-before-import/): every register unit once, the decree's
top level as it was, nothing personal written, every difference reported,
the export's own date the source of every fact written, and a second run
that changes nothing. The committed content is that import's result: the
same export changes nothing in it. The same file with another namespace
version, a byte order mark, CRLF line ends or the elements of each
organisatie in another order gives the same result."""

import re
import shutil
import tomllib
from datetime import date

import pytest
from lxml import etree

from bzksite.register.citationfile import register_key
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.records import DEFAULT_ROOT
from bzksite.register.report import Import
from bzksite.register.xmlexport import read_export
from tests.conftest import CONTENT, REAL_EXPORT, REGISTER_SCHEMA
from tests.needs import missing
from tests.register_fixtures import content_before_import
from tests.register_script import snapshot

TODAY = date(2026, 12, 4)  # the day of the committed import
KEY = register_key(date(2026, 5, 15))  # the export's timestamp
DECREE = ["dgobdr", "dgvb", "dgro", "dgkr", "dgdoo", "dgabd", "aivd", "mm", "bo"]
# Made-up stand-ins the export carries in place of personal data (its README).
PERSONAL = re.compile(r"tvoorbeeld@|evtestpersoon@|mproefmans@|06 00 00 00 0\d")


def plan_file(content, path, today=TODAY) -> Import:
    """As make import-register plans it: dated by the export's timestamp."""
    export = read_export(path, DEFAULT_ROOT)
    return plan_import(content, export.ministry, today, export.related, exported=export.exported)


def import_file(content, path, today=TODAY) -> list[str]:
    planned = plan_file(content, path, today)
    apply_import(content, planned)
    return planned.report


def unit_files(content, folder="units") -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted((content / folder).glob("*.toml"))}


def register_units(export) -> list[str]:
    """The systeemIds of BZK's units in the file, the ministry's own included."""
    tree = etree.parse(str(export))
    namespace = tree.getroot().nsmap["p"]

    def systeem_id(organisatie) -> str:
        return organisatie.get(f"{{{namespace}}}systeemId")

    bzk = next(o for o in tree.iter("{*}organisatie") if systeem_id(o) == "9632")
    return [systeem_id(o) for o in bzk.iter("{*}organisatie")]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    content = content_before_import(tmp_path_factory.mktemp("real"))
    before = {name: tomllib.loads(text) for name, text in unit_files(content).items()}
    report = import_file(content, REAL_EXPORT)
    return content, before, report


def test_every_register_unit_has_one_file(imported):
    content, _, _ = imported
    ids = [
        tomllib.loads(text).get("register", {}).get("systeem_id")
        for text in unit_files(content).values()
    ]
    expected = register_units(REAL_EXPORT)
    assert len(expected) == 63, "BZK and its 62 units"
    assert sorted(i for i in ids if i) == sorted(expected)


def test_the_decrees_top_level_is_as_it_was(imported):
    content, before, _ = imported
    after = {name: tomllib.loads(text) for name, text in unit_files(content).items()}
    for unit_id in DECREE:
        old, new = before[f"{unit_id}.toml"], after[f"{unit_id}.toml"]
        assert (new["parent"], new["name"], new["order"]) == (
            old["parent"],
            old["name"],
            old["order"],
        )
    top = sorted((d["order"], d["id"]) for d in after.values() if d.get("parent") == "bzk")
    assert [unit_id for _, unit_id in top][: len(DECREE)] == DECREE, "the decree's units first"


def test_every_difference_is_reported(imported):
    _, _, report = imported
    differences = [line for line in report if line.startswith("different from the decree")]
    assert (
        "different from the decree: bo: register: under 'Secretaris-generaal Cluster' (134841)"
        " / content: under bzk (the decree's)"
    ) in differences
    assert any(line.startswith("different from the decree: dgabd: register:") for line in report)
    direct = {line.split(": ")[1] for line in differences if "directly under" in line}
    assert len(direct) == 5, direct  # Commissies, Raden, the SG's cluster, DGVBR, NCG
    assert "not in the register: com (Directie Communicatie)" in report
    history = [line for line in report if line.startswith("ended (history)")]
    assert len(history) == 9 + 5, "BZK's 9 ended units and 5 ended related organisations"
    assert len([line for line in history if "(history): organisation " in line]) == 5


def test_nothing_personal_is_written(imported):
    content, _, _ = imported
    written = unit_files(content) | unit_files(content, "organisations")
    assert len(written) == 64 + 40, "BZK's units, com and the related organisations"
    for name, text in written.items():
        assert not PERSONAL.search(text), name


def test_every_withheld_field_is_reported_without_its_value(imported):
    _, _, report = imported
    withheld = [line for line in report if line.startswith("withheld: ")]
    assert "withheld: dgabd: email (personal, or may be)" in withheld, "abd@, by doubt"
    assert (
        "withheld: organisation orgaan-voor-de-friese-taal: phone (personal, or may be)" in withheld
    )
    assert not any("@" in line or PERSONAL.search(line) for line in withheld)


def test_a_second_run_changes_nothing(imported, tmp_path):
    content, _, _ = imported
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    assert plan_file(copy, REAL_EXPORT, date(2026, 12, 9)).files == {}


def test_the_committed_content_is_what_the_import_writes(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    planned = plan_file(copy, REAL_EXPORT)
    assert planned.files == {}, "the same export changes nothing in the committed content"
    changes = ("new", "ended", "renamed", "moved", "reopened", "new head", "to map")
    assert not [line for line in planned.report if line.split(": ")[0] in changes]
    before = snapshot(copy)
    apply_import(copy, planned)
    assert snapshot(copy) == before


def test_the_exports_date_is_the_source_of_what_it_writes(imported):
    content, before, report = imported
    assert report[0] == f"new source: {KEY}", "from the root's timestamp, listed once"
    sources = (content / "sources.toml").read_text()
    assert sources.count(f"[{KEY}]") == 1 and "date = 2026-05-15\n" in sources
    after = {name: tomllib.loads(text) for name, text in unit_files(content).items()}
    new = [data for name, data in after.items() if name not in before]
    assert new and all(data["sources"]["unit"] == KEY for data in new)
    organisations = unit_files(content, "organisations").values()
    assert all(tomllib.loads(text)["sources"]["organisation"] == KEY for text in organisations)


def variant(tmp_path, change) -> object:
    path = tmp_path / "variant.xml"
    path.write_bytes(change(REAL_EXPORT.read_bytes()))
    return path


def without_lines(report: list[str]) -> list[str]:
    """The report without the file and line a warning names, which differ between forms."""
    return [re.sub(r"^left out: \S+:\d+: ", "left out: ", line) for line in report]


def reordered(data: bytes) -> bytes:
    """Every organisatie's elements in reverse order (nested organisaties included)."""
    root = etree.fromstring(data)
    for organisatie in root.iter("{*}organisatie"):
        organisatie[:] = list(reversed(organisatie))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.replace(b"/oo/export/2.6.9", b"/oo/export/2.6.13"),
        lambda data: b"\xef\xbb\xbf" + data,
        lambda data: data.replace(b"\n", b"\r\n"),
        reordered,
    ],
    ids=["namespace-version", "byte-order-mark", "crlf", "element-order"],
)
def test_the_same_result_from_the_same_data_in_another_form(imported, tmp_path, change):
    content, _, report = imported
    other = content_before_import(tmp_path)
    assert without_lines(import_file(other, variant(tmp_path, change))) == without_lines(report)
    assert unit_files(other) == unit_files(content)
    assert unit_files(other, "organisations") == unit_files(content, "organisations")


def test_the_projects_copy_is_valid_against_the_registers_schema():
    if not REGISTER_SCHEMA.exists():
        missing(f"the register's schema is not at {REGISTER_SCHEMA}")
    schema = etree.XMLSchema(etree.parse(str(REGISTER_SCHEMA)))
    document = etree.parse(str(REAL_EXPORT))
    assert schema.validate(document), schema.error_log
