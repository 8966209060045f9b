"""The checks every answer of the API must pass, used by every API test: its
JSON Schema from docs/api/ (draft 2020-12, formats checked), the content
type, and the CORS header of a GET or HEAD."""

import json
from functools import cache

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from tests.conftest import ROOT

SCHEMAS = ROOT / "docs" / "api"
JSON_TYPE = "application/json; charset=utf-8"


@cache
def schemas() -> dict[str, dict]:
    """{name: schema} of every docs/api/<name>.schema.json."""
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text())
        for path in sorted(SCHEMAS.glob("*.schema.json"))
    }


@cache
def validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas().values()
    )
    return Draft202012Validator(
        schemas()[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def problems(name: str, document: object) -> list[str]:
    """What is wrong with `document` by the schema `name`: one line per error."""
    errors = sorted(validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def check_json(response, schema: str, status: int = 200) -> dict:
    """The document of an API answer, checked: status, content type, CORS for
    a GET (and for nothing else), strict UTF-8 JSON valid by `schema` (by
    error.schema.json for an error)."""
    url = response.request.path
    assert response.status_code == status, f"{url}: {response.status_code}"
    assert response.headers["Content-Type"] == JSON_TYPE, url
    cors = response.headers.get("Access-Control-Allow-Origin")
    assert cors == ("*" if response.request.method == "GET" else None), f"{url}: CORS {cors}"
    document = json.loads(response.data.decode("utf-8"))
    found = problems("error" if status >= 400 else schema, document)
    assert not found, f"{url}: " + "; ".join(found)
    if status >= 400:
        assert document["error"]["status"] == status
    return document


def get_json(client, url: str, schema: str, status: int = 200, **kwargs) -> dict:
    """GET an address of the API and check its answer (check_json)."""
    return check_json(client.get(url, **kwargs), schema, status)
