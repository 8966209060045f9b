"""The organisations that belong to the ministry without being part of it, for
the open data (bzksite/api/): all of them, or one, in every language at once,
texts as queries/export.py gives a unit's (only as written, never a fallback)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from ..records import RegisterSource, UnitContact
from .export import InLanguages, texts_in_languages
from .rows import contact_of, date_of, register_of

_ORGANISATIONS = "SELECT * FROM organisations ORDER BY id"


@dataclass(frozen=True)
class ExportOrganisation:
    id: str
    kind: str
    abbreviation: str | None
    ended: date | None
    register: RegisterSource | None
    register_type: str | None  # the register's type as it writes it: "Agentschap"
    contact: UnitContact | None
    texts: dict[str, list[InLanguages]]  # {field: [paragraph, ...]}

    def text(self, name: str) -> InLanguages | None:
        values = self.texts.get(name)
        return values[0] if values else None


def organisations(db: Database, languages: Sequence[str]) -> list[ExportOrganisation]:
    """Every organisation, ended ones too, by id, with its name."""
    rows = list(db.query(_ORGANISATIONS))
    ids = [row["id"] for row in rows]
    texts = texts_in_languages(db, languages, ids, ("name",), kind="organisation")
    return [_organisation(row, texts.get(row["id"], {})) for row in rows]


def organisation(
    db: Database, languages: Sequence[str], organisation_id: str
) -> ExportOrganisation | None:
    """One organisation with all its texts, or None when there is no such organisation."""
    rows = db.query("SELECT * FROM organisations WHERE id = ?", [organisation_id])
    row = next(rows, None)
    if row is None:
        return None
    texts = texts_in_languages(db, languages, [organisation_id], kind="organisation")
    return _organisation(row, texts.get(organisation_id, {}))


def _organisation(row: dict, texts: dict) -> ExportOrganisation:
    return ExportOrganisation(
        id=row["id"], kind=row["kind"], abbreviation=row["abbreviation"],
        ended=date_of(row["ended"]), register=register_of(row),
        register_type=row["register_type"], contact=contact_of(row["contact"]), texts=texts,
    )  # fmt: skip
