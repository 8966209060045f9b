"""scripts/import_register.py as make import-register runs it, on a copy of the
content and catalogs: the issue's walk-through, a second run, bad files and the
download. Every register unit, id and person here is made up, but the committed
ones. A stopped import: test_import_register_stopped.py."""

import functools
import re
import shutil
import subprocess
import threading
import tomllib
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.register.citationfile import register_key
from bzksite.register.records import DEFAULT_ROOT
from bzksite.sourcefiles import display_path
from tests.conftest import ROOT, build_site
from tests.pagecheck import check_page, text_of
from tests.register_fixtures import EXPORTED
from tests.register_script import AGENCY, build, export, make_checkout, run, snapshot

# The lines of a unit file the register owns, and under [sources] the source of
# a fact it writes; every other line stays as it was.
OWNED = re.compile(
    r"^(kind|parent|order|abbreviation|name|ended|role|since|systeem_id|tooi|url|imported"
    r"|unit|director|contact) = "
)
KEY = register_key(EXPORTED)


@pytest.fixture
def checkout(tmp_path) -> Path:
    return make_checkout(tmp_path / "checkout")


def test_an_import_shows_the_new_unit_and_head_marks_the_end_and_keeps_every_text(
    checkout, tmp_path
):
    content = checkout / "db" / "content"
    before = snapshot(content)
    result = run(checkout, "--file", str(export(tmp_path, checkout)))
    assert result.returncode == 0, result.stderr
    after = snapshot(content)
    assert set(after) - set(before) == {"units/dp.toml"}
    units = [name for name in after if name.startswith("units/")]
    assert result.stdout.splitlines()[:5] == [
        f"new source: {KEY}",
        "new: dp (Directie Proefdata)",
        "ended (history): com (2026-10-01)",
        "new head: ba: Dhr. C. Proef (Directeur)",
        f"{len(units)} unit files written.",
    ], "the first import gives every unit its register ids"
    catalog = (checkout / "translations" / "en" / "LC_MESSAGES" / "content.po").read_text()
    assert 'msgctxt "unit:dp:name"\nmsgid "Directie Proefdata"\nmsgstr ""' in catalog, (
        "the same run brings the new name to the translators"
    )
    for name, old in before.items():
        kept = [line for line in old.decode().splitlines() if not OWNED.match(line)]
        new = iter(after[name].decode().splitlines())
        assert all(line in new for line in kept), (
            f"{name}: a line the register does not own changed"
        )
    assert "Elders" not in " ".join(path.read_text() for path in (content / "units").iterdir())
    assert tomllib.loads(after["units/dp.toml"].decode())["sources"] == {"unit": KEY}
    assert tomllib.loads(after["units/com.toml"].decode())["sources"]["ended"] == KEY
    assert tomllib.loads(after["sources.toml"].decode())[KEY]["date"] == EXPORTED
    assert build(checkout).returncode == 0

    client = create_app(build_site(tmp_path / "site", content=content)).test_client()
    overview = check_page(client, "/nl/", "nl")
    assert "Directie Proefdata (DP)" in text_of(overview.one("div", **{"class": "tree"}))
    assert "Directie Communicatie" not in text_of(overview.one("div", **{"class": "tree"}))
    ba = check_page(client, "/nl/organisatie/ba/", "nl")
    assert "Dhr. C. Proef" in text_of(ba.one("dl", **{"class": "facts"}))
    com = check_page(client, "/en/organisation/com/", "en")
    assert text_of(com.one("p", **{"class": "ended"})).startswith(
        "This unit ended on 1 October 2026."
    )


def test_an_export_without_a_date_is_dated_by_the_day_of_the_import(checkout, tmp_path):
    content = checkout / "db" / "content"
    result = run(checkout, "--file", str(export(tmp_path, checkout, timestamp=None)))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "undated: the export has no timestamp: its facts are dated today"
    today = tomllib.loads((content / "units" / "dp.toml").read_text())["register"]["imported"]
    key = register_key(today)
    assert lines[1] == f"new source: {key}"
    assert tomllib.loads((content / "units" / "dp.toml").read_text())["sources"]["unit"] == key
    assert (content / "sources.toml").read_text().count(f"\n[{key}]\n") == 1
    assert build(checkout).returncode == 0


def test_a_second_import_changes_nothing(checkout, tmp_path):
    path = export(tmp_path, checkout)
    assert run(checkout, "--file", str(path)).returncode == 0
    before = snapshot(checkout)
    again = run(checkout, "--file", str(path))
    assert again.returncode == 0 and again.stdout.startswith("Nothing changed.\nUnchanged: ")
    assert "Wrote" not in again.stdout and "Updated" not in again.stdout
    assert snapshot(checkout) == before


def test_the_related_organisations_are_written_with_the_units_and_ended_when_dropped(
    checkout, tmp_path
):
    content = checkout / "db" / "content"
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    with_agency = export(tmp_path / "with", checkout, related=(AGENCY,))
    without = export(tmp_path / "without", checkout)
    result = run(checkout, "--file", str(with_agency))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "new organisation: apd (Agentschap Proefdata, Agentschap)" in lines
    assert "1 organisation files written." in lines
    agency = tomllib.loads((content / "organisations" / "apd.toml").read_text())
    assert (agency["kind"], agency["name"]) == ("agency", "Agentschap Proefdata")
    assert agency["description"] == ["Een verzonnen agentschap."]
    catalog = (checkout / "translations" / "en" / "LC_MESSAGES" / "content.po").read_text()
    assert 'msgctxt "organisation:apd:description"\nmsgid "Een verzonnen agentschap."' in catalog
    assert build(checkout).returncode == 0

    dropped = run(checkout, "--file", str(without))
    assert dropped.returncode == 0, dropped.stderr
    assert dropped.stdout.splitlines()[:2] == [
        "ended organisation: apd (no longer in the register)",
        "0 unit files written.",
    ]
    assert "ended" in tomllib.loads((content / "organisations" / "apd.toml").read_text())
    assert build(checkout).returncode == 0


def test_a_bad_naam_is_cleaned_or_left_out_with_a_warning_and_never_stops_the_import(
    checkout, tmp_path
):
    content = checkout / "db" / "content"
    agency = replace(AGENCY, name="Agentschap <i>Proefdata</i>")
    path = export(tmp_path, checkout, related=(agency,))
    text = path.read_text(encoding="utf-8")
    text = text.replace(  # the made-up new directie, with markup and a line break
        "<p:naam>Directie Proefdata</p:naam>",
        "<p:naam>Directie &lt;b&gt;Proefdata&lt;/b&gt;\n    Beheer</p:naam>",
    )
    nameless = f"""    <p:organisatie p:systeemId="900097">
      <p:naam> </p:naam>
      <p:relatieMetMinisterie p:resourceIdentifierTOOI="{DEFAULT_ROOT}" p:systeemId="9632"
        >Binnenlandse Zaken en Koninkrijksrelaties</p:relatieMetMinisterie>
    </p:organisatie>\n"""
    text = text.replace(
        "  </p:organisaties>\n</p:overheidsorganisaties>",
        nameless + "  </p:organisaties>\n</p:overheidsorganisaties>",
    )
    path.write_text(text, encoding="utf-8")
    result = run(checkout, "--file", str(path))
    assert result.returncode == 0, result.stderr
    left_out = [line for line in result.stdout.splitlines() if line.startswith("left out: ")]
    assert len(left_out) == 3, result.stdout
    assert left_out[0].endswith(
        "Directie <b>Proefdata</b> Beheer' holds markup; written as 'Directie Proefdata Beheer'"
    )
    assert "written as 'Agentschap Proefdata'" in left_out[1]
    assert left_out[2].endswith(
        "organisatie systeemId 900097: related to the ministry, without a naam; left out"
    )
    assert all(line.startswith(f"left out: {display_path(path)}:") for line in left_out)
    unit = tomllib.loads((content / "units" / "dp.toml").read_text())
    assert unit["name"] == "Directie Proefdata Beheer"
    organisation = tomllib.loads((content / "organisations" / "apd.toml").read_text())
    assert organisation["name"] == "Agentschap Proefdata"
    assert build(checkout).returncode == 0


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<overheidsorganisaties>&lol9;</overheidsorganisaties>
"""


@pytest.mark.parametrize("damage", ["truncated", "entity bomb"])
def test_a_bad_file_stops_and_writes_nothing(checkout, tmp_path, damage):
    """The run is bounded by run()'s timeout: an expanding entity would hang it."""
    path = export(tmp_path, checkout)
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) * 2 // 3])
    else:
        path.write_text(BOMB)
    before = snapshot(checkout)
    result = run(checkout, "--file", str(path))
    assert result.returncode == 1
    assert "export.xml:" in result.stderr and "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(checkout) == before


def test_without_a_file_the_export_is_downloaded_into_the_cache(checkout, tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(export(tmp_path, checkout), served / "exportOO_ministeries.xml")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/exportOO_ministeries.xml"
        cache = tmp_path / "cache"
        result = run(checkout, "--url", url, "--cache", str(cache), "--timeout", "10")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
    assert result.returncode == 0, result.stderr
    assert "new: dp (Directie Proefdata)" in result.stdout
    assert [p.name for p in cache.iterdir()] == ["exportOO_ministeries.xml"]


def test_make_runs_the_import_as_one_process_in_place_of_its_shell():
    """Stopping the recipe stops the import and its catalog steps together."""
    recipe = subprocess.run(
        ["make", "--no-print-directory", "-n", "import-register", "FILE=export.xml"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=30,
    ).stdout.splitlines()  # fmt: skip
    assert recipe[-1].split() == [
        "exec",
        ".venv/bin/python",
        "scripts/import_register.py",
        "--file",
        '"export.xml"',
    ]
    assert [line for line in recipe if "scripts/" in line] == recipe[-1:]
