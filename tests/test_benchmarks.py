"""make bench's own parts that need no server: reading wrk's figures, the
ceiling app that replays recorded answers, the generated organisation.
(The benchmark itself is a measurement, run by `make bench`, never a test:
tests assert no times.)"""

import io
import json

import pytest

from benchmarks import ceiling, load
from benchmarks.organisation import generate
from bzksite import create_app
from bzksite.content.sources import read_sources
from bzksite.db import connect
from tests.conftest import CONTENT, build_site


@pytest.mark.parametrize(
    ("text", "ms"), [("850.00us", 0.85), ("3.31ms", 3.31), ("1.20s", 1200.0), ("2.00m", 120_000.0)]
)
def test_wrk_latencies_are_read_in_milliseconds(text, ms):
    assert load.milliseconds(text) == pytest.approx(ms)


def test_the_ceiling_replays_the_recorded_answer(tmp_path, monkeypatch):
    file = io.StringIO()
    ceiling.record({"/nl/": ("200 OK", [("Content-Type", "text/html")], b"<p>page")}, file)
    (tmp_path / "responses.json").write_text(file.getvalue())
    monkeypatch.setenv("BENCH_RESPONSES", str(tmp_path / "responses.json"))
    monkeypatch.setattr(ceiling, "_RESPONSES", {})
    started = []
    body = ceiling.app({"PATH_INFO": "/nl/"}, lambda status, headers: started.append(headers))
    assert body == [b"<p>page"] and started == [[("Content-Type", "text/html")]]
    assert json.loads(file.getvalue())["/nl/"][0] == "200 OK"


def test_the_random_paths_script_names_every_path(tmp_path):
    script = load.random_paths_script(tmp_path, ["/nl/organisatie/a/", "/en/organisation/b/"])
    text = script.read_text()
    assert '"/nl/organisatie/a/", "/en/organisation/b/"' in text and "math.random" in text


def test_the_generated_organisation_has_that_many_made_up_units_in_two_languages(tmp_path):
    # Enough for a second level, so that the deepest unit's parent is made up and translated too.
    total = len(read_sources(CONTENT).units) + 200
    content, translations = generate(tmp_path / "large", total=total)
    files = sorted((content / "units").glob("proef*.toml"))
    assert len(files) == 200
    assert all(f.read_text().startswith("# Made up for `make bench`") for f in files)
    config = build_site(tmp_path / "site", content=content, translations=translations)
    db = connect(config["DATABASE"])
    assert db["units"].count == total
    deepest = max(files).stem
    client = create_app(config).test_client()
    english = client.get(f"/en/organisation/{deepest}/").get_data(as_text=True)
    assert "made up to measure the speed of the site" in english
    # Only the source's Dutch title is marked Dutch: the unit's own texts are translated.
    unit_text, sources = english.split("<main", 1)[1].split("<h2>Sources</h2>")
    assert 'lang="nl"' not in unit_text, "translated, not a fallback"
    assert '<cite lang="nl">Verzonnen voor de tests</cite>' in sources
