"""The accessibility report in the build: a good file is summarised and stored,
a broken one fails naming file and line or key, a missing one is allowed."""

import json
import os
from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from bzksite import queries
from bzksite.records import ReportSummary, ViolatedRule
from bzksite.store import BuildError, build_database
from bzksite.store.report import criteria, read_report
from tests.sample_report import IMAGE_ALT, REGION, sample, write_report

EXPECTED = ReportSummary(
    generated=datetime(2026, 11, 23, 15, 40, tzinfo=UTC),
    axe_version="4.14.1",
    pages=3,
    languages=("nl", "en"),
    violations=3,
    needs_review=1,
    check_problems=1,
    rules=(
        ViolatedRule(
            "image-alt", "critical", IMAGE_ALT,
            "https://dequeuniversity.com/rules/axe/4.14/image-alt", ("1.1.1",), 2,
        ),
        ViolatedRule(
            "region", "moderate", REGION, "https://dequeuniversity.com/rules/axe/4.14/region",
            (), 1,
        ),
    ),
)  # fmt: skip


def test_a_good_report_is_summarised(tmp_path):
    assert read_report(write_report(tmp_path)) == EXPECTED


def test_criteria_come_from_the_wcag_tags():
    tags = ["wcag2a", "wcag21aa", "wcag111", "wcag1410", "wcag2411", "EN-9.1.4.3", "best-practice"]
    assert criteria(tags) == ("1.1.1", "1.4.10", "2.4.11")


def test_a_missing_file_is_no_report(tmp_path):
    assert read_report(tmp_path / "accessibility.json") is None
    assert read_report(None) is None


def test_malformed_json_fails_naming_file_and_line(tmp_path):
    path = write_report(tmp_path)
    lines = path.read_text().splitlines()
    number = next(n for n, line in enumerate(lines, 1) if '"axe_version"' in line)
    lines[number - 1] = lines[number - 1].replace('"4.14.1",', '"4.14.1"')
    path.write_text("\n".join(lines))
    with pytest.raises(BuildError) as raised:
        read_report(path)
    assert str(raised.value).startswith(f"{os.path.relpath(path)}:{number + 1}: not valid JSON")


def without(data: dict, *keys: str | int) -> dict:
    """`data` with the key at the end of the path `keys` removed."""
    *parents, last = keys
    table = data
    for key in parents:
        table = table[key]
    del table[last]
    return data


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (("axe_version",), "required key 'axe_version' is missing"),
        (("pages",), "required key 'pages' is missing"),
        (("pages", 1, "violations"), "required key 'violations' is missing in pages[1]"),
        (
            ("pages", 1, "violations", 0, "helpUrl"),
            "required key 'helpUrl' is missing in pages[1].violations[0]",
        ),
        (
            ("pages", 0, "checks", 0, "problems"),
            "required key 'problems' is missing in pages[0].checks[0]",
        ),
    ],
    ids=["axe_version", "pages", "violations", "helpUrl", "problems"],
)
def test_a_missing_key_fails_naming_file_and_key(tmp_path, keys, message):
    path = write_report(tmp_path, without(sample(), *keys))
    with pytest.raises(BuildError) as raised:
        read_report(path)
    assert str(raised.value) == f"{os.path.relpath(path)}: {message}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.update(generated="yesterday"), "'generated' is not an ISO 8601"),
        (lambda data: data.update(pages={}), "the top level: 'pages' must be a list"),
        (lambda data: data["pages"].append([]), "pages[3] must be an object"),
        (
            lambda data: data["pages"][0]["violations"][0].update(impact="huge"),
            "pages[0].violations[0]: unknown impact 'huge'",
        ),
        (
            lambda data: data["pages"][0]["violations"][0].update(helpUrl="javascript:alert(1)"),
            "pages[0].violations[0]: 'helpUrl' must start with https://",
        ),
        (lambda data: data.update(languages=["nl", "zz!"]), "'languages' must be a list of"),
        (
            lambda data: data["pages"][1].update(axe_version=None),
            "pages[1]: axe did not check",
        ),
    ],
    ids=["date", "pages", "page", "impact", "help url", "language", "page without axe"],
)
def test_a_wrong_value_fails_naming_it(tmp_path, change, message):
    data = sample()
    change(data)
    with pytest.raises(BuildError, match=r"accessibility\.json: ") as raised:
        read_report(write_report(tmp_path, data))
    assert message in str(raised.value)


def test_a_report_that_is_not_an_object_fails(tmp_path):
    path = tmp_path / "accessibility.json"
    path.write_text(json.dumps([]))
    with pytest.raises(
        BuildError, match=r"accessibility\.json:1: the file must hold a JSON object"
    ):
        read_report(path)


def test_the_build_stores_the_summary_and_the_queries_read_it(sources, tmp_path):
    output = tmp_path / "site.db"
    build_database(*sources, output, write_report(tmp_path / "reports"))
    db = Database(output)
    assert list(db["accessibility_report"].rows) == [
        {
            "generated": "2026-11-23T15:40:00+00:00", "axe_version": "4.14.1", "pages": 3,
            "languages": '["nl", "en"]', "violations": 3, "needs_review": 1, "check_problems": 1,
        }
    ]  # fmt: skip
    rules = list(db["accessibility_rules"].rows)
    assert [(rule["position"], rule["rule"], rule["criteria"]) for rule in rules] == [
        (0, "image-alt", '["1.1.1"]'),
        (1, "region", "[]"),
    ]
    assert queries.accessibility_report(db) == EXPECTED


def test_without_a_report_the_tables_are_empty(sources, tmp_path):
    output = tmp_path / "site.db"
    build_database(*sources, output, tmp_path / "reports" / "accessibility.json")
    db = Database(output)
    assert db["accessibility_report"].count == 0
    assert queries.accessibility_report(db) is None


def test_the_report_is_part_of_the_build_id(sources, tmp_path):
    folder = tmp_path / "reports"
    without_report = build_database(*sources, tmp_path / "a.db")
    with_report = build_database(*sources, tmp_path / "b.db", write_report(folder))
    data = sample()
    data["axe_version"] = "4.14.2"
    newer = build_database(*sources, tmp_path / "c.db", write_report(folder, data))
    assert len({without_report, with_report, newer}) == 3


def test_a_broken_report_leaves_the_previous_database(sources, tmp_path):
    output = tmp_path / "site.db"
    report = write_report(tmp_path / "reports")
    build_database(*sources, output, report)
    before = output.read_bytes()
    report.write_text("{")
    with pytest.raises(BuildError, match=r"accessibility\.json:1: not valid JSON"):
        build_database(*sources, output, report)
    assert output.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.db")] == []
