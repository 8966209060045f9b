"""One unit's TOML source, changed where the register says otherwise and kept
byte for byte everywhere else: comments, descriptions, related items.

The tables the register fills go after the top-level keys, in the order of
REGISTER_TABLES and before any other table (an editor's [[related]] items),
so a file reads from its name and place to what the register says of it to
what editors add; comments stay with what they are above (tomlplaces.py)."""

from datetime import date
from typing import Any

from .editedfile import EditedFile, contact_values, set_value
from .plaintext import paragraphs
from .records import RegisterUnit
from .tomlplaces import add_table
from .units import register_page

REGISTER_TABLES = ("director", "contact", "register", "sources")


class UnitFile(EditedFile):
    @staticmethod
    def register_name(found: RegisterUnit) -> str:
        """The register names a ministry without "Ministerie van"; the site with."""
        is_ministry = any(kind.casefold() == "ministerie" for kind in found.types)
        if is_ministry and not found.name.startswith("Ministerie"):
            return f"Ministerie van {found.name}"
        return found.name

    def set_place(self, parent_id: str | None, kind: str, order: int | None = None) -> None:
        set_value(self.document, "kind", kind)
        set_value(self.document, "parent", parent_id)
        if order is not None:
            set_value(self.document, "order", order)

    def take(self, found: RegisterUnit, key: str) -> None:
        """What the register says of the unit but its place, name, abbreviation and end,
        which the importer decides (the decree's top level keeps its own); the export
        `key` becomes the source of each fact written."""
        if found.head:
            head = {"role": found.head.role, "name": found.head.name, "since": found.head.since}
            self._update("director", head)
            self.cite("director", key)
        contact = contact_values(found.contact)
        if contact:
            self._update("contact", contact, only=True)
            self.cite("contact", key)
        elif "contact" in self.document:
            del self.document["contact"]
            self.uncite("contact")
        url = found.url or register_page(found.systeem_id, found.name)
        ids = {"systeem_id": found.systeem_id, "tooi": found.tooi, "url": url}
        self._update("register", ids)
        self.take_description(paragraphs(found.description), key)

    def add_table(self, name: str, values: dict[str, Any]) -> None:
        add_table(self.document, name, values, REGISTER_TABLES)

    def set_name(self, name: str) -> None:
        set_value(self.document, "name", name)

    def set_abbreviation(self, abbreviation: str) -> None:
        set_value(self.document, "abbreviation", abbreviation)

    def set_ended(self, ended: date | None, key: str) -> None:
        set_value(self.document, "ended", ended)
        if ended is None:
            self.uncite("ended")
        else:
            self.cite("ended", key)

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
            set_value(table, key, value)
