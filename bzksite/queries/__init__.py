"""Every read of the site database. Each function takes the page language and
returns plain objects (records.py); the views hold no SQL."""

from ..records import Organisation, Page, RelatedItem, Section, Text, Unit, UnitLink
from .changes import changes, history_of
from .pages import accessibility_report, page, translation_revised
from .search import find
from .texts import texts_of
from .units import (
    ancestors,
    children,
    levels,
    ministry_short_name,
    unit,
    unit_ids,
    unit_pages,
)

__all__ = [
    "Organisation", "Page", "RelatedItem", "Section", "Text", "Unit", "UnitLink",
    "accessibility_report", "ancestors", "changes", "children", "find", "history_of", "levels",
    "ministry_short_name",
    "page", "texts_of", "translation_revised", "unit", "unit_ids", "unit_pages",
]  # fmt: skip
