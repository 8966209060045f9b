"""make import-register: the units of one ministry in the register, written
into db/content/units/, and the organisations related to it into
db/content/organisations/ (organisationplan.py). It changes only what the
register holds (kind, parent, name, abbreviation, end, head, contact data,
ids), keeps everything else of a file byte for byte (tomlkit), checks the
result as make db would, and then replaces the content folder as a whole
(swap.py)."""

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..content.sources import read_sources
from ..content.units import Unit
from ..sourcefiles import BuildError
from .matching import Matcher, kind_of
from .organisationplan import plan_organisations
from .records import RegisterError, RegisterUnit
from .swap import replace_content
from .tomledit import UnitFile

REPORT_ORDER = ("new", "renamed", "moved", "ended", "new head")


@dataclass
class Import:
    files: dict[Path, str] = field(default_factory=dict)  # the files that change
    report: list[str] = field(default_factory=list)


def plan_import(
    content_dir: Path,
    root: RegisterUnit,
    today: date,
    related: tuple[RegisterUnit, ...] | None = None,
) -> Import:
    """What importing `root` and its subtree changes in `content_dir`; and,
    unless `related` is None, the organisations related to it."""
    units = read_sources(content_dir).units
    matcher = Matcher(units)
    result = Import()
    siblings: dict[str | None, int] = {}

    def visit(found: RegisterUnit, parent_id: str | None) -> None:
        existing = matcher.find(found, parent_id)
        if existing is None:
            unit_id = matcher.new_id(found)
            siblings[parent_id] = siblings.get(parent_id, 0) + 1
            edit = UnitFile.new(content_dir / "units" / f"{unit_id}.toml", unit_id)
            edit.set_place(parent_id, kind_of(found) or "unit", order=siblings[parent_id])
            result.report.append(f"new: {unit_id} ({found.name})")
        else:
            unit_id = existing.id
            edit = UnitFile.open(existing.source.path)
            _report_changes(result.report, existing, found, parent_id, today)
            edit.set_place(parent_id, kind_of(found) or existing.kind)
        edit.take(found, today)
        if edit.changed:
            result.files[edit.path] = edit.text(today)
        for child in found.children:
            visit(child, unit_id)

    visit(root, None)
    for gone in matcher.unmatched():
        if gone.ended is None:
            edit = UnitFile.open(gone.source.path)
            edit.end(today)
            result.files[edit.path] = edit.text(today)
            result.report.append(f"ended: {gone.id} (no longer in the register)")
    result.report.sort(key=lambda line: REPORT_ORDER.index(line.split(":")[0]))
    if related is not None:
        organisations = plan_organisations(content_dir, related, today)
        result.files.update(organisations.files)
        result.report += organisations.report
    return result


def _report_changes(
    report: list[str], unit: Unit, found: RegisterUnit, parent_id: str | None, today: date
) -> None:
    name = unit.source.data["name"]
    if UnitFile.register_name(found) != name:
        report.append(f"renamed: {unit.id}: {name} -> {UnitFile.register_name(found)}")
    if unit.parent != parent_id:
        report.append(f"moved: {unit.id}: under {unit.parent} -> under {parent_id}")
    if found.end_date and found.end_date <= today and unit.ended is None:
        report.append(f"ended: {unit.id} ({found.end_date.isoformat()})")
    if found.head and found.head.name != unit.director:
        report.append(f"new head: {unit.id}: {found.head.name} ({found.head.role})")


def apply_import(content_dir: Path, planned: Import) -> None:
    """Check the content as it would be, then replace the content folder: all files or none."""
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "content"
        shutil.copytree(content_dir, trial)
        for path, text in planned.files.items():
            target = trial / path.relative_to(content_dir)
            target.parent.mkdir(exist_ok=True)  # organisations/, on the first import
            target.write_text(text, encoding="utf-8")
        try:
            read_sources(trial)
        except BuildError as error:
            raise RegisterError(f"the import would break the content:\n{error}") from None
    if not planned.files:
        return
    try:
        replace_content(content_dir, planned.files)
    except OSError as error:
        raise RegisterError(f"cannot write the content: {error}") from None
