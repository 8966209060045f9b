"""One unit's TOML source, changed where the register says otherwise and kept
byte for byte everywhere else: comments, descriptions, related items."""

from datetime import date
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.toml_document import TOMLDocument

from .records import REGISTER_NAME, RegisterUnit

_NEW_FILE = f"From the {REGISTER_NAME} (CC0), written by make import-register."


class UnitFile:
    def __init__(self, path: Path, document: TOMLDocument, original: str) -> None:
        self.path = path
        self.document = document
        self.original = original

    @classmethod
    def open(cls, path: Path) -> "UnitFile":
        text = path.read_text(encoding="utf-8")
        return cls(path, tomlkit.parse(text), text)

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
            head = self._table("director")
            self._set(head, "role", found.head.role)
            self._set(head, "name", found.head.name)
            self._set(head, "since", found.head.since)
        contact = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in vars(found.contact).items()
            if value
        }
        if contact:
            self._replace_table("contact", contact)
        elif "contact" in self.document:
            del self.document["contact"]
        register = self._table("register")
        self._set(register, "systeem_id", found.systeem_id)
        self._set(register, "tooi", found.tooi)
        self._set(
            register, "url", found.url or f"https://organisaties.overheid.nl/{found.systeem_id}/"
        )

    def set_name(self, name: str) -> None:
        self._set(self.document, "name", name)

    def set_abbreviation(self, abbreviation: str) -> None:
        self._set(self.document, "abbreviation", abbreviation)

    def set_ended(self, ended: date | None) -> None:
        self._set(self.document, "ended", ended)

    def text(self, today: date) -> str:
        """The file as it will be written: dated with `today` when it changed."""
        if self.changed and "register" in self.document:
            self.document["register"]["imported"] = today
        return tomlkit.dumps(self.document)

    def _table(self, name: str) -> Any:
        if name not in self.document:
            self.document[name] = tomlkit.table()
        return self.document[name]

    def _replace_table(self, name: str, values: dict[str, Any]) -> None:
        if dict(self.document.get(name, {})) == values:
            return
        table = tomlkit.table()
        for key, value in values.items():
            table[key] = value
        self.document[name] = table

    @staticmethod
    def _set(table: Any, key: str, value: Any) -> None:
        """Set `key` to `value` (None: remove it), leaving an equal value as written."""
        if value is None:
            if key in table:
                del table[key]
        elif table.get(key) != value:
            table[key] = value
