"""The pages from the content, the translation's date and the accessibility
statement's summary."""

import json
from datetime import date, datetime

from sqlite_utils import Database

from ..records import Page, ReportSummary, Section, ViolatedRule
from .texts import texts_of


def page(db: Database, lang: str, page_id: str) -> Page | None:
    """A page with its title, body and sections, or None when there is no such page."""
    if not list(db.query("SELECT id FROM pages WHERE id = ?", [page_id])):
        return None
    owner = f"page:{page_id}"
    page_texts = texts_of(db, lang, owner)
    headings = page_texts.get("sections_heading", [])
    paragraphs = page_texts.get("sections_paragraphs", [])
    sections = []
    start = 0
    rows = db.query("SELECT * FROM sections WHERE page = ? ORDER BY position", [page_id])
    for row in rows:
        end = start + row["paragraphs"]
        heading = headings[row["position"]]
        sections.append(Section(heading, paragraphs[start:end], row["include"]))
        start = end
    return Page(page_id, page_texts["title"][0], page_texts["body"], sections)


def translation_revised(db: Database, lang: str) -> date | None:
    """When `lang`'s translation was last brought up to date (None for the source language)."""
    rows = db.query("SELECT value FROM meta WHERE key = ?", [f"revised:{lang}"])
    row = next(rows, None)
    return date.fromisoformat(row["value"]) if row else None


def accessibility_report(db: Database) -> ReportSummary | None:
    """The summary of the last automated accessibility test, or None before the first."""
    rows = list(db.query("SELECT * FROM accessibility_report"))
    if not rows:
        return None
    row = rows[0]
    rules = tuple(
        ViolatedRule(
            rule=rule["rule"],
            impact=rule["impact"],
            help=rule["help"],
            help_url=rule["help_url"],
            criteria=tuple(json.loads(rule["criteria"])),
            pages=rule["pages"],
        )
        for rule in db.query("SELECT * FROM accessibility_rules ORDER BY position")
    )
    return ReportSummary(
        generated=datetime.fromisoformat(row["generated"]), axe_version=row["axe_version"],
        pages=row["pages"], languages=tuple(json.loads(row["languages"])),
        violations=row["violations"], needs_review=row["needs_review"],
        check_problems=row["check_problems"], rules=rules,
    )  # fmt: skip
