"""The tables of the site database, as make db creates them."""

from sqlite_utils import Database


def create_tables(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["units"].create(
        {"id": str, "kind": str, "parent": str, "order": int, "abbreviation": str,
         "director": str, "director_since": str, "ended": str, "has_page": int,
         "contact": str, "systeem_id": str, "tooi": str, "register_url": str, "imported": str,
         "beside_decree": int},
        pk="id",
        not_null={"kind", "order", "has_page", "beside_decree"},
        foreign_keys=[("parent", "units", "id")],
    )  # fmt: skip
    # A page reads the units under one unit: its children, or the overview's levels.
    db["units"].create_index(["parent", "order"])
    # The organisations that belong to the ministry without being part of it
    # (content/organisations.py): agencies, advisory bodies, ZBO's, committees.
    db["organisations"].create(
        {"id": str, "kind": str, "abbreviation": str, "ended": str, "contact": str,
         "systeem_id": str, "tooi": str, "register_url": str, "register_type": str,
         "imported": str},
        pk="id",
        not_null={"kind"},
    )  # fmt: skip
    db["related"].create(
        {"unit": str, "position": int, "kind": str, "url": str},
        pk=("unit", "position"),
        not_null={"kind"},
        foreign_keys=[("unit", "units", "id")],
    )
    # The documents the content rests on, and which fact of which unit or
    # organisation each one supports (content/citations.py).
    db["citations"].create(
        {"key": str, "title": str, "publisher": str, "url": str, "published": str,
         "evidence": str},
        pk="key",
        not_null={"title", "evidence"},
    )  # fmt: skip
    db["fact_sources"].create(
        {"owner": str, "fact": str, "position": int, "citation": str},
        pk=("owner", "fact", "position"),
        foreign_keys=[("citation", "citations", "key")],
    )
    # The changes to the organisation (store/changes.py): `date` is a day or a
    # year; `note` is the position of its text (field history_note of the owner).
    db["changes"].create(
        {"key": str, "owner": str, "unit": str, "abbreviation": str, "date": str, "by_date": int,
         "change": str, "earlier_names": str, "earlier_abbreviation": str, "followed_by": str,
         "note": int},
        pk="key",
        not_null={"owner", "date", "by_date", "change", "earlier_names"},
        foreign_keys=[("unit", "units", "id"), ("followed_by", "units", "id")],
    )  # fmt: skip
    db["change_sources"].create(
        {"change": str, "position": int, "citation": str},
        pk=("change", "position"),
        foreign_keys=[("change", "changes", "key"), ("citation", "citations", "key")],
    )
    db["pages"].create({"id": str}, pk="id")
    db["sections"].create(
        {"page": str, "position": int, "paragraphs": int, "include": str},
        pk=("page", "position"),
        not_null={"paragraphs"},
        foreign_keys=[("page", "pages", "id")],
    )
    db["texts"].create(
        {"owner": str, "field": str, "position": int, "lang": str, "text": str, "state": str},
        pk=("owner", "field", "position", "lang"),
        not_null={"state"},
    )
    # The last automated accessibility test: one row, or none before the first.
    db["accessibility_report"].create(
        {"generated": str, "axe_version": str, "pages": int, "languages": str,
         "violations": int, "needs_review": int, "check_problems": int},
        not_null={"generated", "axe_version", "pages", "languages", "violations",
                  "needs_review", "check_problems"},
    )  # fmt: skip
    db["accessibility_rules"].create(
        {"position": int, "rule": str, "impact": str, "help": str, "help_url": str,
         "criteria": str, "pages": int},
        pk="position",
        not_null={"rule", "help", "help_url", "criteria", "pages"},
    )  # fmt: skip
