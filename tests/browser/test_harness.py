"""The parts of the suite that need no browser: the exceptions file and the report."""

import datetime
import json

import pytest

from bzksite.store import BuildError
from bzksite.store.report import read_report
from tests.pagecheck import parse

from . import exceptions
from .report import Report

ENTRY = """
[[exception]]
rule = "color-contrast"
selector = ".site-header a"
url = "/en/*"
reason = "Being redesigned."
expires = {expires}
"""
VIOLATION = {
    "id": "color-contrast",
    "impact": "serious",
    "help": "Elements must meet minimum color contrast ratio thresholds",
    "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/color-contrast",
    "tags": ["cat.color", "wcag2aa", "wcag143"],
    "nodes": [
        {"target": ".site-header a", "html": "<a>", "summary": "low"},
        {"target": "main p", "html": "<p>", "summary": "low"},
    ],
}


def test_the_committed_exceptions_file_reads():
    assert isinstance(exceptions.load(), list)


def test_an_exception_accepts_only_its_rule_element_and_pages(tmp_path):
    path = tmp_path / "exceptions.toml"
    path.write_text(ENTRY.format(expires="2099-01-01"))
    entries = exceptions.load(path)
    remaining = exceptions.unexcused([VIOLATION], "/en/organisation/kiem/", entries)
    assert [node["target"] for node in remaining[0]["nodes"]] == ["main p"]
    assert exceptions.unexcused([VIOLATION], "/nl/", entries) == [VIOLATION]
    other_rule = {**VIOLATION, "id": "link-name"}
    assert exceptions.unexcused([other_rule], "/en/", entries) == [other_rule]


def test_an_expired_exception_is_reported_with_its_line(tmp_path):
    path = tmp_path / "exceptions.toml"
    path.write_text(ENTRY.format(expires="2026-01-31"))
    entries = exceptions.load(path)
    assert exceptions.expired(entries, datetime.date(2026, 1, 31)) == []
    assert exceptions.expired(entries, datetime.date(2026, 2, 1)) == [
        "exceptions.toml:3: the exception for color-contrast on .site-header a (/en/*)"
        " expired on 2026-01-31"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("expires = 2099-01-01", 'expires = "soon"'), "'expires' is missing or not a date"),
        (('reason = "Being redesigned."', ""), "'reason' is missing"),
        (('url = "/en/*"', 'url = "/en/*"\npage = "x"'), "unknown field 'page'"),
        (('selector = ".site-header a"', 'selector = " "'), "'selector' is missing or not a str"),
    ],
)
def test_a_bad_exception_names_file_and_line(tmp_path, change, message):
    path = tmp_path / "exceptions.toml"
    path.write_text(ENTRY.format(expires="2099-01-01").replace(*change))
    with pytest.raises(BuildError, match=f"exceptions.toml:3: .*{message}"):
        exceptions.load(path)


def test_the_report_groups_by_rule_criterion_and_page_per_language(tmp_path):
    report = Report("http://127.0.0.1:8000", ["nl", "en"])
    report.add_axe("http://127.0.0.1:8000/en/", "4.14.1", [VIOLATION], [])
    report.add_check("http://127.0.0.1:8000/en/", "reflow", [])
    report.add_axe("http://127.0.0.1:8000/nl/", "4.14.1", [], [{**VIOLATION, "id": "x-review"}])
    json_path, html_path = report.write(tmp_path)

    data = json.loads(json_path.read_text())
    assert data["axe_version"] == "4.14.1" and data["languages"] == ["nl", "en"]
    assert [(p["lang"], len(p["violations"])) for p in data["pages"]] == [("en", 1), ("nl", 0)]

    page = parse("report", html_path.read_text())
    text = "".join(page.root.itertext())
    assert "do not replace an evaluation by an expert following WCAG-EM" in text
    sections = {s.get("aria-labelledby"): "".join(s.itertext()) for s in page.all("section")}
    assert "color-contrast" in sections["lang-en"] and "1.4.3" in sections["lang-en"]
    assert "color-contrast" not in sections["lang-nl"] and "x-review" in sections["lang-nl"]


def test_the_build_reads_what_the_report_writes(tmp_path):
    report = Report("http://127.0.0.1:8000", ["nl", "en"])
    for path in ("/nl/", "/en/"):
        report.add_axe(f"http://127.0.0.1:8000{path}", "4.14.1", [VIOLATION], [])
        report.add_check(f"http://127.0.0.1:8000{path}", "reflow", ["too wide"])
    json_path, _ = report.write(tmp_path)
    summary = read_report(json_path)
    assert (summary.pages, summary.violations, summary.check_problems) == (2, 2, 2)
    assert [(rule.rule, rule.pages, rule.criteria) for rule in summary.rules] == [
        ("color-contrast", 2, ("1.4.3",))
    ]


def test_a_page_a_detector_could_not_check_is_not_called_tested(tmp_path):
    report = Report("http://127.0.0.1:8000", ["nl"])
    report.add_axe("http://127.0.0.1:8000/nl/", "4.14.1", [], [])
    report.add_check("http://127.0.0.1:8000/nl/privacy/", "reflow", [])  # axe failed here
    report.add_axe("http://127.0.0.1:8000/nl/x/", "4.14.1", [], [])
    report.add_error("http://127.0.0.1:8000/nl/x/", "keyboard", "session lost")
    data = report.data()
    assert [page["url"] for page in data["pages"]] == ["http://127.0.0.1:8000/nl/"]
    assert [page["url"] for page in data["not_tested"]] == [
        "http://127.0.0.1:8000/nl/privacy/",
        "http://127.0.0.1:8000/nl/x/",
    ]
    json_path, _ = report.write(tmp_path)
    assert read_report(json_path).pages == 1


def test_no_report_is_written_when_axe_checked_nothing(tmp_path):
    report = Report("http://127.0.0.1:8000", ["nl"])
    report.add_check("http://127.0.0.1:8000/nl/", "reflow", [])
    assert report.write(tmp_path / "reports") == []
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("exception = 3", "exceptions.toml:1: write each entry as"),
        ('exception = ["a"]', "exceptions.toml:1: write each entry as"),
        ('[[exceptions]]\nrule = "x"', "exceptions.toml:1: unknown table 'exceptions'"),
        ("[[exception]\n", "exceptions.toml:1: TOML syntax error"),
    ],
)
def test_a_malformed_exceptions_file_names_file_and_line(tmp_path, text, message):
    path = tmp_path / "exceptions.toml"
    path.write_text(text)
    with pytest.raises(BuildError, match=message):
        exceptions.load(path)
