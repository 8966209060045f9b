"""What a unit's and an organisation's TOML source share while the import
edits it: the document, the text it was read from, the header of a new
file, and setting a value without rewriting an equal one."""

from datetime import date
from pathlib import Path
from typing import Any, Self

import tomlkit
from tomlkit.toml_document import TOMLDocument

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
