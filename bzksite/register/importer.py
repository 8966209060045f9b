"""make import-register: the units of one ministry in the register, written
into db/content/units/, and the organisations related to it into
db/content/organisations/ (organisationplan.py). It changes only what the
register holds (place, name, abbreviation, end, head, contact data, ids; the
kind of a new unit), keeps everything else of a file byte for byte
(tomlkit), checks the result as make db would, and then replaces the content
folder as a whole (swap.py).

Which unit is which: matching.py; what changes in each: unitdecisions.py.
"""

import shutil
import tempfile
from datetime import date
from pathlib import Path

from ..content.citations import FILE_NAME as CITATIONS_FILE
from ..content.sources import read_sources
from ..sourcefiles import BuildError, SourceError
from .citationfile import register_key, with_register
from .mapping import Mapping, read_mapping
from .matching import match_units
from .organisationplan import plan_organisations
from .records import RegisterError, RegisterUnit
from .report import Import
from .swap import replace_content
from .tomledit import UnitFile
from .unitdecisions import UnitDecisions


def plan_import(
    content_dir: Path,
    root: RegisterUnit,
    today: date,
    related: tuple[RegisterUnit, ...] | None = None,
    mapping: Mapping | None = None,
    exported: date | None = None,
) -> Import:
    """What importing `root` and its subtree changes in `content_dir`; and,
    unless `related` is None, the organisations related to it. The export of
    `exported` (default: `today`) becomes the source of every fact written."""
    units = read_sources(content_dir).units
    mapping = read_mapping(content_dir) if mapping is None else mapping
    matches = match_units(root, units, mapping)
    result = Import()
    key = register_key(exported or today)
    if listed := with_register(content_dir, exported or today):
        result.files[content_dir / CITATIONS_FILE] = listed
        result.add("new source", key)
    decide = UnitDecisions(content_dir, units, mapping, today, result, key)

    def visit(found: RegisterUnit, parent: RegisterUnit | None, parent_id: str | None) -> None:
        if why := matches.held_back.get(found.systeem_id):
            line = f"{found.systeem_id} {found.name!r} {why}; map it in the mapping file"
            result.add("to map", line + (", with its units" if found.children else ""))
            return
        place = mapping.places.get(found.systeem_id, parent_id)
        existing = matches.units.get(found.systeem_id)
        if existing is None:
            edit = decide.new(found, place)
        else:
            edit = decide.existing(existing, found, parent, place)
        edit.take(found, key)
        unit_id = edit.document["id"]
        for name in found.withheld:
            result.add("withheld", f"{unit_id}: {name} (personal, or may be)")
        for warning in found.warnings:
            result.add("left out", warning)
        if edit.changed:
            result.files[edit.path] = edit.text(today)
        for child in found.children:
            visit(child, found, unit_id)

    visit(root, None, None)
    matched = {unit.id for unit in matches.units.values()} | matches.look_alikes
    for unit in units:
        if unit.id in matched:
            continue
        if unit.register and unit.ended is None:
            edit = UnitFile.open(unit.source.path)
            edit.set_ended(today, key)
            result.files[edit.path] = edit.text(today)
            result.add("ended", f"{unit.id} (no longer in the register)")
        elif not unit.register:
            result.add("not in the register", f"{unit.id} ({unit.source.data['name']})")
    if related is not None:
        organisations = plan_organisations(content_dir, related, today, key)
        result.files.update(organisations.files)
        for line in organisations.report:
            result.add(*line.split(": ", 1))
    return result


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
