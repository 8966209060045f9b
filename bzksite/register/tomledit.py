"""One unit's TOML source, changed where the register says otherwise and kept
byte for byte everywhere else: comments, descriptions, related items.

The tables the register fills go after the top-level keys, in the order of
REGISTER_TABLES and before any other table (an editor's [[related]] items),
so a file reads from its name and place to what the register says of it to
what editors add; comments stay with what they are above (tomlplaces.py)."""

from datetime import date
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.toml_document import TOMLDocument

from .records import REGISTER_NAME, RegisterUnit
from .tomlplaces import add_table, attach_comments, set_key
from .units import register_page

REGISTER_TABLES = ("director", "contact", "register")
_NEW_FILE = f"From the {REGISTER_NAME} (CC0), written by make import-register."


class UnitFile:
    def __init__(self, path: Path, document: TOMLDocument, original: str) -> None:
        self.path = path
        self.document = document
        self.original = original

    @classmethod
    def open(cls, path: Path) -> "UnitFile":
        text = path.read_text(encoding="utf-8")
        document = tomlkit.parse(text)
        attach_comments(document)
        return cls(path, document, text)

    @classmethod
    def new(cls, path: Path, unit_id: str) -> "UnitFile":
        document = tomlkit.document()
        document.add(tomlkit.comment(_NEW_FILE))
        document["id"] = unit_id
        return cls(path, document, "")

    @staticmethod
    def register_name(found: RegisterUnit) -> str:
        """The register names a ministry without "Ministerie van"; the site with."""
        is_ministry = any(kind.casefold() == "ministerie" for kind in found.types)
        if is_ministry and not found.name.startswith("Ministerie"):
            return f"Ministerie van {found.name}"
        return found.name

    @property
    def changed(self) -> bool:
        return tomlkit.dumps(self.document) != self.original

    def set_place(self, parent_id: str | None, kind: str, order: int | None = None) -> None:
        self._set(self.document, "kind", kind)
        self._set(self.document, "parent", parent_id)
        if order is not None:
            self._set(self.document, "order", order)

    def take(self, found: RegisterUnit) -> None:
        """What the register says of the unit but its place, name, abbreviation and end,
        which the importer decides (the decree's top level keeps its own)."""
        if found.head:
            head = {"role": found.head.role, "name": found.head.name, "since": found.head.since}
            self._update("director", head)
        contact = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in vars(found.contact).items()
            if value
        }
        if contact:
            self._update("contact", contact, only=True)
        elif "contact" in self.document:
            del self.document["contact"]
        url = found.url or register_page(found.systeem_id, found.name)
        ids = {"systeem_id": found.systeem_id, "tooi": found.tooi, "url": url}
        self._update("register", ids)

    def set_name(self, name: str) -> None:
        self._set(self.document, "name", name)

    def set_abbreviation(self, abbreviation: str) -> None:
        self._set(self.document, "abbreviation", abbreviation)

    def set_ended(self, ended: date | None) -> None:
        self._set(self.document, "ended", ended)

    def text(self, today: date) -> str:
        """The file as it will be written: dated with `today` when it changed."""
        if self.changed and "register" in self.document:
            set_key(self.document["register"], "imported", today)
        return tomlkit.dumps(self.document)

    def _update(self, name: str, values: dict[str, Any], only: bool = False) -> None:
        """Set the keys of table `name` to `values`; with `only`, remove any other key."""
        if name not in self.document:
            values = {key: value for key, value in values.items() if value is not None}
            add_table(self.document, name, values, REGISTER_TABLES)
            return
        table = self.document[name]
        for key in [key for key in table if only and key not in values]:
            del table[key]
        for key, value in values.items():
            self._set(table, key, value)

    @staticmethod
    def _set(table: Any, key: str, value: Any) -> None:
        """Set `key` to `value` (None: remove it), leaving an equal value as written."""
        if value is None:
            if key in table:
                del table[key]
        elif table.get(key) != value:
            set_key(table, key, value)
