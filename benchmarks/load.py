"""wrk, the load generator: one run against one URL or a list of paths,
pinned to its own core, and its figures."""

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS = 16  # as a few browsers keep them: wrk keeps each one alive

# Each request picks a path at random; a fixed seed gives every run the same paths.
_RANDOM_PATHS = """
local paths = {%s}
math.randomseed(1)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""
# A scanner: every request a path the site has never seen.
_UNKNOWN_PATHS = """
math.randomseed(1)
request = function()
  return wrk.format("GET", "/nl/" .. math.random(1, 1000000000) .. "/wp-login.php")
end
"""


@dataclass(frozen=True)
class Run:
    rps: float
    p50: float  # ms
    p99: float  # ms
    errors: str  # wrk's socket errors, when there were any
    unexpected: int  # answers that are not 2xx or 3xx


def cores() -> tuple[list[str], list[str]]:
    """taskset prefixes that put the server on core 0 and wrk on core 1,
    when this process may use two cores; otherwise none."""
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < 2:
        return [], []
    return ["taskset", "-c", str(allowed[0])], ["taskset", "-c", str(allowed[1])]


def wrk(url: str, seconds: float, script: Path | None = None) -> Run:
    command = [*cores()[1], "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = re.search(r"Socket errors: (.*)", output)
    unexpected = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50=milliseconds(latency["50"]),
        p99=milliseconds(latency["99"]),
        errors=errors[1] if errors else "",
        unexpected=int(unexpected[1]) if unexpected else 0,
    )


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def random_paths_script(folder: Path, paths: list[str], name: str = "random-paths") -> Path:
    """A wrk script that asks for one of `paths` at random each time. With one
    path, the run it is compared with: the same work for wrk per request."""
    script = folder / f"{name}.lua"
    script.write_text(_RANDOM_PATHS % ", ".join(f'"{path}"' for path in paths))
    return script


def unknown_paths_script(folder: Path) -> Path:
    script = folder / "unknown-paths.lua"
    script.write_text(_UNKNOWN_PATHS)
    return script
