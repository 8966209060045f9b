"""Read the summary of the last automated accessibility test for the statement.

The accessibility suite (`make a11y-report`) writes reports/accessibility.json:
axe-core's violations and undecided ("incomplete") results and the findings
of the site's own checks, page by page. The build keeps only what the
accessibility statement shows. A missing file is allowed (no test has been
committed yet); a broken one fails the build, naming the file and the line
or the missing key.
"""

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from ..records import ReportSummary, ViolatedRule
from ..sourcefiles import BuildError, SourceError
from .jsonfile import JsonFile

IMPACTS = ("critical", "serious", "moderate", "minor")  # axe's order, most severe first
_CRITERION = re.compile(r"^wcag(\d)(\d)(\d+)$")


def criteria(tags: list[str]) -> tuple[str, ...]:
    """WCAG success criteria from axe's tags: "wcag111" -> "1.1.1", "wcag1410" -> "1.4.10"."""
    return tuple(".".join(match.groups()) for match in map(_CRITERION.match, tags) if match)


def read_report(path: Path | None) -> ReportSummary | None:
    """The summary of the report at `path`; None when there is no such file."""
    if path is None or not path.exists():
        return None
    try:
        return _summary(JsonFile(path))
    except SourceError as error:
        raise BuildError([error]) from None


def _summary(report: JsonFile) -> ReportSummary:
    data = report.data
    generated = report.get(data, "generated", str)
    try:
        generated_at = datetime.fromisoformat(generated)
    except ValueError:
        raise report.error(f"'generated' is not an ISO 8601 date and time: {generated!r}") from None
    axe_version = report.get(data, "axe_version", str)
    languages = report.get(data, "languages", list)
    if not all(isinstance(code, str) and _is_locale(code) for code in languages):
        raise report.error(f"'languages' must be a list of language codes: {languages!r}")
    violations = needs_review = check_problems = 0
    found: dict[str, ViolatedRule] = {}
    urls: dict[str, set[str]] = {}
    pages = report.items(data, "pages")
    for where, page in pages:
        url = report.get(page, "url", str, where)
        if page.get("axe_version") is None:
            raise report.error(f"{where}: axe did not check {url}; run make a11y-report again")
        for place, item in report.items(page, "violations", where):
            rule = _rule(report, item, place)
            first = found.setdefault(rule.rule, rule)
            found[rule.rule] = replace(first, impact=_most_severe(first.impact, rule.impact))
            urls.setdefault(rule.rule, set()).add(url)
            violations += 1
        for place, item in report.items(page, "incomplete", where):
            report.get(item, "id", str, place)
            needs_review += 1
        for place, check in report.items(page, "checks", where):
            report.get(check, "check", str, place)
            check_problems += len(report.get(check, "problems", list, place))
    violated = sorted(
        (replace(rule, pages=len(urls[rule.rule])) for rule in found.values()),
        key=lambda rule: (_severity(rule.impact), -rule.pages, rule.rule),
    )
    return ReportSummary(
        generated=generated_at, axe_version=axe_version, pages=len(pages),
        languages=tuple(languages), violations=violations, needs_review=needs_review,
        check_problems=check_problems, rules=tuple(violated),
    )  # fmt: skip


def _rule(report: JsonFile, item: Any, where: str) -> ViolatedRule:
    """One violated rule on one page (pages is counted over all pages later)."""
    impact = report.get(item, "impact", (str, type(None)), where)
    if impact is not None and impact not in IMPACTS:
        raise report.error(f"{where}: unknown impact {impact!r}; axe has {', '.join(IMPACTS)}")
    help_url = report.get(item, "helpUrl", str, where)
    if not help_url.startswith("https://"):
        raise report.error(f"{where}: 'helpUrl' must start with https://")
    tags = report.get(item, "tags", list, where)
    if not all(isinstance(tag, str) for tag in tags):
        raise report.error(f"{where}: 'tags' must be a list of strings")
    report.get(item, "nodes", list, where)
    return ViolatedRule(
        rule=report.get(item, "id", str, where),
        impact=impact,
        help=report.get(item, "help", str, where),
        help_url=help_url,
        criteria=criteria(tags),
        pages=0,
    )


def _severity(impact: str | None) -> int:
    return IMPACTS.index(impact) if impact in IMPACTS else len(IMPACTS)


def _most_severe(first: str | None, second: str | None) -> str | None:
    return first if _severity(first) <= _severity(second) else second


def _is_locale(code: str) -> bool:
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True
