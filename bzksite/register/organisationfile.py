"""One related organisation's TOML source (db/content/organisations/<id>.toml),
changed where the register says otherwise and kept byte for byte everywhere
else: comments, and an editor's own description.

The register owns kind, name, abbreviation, ended, [contact] and [register].
The description is the register's while [register] description_hash is the
hash of the paragraphs in the file: each import then writes the register's
current text (and removes it when the register has none). An editor who
changes those paragraphs makes the hash differ: the description is theirs
from then on, the import removes the hash and never touches the text again.
A file without a description gets the register's.
"""

from datetime import date
from typing import Any

import tomlkit

from .editedfile import EditedFile, contact_values, set_value
from .plaintext import paragraphs
from .records import RegisterUnit

# The register's type (compared case-insensitively) and our kind; any other type is "other".
KIND_OF_TYPE = {
    "agentschap": "agency",
    "adviescollege": "advisory-body",
    "zelfstandig bestuursorgaan": "independent-body",
    "externe commissie": "external-committee",
    "interdepartementale commissie": "interdepartmental-committee",
    "koepelorganisatie": "umbrella-organisation",
}


def kind_of(found: RegisterUnit) -> tuple[str, str | None]:
    """Our kind and the register's type it comes from (the first type we know)."""
    for register_type in found.types:
        if kind := KIND_OF_TYPE.get(register_type.casefold()):
            return kind, register_type
    return "other", (found.types[0] if found.types else None)


class OrganisationFile(EditedFile):
    def take(self, found: RegisterUnit, today: date, key: str) -> None:
        """Everything the register says of the organisation, with the export `key` as
        the source of each fact written, but the day of the import."""
        kind, register_type = kind_of(found)
        document = self.document
        set_value(document, "kind", kind)
        set_value(document, "name", found.name)
        if found.abbreviations:
            set_value(document, "abbreviation", found.abbreviations[0])
        if found.end_date is None or found.end_date <= today:
            # The register's end date replaces another; none reopens the organisation.
            set_value(document, "ended", found.end_date)
        contact = contact_values(found.contact)
        if not contact:
            document.pop("contact", None)
        elif dict(document.get("contact", {})) != contact:
            document["contact"] = _table(contact)
        if "register" not in document:
            document["register"] = tomlkit.table()
        register = document["register"]
        set_value(register, "systeem_id", found.systeem_id)
        set_value(register, "tooi", found.tooi)
        set_value(register, "url", found.url)
        set_value(register, "type", register_type)
        self.take_description(paragraphs(found.description), key)
        self.cite("organisation", key, alone=False)
        for fact in ("contact", "ended"):
            if fact in document:
                self.cite(fact, key)
            else:
                self.uncite(fact)

    def end(self, today: date, key: str) -> None:
        if "ended" not in self.document:
            set_value(self.document, "ended", today)
            self.cite("ended", key)


def _table(values: dict[str, Any]) -> Any:
    table = tomlkit.table()
    for key, value in values.items():
        table[key] = value
    return table
