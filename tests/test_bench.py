"""make bench's own parts that need no wrk: reading wrk's figures and the
ceiling app that replays recorded answers. (The benchmark itself is a
measurement, run by `make bench`, never a test: tests assert no times.)"""

import base64
import importlib.util
import json

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.parametrize(
    ("text", "ms"), [("850.00us", 0.85), ("3.31ms", 3.31), ("1.20s", 1200.0), ("2.00m", 120_000.0)]
)
def test_wrk_latencies_are_read_in_milliseconds(text, ms):
    assert bench.milliseconds(text) == pytest.approx(ms)


def test_the_ceiling_replays_the_recorded_answer(tmp_path, monkeypatch):
    recorded = {
        "/nl/": ["200 OK", [["Content-Type", "text/html"]], base64.b64encode(b"<p>page").decode()],
        "/nl/ 304": ["304 Not Modified", [["ETag", '"x"']], ""],
    }
    responses = tmp_path / "responses.json"
    responses.write_text(json.dumps(recorded))
    monkeypatch.setenv("BENCH_RESPONSES", str(responses))
    monkeypatch.setattr(bench, "_RESPONSES", {})
    started = []
    body = bench.ceiling({"PATH_INFO": "/nl/"}, lambda status, headers: started.append(status))
    assert body == [b"<p>page"] and started == ["200 OK"]
    conditional = {"PATH_INFO": "/nl/", "HTTP_IF_NONE_MATCH": '"x"'}
    assert bench.ceiling(conditional, lambda status, headers: started.append(status)) == [b""]
    assert started[-1] == "304 Not Modified"
