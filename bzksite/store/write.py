"""Write the site database: a new file, swapped in only when it is complete."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..content.sources import Sources
from ..content.tree import standings
from ..outputfiles import new_file, swap_in
from ..records import SOURCE_LANGUAGE, ReportSummary
from .changes import change_rows
from .schema import create_tables
from .search import write_search_index
from .translations import Translation, Translations


def write_database(
    output: Path,
    sources: Sources,
    translations: Translations,
    report: ReportSummary | None,
    build_id: str,
) -> None:
    """Build the database beside `output`, then replace `output` in one rename.

    Readers that opened the old file keep reading it; the next connection
    sees the new one. A failure leaves the old file as it was, and one of
    the disk's (full, read-only) is a BuildError naming `output`.
    """
    with new_file(output) as temporary:
        _write(temporary, sources, translations, report, build_id)
        swap_in(temporary, output)


def _write(
    path: Path,
    sources: Sources,
    translations: Translations,
    report: ReportSummary | None,
    build_id: str,
) -> None:
    db = Database(path)
    try:
        create_tables(db)
        _fill(db, sources, translations, build_id)
        if report is not None:
            _fill_report(db, report)
    finally:
        db.close()


def _fill(db: Database, sources: Sources, translations: Translations, build_id: str) -> None:
    db["meta"].insert({"key": "build_id", "value": build_id})
    # When each language was last brought up to date, where that is recorded.
    db["meta"].insert_all(
        {"key": f"revised:{language}", "value": revised.isoformat()}
        for language, revised in translations.revised.items()
        if revised is not None
    )
    db["units"].insert_all(_unit_rows(sources))
    db["organisations"].insert_all(_organisation_rows(sources))
    db["related"].insert_all(
        {"unit": unit.id, "position": item.position, "kind": item.kind, "url": item.url}
        for unit in sources.units
        for item in unit.related
    )
    db["citations"].insert_all(
        {"key": c.key, "title": c.title, "publisher": c.publisher, "url": c.url,
         "published": c.published, "evidence": c.evidence}
        for c in sources.citations.values()
    )  # fmt: skip
    db["fact_sources"].insert_all(_fact_source_rows(sources))
    for change, cited in change_rows(sources):
        db["changes"].insert(change)
        db["change_sources"].insert_all(cited)
    db["pages"].insert_all({"id": page.id} for page in sources.pages)
    db["sections"].insert_all(
        {
            "page": page.id,
            "position": section.position,
            "paragraphs": section.paragraphs,
            "include": section.include,
        }
        for page in sources.pages
        for section in page.sections
    )
    db["texts"].insert_all(_text_rows(sources, translations.texts))
    write_search_index(db)


def _unit_rows(sources: Sources) -> Iterator[dict]:
    standing = standings(sources.units)
    ministry = next(unit.id for unit in sources.units if unit.kind == "ministry")
    for unit in sources.units:
        register = unit.register or {}
        # Directly under the ministry, where the decree does not put it.
        beside = bool(sources.decree) and unit.parent == ministry and unit.id not in sources.decree
        yield {
            "id": unit.id,
            "kind": unit.kind,
            "parent": unit.parent,
            "order": unit.order,
            "abbreviation": unit.abbreviation,
            "director": unit.director,
            "director_since": _iso(unit.director_since),
            "ended": _iso(standing[unit.id].ended),
            "has_page": standing[unit.id].has_page,
            "contact": json.dumps(unit.contact, ensure_ascii=False) if unit.contact else None,
            "systeem_id": register.get("systeem_id"),
            "tooi": register.get("tooi"),
            "register_url": register.get("url"),
            "imported": _iso(register.get("imported")),
            "beside_decree": beside,
        }


def _organisation_rows(sources: Sources) -> Iterator[dict]:
    for organisation in sources.organisations:
        register = organisation.register or {}
        contact = organisation.contact
        yield {
            "id": organisation.id,
            "kind": organisation.kind,
            "abbreviation": organisation.abbreviation,
            "ended": _iso(organisation.ended),
            "contact": json.dumps(contact, ensure_ascii=False) if contact else None,
            "systeem_id": register.get("systeem_id"),
            "tooi": register.get("tooi"),
            "register_url": register.get("url"),
            "register_type": register.get("type"),
            "imported": _iso(register.get("imported")),
        }


def _fact_source_rows(sources: Sources) -> Iterator[dict]:
    owners = [*((f"unit:{u.id}", u) for u in sources.units),
              *((f"organisation:{o.id}", o) for o in sources.organisations)]  # fmt: skip
    for owner, item in owners:
        for fact, keys in item.cited.items():
            for position, key in enumerate(keys):
                yield {"owner": owner, "fact": fact, "position": position, "citation": key}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _fill_report(db: Database, report: ReportSummary) -> None:
    db["accessibility_report"].insert(
        {
            "generated": report.generated.isoformat(),
            "axe_version": report.axe_version,
            "pages": report.pages,
            "languages": json.dumps(report.languages),
            "violations": report.violations,
            "needs_review": report.needs_review,
            "check_problems": report.check_problems,
        }
    )
    db["accessibility_rules"].insert_all(
        {
            "position": position,
            "rule": rule.rule,
            "impact": rule.impact,
            "help": rule.help,
            "help_url": rule.help_url,
            "criteria": json.dumps(rule.criteria),
            "pages": rule.pages,
        }
        for position, rule in enumerate(report.rules)
    )


def _text_rows(sources: Sources, translations: dict[str, dict]) -> Iterator[dict]:
    for text in sources.texts:
        row = {"owner": text.owner, "field": text.field, "position": text.position}
        yield {**row, "lang": SOURCE_LANGUAGE, "text": text.text, "state": "source"}
        for language, by_text in translations.items():
            translation: Translation = by_text[text]
            yield {**row, "lang": language, "text": translation.text, "state": translation.state}
