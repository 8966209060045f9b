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

import hashlib
import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.toml_document import TOMLDocument

from .records import REGISTER_NAME, RegisterUnit

_NEW_FILE = f"From the {REGISTER_NAME} (CC0), written by make import-register."
# The register's type (compared case-insensitively) and our kind; any other type is "other".
KIND_OF_TYPE = {
    "agentschap": "agency",
    "adviescollege": "advisory-body",
    "zelfstandig bestuursorgaan": "independent-body",
    "externe commissie": "external-committee",
    "interdepartementale commissie": "interdepartmental-committee",
    "koepelorganisatie": "umbrella-organisation",
}
_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|br|div|li|ul|ol|h[1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_LEFT_OPEN = re.compile(r"<(?=\s*/?\s*[a-zA-Z!])")
# The register's texts lost their paragraph breaks: "…rechtspraak.Het AcICT…".
# A sentence's end glued to a capital is taken for one ("GBO.Overheid" is not).
_GLUED = re.compile(r"(?<=[a-z0-9)][.!?])(?=[A-Z])")


def kind_of(found: RegisterUnit) -> tuple[str, str | None]:
    """Our kind and the register's type it comes from (the first type we know)."""
    for register_type in found.types:
        if kind := KIND_OF_TYPE.get(register_type.casefold()):
            return kind, register_type
    return "other", (found.types[0] if found.types else None)


def paragraphs(text: str | None) -> list[str]:
    """The register's text as the content checks accept it: plain text, one
    paragraph per string, whitespace collapsed, markup dropped."""
    if not text:
        return []
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    text = _GLUED.sub("\n", _LEFT_OPEN.sub("", text))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def description_hash(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


class OrganisationFile:
    def __init__(self, path: Path, document: TOMLDocument, original: str) -> None:
        self.path = path
        self.document = document
        self.original = original

    @classmethod
    def open(cls, path: Path) -> "OrganisationFile":
        text = path.read_text(encoding="utf-8")
        return cls(path, tomlkit.parse(text), text)

    @classmethod
    def new(cls, path: Path, organisation_id: str) -> "OrganisationFile":
        document = tomlkit.document()
        document.add(tomlkit.comment(_NEW_FILE))
        document["id"] = organisation_id
        return cls(path, document, "")

    @property
    def changed(self) -> bool:
        return tomlkit.dumps(self.document) != self.original

    def take(self, found: RegisterUnit, today: date) -> None:
        """Everything the register says of the organisation, but the day of the import."""
        kind, register_type = kind_of(found)
        document = self.document
        _set(document, "kind", kind)
        _set(document, "name", " ".join(found.name.split()))
        if found.abbreviations:
            _set(document, "abbreviation", found.abbreviations[0])
        owned = self._take_description(paragraphs(found.description))
        if found.end_date and found.end_date <= today and "ended" not in document:
            _set(document, "ended", found.end_date)
        contact = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in vars(found.contact).items()
            if value
        }
        if not contact:
            document.pop("contact", None)
        elif dict(document.get("contact", {})) != contact:
            document["contact"] = _table(contact)
        if "register" not in document:
            document["register"] = tomlkit.table()
        register = document["register"]
        _set(register, "systeem_id", found.systeem_id)
        _set(register, "tooi", found.tooi)
        _set(register, "url", found.url)
        _set(register, "type", register_type)
        _set(register, "description_hash", owned)

    def _take_description(self, lines: list[str]) -> str | None:
        """Write the register's paragraphs where the description is the
        register's or missing; the hash of what was written, None when the
        description is the editor's."""
        current = self.document.get("description")
        recorded = self.document.get("register", {}).get("description_hash")
        if current is not None and description_hash(list(current)) != recorded:
            return None
        if not lines:
            self.document.pop("description", None)
            return None
        if current != lines:
            array = tomlkit.array()
            for line in lines:
                array.add_line(line, indent="  ")
            array.add_line(indent="")
            self.document["description"] = array
        return description_hash(lines)

    def end(self, today: date) -> None:
        if "ended" not in self.document:
            self.document["ended"] = today

    def text(self, today: date) -> str:
        """The file as it will be written: dated with `today` when it changed."""
        if self.changed and "register" in self.document:
            self.document["register"]["imported"] = today
        return tomlkit.dumps(self.document)


def _table(values: dict[str, Any]) -> Any:
    table = tomlkit.table()
    for key, value in values.items():
        table[key] = value
    return table


def _set(table: Any, key: str, value: Any) -> None:
    """Set `key` to `value` (None: remove it), leaving an equal value as written."""
    if value is None:
        table.pop(key, None)
    elif table.get(key) != value:
        table[key] = value
