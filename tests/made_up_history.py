"""Made-up history for the tests: the committed content with two made-up
units under KIEM, one that ended and was followed by the other, which was
renamed and formed by a merger. None of it happened."""

import shutil
from pathlib import Path

from tests.conftest import CONTENT


def made_up_unit(unit_id: str, name: str, lines: str = "", sources: str = "") -> str:
    """A unit file under KIEM that says it is made up, with a description and
    its source; `lines` go before the [sources] table, `sources` in it."""
    return (
        f'# Made up for the tests.\nid = "{unit_id}"\nkind = "unit"\nparent = "kiem"\n'
        f'name = "{name}"\n{lines}description = ["Verzonnen voor de tests."]\n\n'
        f'[sources]\nunit = "organisatiebesluit-2025"\n'
        f'description = "organisatiebesluit-2025"\n{sources}'
    )


ENDED = made_up_unit(
    "proef-oud",
    "Afdeling Proef Oud",
    'abbreviation = "APO"\nended = 2024-05-01\nfollowed_by = "proef-nieuw"\n',
    'ended = "organisatiebesluit-2025"\nfollowed_by = "organisatiebesluit-2025"\n',
) + (
    '\n[[history]]\ndate = 2024-05-01\nchange = "ended"\n'
    'note = "Verzonnen voor de tests: de afdeling hield op."\nsource = "organisatiebesluit-2023"\n'
)
FOLLOWING = made_up_unit("proef-nieuw", "Afdeling Proef Nieuw") + (
    '\n[[history]]\ndate = 2023\nby = true\nchange = "renamed"\n'
    'earlier_name = "Afdeling Proef Vroeger"\nearlier_abbreviation = "APV"\n'
    'source = ["organisatiebesluit-2023", "organisatiebesluit-2025"]\n'
    '\n[[history]]\ndate = 2023-06-01\nchange = "merged"\n'
    'earlier_name = ["Bureau Proef Een", "Bureau Proef Twee"]\n'
    'note = "Verzonnen voor de tests: twee bureaus gingen samen."\n'
    'source = "organisatiebesluit-2023"\n'
)


def history_content(folder: Path) -> Path:
    """The committed content copied into `folder`, with the made-up units; the content folder."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    (content / "units" / "proef-oud.toml").write_text(ENDED)
    (content / "units" / "proef-nieuw.toml").write_text(FOLLOWING)
    return content
