"""The JSON Schemas of docs/api/: valid draft 2020-12 schemas that refuse
what the API never sends, and the examples of docs/api.md valid by them."""

import copy
import json
import re

import pytest
from jsonschema import Draft202012Validator

from bzksite.content.organisations import KINDS as ORGANISATION_KINDS
from bzksite.content.units import KINDS
from tests.apicheck import SCHEMAS, problems, schemas
from tests.conftest import ROOT


def examples() -> list[dict]:
    text = (ROOT / "docs" / "api.md").read_text()
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.DOTALL)]


def schema_of(document: dict) -> str:
    if "units" in document:
        return "organisation"
    if "organisation" in document:
        return "related-organisation"
    return "unit" if "unit" in document else "error"


def test_every_schema_is_a_draft_2020_12_schema_with_its_own_id():
    assert sorted(schemas()) == ["common", "error", "organisation", "related-organisation", "unit"]
    for name, schema in schemas().items():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"urn:bzksite:api:v1:{name}"
    assert {path.name for path in SCHEMAS.iterdir()} == {f"{n}.schema.json" for n in schemas()}


def test_the_examples_in_the_docs_are_valid():
    found = examples()
    assert sorted(schema_of(document) for document in found) == [
        "error",
        "organisation",
        "related-organisation",
        "unit",
    ]
    for document in found:
        assert problems(schema_of(document), document) == [], document


def spoiled(change) -> dict:
    """The unit example of the docs, changed."""
    [document] = [d for d in examples() if schema_of(d) == "unit"]
    document = copy.deepcopy(document)
    change(document["unit"])
    return document


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("an unknown field", lambda unit: unit.update(colour="blue")),
        ("a field missing", lambda unit: unit.pop("ended")),
        ("the organisation's form of parent", lambda unit: unit.update(parent="bo")),
        ("a language that is no code", lambda unit: unit["name"].update(Dutch="Directie")),
        ("an empty text", lambda unit: unit["name"].update(en="")),
        ("a day in words", lambda unit: unit["head"].update(since="1 March 2024")),
        ("a day that does not exist", lambda unit: unit.update(ended="2026-02-30")),
        ("a relative address", lambda unit: unit.update(url="/api/v1/units/kiem.json")),
        ("an unknown kind", lambda unit: unit.update(kind="team")),
        ("an id with capitals", lambda unit: unit.update(id="KIEM")),
    ],
)
def test_the_unit_schema_refuses(what, change):
    assert problems("unit", spoiled(change)), what


def test_the_unit_schema_takes_every_kind_the_content_may_give():
    assert schemas()["common"]["$defs"]["unit"]["properties"]["kind"]["enum"] == list(KINDS)
    for kind in KINDS:
        assert problems("unit", spoiled(lambda unit, kind=kind: unit.update(kind=kind))) == []


def test_the_organisation_and_error_schemas_refuse():
    [organisation] = [d for d in examples() if schema_of(d) == "organisation"]
    organisation["units"][1]["children"] = [{"id": "x"}]
    assert problems("organisation", organisation)
    assert problems("organisation", {**organisation, "units": []})
    assert problems("error", {"error": {"status": 200, "message": "OK"}})
    assert problems("error", {"error": {"status": 404}})


def test_the_organisation_schema_keeps_the_related_organisations_apart():
    [organisation] = [d for d in examples() if schema_of(d) == "organisation"]
    related = organisation["organisations"][0]
    assert problems("organisation", organisation) == []
    assert problems(
        "organisation", {**organisation, "organisations": [{**related, "relation": "part"}]}
    )
    assert problems(
        "organisation", {**organisation, "organisations": [{**related, "parent": "bzk"}]}
    )
    missing = {key: value for key, value in organisation.items() if key != "organisations"}
    assert problems("organisation", missing)


def spoiled_organisation(change) -> dict:
    """The related organisation example of the docs, changed."""
    [document] = [d for d in examples() if schema_of(d) == "related-organisation"]
    document = copy.deepcopy(document)
    change(document["organisation"])
    return document


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("an unknown field", lambda item: item.update(head=None)),
        ("no ministry", lambda item: item.pop("ministry")),
        ("a relation other than related", lambda item: item.update(relation="part")),
        ("a unit's kind", lambda item: item.update(kind="department")),
        ("pages that are null", lambda item: item.update(pages=None)),
        ("a register without its type", lambda item: item["register"].pop("type")),
    ],
)
def test_the_related_organisation_schema_refuses(what, change):
    assert problems("related-organisation", spoiled_organisation(change)), what


def test_the_related_organisation_schema_takes_every_kind_the_content_may_give():
    common = schemas()["common"]["$defs"]["related_organisation"]
    assert common["properties"]["kind"]["enum"] == list(ORGANISATION_KINDS)
