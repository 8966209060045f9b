"""scripts/import_register.py as make import-register runs it, on a copy of the
content: the issue's walk-through, a second run, bad files and the download.
Every register unit, id and person here is made up, but the committed ones."""

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.register.records import Head, RegisterUnit
from tests.conftest import CONTENT, ROOT, build_site
from tests.pagecheck import check_page, text_of
from tests.register_files import write_export
from tests.register_fixtures import changed, committed_as_register, with_child

DGOBDR = "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat"
NEW = RegisterUnit(
    systeem_id="900099",
    tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg900099",
    name="Directie Proefdata",
    abbreviations=("DP",),
    types=("Organisatieonderdeel",),
)
OTHER_MINISTRY = RegisterUnit(
    systeem_id="900500",
    tooi="https://identifier.overheid.nl/tooi/id/ministerie/mnre9999",
    name="Proefzaken",
    types=("Ministerie",),
    children=(RegisterUnit(systeem_id="900501", tooi=None, name="Directie Elders"),),
)


PROXIES = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
# The lines of a unit file the register owns; every other line stays as it was.
OWNED = re.compile(
    r"^(kind|parent|order|abbreviation|name|ended|role|since|systeem_id|tooi|url|imported) = "
)


def run(content: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The script with settings from the test: no BZKSITE_ variable, no proxy."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("BZKSITE_") and k.lower() not in PROXIES
    }
    return subprocess.run(
        [sys.executable, "scripts/import_register.py", "--content", str(content), *arguments],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def export(tmp_path: Path, content: Path) -> Path:
    """The committed units, a new directie, a new head, an ended unit, another ministry."""
    ministry = with_child(committed_as_register(content), DGOBDR, NEW)
    ministry = changed(
        ministry,
        "Directie Bestuursadvisering",
        head=Head("Directeur", "Dhr. C. Proef", date(2026, 9, 1)),
    )
    ministry = changed(ministry, "Directie Communicatie", end_date=date(2026, 10, 1))
    return write_export(tmp_path / "export.xml", [OTHER_MINISTRY, ministry])


def test_an_import_shows_the_new_unit_and_head_marks_the_end_and_keeps_every_text(
    content, tmp_path
):
    before = snapshot(content)
    result = run(content, "--file", str(export(tmp_path, content)))
    assert result.returncode == 0, result.stderr
    after = snapshot(content)
    assert set(after) - set(before) == {"units/dp.toml"}
    units = [name for name in after if name.startswith("units/")]
    assert result.stdout.splitlines() == [
        "new: dp (Directie Proefdata)",
        "ended: com (2026-10-01)",
        "new head: ba: Dhr. C. Proef (Directeur)",
        f"{len(units)} unit files written.",
    ], "the first import gives every unit its register ids"
    for name, old in before.items():
        kept = [line for line in old.decode().splitlines() if not OWNED.match(line)]
        new = iter(after[name].decode().splitlines())
        assert all(line in new for line in kept), (
            f"{name}: a line the register does not own changed"
        )
    assert "Elders" not in " ".join(path.read_text() for path in (content / "units").iterdir())

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


def test_a_second_import_changes_nothing(content, tmp_path):
    path = export(tmp_path, content)
    assert run(content, "--file", str(path)).returncode == 0
    before = snapshot(content)
    again = run(content, "--file", str(path))
    assert again.returncode == 0 and again.stdout == "Nothing changed.\n"
    assert snapshot(content) == before


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<overheidsorganisaties>&lol9;</overheidsorganisaties>
"""


@pytest.mark.parametrize("damage", ["truncated", "entity bomb"])
def test_a_bad_file_stops_within_seconds_and_writes_nothing(content, tmp_path, damage):
    path = export(tmp_path, content)
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) * 2 // 3])
    else:
        path.write_text(BOMB)
    before = snapshot(content)
    started = time.monotonic()
    result = run(content, "--file", str(path))
    assert time.monotonic() - started < 5
    assert result.returncode == 1
    assert "export.xml:" in result.stderr and "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(content) == before


def test_without_a_file_the_export_is_downloaded_into_the_cache(content, tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(export(tmp_path, content), served / "exportOO_ministeries.xml")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/exportOO_ministeries.xml"
        cache = tmp_path / "cache"
        result = run(content, "--url", url, "--cache", str(cache), "--timeout", "10")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
    assert result.returncode == 0, result.stderr
    assert "new: dp (Directie Proefdata)" in result.stdout
    assert [p.name for p in cache.iterdir()] == ["exportOO_ministeries.xml"]
