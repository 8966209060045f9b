"""The API's addresses, under /api/v1/: the whole organisation as JSON and as
CSV, one document per unit, and one per organisation related to the ministry
(an agency, an advisory body: related.py), with those organisations as CSV.
Every unit has one, ended or not and with a page of its own or not; an
unknown id is a JSON 404 (answers.py). Also the files as the overview offers
them, with their size."""

from dataclasses import dataclass

from babel.units import format_unit
from flask import Blueprint, Response, abort, url_for
from flask_babel import get_locale

from ..db import get_db
from ..i18n import languages
from ..queries import export, export_organisations
from . import related
from .answers import JSON_TYPE, json_bytes, json_response
from .documents import organisation_document, unit_document
from .table import organisation_csv

VERSION = "v1"
CSV_TYPE = "text/csv; charset=utf-8"

bp = Blueprint("api", __name__, url_prefix=f"/api/{VERSION}")
# No redirect from /api//v1/...: every answer under /api/ is a document or a JSON error.
ONE_ADDRESS = {"merge_slashes": False}


@bp.get("/organisation.json", **ONE_ADDRESS)
def organisation() -> Response:
    return json_response(organisation_now())


@bp.get("/organisation.csv", **ONE_ADDRESS)
def organisation_table() -> Response:
    return Response(organisation_csv(organisation_now()), content_type=CSV_TYPE)


@bp.get("/units/<unit_id>.json", **ONE_ADDRESS)
def unit(unit_id: str) -> Response:
    found = export.unit(get_db(), languages(), unit_id)
    if found is None:
        abort(404)
    linked = ([found.parent] if found.parent else []) + found.children
    names = export.names(get_db(), languages(), linked)
    return json_response(unit_document(found, names, languages()))


@bp.get("/organisations.csv", **ONE_ADDRESS)
def organisations_table() -> Response:
    return Response(related.organisations_csv(organisation_now()), content_type=CSV_TYPE)


@bp.get("/organisations/<organisation_id>.json", **ONE_ADDRESS)
def related_organisation(organisation_id: str) -> Response:
    found = export_organisations.organisation(get_db(), languages(), organisation_id)
    if found is None:
        abort(404)
    ministry = export.ministry_id(get_db())
    name = export.names(get_db(), languages(), [ministry]).get(ministry, {})
    return json_response(related.organisation_document(found, (ministry, name), languages()))


def organisation_now() -> dict:
    """The organisation document of the database the request reads: its units,
    then the organisations related to it."""
    db, langs = get_db(), languages()
    document = organisation_document(export.organisation(db, langs), langs)
    document["organisations"] = [
        related.organisation_fields(organisation, langs)
        for organisation in export_organisations.organisations(db, langs)
    ]
    return document


@dataclass(frozen=True)
class Download:
    what: str  # "units" or "organisations"
    format: str  # "CSV": the same in every language
    content_type: str
    url: str
    size: int  # in bytes


def organisation_files() -> dict[str, bytes]:
    """The bytes of the files, {"CSV": ..., "JSON": ..., "organisations CSV": ...},
    from one read."""
    document = organisation_now()
    return {
        "CSV": organisation_csv(document),
        "JSON": json_bytes(document),
        "organisations CSV": related.organisations_csv(document),
    }


def downloads() -> list[Download]:
    """The organisation as CSV and as JSON, and its related organisations as
    CSV, with the size each has at this address."""
    files = organisation_files()
    return [
        Download("units", "CSV", CSV_TYPE, url_for("api.organisation_table"), len(files["CSV"])),
        Download("units", "JSON", JSON_TYPE, url_for("api.organisation"), len(files["JSON"])),
        Download(
            "organisations",
            "CSV",
            CSV_TYPE,
            url_for("api.organisations_table"),
            len(files["organisations CSV"]),
        ),
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
