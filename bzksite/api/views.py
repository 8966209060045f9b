"""The API's addresses, under /api/v1/: the whole organisation as JSON and as
CSV, and one document per unit. Every unit has one, ended or not and with a
page of its own or not; an unknown id is a JSON 404 (answers.py)."""

from flask import Blueprint, Response, abort

from ..db import get_db
from ..i18n import languages
from ..queries import export
from .answers import json_response
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


def organisation_now() -> dict:
    """The organisation document of the database the request reads."""
    return organisation_document(export.organisation(get_db(), languages()), languages())
