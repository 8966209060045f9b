"""The changes to the organisation, from the content's own records: each
unit's and organisation's end (`ended`, with its [sources] ended) and each
[[history]] record (content/history.py). Nothing from git, nothing guessed.

A change's key names what it is ("unit:dgabd:renamed:2025"): the same record
gives the same key in every build, which the Atom feed's entry ids rest on.
"""

import json
from collections.abc import Iterator

from ..content.history import HistoryRecord
from ..content.organisations import Organisation
from ..content.sources import Sources
from ..content.units import Unit


def change_rows(sources: Sources) -> Iterator[tuple[dict, list[dict]]]:
    """Each change as a row of `changes`, with its rows of `change_sources`."""
    owners: list[tuple[str, Unit | Organisation]] = [
        *((f"unit:{unit.id}", unit) for unit in sources.units),
        *((f"organisation:{item.id}", item) for item in sources.organisations),
    ]
    for owner, item in owners:
        ended_record = next((r for r in item.history if r.change == "ended"), None)
        for record in item.history:
            if record is not ended_record:
                yield _history_row(owner, item.abbreviation, record)
        if item.ended is not None:
            yield _ended_row(owner, item, ended_record)


def _history_row(
    owner: str, abbreviation: str | None, record: HistoryRecord
) -> tuple[dict, list[dict]]:
    key = f"{owner}:{record.key}"
    row = {
        "key": key,
        "owner": owner,
        "unit": owner.removeprefix("unit:") if owner.startswith("unit:") else None,
        "abbreviation": abbreviation,
        "date": record.date_text,
        "by_date": record.by,
        "change": record.change,
        "earlier_names": json.dumps(record.earlier_names, ensure_ascii=False),
        "earlier_abbreviation": record.earlier_abbreviation,
        "followed_by": None,
        "note": record.position if record.has_note else None,
    }
    return row, _cited(key, record.sources)


def _ended_row(
    owner: str, item: Unit | Organisation, record: HistoryRecord | None
) -> tuple[dict, list[dict]]:
    """The end the file states, told more by its "ended" record when it has one."""
    abbreviation = item.abbreviation
    key = f"{owner}:ended:{item.ended.isoformat()}"
    keys = [*item.cited.get("ended", ()), *(record.sources if record else ())]
    row = {
        "key": key,
        "owner": owner,
        "unit": owner.removeprefix("unit:") if owner.startswith("unit:") else None,
        "abbreviation": abbreviation,
        "date": item.ended.isoformat(),
        "by_date": bool(record and record.by),
        "change": "ended",
        "earlier_names": json.dumps(record.earlier_names if record else (), ensure_ascii=False),
        "earlier_abbreviation": record.earlier_abbreviation if record else None,
        "followed_by": getattr(item, "followed_by", None),
        "note": record.position if record and record.has_note else None,
    }
    return row, _cited(key, list(dict.fromkeys(keys)))


def _cited(key: str, keys: tuple[str, ...] | list[str]) -> list[dict]:
    return [{"change": key, "position": n, "citation": c} for n, c in enumerate(keys)]
