"""The organisations that belong to the ministry without being part of it (its
agencies, advisory bodies, ZBO's, committees) in the open data: marked
"relation": "related", apart from the units, which are its parts. In the
organisation document as a list of their own, one document each, and a CSV
file made from the organisation document, as the units' is."""

from collections.abc import Sequence
from dataclasses import asdict

from ..queries.export import InLanguages
from ..queries.export_organisations import ExportOrganisation
from ..site_address import absolute_url
from .documents import about
from .table import csv_bytes, per_language

RELATION = "related"


def organisation_fields(organisation: ExportOrganisation, languages: Sequence[str]) -> dict:
    """What the organisation document and the organisation's own say of it."""
    register = organisation.register
    return {
        "id": organisation.id,
        "kind": organisation.kind,
        "relation": RELATION,
        "name": organisation.text("name") or {},
        "abbreviation": organisation.abbreviation,
        "register": _register(organisation),
        "ended": organisation.ended.isoformat() if organisation.ended else None,
        "last_changed": register.imported.isoformat() if register else None,
        "url": document_url(organisation.id),
        "pages": {
            lang: absolute_url(
                "site.related_organisation", organisation_id=organisation.id, lang=lang
            )
            for lang in languages
        },
    }


def organisation_document(
    organisation: ExportOrganisation,
    ministry: tuple[str, InLanguages],
    languages: Sequence[str],
) -> dict:
    """One organisation with its description and contact data, and the ministry
    it belongs to, named."""
    ministry_id, ministry_name = ministry
    return {
        **about(languages),
        "organisation": {
            **organisation_fields(organisation, languages),
            "ministry": {
                "id": ministry_id,
                "name": ministry_name,
                "url": absolute_url("api.unit", unit_id=ministry_id),
            },
            "description": organisation.texts.get("description", []),
            "contact": asdict(organisation.contact) if organisation.contact else None,
        },
    }


def _register(organisation: ExportOrganisation) -> dict | None:
    register = organisation.register
    if register is None:
        return None
    return {
        "systeem_id": register.systeem_id,
        "tooi": register.tooi,
        "url": register.url,
        "type": organisation.register_type,
    }


def document_url(organisation_id: str) -> str:
    return absolute_url("api.related_organisation", organisation_id=organisation_id)


def organisations_csv(document: dict) -> bytes:
    """The organisation document's organisations as CSV, in its order."""
    languages = document["languages"]

    def register(field: str):
        return lambda item: (item["register"] or {}).get(field)

    table = [
        ("id", lambda item: item["id"]),
        ("kind", lambda item: item["kind"]),
        ("relation", lambda item: item["relation"]),
        ("abbreviation", lambda item: item["abbreviation"]),
        *per_language("name", lambda item: item["name"], languages),
        ("ended", lambda item: item["ended"]),
        ("last_changed", lambda item: item["last_changed"]),
        ("systeem_id", register("systeem_id")),
        ("tooi", register("tooi")),
        ("register_url", register("url")),
        ("register_type", register("type")),
        ("document", lambda item: item["url"]),
        *per_language("page", lambda item: item["pages"], languages),
    ]
    return csv_bytes(table, document["organisations"])
