"""make import-register: the units of one ministry in the register, written
into db/content/units/, and the organisations related to it into
db/content/organisations/ (organisationplan.py). It changes only what the
register holds (place, name, abbreviation, end, head, contact data, ids; the
kind of a new unit), keeps everything else of a file byte for byte
(tomlkit), checks the result as make db would, and then replaces the content
folder as a whole (swap.py).

The decree's top level stands: the units the mapping file names as the
Organisatiebesluit's top level keep their place and name whatever the
register says, and each difference is reported for the editors to settle.
"""

import shutil
import tempfile
from datetime import date
from pathlib import Path

from ..content.sources import read_sources
from ..content.units import Unit
from ..sourcefiles import BuildError, SourceError
from .kinds import kind_from_name
from .mapping import Mapping, read_mapping
from .matching import abbreviations_of, match_units, new_id, same_name
from .names import plain, split_abbreviation
from .organisationplan import plan_organisations
from .records import RegisterError, RegisterUnit
from .report import Import
from .swap import replace_content
from .tomledit import UnitFile


def plan_import(
    content_dir: Path,
    root: RegisterUnit,
    today: date,
    related: tuple[RegisterUnit, ...] | None = None,
    mapping: Mapping | None = None,
) -> Import:
    """What importing `root` and its subtree changes in `content_dir`; and,
    unless `related` is None, the organisations related to it."""
    units = read_sources(content_dir).units
    mapping = read_mapping(content_dir) if mapping is None else mapping
    matches = match_units(root, units, mapping)
    by_id = {unit.id: unit for unit in units}
    ids = set(by_id)
    orders: dict[str | None, int] = {}
    for unit in units:
        orders[unit.parent] = max(orders.get(unit.parent, 0), unit.order)
    decree = set(mapping.decree) | {u.id for u in units if u.kind == "ministry"}
    result = Import()

    def visit(found: RegisterUnit, parent: RegisterUnit | None, parent_id: str | None) -> None:
        if found.systeem_id in matches.resembling:
            alike = matches.resembling[found.systeem_id]
            result.add(
                "to map",
                f"{found.systeem_id} {found.name!r} resembles {alike.id} "
                f"({alike.source.data['name']}); map it in the mapping file, with its units",
            )
            return
        place = mapping.places.get(found.systeem_id, parent_id)
        existing = matches.units.get(found.systeem_id)
        if existing is None:
            edit, unit_id = _new_unit(found, place, content_dir, ids, orders, result, today)
            top_level = place in by_id and by_id[place].kind == "ministry"
            if parent is not None and top_level:
                result.add(
                    "different from the decree",
                    f"{unit_id}: register: {found.name!r} directly under the ministry"
                    " / content: not in the decree's top level",
                )
        else:
            unit_id = existing.id
            edit = UnitFile.open(existing.source.path)
            in_decree = unit_id in decree
            _place_and_name(edit, existing, found, parent, place, in_decree, orders, result)
            _history(edit, existing, found, today, result)
            if found.head and found.head.name != existing.director:
                result.add("new head", f"{unit_id}: {found.head.name} ({found.head.role})")
        edit.take(found)
        for name in found.withheld:
            result.add("withheld", f"{unit_id}: {name} (personal data)")
        for warning in found.warnings:
            result.add("left out", warning)
        if edit.changed:
            result.files[edit.path] = edit.text(today)
        for child in found.children:
            visit(child, found, unit_id)

    visit(root, None, None)
    accounted = {u.id for u in [*matches.units.values(), *matches.resembling.values()]}
    for unit in units:
        if unit.id in accounted:
            continue
        if unit.register and unit.ended is None:
            edit = UnitFile.open(unit.source.path)
            edit.set_ended(today)
            result.files[edit.path] = edit.text(today)
            result.add("ended", f"{unit.id} (no longer in the register)")
        elif not unit.register:
            result.add("not in the register", f"{unit.id} ({unit.source.data['name']})")
    if related is not None:
        organisations = plan_organisations(content_dir, related, today)
        result.files.update(organisations.files)
        for line in organisations.report:
            result.add(*line.split(": ", 1))
    return result


def _new_unit(
    found: RegisterUnit,
    place: str | None,
    content_dir: Path,
    ids: set[str],
    orders: dict[str | None, int],
    result: Import,
    today: date,
) -> tuple[UnitFile, str]:
    unit_id = new_id(found, ids)
    orders[place] = orders.get(place, 0) + 1
    edit = UnitFile.new(content_dir / "units" / f"{unit_id}.toml", unit_id)
    edit.set_place(place, kind_from_name(found.name, found.types) or "unit", order=orders[place])
    name = split_abbreviation(UnitFile.register_name(found))[0]
    edit.set_name(name[:1].upper() + name[1:])
    abbreviations = abbreviations_of(found)
    if abbreviations and abbreviations[0] != found.name:
        edit.set_abbreviation(abbreviations[0])
    if found.end_date and found.end_date <= today:
        edit.set_ended(found.end_date)
        result.add("ended (history)", f"{unit_id} ({found.name}, {found.end_date.isoformat()})")
    else:
        result.add("new", f"{unit_id} ({found.name})")
    return edit, unit_id


def _place_and_name(
    edit: UnitFile,
    unit: Unit,
    found: RegisterUnit,
    parent: RegisterUnit | None,
    place: str | None,
    in_decree: bool,
    orders: dict[str | None, int],
    result: Import,
) -> None:
    """Move and rename as the register says, but never a unit of the decree's top level."""
    name = unit.source.data["name"]
    register_name = UnitFile.register_name(found)
    renamed = not same_name(unit, found) and name != register_name
    if in_decree:
        renamed = plain(name) != plain(register_name)
        if parent is not None and unit.parent != place:
            result.add(
                "different from the decree",
                f"{unit.id}: register: under {parent.name!r} ({parent.systeem_id})"
                f" / content: under {unit.parent} (the decree's top level)",
            )
        if renamed:
            result.add(
                "different from the decree",
                f"{unit.id}: register: {register_name!r} / content: {name!r}",
            )
        return
    if unit.parent != place:
        result.add("moved", f"{unit.id}: under {unit.parent} -> under {place}")
        orders[place] = orders.get(place, 0) + 1
        edit.set_place(place, unit.kind, order=orders[place])
    if renamed:
        result.add("renamed", f"{unit.id}: {name} -> {register_name}")
        edit.set_name(register_name)
    if found.abbreviations:
        edit.set_abbreviation(found.abbreviations[0])


def _history(edit: UnitFile, unit: Unit, found: RegisterUnit, today: date, result: Import) -> None:
    ended = found.end_date if found.end_date and found.end_date <= today else None
    if ended and unit.ended != ended:
        result.add("ended", f"{unit.id} ({ended.isoformat()})")
        edit.set_ended(ended)
    elif ended is None and unit.ended is not None and found.end_date is None:
        result.add("reopened", f"{unit.id}: the register lists it without an end date")
        edit.set_ended(None)


def apply_import(content_dir: Path, planned: Import) -> None:
    """Check the content as it would be, then replace the content folder: all files or none."""
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "content"
        shutil.copytree(content_dir, trial)
        for path, text in planned.files.items():
            target = trial / path.relative_to(content_dir)
            target.parent.mkdir(parents=True, exist_ok=True)  # organisations/, the first time
            target.write_text(text, encoding="utf-8")
        try:
            read_sources(trial)
        except BuildError as error:
            errors = [_in_content(problem, trial, content_dir) for problem in error.errors]
            lines = "\n".join(str(problem) for problem in errors)
            raise RegisterError(f"the import would break the content:\n{lines}") from None
    if not planned.files:
        return
    try:
        replace_content(content_dir, planned.files)
    except OSError as error:
        raise RegisterError(f"cannot write the content: {error}") from None


def _in_content(problem: SourceError, trial: Path, content_dir: Path) -> SourceError:
    """The problem as it would be in the content folder, not in the trial copy."""
    try:
        path = content_dir / problem.path.relative_to(trial)
    except ValueError:
        path = problem.path
    return SourceError(path, problem.line, problem.message)
