"""An organisation deeper than the committed one: the committed content with
units made up for the tests under KIEM (none of them exists), for the pages
that show only some levels: the overview and the chart."""

import shutil
from pathlib import Path

from benchmarks.organisation import cite_made_up, made_up_sources
from tests.conftest import CONTENT

MADE_UP = {  # id: (parent, name, ended)
    "proef1": ("kiem", "Afdeling Proef Een", None),
    "proef2": ("kiem", "Afdeling Proef Twee", None),
    "proef3": ("kiem", "Afdeling Proef Drie", "2026-01-01"),
    "proef4": ("proef1", "Team Proef Vier", None),
}


def deeper_content(folder: Path, units: dict[str, tuple] = MADE_UP) -> Path:
    """The committed content copied into `folder`, with `units` added; the content folder."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    cite_made_up(content)
    for order, (unit_id, (parent, name, ended)) in enumerate(units.items(), 1):
        lines = [
            "# Made up for the tests.",
            f'id = "{unit_id}"',
            'kind = "unit"',
            f'parent = "{parent}"',
            f"order = {order}",
            f'name = "{name}"',
            f'description = ["{name} is verzonnen voor de tests."]',
        ]
        if ended:
            lines.append(f"ended = {ended}")
        facts = ("description", "ended") if ended else ("description",)
        text = "\n".join(lines) + "\n" + made_up_sources(*facts)
        (content / "units" / f"{unit_id}.toml").write_text(text)
    return content
