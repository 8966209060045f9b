"""The files the overview offers for download, with their format and size."""

from dataclasses import dataclass

from babel.units import format_unit
from flask import url_for
from flask_babel import get_locale

from .answers import JSON_TYPE, json_bytes
from .table import organisation_csv
from .views import CSV_TYPE, organisation_now


@dataclass(frozen=True)
class Download:
    format: str  # "CSV": the same in every language
    content_type: str
    url: str
    size: int  # in bytes


def organisation_files() -> dict[str, bytes]:
    """The bytes of both files, {"CSV": ..., "JSON": ...}, from one read."""
    document = organisation_now()
    return {"CSV": organisation_csv(document), "JSON": json_bytes(document)}


def downloads() -> list[Download]:
    """The organisation as CSV and as JSON, with the size each has at this address."""
    files = organisation_files()
    return [
        Download("CSV", CSV_TYPE, url_for("api.organisation_table"), len(files["CSV"])),
        Download("JSON", JSON_TYPE, url_for("api.organisation"), len(files["JSON"])),
    ]


def file_size(size: int) -> str:
    """A size in the page's language, as babel writes it: "850 byte", "3,4 kB",
    "12 kB", "1.2 MB". Decimal units; one decimal under ten."""
    for unit, factor in (("digital-megabyte", 1000**2), ("digital-kilobyte", 1000)):
        if size >= factor:
            value = size / factor
            shown = round(value, 1) if value < 10 else round(value)
            return format_unit(shown, unit, length="short", locale=get_locale())
    return format_unit(size, "digital-byte", length="short", locale=get_locale())
