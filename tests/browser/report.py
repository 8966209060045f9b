"""The accessibility report: what axe and the checks found, page by page,
written as JSON (read by `make db` for the accessibility statement) and as
HTML for people, grouped by rule, WCAG success criterion and page, per language."""

import datetime
import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bzksite.store.report import criteria

from .axe import TAGS
from .checks import url_language


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def simplify(results: list[dict]) -> list[dict]:
    """axe's results for one page, with what the report needs of each element."""
    return [
        {
            "id": rule["id"],
            "impact": rule.get("impact"),
            "help": rule["help"],
            "helpUrl": rule["helpUrl"],
            "tags": rule["tags"],
            "nodes": [
                {
                    "target": " ".join(map(str, node["target"])),
                    "html": node.get("html", ""),
                    "summary": node.get("failureSummary") or "",
                }
                for node in rule["nodes"]
            ],
        }
        for rule in results
    ]


class Report:
    def __init__(self, base_url: str, languages: list[str]) -> None:
        self.base_url = base_url
        self.languages = languages
        self.axe_version: str | None = None
        self.pages: dict[str, dict] = {}

    def page(self, url: str) -> dict:
        return self.pages.setdefault(
            url,
            {"url": url, "lang": url_language(url), "time": now(), "axe_version": None,
             "violations": [], "incomplete": [], "checks": [], "errors": []},
        )  # fmt: skip

    def add_axe(self, url: str, version: str, violations: list[dict], incomplete: list[dict]):
        self.axe_version = version
        page = self.page(url)
        page.update(time=now(), axe_version=version, violations=violations, incomplete=incomplete)

    def add_check(self, url: str, check: str, problems: list[str]) -> None:
        self.page(url)["checks"].append({"check": check, "problems": problems})

    def add_error(self, url: str, detector: str, message: str) -> None:
        """A detector that could not run: the page is not counted as tested."""
        self.page(url)["errors"].append({"detector": detector, "error": message})

    def data(self) -> dict:
        """Pages axe did not check, or where a detector failed to run, are listed
        apart as not tested: a report must not call them clean."""
        pages = sorted(self.pages.values(), key=lambda p: (p["lang"], p["url"]))
        tested = [p for p in pages if p["axe_version"] and not p["errors"]]
        return {
            "generated": now(),
            "base_url": self.base_url,
            "axe_version": self.axe_version,
            "tags": TAGS,
            "languages": self.languages,
            "pages": tested,
            "not_tested": [
                {
                    "url": p["url"],
                    "errors": p["errors"] or [{"detector": "axe", "error": "not run"}],
                }
                for p in pages
                if p not in tested
            ],
        }

    def write(self, folder: Path) -> list[Path]:
        """Write both reports; nothing when axe checked no page at all."""
        data = self.data()
        if not data["pages"]:
            return []
        folder.mkdir(parents=True, exist_ok=True)
        json_path, html_path = folder / "accessibility.json", folder / "accessibility.html"
        json_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        html_path.write_text(render_html(data))
        return [json_path, html_path]


def render_html(data: dict) -> str:
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    languages = [_by_language(data, lang) for lang in data["languages"]]
    return environment.get_template("report.html").render(data=data, languages=languages)


def _by_language(data: dict, lang: str) -> dict:
    pages = [page for page in data["pages"] if page["lang"] == lang]
    rules: dict[str, dict] = {}
    by_criterion: dict[str, set[str]] = defaultdict(set)
    review: dict[str, dict] = {}
    for page in pages:
        path = urlsplit(page["url"]).path
        for violation in page["violations"]:
            rule = rules.setdefault(
                violation["id"], {**violation, "criteria": criteria(violation["tags"]), "pages": {}}
            )
            rule["pages"][path] = [node["target"] for node in violation["nodes"]]
            for criterion in criteria(violation["tags"]) or ("best practice",):
                by_criterion[criterion].add(violation["id"])
        for item in page["incomplete"]:
            entry = review.setdefault(item["id"], {**item, "pages": {}})
            entry["pages"][path] = [node["target"] for node in item["nodes"]]
    return {
        "lang": lang,
        "name": Locale.parse(lang).get_display_name("en"),
        "pages": [{**page, "path": urlsplit(page["url"]).path} for page in pages],
        "rules": sorted(rules.values(), key=lambda rule: rule["id"]),
        "criteria": sorted((c, sorted(ids)) for c, ids in by_criterion.items()),
        "review": sorted(review.values(), key=lambda item: item["id"]),
        "violations": sum(len(page["violations"]) for page in pages),
        "check_problems": sum(len(c["problems"]) for page in pages for c in page["checks"]),
    }
