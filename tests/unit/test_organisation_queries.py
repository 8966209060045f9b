"""The organisations related to the ministry as make db writes them and the
queries read them: grouped as GOV.UK groups a department's bodies, by name,
current ones only; one with its texts, contact data and sources. The
organisations here are made up for the tests."""

import shutil
from datetime import date

import pytest

from bzksite.db import connect
from bzksite.queries import organisations
from tests.conftest import CONTENT, build_site

# Made up for the tests: one of every kind, and one that ended.
MADE_UP = {
    "zeta": ("agency", "Zeta Dienst", None),
    "alfa": ("agency", "alfa-agentschap", None),
    "raad": ("advisory-body", "Raad voor Proeven", None),
    "zbo": ("independent-body", "Proefautoriteit", None),
    "ext": ("external-committee", "Commissie Proef", None),
    "idc": ("interdepartmental-committee", "Interdepartementale Proef", None),
    "koepel": ("umbrella-organisation", "Vereniging van Proeven", None),
    "ander": ("other", "Andere Proef", None),
    "oud": ("agency", "Oud Agentschap", "2020-01-01"),
}

SOURCE = """
# Made up for the tests.
[verzonnen]
title = "Verzonnen voor de tests"
evidence = "official"
"""


def organisation_file(organisation_id: str, kind: str, name: str, ended: str | None) -> str:
    lines = ["# Made up for the tests.", f'id = "{organisation_id}"', f'kind = "{kind}"']
    lines += [f'name = "{name}"', 'description = ["Verzonnen voor de tests."]']
    if ended:
        lines.append(f"ended = {ended}")
    lines += ["", "[contact]", 'website = "https://www.example.nl/"', "", "[sources]"]
    facts = ["organisation", "description", "contact"] + (["ended"] if ended else [])
    key = "verzonnen"
    lines += [f'{fact} = "{key}"' for fact in facts]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("organisations")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    made_up = content / "organisations"
    shutil.rmtree(made_up)
    made_up.mkdir()
    with (content / "sources.toml").open("a") as sources:
        sources.write(SOURCE)
    for organisation_id, (kind, name, ended) in MADE_UP.items():
        (made_up / f"{organisation_id}.toml").write_text(
            organisation_file(organisation_id, kind, name, ended)
        )
    database = connect(build_site(folder, content=content)["DATABASE"])
    yield database
    database.close()


def test_the_groups_in_order_each_by_name_without_the_ended(db):
    found = organisations.groups(db, "nl")
    assert [(group, [o.id for o in members]) for group, members in found] == [
        ("agency", ["alfa", "zeta"]),
        ("advisory-body", ["raad"]),
        ("independent-body", ["zbo"]),
        ("other", ["ander", "ext", "idc", "koepel"]),
    ]


def test_one_organisation_with_its_texts_contact_and_sources(db):
    found = organisations.organisation(db, "en", "oud")
    assert found.kind == "agency" and found.ended == date(2020, 1, 1)
    assert found.text("name").text == "Oud Agentschap" and found.text("name").is_fallback
    assert found.contact.website == "https://www.example.nl/"
    assert [source.facts for source in found.sources] == [
        ("organisation", "description", "contact", "ended")
    ]
    assert organisations.organisation(db, "en", "bzk") is None, "a unit is no organisation"


def test_every_organisation_has_a_page_the_current_ones_a_place_in_the_sitemap(db):
    assert organisations.every_id(db) == sorted(MADE_UP)
    assert organisations.current_ids(db) == sorted(set(MADE_UP) - {"oud"})
