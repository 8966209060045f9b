"""What a unit or an organisation was before: its [[history]] records, each a
change with its date and its source (db/content/README.md, "History").

    [[history]]
    date = 2025              # a day (2015-01-01), or a year when the source gives no day
    by = true                # the change happened no later than that: the source shows it then
    change = "renamed"
    earlier_name = "Bureau Algemene Bestuursdienst"
    earlier_abbreviation = "BABD"
    note = "…"               # one paragraph, translated
    source = ["organisatiebesluit-2023", "organisatiebesluit-2025"]

An ended unit may also say what followed it: `followed_by = "<unit id>"`,
with its source under [sources] (citations.py). Every mistake stops the
build with the file and line.
"""

from dataclasses import dataclass, replace
from datetime import date

from ..sourcefiles import SourceError
from .citations import FILE_NAME as CITATIONS_FILE
from .citations import Citation
from .fields import SourceText, check_table, table_texts
from .tomlfile import TomlFile

# Kept small on purpose: each is a sentence on the pages, in every language.
CHANGES = ("renamed", "merged", "split", "moved", "ended", "started")
HISTORY_FIELDS = {
    "date": "any", "by": "any", "change": "str", "earlier_name": "any",
    "earlier_abbreviation": "str", "note": "text", "source": "any",
}  # fmt: skip
HISTORY_REQUIRED = ("date", "change", "source")
FIRST_YEAR, LAST_YEAR = 1800, 2100


@dataclass(frozen=True)
class HistoryRecord:
    position: int  # its place among the file's [[history]] records
    day: date | None
    year: int  # the day's year, or the year the source gives without a day
    by: bool
    change: str  # CHANGES
    earlier_names: tuple[str, ...]  # kept as written; several for a merger
    earlier_abbreviation: str | None
    has_note: bool
    sources: tuple[str, ...]  # keys of sources.toml

    @property
    def date_text(self) -> str:
        """ "2015-01-01", or "2025" for a year without a day."""
        return self.day.isoformat() if self.day else str(self.year)

    @property
    def key(self) -> str:
        """What tells it apart among the owner's changes: stable while it says the same."""
        return f"{self.change}:{self.date_text}"


def read_history(
    source: TomlFile, owner: str, data: dict
) -> tuple[tuple[HistoryRecord, ...], list[SourceText]]:
    """The [[history]] records of a file, checked, and their notes as texts."""
    records, texts = [], []
    for index, item in enumerate(data.get("history", [])):
        fields = check_table(source, item, HISTORY_FIELDS, HISTORY_REQUIRED, "history", index)
        record = _record(source, fields, index)
        if any(earlier.key == record.key for earlier in records):
            message = f"a second {record.change!r} change on {record.date_text}"
            raise source.error(message, "change", "history", index)
        records.append(record)
        # Each note is a text of its own record: its position is the record's.
        notes = table_texts(source, owner, fields, HISTORY_FIELDS, "history", index)
        texts += [replace(text, position=index) for text in notes]
    _check_ended(source, data, records)
    return tuple(records), texts


def _record(source: TomlFile, fields: dict, index: int) -> HistoryRecord:
    def error(message: str, key: str) -> SourceError:
        return source.error(message, key, "history", index)

    when = fields["date"]
    if type(when) is date:
        day, year = when, when.year
    elif type(when) is int and FIRST_YEAR <= when <= LAST_YEAR:
        day, year = None, when
    else:
        raise error("date must be a day (2015-01-01, no quotes) or a year (2025)", "date")
    by = fields.get("by", False)
    if type(by) is not bool:
        raise error("by must be true or false", "by")
    change = fields["change"]
    if change not in CHANGES:
        raise error(f"unknown change {change!r}; use one of {', '.join(CHANGES)}", "change")
    names = _strings(fields.get("earlier_name", []))
    if names is None:
        raise error("earlier_name must be a name, or a list of names for a merger", "earlier_name")
    if change == "renamed" and len(names) != 1:
        raise error("a rename needs its earlier_name (one name)", "change")
    if "earlier_abbreviation" in fields and not names:
        raise error("earlier_abbreviation needs an earlier_name", "earlier_abbreviation")
    keys = _strings(fields["source"])
    if not keys:
        raise error(f"source must be a key of {CITATIONS_FILE}, or a list of them", "source")
    return HistoryRecord(
        position=index, day=day, year=year, by=by, change=change, earlier_names=names,
        earlier_abbreviation=fields.get("earlier_abbreviation"), has_note="note" in fields,
        sources=keys,
    )  # fmt: skip


def _strings(value: object) -> tuple[str, ...] | None:
    """A string or a list of strings, none empty, as a tuple; None for anything else."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        return None
    return tuple(values)


def _check_ended(source: TomlFile, data: dict, records: list[HistoryRecord]) -> None:
    """An "ended" record tells more of the file's own end: the same day, once."""
    for record in records:
        if record.change != "ended":
            continue
        if "ended" not in data:
            message = 'an "ended" change needs ended = <the day> at the top of the file'
            raise source.error(message, "change", "history", record.position)
        if record.day != data["ended"]:
            message = f"date must be the day the file says it ended ({data['ended']})"
            raise source.error(message, "date", "history", record.position)


def read_followed_by(source: TomlFile, data: dict) -> str | None:
    """What followed an ended unit, by id: only on a file that says it ended."""
    followed_by = data.get("followed_by")
    if followed_by is None:
        return None
    if "ended" not in data:
        raise source.error("followed_by is only for a unit that ended (ended = …)", "followed_by")
    return followed_by


def check_history_sources(
    source: TomlFile, records: tuple[HistoryRecord, ...], citations: dict[str, Citation]
) -> list[SourceError]:
    """Every key a [[history]] record cites is listed in sources.toml."""
    return [
        source.error(f"source {key!r} is not listed in {CITATIONS_FILE}", "source", "history", n)
        for n, record in enumerate(records)
        for key in record.sources
        if key not in citations
    ]


def check_followed_by(source: TomlFile, followed_by: str | None, ids: set[str]) -> list:
    """What followed a unit is a unit of the content."""
    if followed_by is None or followed_by in ids:
        return []
    return [source.error(f"followed_by names no unit: {followed_by!r}", "followed_by")]
