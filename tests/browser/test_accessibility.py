"""Every page in every language: axe-core at WCAG 2.2 AA plus best practices,
and the checks axe cannot make (checks.py). Each failure names the page, the
rule or check, the element and where to read more."""

import datetime
import sqlite3
import urllib.error
import urllib.request
import warnings

import pytest

from . import checks, exceptions
from .axe import PinnedAxe, describe
from .conftest import NOT_FOUND, sitemap_entries
from .report import simplify

pytestmark = pytest.mark.browser

# axe cannot tell whether these ids are unique where ARIA refers to them:
# treated as a violation, not as something to look at later.
MUST_DECIDE = {"duplicate-id-aria"}


class NeedsManualReview(UserWarning):
    """axe could not decide a rule on a page: a person must look."""


@pytest.fixture(scope="session")
def accepted() -> list[exceptions.AcceptedViolation]:
    return exceptions.load()


def test_the_sitemap_lists_every_page_in_every_language(pytestconfig, site_config, languages):
    entries = sitemap_entries(pytestconfig)
    with sqlite3.connect(site_config["DATABASE"]) as db:
        # The ministry's page is the overview; units with nothing but a name,
        # and units that ended, have no page in the sitemap. The chart and the
        # changes are two pages more; the organisations related to the ministry
        # that have not ended are theirs.
        listed = "SELECT COUNT(*) FROM units WHERE has_page AND ended IS NULL"
        units = db.execute(listed).fetchone()[0]
        pages = db.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        current = "SELECT COUNT(*) FROM organisations WHERE ended IS NULL"
        organisations = db.execute(current).fetchone()[0]
    expected = (units + pages + 2 + organisations) * len(languages)
    assert len(entries) == expected, (
        f"the sitemap lists {len(entries)} pages; this checkout's {units} units with a page,"
        f" {pages} pages, the chart, the changes and {organisations} organisations related"
        f" to the ministry in {len(languages)} languages make {expected}"
    )
    assert organisations, "the accessibility suite visits the organisations' pages too"
    paths = {entry["path"] for entry in entries}
    for entry in entries:
        alternates = entry["alternates"]
        assert set(alternates) == {*languages, "x-default"}, entry["path"]
        assert alternates[checks.url_language(entry["path"])] == entry["path"]
        for lang in languages:
            assert alternates[lang] in paths, f"{entry['path']}: twin {alternates[lang]} missing"
            assert alternates[lang].startswith(f"/{lang}/")
            twin = next(e for e in entries if e["path"] == alternates[lang])
            assert twin["alternates"] == alternates, f"{twin['path']} does not point back"


def test_no_accepted_violation_has_expired(accepted):
    assert exceptions.expired(accepted, datetime.date.today()) == []


def status_of(url: str) -> int:
    """The page's HTTP status, which the browser does not tell."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_axe_finds_no_violation(browser, base_url, page_path, report, accepted):
    url = base_url + page_path
    expected_status = 404 if page_path in NOT_FOUND.values() else 200
    assert status_of(url) == expected_status, f"{url}: not the page to check"
    browser.get(url)
    axe = PinnedAxe(browser)
    try:
        results = axe.run()
    except Exception as error:
        report.add_error(url, "axe", str(error))
        raise
    violations, incomplete = simplify(results["violations"]), simplify(results["incomplete"])
    report.add_axe(url, axe.version, violations, incomplete)
    problems = describe(url, exceptions.unexcused(violations, page_path, accepted))
    undecided = [item for item in incomplete if item["id"] in MUST_DECIDE]
    problems += describe(url, undecided, "cannot rule out")
    assert not problems, "\n".join(problems)
    for item in incomplete:
        if item["id"] not in MUST_DECIDE:
            warnings.warn(
                NeedsManualReview(f"{url}: {item['id']} ({item['help']}) — {item['helpUrl']}"),
                stacklevel=1,
            )


@pytest.mark.parametrize("check", checks.CHECKS)
def test_check(browser, base_url, page_path, report, dutch_texts, check):
    url = base_url + page_path
    try:
        if check == "language":
            problems = checks.language(browser, url, dutch_texts)
        else:
            problems = checks.CHECKS[check](browser, url)
    except Exception as error:
        report.add_error(url, check, str(error))
        raise
    report.add_check(url, check, problems)
    where = f"{url}: {check} ({checks.HELP[check]})"
    assert not problems, "\n".join(f"{where}: {problem}" for problem in problems)
