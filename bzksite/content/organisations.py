"""An organisation that belongs to the ministry without being part of it
(db/content/organisations/<id>.toml): an agency, an advisory body, an
independent body (ZBO), a committee. Its name and description are translated
texts, as a unit's; its contact data is checked as a unit's. The folder is
optional: content without organisations is complete."""

from dataclasses import dataclass
from datetime import date

from ..sourcefiles import SourceError
from .citations import ORGANISATION_FACTS, read_fact_sources
from .fields import REGISTER_FIELDS, REGISTER_REQUIRED, SourceText, check_table, table_texts
from .history import HistoryRecord, read_history
from .tomlfile import TomlFile
from .units import check_contact

KINDS = (
    "agency",
    "advisory-body",
    "independent-body",
    "external-committee",
    "interdepartmental-committee",
    "umbrella-organisation",
    "other",
)
FIELDS = {
    "id": "str", "kind": "str", "name": "text", "abbreviation": "str",
    "description": "paragraphs", "ended": "date", "contact": "table", "register": "table",
    "sources": "table", "history": "tables",
}  # fmt: skip
REQUIRED = ("id", "kind", "name")
# A unit's, and the register's type as it writes it ("Zelfstandig bestuursorgaan"),
# and the hash of the description while it is the register's (register/organisationfile.py).
ORGANISATION_REGISTER_FIELDS = {**REGISTER_FIELDS, "type": "str"}


@dataclass(frozen=True)
class Organisation:
    id: str
    kind: str
    abbreviation: str | None
    ended: date | None
    contact: dict | None  # CONTACT_FIELDS
    register: dict | None  # ORGANISATION_REGISTER_FIELDS
    described: bool
    source: TomlFile
    cited: dict[str, tuple[str, ...]]  # each fact it states: the keys of its sources
    history: tuple[HistoryRecord, ...] = ()  # what it was before (history.py)


def read_organisation(source: TomlFile) -> tuple[Organisation, list[SourceText]]:
    data = check_table(source, source.data, FIELDS, REQUIRED)
    if data["kind"] not in KINDS:
        raise source.error(f"unknown kind {data['kind']!r}; use one of {', '.join(KINDS)}", "kind")
    owner = f"organisation:{data['id']}"
    texts = table_texts(source, owner, data, FIELDS)
    history, history_texts = read_history(source, owner, data)
    organisation = Organisation(
        id=data["id"], kind=data["kind"], abbreviation=data.get("abbreviation"),
        ended=data.get("ended"), contact=check_contact(source, data),
        register=_register(source, data), described="description" in data, source=source,
        cited=read_fact_sources(source, data, ORGANISATION_FACTS), history=history,
    )  # fmt: skip
    return organisation, texts + history_texts


def check_organisations(organisations: list[Organisation]) -> list[SourceError]:
    """Every id once."""
    seen: dict[str, Organisation] = {}
    errors = []
    for organisation in organisations:
        first = seen.setdefault(organisation.id, organisation)
        if first is not organisation:
            where = f"{first.source.path.name}:{first.source.line_of('id')}"
            message = f"duplicate id {organisation.id!r}, also in {where}"
            errors.append(organisation.source.error(message, "id"))
    return errors


def _register(source: TomlFile, data: dict) -> dict | None:
    if "register" not in data:
        return None
    fields, required = ORGANISATION_REGISTER_FIELDS, REGISTER_REQUIRED
    register = check_table(source, data["register"], fields, required, "register")
    for key in ("url", "tooi"):
        if key in register and not register[key].startswith("https://"):
            raise source.error(f"{key} must start with https://", key, "register")
    return register
