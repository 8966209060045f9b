"""A site built from the committed content with made-up data added, for the
tests of unit pages and of the open data. Everything added here is made up
for the tests, and cites the source "Verzonnen voor de tests": the register
and contact data of KIEM (in place of its own register data), its head's
start date and its related publication, the end of COM, the unit
Afdeling Proef under COM (ended with it, and without a translation), and two
units with nothing but a name, so without a page: one directly under the
ministry and one under DGVB."""

import shutil
from pathlib import Path

from benchmarks.organisation import MADE_UP_SOURCE, cite_made_up, made_up_sources
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
""" + made_up_sources("description")
ENDED = "2026-10-01"
# id: parent; each has nothing but a name (and the made-up source of that).
NAME_ONLY = {"proefnaam": "bzk", "proefnaam-twee": "dgvb"}


def build(folder: Path) -> dict:
    """The settings of the site built in `folder` (see the module's docstring)."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    cite_made_up(content)
    kiem = content / "units" / "kiem.toml"
    text = kiem.read_text().replace(
        'name = "Dhr. drs. B.F. Steur (Boudewijn)"',
        'name = "Dhr. drs. B.F. Steur (Boudewijn)"\nsince = 2024-03-01',
    )
    own_register = text[text.index("[register]") : text.index("[sources]")]
    text = text.replace(own_register, REGISTER.lstrip() + "\n")
    head = 'director = "organogram-cluster-bestuursondersteuning"'
    assert head in text, "KIEM's head has the source the start date is added to"
    text = text.replace(
        head, f'director = ["organogram-cluster-bestuursondersteuning", "{MADE_UP_SOURCE}"]'
    )
    kiem.write_text(text + _cited_by_made_up("contact") + RELATED)
    com = content / "units" / "com.toml"
    text = com.read_text().replace('kind = "department"', f'kind = "department"\nended = {ENDED}')
    com.write_text(text + _cited_by_made_up("ended"))
    (content / "units" / "proef.toml").write_text(PROEF)
    for unit_id, parent in NAME_ONLY.items():
        lines = ["# Made up for the tests.", f'id = "{unit_id}"', 'kind = "unit"',
                 f'parent = "{parent}"', f'name = "Proefnaam {unit_id}"']  # fmt: skip
        (content / "units" / f"{unit_id}.toml").write_text("\n".join(lines) + made_up_sources())
    return build_site(folder, content=content)


def _cited_by_made_up(fact: str) -> str:
    """A line for the [sources] table that ends a committed unit file."""
    return f'{fact} = "{MADE_UP_SOURCE}"\n'
