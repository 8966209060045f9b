"""`make bench`: the site under gunicorn (the settings of `make run`) against
a ceiling, the same gunicorn settings serving the same bytes from a trivial
WSGI app (`ceiling` below), both driven by wrk on 127.0.0.1 in this run.

Prints requests/s and p50/p99 latency for a unit page, the overview, a 304
and a 404, each as a ratio to the ceiling; peak memory per worker; time from
start to first response; and each page's weight (HTML + CSS, gzipped).
Figures depend on the machine: only the ratios compare.
"""

import argparse
import base64
import gzip
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
SCENARIOS = {  # name: (path, send If-None-Match)
    "unit page": ("/nl/organisatie/kiem/", False),
    "overview": ("/nl/", False),
    "304": ("/nl/organisatie/kiem/", True),
    "404": ("/nl/bestaat-niet/", False),
}
TARGETS = {"rps": 0.7, "p99": 1.5, "start": 1.0, "memory": 64, "weight": 14 * 1024}


_RESPONSES: dict = {}


def ceiling(environ, start_response):
    """The trivial app: the status, headers and body the site gave for this path
    (the 304 when If-None-Match is sent), recorded in the file BENCH_RESPONSES names."""
    if not _RESPONSES:
        with open(os.environ["BENCH_RESPONSES"], encoding="utf-8") as file:
            for key, (status, headers, body) in json.load(file).items():
                _RESPONSES[key] = (status, [tuple(h) for h in headers], base64.b64decode(body))
    key = environ["PATH_INFO"] + (" 304" if "HTTP_IF_NONE_MATCH" in environ else "")
    status, headers, body = _RESPONSES[key]
    start_response(status, headers)
    return [body]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(app: str, port: int, env: dict | None = None) -> tuple[subprocess.Popen, float]:
    """gunicorn with gunicorn.conf.py on `port`; the process and seconds to its first answer."""
    command = [str(GUNICORN), "--config", str(ROOT / "gunicorn.conf.py")]
    command += ["--bind", f"127.0.0.1:{port}", "--pythonpath", str(ROOT / "scripts"), app]
    began = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    while True:
        if process.poll() is not None:
            sys.exit(f"gunicorn {app} stopped with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"HEAD /robots.txt HTTP/1.0\r\n\r\n")
                if connection.recv(12):
                    return process, time.monotonic() - began
        except OSError:
            time.sleep(0.005)


def fetch(url: str, headers: dict | None = None) -> tuple[int, list, bytes]:
    # Only http://127.0.0.1 URLs this script makes itself.
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310
            return response.status, response.getheaders(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.items(), error.read()


def record(base: str) -> tuple[dict, str]:
    """What the site answers for each scenario, for the ceiling to replay; the 304's ETag."""
    responses = {}
    etag = ""
    for path, conditional in SCENARIOS.values():
        headers = {"If-None-Match": etag} if conditional else {}
        status, got, body = fetch(base + path, headers)
        etag = etag or dict(got).get("ETag", "")
        reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
        kept = [(k, v) for k, v in got if k.lower() not in ("date", "server", "connection")]
        key = path + (" 304" if conditional else "")
        responses[key] = [f"{status} {reason}", kept, base64.b64encode(body).decode()]
    return responses, etag


def wrk(url: str, seconds: int, etag: str | None) -> dict:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if etag:
        command += ["-H", f"If-None-Match: {etag}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = re.search(r"Socket errors: (.*)", output)
    other = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": errors[1] if errors else "",
        "not 2xx or 3xx": int(other[1]) if other else 0,
    }


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def peak_memory_mb(master: subprocess.Popen) -> float:
    """The largest peak resident size (VmHWM) among the master's workers."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024)
    return max(peaks)


def page_weights(base: str) -> list[tuple[str, int]]:
    """Every sitemap page, the not-found pages and a confirmation after a
    choice: the HTML and its stylesheets, each gzipped, added up."""
    sitemap = ElementTree.fromstring(fetch(base + "/sitemap.xml")[2])  # noqa: S314 - our own
    loc = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    pages = [(urllib.parse.urlsplit(e.text).path, {}) for e in sitemap.iter(loc)]
    pages += [("/nl/bestaat-niet/", {}), ("/en/does-not-exist/", {})]
    pages.append(("/nl/?cookies=saved", {"Cookie": "analytics_consent=yes"}))
    weights = []
    for path, headers in pages:
        html = fetch(base + path, headers)[2]
        links = re.findall(rb"<link\b[^>]*>", html)
        styles = [re.search(rb'href="([^"]+)"', link)[1] for link in links if b"stylesheet" in link]
        css = b"".join(fetch(base + href.decode())[2] for href in styles)
        weights.append((path, len(gzip.compress(html)) + (len(gzip.compress(css)) if css else 0)))
    return weights


def mark(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def compare(ports: tuple[int, int], etag: str, seconds: int, rounds: int) -> dict:
    """Each scenario on the site and on the ceiling, taking turns for `rounds`
    rounds; the medians: {name: (site, ceiling)}."""
    print(f"wrk: 2 threads, 8 connections, {seconds} s a run after 1 s to warm up;", end=" ")
    print(f"the median of {rounds} runs, site and ceiling taking turns\n")
    print(f"{'':<10} {'req/s':>7} {'ceiling':>7} {'ratio':>5}", end="")
    print(
        f"   {'p50 ms':>6} {'ceiling':>7} {'ratio':>5}   {'p99 ms':>6} {'ceiling':>7} {'ratio':>5}"
    )
    results = {}
    for name, (path, conditional) in SCENARIOS.items():
        tag = etag if conditional else None
        urls = [f"http://127.0.0.1:{port}{path}" for port in ports]
        for url in urls:
            wrk(url, 1, tag)
        runs: list[list[dict]] = [[], []]
        for _ in range(rounds):
            for side, url in enumerate(urls):
                runs[side].append(wrk(url, seconds, tag))
        site, top = results[name] = (_median(runs[0]), _median(runs[1]))
        print(
            f"{name:<10} {site['rps']:>7.0f} {top['rps']:>7.0f} {site['rps'] / top['rps']:>5.2f}",
            end="",
        )
        for figure in ("p50", "p99"):
            ratio = site[figure] / top[figure]
            print(f"   {site[figure]:>6.2f} {top[figure]:>7.2f} {ratio:>5.2f}", end="")
        print()
        problems = [run["errors"] for run in runs[0] if run["errors"]]
        if name != "404" and any(run["not 2xx or 3xx"] for run in runs[0]):
            problems.append("answers that are not 2xx or 3xx")
        if problems:
            print(f"  the site had: {'; '.join(problems)}")
    return results


def _median(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in ("rps", "p50", "p99")}


def summary(results: dict, starts: tuple[float, float], memory: float, weights: list) -> None:
    site, top = results["unit page"]
    rps, p99 = site["rps"] / top["rps"], site["p99"] / top["p99"]
    heaviest = max(weights, key=lambda item: item[1])
    over = [path for path, weight in weights if weight > TARGETS["weight"]]
    print(f"\nunit page req/s: {rps:.2f} x the ceiling ({mark(rps >= TARGETS['rps'])}: >= 0.7)")
    print(f"unit page p99: {p99:.2f} x the ceiling ({mark(p99 <= TARGETS['p99'])}: <= 1.5)")
    print(
        f"start to first response: {starts[0]:.2f} s (the ceiling: {starts[1]:.2f} s;"
        f" {mark(starts[0] <= TARGETS['start'])}: <= 1 s)"
    )
    print(
        f"peak memory per worker: {memory:.1f} MB ({mark(memory <= TARGETS['memory'])}: <= 64 MB)"
    )
    print(
        f"page weight, HTML + CSS gzipped: {len(weights)} pages, the heaviest {heaviest[0]}"
        f" {heaviest[1] / 1024:.1f} KB ({mark(not over)}: <= 14 KB each); no JavaScript"
    )
    for path, weight in sorted(weights, key=lambda item: -item[1]):
        print(f"  {weight / 1024:5.1f} KB  {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=3, help="the length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="runs per scenario and side")
    args = parser.parse_args(argv)
    site_port, ceiling_port = free_port(), free_port()
    site, site_start = start("app:app", site_port)
    base = f"http://127.0.0.1:{site_port}"
    try:
        responses, etag = record(base)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            json.dump(responses, file)
        ceiling, ceiling_start = start(
            "bench:ceiling", ceiling_port, {"BENCH_RESPONSES": file.name}
        )
        try:
            results = compare((site_port, ceiling_port), etag, args.seconds, args.rounds)
        finally:
            ceiling.terminate()
            ceiling.wait()
            os.unlink(file.name)
        weights = page_weights(base)
        memory = peak_memory_mb(site)  # after every page was rendered and kept
    finally:
        site.terminate()
        site.wait()
    summary(results, (site_start, ceiling_start), memory, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
