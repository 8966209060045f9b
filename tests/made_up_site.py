"""A site built from the committed content with made-up data added, for the
tests of unit pages and of the open data. Everything added here is made up
for the tests: the register and contact data of KIEM, its head's start date
and its related publication, the end of COM, and the unit Afdeling Proef
under COM (ended with it, and without a translation).

DGVB, from the committed content, has nothing but a name: no page."""

import shutil
from pathlib import Path

from tests.conftest import CONTENT, build_site

REGISTER = """
[register]
systeem_id = "900001"
tooi = "https://identifier.overheid.nl/tooi/id/oorg/oorg900001"
url = "https://organisaties.overheid.nl/900001/"
imported = 2026-11-28

[contact]
visiting_address = ["Proefstraat 1", "9999 XX Nergenshuizen"]
postal_address = ["Postbus 99999", "9999 XY Nergenshuizen"]
phone = "070 000 0000"
email = "proef@example.nl"
website = "https://www.example.nl/proef/"
contact_form = "https://www.example.nl/proef/contact"
"""
RELATED_URL = "https://www.example.nl/proef.pdf"
RELATED = f"""
[[related]]
kind = "publication"
title = "Proefpublicatie"
url = "{RELATED_URL}"
"""
PROEF = """# Made up for the tests.
id = "proef"
kind = "unit"
parent = "com"
name = "Afdeling Proef"
description = ["Afdeling Proef is verzonnen voor de tests."]
"""
ENDED = "2026-10-01"


def build(folder: Path) -> dict:
    """The settings of the site built in `folder` (see the module's docstring)."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    kiem = content / "units" / "kiem.toml"
    text = kiem.read_text().replace(
        'name = "Dhr. drs. B.F. Steur (Boudewijn)"',
        'name = "Dhr. drs. B.F. Steur (Boudewijn)"\nsince = 2024-03-01',
    )
    text = text.replace("[director]", REGISTER.lstrip() + "\n[director]", 1)
    kiem.write_text(text + RELATED)
    com = content / "units" / "com.toml"
    com.write_text(
        com.read_text().replace('kind = "department"', f'kind = "department"\nended = {ENDED}')
    )
    (content / "units" / "proef.toml").write_text(PROEF)
    return build_site(folder, content=content)
