"""What a unit's and an organisation's TOML source share while the import
edits it: the document, the text it was read from, the header of a new
file, and setting a value without rewriting an equal one."""

import hashlib
from datetime import date
from pathlib import Path
from typing import Any, Self

import tomlkit
from tomlkit.toml_document import TOMLDocument

from .citationfile import cited_with
from .records import REGISTER_NAME, Contact
from .tomlplaces import attach_comments, set_key

NEW_FILE = f"From the {REGISTER_NAME} (CC0), written by make import-register."


class EditedFile:
    def __init__(self, path: Path, document: TOMLDocument, original: str) -> None:
        self.path = path
        self.document = document
        self.original = original

    @classmethod
    def open(cls, path: Path) -> Self:
        """The file as written, each comment above a table kept with it (tomlplaces.py)."""
        text = path.read_text(encoding="utf-8")
        document = tomlkit.parse(text)
        attach_comments(document)
        return cls(path, document, text)

    @classmethod
    def new(cls, path: Path, file_id: str) -> Self:
        document = tomlkit.document()
        document.add(tomlkit.comment(NEW_FILE))
        document["id"] = file_id
        return cls(path, document, "")

    @property
    def changed(self) -> bool:
        return tomlkit.dumps(self.document) != self.original

    def cite(self, fact: str, key: str, alone: bool = True) -> None:
        """Name the export `key` under [sources] as the source of `fact`: `alone`, or in
        place of an export of another day beside the editors' sources."""
        sources = self.document.get("sources")
        value = key if alone else cited_with(sources.get(fact) if sources else None, key)
        if sources is None:
            self.add_table("sources", {fact: value})
        elif sources.get(fact) != value:
            set_key(sources, fact, value)

    def uncite(self, fact: str) -> None:
        """The fact is gone from the file, and so is its source."""
        sources = self.document.get("sources")
        if sources is not None and fact in sources:
            del sources[fact]

    def add_table(self, name: str, values: dict[str, Any]) -> None:
        self.document[name] = _table(values)

    def take_description(self, lines: list[str], key: str) -> None:
        """Write the register's paragraphs where the description is the
        register's or missing, with the hash of what was written; an editor's
        description (its paragraphs no longer match the hash) is left alone."""
        register = self.document.get("register", {})
        current = self.document.get("description")
        if current is not None and description_hash(list(current)) != register.get(
            "description_hash"
        ):
            if "description_hash" in register:
                del register["description_hash"]
            return
        if not lines:
            self.document.pop("description", None)
            self.uncite("description")
            if "description_hash" in register:
                del register["description_hash"]
            return
        if current != lines:
            array = tomlkit.array()
            for line in lines:
                array.add_line(line, indent="  ")
            array.add_line(indent="")
            set_key(self.document, "description", array)
        self.cite("description", key)
        if "register" in self.document:
            set_value(self.document["register"], "description_hash", description_hash(lines))

    def text(self, today: date) -> str:
        """The file as it will be written: dated with `today` when it changed."""
        if self.changed and "register" in self.document:
            set_key(self.document["register"], "imported", today)
        return tomlkit.dumps(self.document)


def set_value(table: Any, key: str, value: Any) -> None:
    """Set `key` to `value` (None: remove it), leaving an equal value as written."""
    if value is None:
        if key in table:
            del table[key]
    elif table.get(key) != value:
        set_key(table, key, value)


def contact_values(contact: Contact) -> dict[str, Any]:
    """The contact data as a [contact] table holds it: only what is there, lines as lists."""
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in vars(contact).items()
        if value
    }


def description_hash(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def _table(values: dict[str, Any]) -> Any:
    table = tomlkit.table()
    for key, value in values.items():
        table[key] = value
    return table
