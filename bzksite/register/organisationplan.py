"""Which organisation files an import writes: one per organisation related to
the ministry, found again by its register ids (or, for a file an editor wrote
before the first import, by its exact name or abbreviation), else new with an
id of its own. An organisation the register no longer lists is marked ended
with the day of the import, never deleted; one it lists again without an end
date is reopened. The register's end date replaces an earlier one."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..content.organisations import Organisation
from ..content.sources import read_sources
from .matching import new_id
from .organisationfile import OrganisationFile, kind_of
from .records import RegisterUnit

FOLDER = "organisations"


@dataclass
class OrganisationPlan:
    files: dict[Path, str] = field(default_factory=dict)  # the files that change
    report: list[str] = field(default_factory=list)


def plan_organisations(
    content_dir: Path, related: Iterable[RegisterUnit], today: date, key: str
) -> OrganisationPlan:
    """What importing the organisations in `related` changes in `content_dir`; `key`
    names the export in sources.toml, the source of every fact written."""
    existing = read_sources(content_dir).organisations
    ids = {organisation.id for organisation in existing}
    taken: set[str] = set()
    plan = OrganisationPlan()
    new, ended, notes = [], [], []
    for found in related:
        organisation = _find(existing, taken, found)
        if organisation is None:
            organisation_id = new_id(found, ids)
            edit = OrganisationFile.new(
                content_dir / FOLDER / f"{organisation_id}.toml", organisation_id
            )
            register_type = kind_of(found)[1] or "no type"
            if found.end_date and found.end_date <= today:
                ended_on = found.end_date.isoformat()
                line = f"organisation {organisation_id} ({found.name}, {register_type}, {ended_on})"
                new.append(f"ended (history): {line}")
            else:
                new.append(f"new organisation: {organisation_id} ({found.name}, {register_type})")
        else:
            organisation_id = organisation.id
            edit = OrganisationFile.open(organisation.source.path)
            ended += _history(organisation, found, today)
        taken.add(organisation_id)
        notes += [
            f"withheld: organisation {organisation_id}: {name} (personal, or may be)"
            for name in found.withheld
        ]
        notes += [f"left out: {warning}" for warning in found.warnings]
        edit.take(found, today, key)
        if edit.changed:
            plan.files[edit.path] = edit.text(today)
    for gone in existing:
        if gone.register and gone.id not in taken and gone.ended is None:
            edit = OrganisationFile.open(gone.source.path)
            edit.end(today, key)
            plan.files[edit.path] = edit.text(today)
            ended.append(f"ended organisation: {gone.id} (no longer in the register)")
    plan.report = new + ended + notes
    return plan


def _history(organisation: Organisation, found: RegisterUnit, today: date) -> list[str]:
    """The report on an organisation's end: ended, or reopened when the register lists it
    without an end date. An end date still to come changes nothing yet."""
    if found.end_date and found.end_date <= today and organisation.ended != found.end_date:
        return [f"ended organisation: {organisation.id} ({found.end_date.isoformat()})"]
    if found.end_date is None and organisation.ended is not None:
        return [
            f"reopened: organisation {organisation.id}: the register lists it without an end date"
        ]
    return []


def _find(
    existing: list[Organisation], taken: set[str], found: RegisterUnit
) -> Organisation | None:
    free = [organisation for organisation in existing if organisation.id not in taken]
    for key, value in (("systeem_id", found.systeem_id), ("tooi", found.tooi)):
        for organisation in free:
            if value and (organisation.register or {}).get(key) == value:
                return organisation
    abbreviations = {abbreviation.casefold() for abbreviation in found.abbreviations}
    for organisation in free:
        if organisation.register:
            continue
        named = organisation.source.data["name"] == found.name
        if named or (organisation.abbreviation or "").casefold() in abbreviations:
            return organisation
    return None
