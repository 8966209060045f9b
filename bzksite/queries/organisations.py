"""The organisations that belong to the ministry without being part of it:
its agencies, advisory bodies, independent administrative bodies (ZBO's) and
committees. Listed by group on the overview and the chart, each with a page
of its own (content/organisations.py)."""

from collections.abc import Iterable

from sqlite_utils import Database

from ..records import SOURCE_LANGUAGE, RelatedOrganisation, RelatedOrganisationLink
from .citations import sources_of
from .rows import contact_of, date_of, register_of
from .texts import text_in, texts_of

# The groups the lists show, in order, as GOV.UK groups a department's bodies;
# each with the kinds it holds. The last takes every kind the others do not.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("agency", ("agency",)),
    ("advisory-body", ("advisory-body",)),
    ("independent-body", ("independent-body",)),
    ("other", ("external-committee", "interdepartmental-committee", "umbrella-organisation",
               "other")),
)  # fmt: skip

_LINKS = """
SELECT organisations.id, organisations.kind, organisations.abbreviation, organisations.ended,
       source.text AS source_text, translation.text AS translated_text, translation.state
FROM organisations
JOIN texts AS source ON source.owner = 'organisation:' || organisations.id
 AND source.field = 'name' AND source.position = 0 AND source.lang = :source
LEFT JOIN texts AS translation ON translation.owner = source.owner
 AND translation.field = 'name' AND translation.position = 0 AND translation.lang = :lang
WHERE organisations.ended IS NULL
"""


def groups(db: Database, lang: str) -> list[tuple[str, list[RelatedOrganisationLink]]]:
    """The current organisations as (group, its organisations by name), in
    GROUPS' order; a group without any is left out."""
    params = {"lang": lang, "source": SOURCE_LANGUAGE}
    links = [
        RelatedOrganisationLink(row["id"], row["kind"], row["abbreviation"], text_in(row, lang))
        for row in db.query(_LINKS, params)
    ]
    found = []
    for group, kinds in GROUPS:
        members = sorted(
            (link for link in links if link.kind in kinds), key=lambda o: o.name.text.casefold()
        )
        if members:
            found.append((group, members))
    return found


def organisation(db: Database, lang: str, organisation_id: str) -> RelatedOrganisation | None:
    """One organisation, current or ended, with its texts, contact data and
    sources; None when there is no such organisation."""
    rows = db.query("SELECT * FROM organisations WHERE id = ?", [organisation_id])
    row = next(rows, None)
    if row is None:
        return None
    owner = f"organisation:{organisation_id}"
    return RelatedOrganisation(
        id=row["id"], kind=row["kind"], abbreviation=row["abbreviation"],
        texts=texts_of(db, lang, owner), ended=date_of(row["ended"]),
        contact=contact_of(row["contact"]), register=register_of(row),
        sources=sources_of(db, owner),
    )  # fmt: skip


def current_ids(db: Database) -> list[str]:
    """The organisations that have not ended, by id: the sitemap's."""
    return _ids(db.query("SELECT id FROM organisations WHERE ended IS NULL ORDER BY id"))


def every_id(db: Database) -> list[str]:
    """Every organisation, ended ones too: each has a page and a document."""
    return _ids(db.query("SELECT id FROM organisations ORDER BY id"))


def _ids(rows: Iterable[dict]) -> list[str]:
    return [row["id"] for row in rows]
