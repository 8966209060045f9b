"""`make bench`: the site against baselines measured in the same run, as ratios.

Servers run one worker each on core 0, wrk on core 1 (when there are two),
16 keep-alive connections. The baselines: nginx serving the same bytes as a
static file, and a trivial WSGI app serving them under the site's server (granian, RSGI).
A generated organisation of 1,000 made-up units (benchmarks/organisation.py)
is built in a temporary folder and served beside the committed one.
Absolute figures depend on the machine: the ratios compare.
"""

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

from . import ceiling, load, render, servers
from .organisation import generate
from .report import print_figures, print_table, print_weights

ROOT = servers.ROOT
UNIT_PAGE, OVERVIEW = "/nl/organisatie/kiem/", "/nl/"


def fetch(url: str) -> tuple[int, list, bytes]:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - our own http://127.0.0.1
            return response.status, response.getheaders(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.items(), error.read()


def answers(base: str, paths: list[str]) -> dict[str, tuple[str, list, bytes]]:
    """The site's answer for each path, for the ceiling and nginx to give the same bytes."""
    recorded = {}
    for path in paths:
        status, headers, body = fetch(base + path)
        kept = [(k, v) for k, v in headers if k.lower() not in ("date", "server", "connection")]
        recorded[path] = (f"{status} {'OK' if status == 200 else 'Not Found'}", kept, body)
    return recorded


def page_weights(base: str) -> list[tuple[str, int]]:
    """Every sitemap page, the not-found pages and a confirmation after a choice."""
    sitemap = ElementTree.fromstring(fetch(base + "/sitemap.xml")[2])  # noqa: S314 - our own
    loc = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    paths = [urllib.parse.urlsplit(element.text).path for element in sitemap.iter(loc)]
    paths += ["/nl/bestaat-niet/", "/en/does-not-exist/"]
    weights = [
        (path, render.weight(fetch(base + path)[2], lambda p: fetch(base + p)[2])) for path in paths
    ]
    request = urllib.request.Request(  # noqa: S310 - our own
        base + "/nl/?cookies=saved", headers={"Cookie": "analytics_consent=yes"}
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        confirmation = response.read()
    weights.append(
        ("/nl/?cookies=saved", render.weight(confirmation, lambda p: fetch(base + p)[2]))
    )
    return weights


def unit_paths(base: str) -> list[str]:
    """Every unit page in every language, from the sitemap."""
    sitemap = ElementTree.fromstring(fetch(base + "/sitemap.xml")[2])  # noqa: S314 - our own
    loc = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    paths = [urllib.parse.urlsplit(element.text).path for element in sitemap.iter(loc)]
    return [path for path in paths if path.count("/") == 4 and "/organ" in path]


def measure(scenarios: dict[str, tuple[str, Path | None]], seconds: int, rounds: int) -> dict:
    """Each scenario ({name: (url, wrk script)}) once per round, taking turns: {name: [Run]}."""
    for url, script in scenarios.values():
        load.wrk(url, 1, script)  # warm up
    runs: dict[str, list[load.Run]] = {name: [] for name in scenarios}
    for _ in range(rounds):
        for name, (url, script) in scenarios.items():
            runs[name].append(load.wrk(url, seconds, script))
    return runs


def build_large(folder: Path, units: int) -> tuple[Path, Path, float]:
    """The generated organisation built as `make db` builds: (database, translations, seconds)."""
    content, translations = generate(folder, units)
    database = folder / "site.db"
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--content", str(content)]
    command += ["--translations", str(translations), "--output", str(database)]
    began = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    return database, translations, time.monotonic() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--seconds", type=int, default=3, help="the length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="runs per scenario")
    parser.add_argument("--units", type=int, default=1000, help="the generated organisation's size")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        database, translations, build_seconds = build_large(folder / "large", args.units)
        large_env = {"BZKSITE_DATABASE": str(database), "BZKSITE_TRANSLATIONS": str(translations)}
        ports = {name: servers.free_port() for name in ("site", "trivial", "nginx", "large")}
        site = f"http://127.0.0.1:{ports['site']}"
        large = f"http://127.0.0.1:{ports['large']}"
        with servers.running(servers.server_command("app:app", ports["site"]), ports["site"]) as (
            site_process,
            site_start,
        ):
            recorded = answers(site, [UNIT_PAGE, OVERVIEW])
            weights = page_weights(site)
            with open(folder / "responses.json", "w", encoding="utf-8") as file:
                ceiling.record(recorded, file)
            files = {path: body for path, (_, _, body) in recorded.items()}
            trivial = servers.server_command("benchmarks.ceiling:app", ports["trivial"])
            nginx = servers.nginx_command(folder / "nginx", ports["nginx"], files)
            with (
                servers.running(trivial, ports["trivial"], {"BENCH_RESPONSES": file.name}),
                servers.running(nginx, ports["nginx"]),
                servers.running(servers.server_command("app:app", ports["large"]), ports["large"],
                                large_env) as (large_process, _),
            ):  # fmt: skip
                paths = unit_paths(large)
                began = time.monotonic()
                for path in paths:  # every page read once: the steady state
                    fetch(large + path)
                first_reads = time.monotonic() - began
                scenarios = {
                    "nginx static": (f"http://127.0.0.1:{ports['nginx']}{UNIT_PAGE}", None),
                    "trivial app": (f"http://127.0.0.1:{ports['trivial']}{UNIT_PAGE}", None),
                    "site: unit page": (site + UNIT_PAGE, None),
                    "site: overview": (site + OVERVIEW, None),
                    "site: 404, every path new": (site, load.unknown_paths_script(folder)),
                    "1,000 units: one unit page": (
                        large,
                        load.random_paths_script(folder, [UNIT_PAGE], "one-path"),
                    ),
                    "1,000 units: random unit pages": (
                        large,
                        load.random_paths_script(folder, paths),
                    ),
                }
                print(__doc__.split("\n\n")[1].replace("\n", " "), "\n")
                runs = measure(scenarios, args.seconds, args.rounds)
                large_memory = servers.worker_memory_mb(large_process)
                large_overview = render.weight(
                    fetch(large + OVERVIEW)[2], lambda p: fetch(large + p)[2]
                )
            site_memory = servers.worker_memory_mb(site_process)
        renders = {
            "committed": render.render_ms(
                ROOT / "db" / "site.db", ROOT / "translations", UNIT_PAGE
            ),
            "large": render.render_ms(database, translations, UNIT_PAGE),
        }
    print_table(runs, args.rounds)
    print_figures(
        (len(paths), first_reads), build_seconds, renders, (site_memory, large_memory),
        large_overview, site_start,
    )  # fmt: skip
    print_weights(weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
